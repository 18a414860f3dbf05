"""Imports the way Alibaba Mail's guide has admins do it: the Chinese template, rows without
a password activated through per-row links, security phones, and a GBK export."""

from __future__ import annotations

import csv
import io
import re
from urllib.parse import urlsplit

import httpx

from api.directory.imports.formats import CHINESE_HEADERS, COLUMNS
from tests.directory.test_imports import run_import
from tests.factories.directory import STRONG_PASSWORD
from tests.factories.platform import sign_in

NEW_PASSWORD = "a-fresh-Passw0rd-2026"


def _csv(header: list[str], rows: list[list[str]], encoding: str = "utf-8") -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buf.getvalue().encode(encoding)


async def test_chinese_template_names_the_columns_users_know_and_imports_as_it_is(
    client, org, runtime
):
    resp = await client.get(
        "/v1/directory/import-template", params={"lang": "zh-CN"}, headers=await org.headers()
    )
    assert resp.status_code == 200
    text = resp.content.decode("utf-8-sig")
    header, example = list(csv.reader(io.StringIO(text)))[:2]
    for name in ("姓名", "邮箱地址", "部门", "工号", "手机", "初次登录修改密码"):
        assert name in header
    assert header == [CHINESE_HEADERS[c] for c in COLUMNS]
    # The template itself, with the example row moved to our domain, imports cleanly.
    example[header.index("邮箱地址")] = f"zhang.wei@{org.domain}"
    example[header.index("别名")] = f"wei.zhang@{org.domain}"
    job, rows = await run_import(client, org, runtime, _csv(header, [example]), raw=True)
    assert job["counts"]["created"] == 1, rows
    got = await client.get(f"/v1/accounts/zhang.wei@{org.domain}", headers=await org.headers())
    body = got.json()
    assert body["display_name"] == "张伟" and body["employee_number"] == "E1001"
    assert body["security_phone"] == "+8613800138000"
    assert body["recovery_email"] == "zhangwei@home.example"
    assert body["locale"] == "zh-CN" and body["type"] == "employee"
    assert body["must_change_password"] is True


async def test_rows_without_a_password_get_one_time_activation_links(app, client, org, runtime):
    header = ["姓名", "邮箱地址", "工号", "手机", "初次登录修改密码", "初始密码"]
    data = _csv(header, [
        ["李雷", f"li.lei@{org.domain}", "E2001", "13800000001", "否", ""],
        ["韩梅梅", f"han.meimei@{org.domain}", "E2002", "13800000002", "是", ""],
        ["王芳", f"wang.fang@{org.domain}", "E2003", "13800000003", "是", STRONG_PASSWORD],
    ])
    job, rows = await run_import(client, org, runtime, data, raw=True)
    assert job["counts"]["created"] == 3, rows
    headers = await org.headers()
    first = await client.post(
        f"/v1/directory/imports/{job['id']}/activation-links", params={"limit": 1},
        json={}, headers=headers,
    )
    assert first.status_code == 200, first.text
    page1 = first.json()
    assert [d["row"] for d in page1["data"]] == [2] and page1["next_cursor"]
    second = await client.post(
        f"/v1/directory/imports/{job['id']}/activation-links",
        params={"limit": 10, "cursor": page1["next_cursor"]}, json={}, headers=headers,
    )
    page2 = second.json()
    # Row 4 had a password: no link for it.
    assert [d["address"] for d in page2["data"]] == [f"han.meimei@{org.domain}"]
    assert page2["next_cursor"] is None

    url = page1["data"][0]["url"]
    transport = httpx.ASGITransport(app=app, client=("198.51.100.10", 40000))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as browser:
        path = urlsplit(url).path
        page = await browser.get(path)
        assert page.status_code == 200 and "li.lei@" in page.text
        csrf = re.search(r"name=csrf_token value='([^']+)'", page.text).group(1)  # type: ignore[union-attr]
        done = await browser.post(path, data={
            "csrf_token": csrf, "new_password": NEW_PASSWORD, "confirm_password": NEW_PASSWORD,
        })
        assert done.status_code == 200
        assert (await sign_in(browser, f"li.lei@{org.domain}", NEW_PASSWORD)).status_code == 303
    # Activated accounts drop out of the hand-out.
    again = await client.post(
        f"/v1/directory/imports/{job['id']}/activation-links", json={}, headers=headers
    )
    assert [d["address"] for d in again.json()["data"]] == [f"han.meimei@{org.domain}"]


async def test_another_organisations_import_is_404(client, org, other_org, runtime):
    job, _ = await run_import(
        client, org, runtime,
        _csv(["邮箱地址", "姓名"], [[f"x1@{org.domain}", "X"]]), raw=True,
    )
    resp = await client.post(
        f"/v1/directory/imports/{job['id']}/activation-links", json={},
        headers=await other_org.headers(),
    )
    assert resp.status_code == 404


async def test_bad_security_phone_in_a_row_is_that_rows_error(client, org, runtime):
    data = _csv(["邮箱地址", "姓名", "安全手机", "语言"], [
        [f"ok@{org.domain}", "好", "+8613800000009", "中文"],
        [f"bad@{org.domain}", "坏", "13800000009", "zh-CN"],
        [f"lang@{org.domain}", "语", "+8613800000010", "klingon"],
    ])
    job, rows = await run_import(client, org, runtime, data, raw=True)
    by_row = {r["row"]: r for r in rows}
    assert by_row[2]["status"] == "created"
    assert by_row[3]["status"] == "error" and "security_phone" in by_row[3]["reason"]
    assert by_row[4]["status"] == "error" and "locale" in by_row[4]["reason"]


async def test_export_in_gbk_with_chinese_headers(client, org, runtime):
    data = _csv(["邮箱地址", "姓名"], [[f"zhou@{org.domain}", "周杰"]])
    await run_import(client, org, runtime, data, raw=True)
    resp = await client.get(
        "/v1/directory/export", params={"encoding": "gbk", "lang": "zh-CN"},
        headers=await org.headers(),
    )
    assert resp.status_code == 200
    assert "charset=gbk" in resp.headers["content-type"]
    text = resp.content.decode("gbk")
    assert text.startswith("邮箱地址,姓名") and "周杰" in text
    bad = await client.get(
        "/v1/directory/export", params={"encoding": "latin-1"}, headers=await org.headers()
    )
    assert bad.status_code == 422
