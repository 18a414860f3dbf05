"""Bulk import and export: formats, encodings, dry runs, re-runs, per-row errors, limits."""

from __future__ import annotations

import csv
import io
import zipfile

import openpyxl
from sqlalchemy import func, select

from api.directory.imports.formats import COLUMNS, EXPORT_COLUMNS
from api.storage.models import Account, DirectoryImportRow
from api.worker.runner import run_once
from tests.factories.directory import create_account, event_types
from tests.factories.platform import sign_in


def csv_file(
    rows: list[dict[str, str]], columns: list[str] | None = None, encoding: str = "utf-8"
) -> bytes:
    columns = columns or list(rows[0])
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow(row)
    return buf.getvalue().encode(encoding)


async def upload(
    client,
    org,
    data: bytes,
    *,
    dry_run: bool = False,
    name: str = "people.csv",
    raw: bool = False,
    **params,
):
    headers = await org.headers()
    query = {"dry_run": str(dry_run).lower(), **params}
    if raw:
        return await client.post(
            "/v1/directory/imports",
            content=data,
            params=query,
            headers={**headers, "Content-Type": "text/csv"},
        )
    return await client.post(
        "/v1/directory/imports", files={"file": (name, data)}, params=query, headers=headers
    )


async def run_import(client, org, runtime, data: bytes, **kw) -> tuple[dict, list[dict]]:
    resp = await upload(client, org, data, **kw)
    assert resp.status_code == 202, resp.text
    assert resp.json()["status"] == "queued"
    assert resp.headers["location"] == f"/v1/directory/imports/{resp.json()['id']}"
    await run_once(runtime, "test-worker")
    job = (await client.get(resp.headers["location"], headers=await org.headers())).json()
    rows = (
        await client.get(
            f"{resp.headers['location']}/rows", params={"limit": 500}, headers=await org.headers()
        )
    ).json()["data"]
    return job, rows


PEOPLE = [
    {
        "address": "zhang.wei@acme.test",
        "display_name": "张伟",
        "employee_number": "E1",
        "departments": "Sales/East",
        "password": "Sehr-geheim-2024",
        "mobile": "13800000001",
        "manager": "E2",
        "aliases": "wei@acme.test",
    },
    {
        "address": "li.na@acme.test",
        "display_name": "李娜",
        "employee_number": "E2",
        "departments": "Sales",
        "password": "",
        "mobile": "",
        "manager": "",
        "aliases": "",
    },
]


async def test_template_downloads_in_both_formats(client, org):
    h = await org.headers("directory:read")
    resp = await client.get("/v1/directory/import-template", headers=h)
    assert resp.status_code == 200 and resp.headers["content-type"].startswith("text/csv")
    header = next(csv.reader(io.StringIO(resp.content.decode("utf-8-sig"))))
    assert header == COLUMNS
    resp = await client.get("/v1/directory/import-template", params={"format": "xlsx"}, headers=h)
    sheet = openpyxl.load_workbook(io.BytesIO(resp.content)).active
    assert [c.value for c in sheet[1]] == COLUMNS


async def test_import_creates_accounts_departments_aliases_and_managers(client, org, runtime):
    job, rows = await run_import(client, org, runtime, csv_file(PEOPLE))
    assert job["status"] == "completed", job
    assert job["counts"] == {"created": 2, "updated": 0, "unchanged": 0, "error": 0}
    assert [r["status"] for r in rows] == ["created", "created"]
    assert [r["row"] for r in rows] == [2, 3]
    h = await org.headers()
    zhang = (await client.get("/v1/accounts/employee_number:E1", headers=h)).json()
    li = (await client.get("/v1/accounts/li.na@acme.test", headers=h)).json()
    assert zhang["display_name"] == "张伟" and zhang["aliases"] == ["wei@acme.test"]
    assert zhang["manager_id"] == li["id"]  # a manager further down the file
    deps = (await client.get("/v1/departments", headers=h)).json()["data"]
    paths = {d["id"]: d["path"] for d in deps}
    assert (
        paths[zhang["department_ids"][0]] == "Sales/East"
        and paths[li["department_ids"][0]] == "Sales"
    )
    assert (await sign_in(client, "zhang.wei@acme.test", "Sehr-geheim-2024")).status_code == 303
    # no password column value: the account exists but cannot sign in until a reset
    assert (await sign_in(client, "li.na@acme.test", "")).status_code == 401
    types = await event_types(org)
    assert types.count("directory.account.created") >= 2
    assert types[-1] == "directory.import.completed"


async def test_rerunning_a_file_is_idempotent_and_changes_are_updates(client, org, runtime):
    await run_import(client, org, runtime, csv_file(PEOPLE))
    job, rows = await run_import(client, org, runtime, csv_file(PEOPLE))
    assert job["counts"] == {"created": 0, "updated": 0, "unchanged": 2, "error": 0}, rows
    changed = [dict(PEOPLE[0], job_title="Director", address="wei.zhang@acme.test", aliases="")]
    job, rows = await run_import(client, org, runtime, csv_file(changed))
    # matched by employee number: the address moved and the old one became an alias
    assert rows[0]["status"] == "updated", rows
    assert set(rows[0]["changed"]) >= {"address", "job_title"}
    got = (await client.get("/v1/accounts/employee_number:E1", headers=await org.headers())).json()
    assert got["address"] == "wei.zhang@acme.test" and "zhang.wei@acme.test" in got["aliases"]


async def test_dry_run_reports_and_changes_nothing(client, org, runtime):
    existing = await create_account(org, "li.na", employee_number="E2", display_name="Li Na")
    job, rows = await run_import(client, org, runtime, csv_file(PEOPLE), dry_run=True)
    assert job["dry_run"] is True and job["status"] == "completed"
    assert [r["status"] for r in rows] == ["created", "updated"], rows
    async with runtime.db.session(write=False) as s:
        count = await s.scalar(
            select(func.count()).select_from(Account).where(Account.org_id == org.id)
        )
    assert count == 2  # the admin and li.na
    deps = (await client.get("/v1/departments", headers=await org.headers())).json()["data"]
    assert [d["parent_id"] for d in deps] == [None]
    again = (await client.get(f"/v1/accounts/{existing['id']}", headers=await org.headers())).json()
    assert again["display_name"] == "Li Na"


async def test_bad_rows_are_errors_and_leave_nothing_behind(client, org, runtime):
    await create_account(org, "taken")
    rows_in = [
        {
            "address": "ok@acme.test",
            "display_name": "Ok",
            "aliases": "",
            "mobile": "",
            "quota_mb": "",
        },
        {
            "address": "bad address",
            "display_name": "X",
            "aliases": "",
            "mobile": "",
            "quota_mb": "",
        },
        {
            "address": "ok@acme.test",
            "display_name": "Dup",
            "aliases": "",
            "mobile": "",
            "quota_mb": "",
        },
        {
            "address": "half@acme.test",
            "display_name": "Half",
            "aliases": "taken@acme.test",
            "mobile": "",
            "quota_mb": "",
        },
        {
            "address": "x@globex.test",
            "display_name": "X",
            "aliases": "",
            "mobile": "",
            "quota_mb": "",
        },
        {
            "address": "nameless@acme.test",
            "display_name": "",
            "aliases": "",
            "mobile": "",
            "quota_mb": "",
        },
        {
            "address": "phone@acme.test",
            "display_name": "P",
            "aliases": "",
            "mobile": "abc",
            "quota_mb": "",
        },
        {
            "address": "quota@acme.test",
            "display_name": "Q",
            "aliases": "",
            "mobile": "",
            "quota_mb": "lots",
        },
    ]
    job, rows = await run_import(client, org, runtime, csv_file(rows_in))
    assert [r["status"] for r in rows] == ["created"] + ["error"] * 7, rows
    reasons = [r["reason"] for r in rows[1:]]
    assert "not valid" in reasons[0]
    assert "also on row 2" in reasons[1]
    assert "already used" in reasons[2]
    assert "not one of this organisation's domains" in reasons[3]
    assert "display_name" in reasons[4]
    assert "mobile" in reasons[5] and "quota_mb" in reasons[6]
    assert job["counts"]["error"] == 7
    h = await org.headers()
    assert (await client.get("/v1/accounts/half@acme.test", headers=h)).status_code == 404
    errors = (
        await client.get(
            f"/v1/directory/imports/{job['id']}/rows", params={"status": "error"}, headers=h
        )
    ).json()["data"]
    assert len(errors) == 7


async def test_gb18030_file_with_chinese_headers(client, org, runtime):
    text = (
        "邮箱,姓名,工号,手机,职位,部门\nwang.fang@acme.test,王芳,G7,13912345678,经理,销售部/华东\n"
    )
    job, rows = await run_import(client, org, runtime, text.encode("gb18030"), raw=True)
    assert rows[0]["status"] == "created", rows
    got = (await client.get("/v1/accounts/wang.fang@acme.test", headers=await org.headers())).json()
    assert (
        got["display_name"] == "王芳"
        and got["job_title"] == "经理"
        and got["employee_number"] == "G7"
    )
    gbk = "邮箱,姓名\nli.lei@acme.test,李雷\n".encode("gbk")
    job, rows = await run_import(client, org, runtime, gbk, raw=True)
    assert rows[0]["status"] == "created"


async def test_xlsx_import(client, org, runtime):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["address", "display_name", "employee_number", "mobile", "quota_mb"])
    sheet.append(["x1@acme.test", "Xlsx One", 1001, 13800000009, 512])
    out = io.BytesIO()
    book.save(out)
    job, rows = await run_import(client, org, runtime, out.getvalue(), name="people.xlsx")
    assert job["format"] == "xlsx" and rows[0]["status"] == "created", rows
    got = (await client.get("/v1/accounts/x1@acme.test", headers=await org.headers())).json()
    assert got["employee_number"] == "1001" and got["mobile"] == "13800000009"
    assert got["quota_bytes"] == 512 * 1024 * 1024


async def test_malformed_files_are_refused_at_upload(client, org):
    cases = [
        (b'address,display_name\n"broken@acme.test,Oops\n', "import_malformed"),
        (b'address,display_name\nbad"quote@acme.test,X\n"a"b,c\n', "import_malformed"),
        (b"address,colour\nx@acme.test,red\n", "import_columns"),
        (b"display_name\nX\n", "import_columns"),
        (b"address,address\nx@acme.test,y@acme.test\n", "import_columns"),
        (b"address,display_name\nx@acme.test,X,extra,cells\n", "import_malformed"),
        (b"\xff\xfe\xfd" + "ü".encode("latin-1") * 3, "import_columns"),
        (b"PK\x03\x04not really a zip", "import_malformed"),
        (b"", "import_malformed"),
    ]
    for data, code in cases:
        resp = await upload(client, org, data)
        assert resp.status_code == 422, (data, resp.text)
        assert resp.json()["code"] == code, (data, resp.json())


async def test_too_large_and_too_many_rows(client, org, runtime):
    runtime.settings.directory_import_max_bytes = 10_000
    big = b"address,display_name\n" + b"".join(f"u{i}@acme.test,U\n".encode() for i in range(1000))
    resp = await upload(client, org, big)
    assert resp.status_code == 413 and resp.json()["code"] == "payload_too_large"
    resp = await upload(client, org, big, raw=True)
    assert resp.status_code == 413
    runtime.settings.directory_import_max_bytes = 10_000_000
    runtime.settings.directory_import_max_rows = 10
    resp = await upload(client, org, big)
    assert resp.status_code == 422 and resp.json()["code"] == "import_too_many_rows"


async def test_xlsx_zip_bomb_is_refused(client, org):
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/worksheets/sheet1.xml", b"\0" * (300 * 1024 * 1024))
    resp = await upload(client, org, bomb.getvalue(), name="bomb.xlsx")
    assert resp.status_code == 413, resp.text
    assert resp.json()["code"] == "import_zip_bomb"


async def test_scopes_and_isolation_of_imports(client, org, other_org, runtime):
    resp = await upload(client, org, csv_file(PEOPLE))
    job_id = resp.json()["id"]
    assert (
        await client.get(f"/v1/directory/imports/{job_id}", headers=await other_org.headers())
    ).status_code == 404
    read_only = await client.post(
        "/v1/directory/imports",
        files={"file": ("a.csv", csv_file(PEOPLE))},
        headers=await org.headers("directory:read"),
    )
    assert read_only.status_code == 403


async def test_export_escapes_formulas_and_round_trips(client, org, runtime):
    await run_import(client, org, runtime, csv_file(PEOPLE))
    await create_account(
        org, "evil", display_name='=HYPERLINK("http://x","y")', job_title="@SUM(A1)"
    )
    resp = await client.get("/v1/directory/export", headers=await org.headers())
    assert resp.status_code == 200
    text = resp.content.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert list(rows[0]) == EXPORT_COLUMNS
    evil = next(r for r in rows if r["address"] == "evil@acme.test")
    assert evil["display_name"].startswith("'=") and evil["job_title"] == "'@SUM(A1)"
    zhang = next(r for r in rows if r["address"] == "zhang.wei@acme.test")
    assert zhang["mobile"] == "'+13800000001" or zhang["mobile"] == "13800000001"
    assert zhang["departments"] == "Sales/East" and zhang["manager"] == "li.na@acme.test"
    job, results = await run_import(client, org, runtime, resp.content)
    assert job["counts"]["error"] == 0 and job["counts"]["updated"] == 0, results
    gb = await client.get(
        "/v1/directory/export", params={"encoding": "gb18030"}, headers=await org.headers()
    )
    assert "张伟" in gb.content.decode("gb18030")
    xlsx = await client.get(
        "/v1/directory/export", params={"format": "xlsx"}, headers=await org.headers()
    )
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx.content)).active
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[0] == EXPORT_COLUMNS
    assert any(v[1] == '\'=HYPERLINK("http://x","y")' for v in values)


async def test_two_thousand_rows_import(client, org, runtime):
    people = [
        {
            "address": f"user{i}@acme.test",
            "display_name": f"User {i}",
            "departments": f"D{i % 7}/T{i % 3}",
        }
        for i in range(2000)
    ]
    job, _ = await run_import(client, org, runtime, csv_file(people))
    assert job["counts"]["created"] == 2000 and job["processed_rows"] == 2000
    async with runtime.db.session(write=False) as s:
        assert await s.scalar(select(func.count()).select_from(DirectoryImportRow)) == 2000


async def test_sdk_uploads_an_import_and_reads_the_job(settings, org, runtime):
    from mailplane_sdk import Mailplane
    from mailplane_sdk.generated.api.imports import create_import, get_import
    from mailplane_sdk.generated.models import CreateImportBody
    from mailplane_sdk.generated.types import File

    from tests.live_server import live_server

    data = csv_file(PEOPLE)
    with live_server(settings) as url:
        with Mailplane(url, org.client_id, org.client_secret, scopes=["directory:write"]) as mp:
            body = CreateImportBody(file=File(payload=io.BytesIO(data), file_name="people.csv"))
            job = create_import.sync(client=mp.generated, body=body, dry_run=True)
            assert job is not None and job.total_rows == 2, job
            again = get_import.sync(job.id, client=mp.generated)
            assert again is not None and again.status in ("queued", "running", "completed")
