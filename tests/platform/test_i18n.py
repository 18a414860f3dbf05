"""Chinese as a first language: one Babel catalogue with both languages for every message,
problem documents and GraphQL errors in Accept-Language (else the person's, else the
organisation's language), localised pages and folder names, organisation defaults."""

from __future__ import annotations

import ast
import re
from pathlib import Path
from string import Formatter

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

import api.app  # noqa: F401  (loads every module, so every AppError subclass is known)
from api.errors import AppError
from api.i18n import (
    catalogue_path,
    from_accept_language,
    translate,
)
from api.identity.scopes import SCOPES
from api.mail.folders.names import ROLE_NAMES
from tests.factories.directory import audit_actions, create_account, event_types
from tests.factories.platform import user_tokens

API = Path(api.app.__file__).resolve().parent
KEYWORDS = {"_": None, "Msg": None, "translate": (2,), "_t": (2,), "localise": (1,)}


def _entries(locale: str) -> dict[str, str]:
    with catalogue_path(locale).open("rb") as handle:
        return {str(m.id): str(m.string) for m in read_po(handle) if m.id}


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in Formatter().parse(text) if name}


def _all_subclasses(cls: type) -> list[type]:
    out = []
    for sub in cls.__subclasses__():
        out += [sub, *_all_subclasses(sub)]
    return out


def test_every_message_has_both_languages_with_the_same_placeholders() -> None:
    en, zh = _entries("en"), _entries("zh-CN")
    assert set(en) == set(zh) and len(en) > 50
    for msgid in en:
        assert en[msgid].strip(), f"no English for {msgid!r}"
        assert zh[msgid].strip(), f"no Chinese for {msgid!r}"
        assert _fields(en[msgid]) == _fields(msgid) == _fields(zh[msgid]), msgid


def test_every_message_the_code_uses_is_in_the_catalogue() -> None:
    known = set(_entries("zh-CN"))
    used: set[str] = set()
    for _file, _line, message, _comments, _ctx in [
        (m[0], m[1], m[2], m[3], m[4]) for m in extract_from_dir(str(API), keywords=KEYWORDS)
    ]:
        if isinstance(message, str) and message and not message.startswith("{"):
            used.add(message)
    titles = {cls.title for cls in [AppError, *_all_subclasses(AppError)]}
    used |= titles | set(SCOPES.values()) | set(ROLE_NAMES.values())
    missing = sorted(m for m in used if m not in known)
    assert not missing, f"not in api/locale/*/mailplane.po: {missing}"


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("zh-CN", "zh-CN"), ("zh", "zh-CN"), ("zh-Hans-CN,zh;q=0.9", "zh-CN"),
        ("en-US,en;q=0.9", "en"), ("fr-FR, zh-CN;q=0.8, en;q=0.5", "zh-CN"),
        ("en;q=0.1, zh-CN;q=0.9", "zh-CN"), ("zh-TW", None), ("*", None), ("", None),
        ("zh-CN;q=0", None), ("x" * 5000, None), ("zh-CN;q=abc, en", "en"),
    ],
)
def test_accept_language_negotiation(header: str, expected: str | None) -> None:
    assert from_accept_language(header) == expected


def test_translate_falls_back_to_english_and_never_formats_the_values() -> None:
    assert translate("zh-CN", "Inbox") == "收件箱"
    assert translate("zh-CN", "An unknown sentence.") == "An unknown sentence."
    hostile = translate("zh-CN", "No account {ref}.", ref="{0.__class__}")
    assert hostile == "没有账号 {0.__class__}。"


# --- problem documents ------------------------------------------------------------------


# Protocol doors answer in their protocol's words (IMAP/POP3 response text, DAV error
# bodies read by client software), as Dovecot and Radicale do; every API problem is translated.
_PROTOCOL_PACKAGES = ("dav", "imap", "pop3")


def _problem_details() -> list[tuple[str, int, ast.expr]]:
    """(file, line, detail expression) of every AppError subclass built in the API code."""
    names = {cls.__name__ for cls in [AppError, *_all_subclasses(AppError)]}
    found = []
    for path in sorted(API.rglob("*.py")):
        if path.relative_to(API).parts[0] in _PROTOCOL_PACKAGES:
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = getattr(func, "id", None) or getattr(func, "attr", None)
            if name not in names:
                continue
            details = node.args[:1] + [k.value for k in node.keywords if k.arg == "detail"]
            found += [(str(path.relative_to(API)), node.lineno, d) for d in details]
    return found


def test_every_problem_detail_is_a_catalogued_message() -> None:
    """No f-string details (they cannot be translated) and no plain detail outside the catalogue."""
    known = set(_entries("zh-CN"))
    details = _problem_details()
    assert len(details) > 300
    untranslatable = [
        f"{file}:{line}"
        for file, line, detail in details
        if isinstance(detail, ast.JoinedStr)
        or (isinstance(detail, ast.Constant) and isinstance(detail.value, str)
            and detail.value not in known)
    ]
    assert not untranslatable, f"use _() / Msg() with a catalogued msgid: {untranslatable}"


async def test_problem_details_of_every_domain_follow_accept_language(client, org) -> None:
    headers = {**await org.headers(), "Accept-Language": "zh-CN"}
    amy = await create_account(org, "amy")
    cases = [
        (f"/v1/accounts/{amy['id']}/calendar/calendars/cal_missing", "没有日历 cal_missing。"),
        (f"/v1/accounts/{amy['id']}/contacts/contact_missing", "没有联系人 contact_missing。"),
        (f"/v1/accounts/{amy['id']}/mail/folders/fld_missing", "没有文件夹 fld_missing。"),
        ("/v1/departments/dep_missing", "没有部门 dep_missing。"),
        ("/v1/webhooks/wh_missing", "没有 Webhook wh_missing。"),
        ("/v1/directory/migrations/mig_missing", "没有迁移任务 mig_missing。"),
    ]
    for path, detail in cases:
        resp = await client.get(path, headers=headers)
        assert resp.status_code == 404, (path, resp.text)
        assert resp.json()["detail"] == detail, path
        english = await client.get(path, headers={**headers, "Accept-Language": "en"})
        assert english.json()["code"] == resp.json()["code"]
        assert "没有" not in english.json()["detail"]




async def test_problem_title_and_detail_follow_accept_language_and_code_never_changes(
    client, org
) -> None:
    headers = await org.headers()
    en = await client.get("/v1/accounts/nobody@acme.test", headers=headers)
    zh = await client.get(
        "/v1/accounts/nobody@acme.test", headers={**headers, "Accept-Language": "zh-CN"}
    )
    assert en.status_code == zh.status_code == 404
    assert en.json()["code"] == zh.json()["code"] == "not_found"
    assert en.json()["title"] == "Not found" and zh.json()["title"] == "未找到"
    assert zh.json()["detail"] == "没有账号 nobody@acme.test。"
    unauth = await client.get("/v1/accounts", headers={"Accept-Language": "zh-CN"})
    assert unauth.status_code == 401 and unauth.json()["title"] == "需要身份验证"
    bad = await client.post(
        "/v1/accounts", json={"address": "x@acme.test", "display_name": "X", "org_id": "o"},
        headers={**headers, "Accept-Language": "zh-CN,zh;q=0.9"},
    )
    assert bad.status_code == 422 and bad.json()["param"] == "org_id"
    assert bad.json()["detail"] == "org_id：未知或只读字段"
    assert bad.json()["code"] == "validation_failed"


async def test_without_a_header_the_organisation_then_the_person_decides(client, org) -> None:
    headers = await org.headers()
    patched = await client.patch("/v1/organization", json={"locale": "zh-CN"}, headers=headers)
    assert patched.status_code == 200, patched.text
    org.runtime.tokens.clear()
    resp = await client.get("/v1/accounts/nobody@acme.test", headers=headers)
    assert resp.json()["title"] == "未找到"
    english = await client.get(
        "/v1/accounts/nobody@acme.test", headers={**headers, "Accept-Language": "en"}
    )
    assert english.json()["title"] == "Not found"
    # A person who chose English keeps English in a Chinese organisation.
    await create_account(org, "amy", locale="en")
    tokens = await user_tokens(org, "amy@acme.test", "directory:read mail:read")
    mine = await client.get(
        "/v1/accounts/nobody@acme.test",
        headers={"Authorization": f"Bearer {tokens['access_token']}"},
    )
    assert mine.json()["title"] == "Not found"


async def test_graphql_errors_follow_accept_language(client, org) -> None:
    resp = await client.post(
        "/graphql", json={"query": '{ account(id: "nobody@acme.test") { id } }'},
        headers={**await org.headers(), "Accept-Language": "zh-CN"},
    )
    error = resp.json()["errors"][0]
    assert error["message"] == "没有账号 nobody@acme.test。"
    assert error["extensions"]["code"] == "not_found"


# --- folders, pages ---------------------------------------------------------------------


async def test_system_folders_keep_ids_and_roles_with_names_in_the_persons_language(
    client, org
) -> None:
    made = await create_account(org, "wang", locale="zh-CN")
    headers = await org.headers()
    zh = (await client.get(f"/v1/accounts/{made['id']}/mail/folders", headers=headers)).json()[
        "data"
    ]
    names = {f["role"]: f["display_name"] for f in zh if f["role"]}
    assert names["inbox"] == "收件箱" and names["sent"] == "已发送"
    assert names["drafts"] == "草稿箱" and names["trash"] == "已删除"
    assert names["junk"] == "垃圾邮件"
    en = (await client.get(
        f"/v1/accounts/{made['id']}/mail/folders", headers={**headers, "Accept-Language": "en"}
    )).json()["data"]
    assert [(f["id"], f["role"], f["name"]) for f in en] == [
        (f["id"], f["role"], f["name"]) for f in zh
    ]
    assert {f["role"]: f["display_name"] for f in en if f["role"]}["inbox"] == "Inbox"
    counts = (await client.get(f"/v1/accounts/{made['id']}/mail/counts", headers=headers)).json()
    assert {f["role"]: f["display_name"] for f in counts["folders"]}["inbox"] == "收件箱"
    gql = await client.post(
        "/graphql",
        json={"query": "query($a: String!) { mailFolders(account: $a) { role displayName } }",
              "variables": {"a": made["address"]}},
        headers=headers,
    )
    got = {f["role"]: f["displayName"] for f in gql.json()["data"]["mailFolders"]}
    assert got["junk"] == "垃圾邮件"


async def test_sign_in_page_in_chinese_and_english(client) -> None:
    en = await client.get("/oauth/login", headers={"Accept-Language": "en-GB"})
    assert "Sign in" in en.text and "登录" not in en.text
    zh = await client.get("/oauth/login", headers={"Accept-Language": "zh-CN"})
    assert "<html lang=zh-CN>" in zh.text and "登录" in zh.text and "邮箱地址" in zh.text
    wrong = await client.post(
        "/oauth/login",
        data={"address": "a@acme.test", "password": "x",
              "csrf_token": re.search(r"value='([^']+)'>", zh.text).group(1),  # type: ignore[union-attr]
              "next": "/oauth/authorize"},
        headers={"Accept-Language": "zh-CN"},
    )
    assert wrong.status_code == 401 and "邮箱地址或密码错误" in wrong.text


# --- organisation settings --------------------------------------------------------------


async def test_organisation_locale_and_time_zone_are_settable_and_audited(
    client, org, other_org
) -> None:
    headers = await org.headers()
    got = (await client.get("/v1/organization", headers=headers)).json()
    assert got["locale"] == "en" and got["time_zone"] == "UTC" and got["id"] == org.id
    patched = await client.patch(
        "/v1/organization", json={"locale": "zh-CN", "time_zone": "Asia/Shanghai"},
        headers=headers,
    )
    assert patched.status_code == 200
    assert (patched.json()["locale"], patched.json()["time_zone"]) == ("zh-CN", "Asia/Shanghai")
    assert "organization.updated" in await audit_actions(org)
    assert "directory.organization.updated" in await event_types(org)
    theirs = (await client.get("/v1/organization", headers=await other_org.headers())).json()
    assert theirs["locale"] == "en" and theirs["id"] == other_org.id
    gql = await client.post(
        "/graphql", json={"query": "{ organization { locale timeZone } }"}, headers=headers
    )
    assert gql.json()["data"]["organization"] == {"locale": "zh-CN", "timeZone": "Asia/Shanghai"}


@pytest.mark.parametrize(
    "body",
    [{"locale": "fr"}, {"time_zone": "Nowhere/City"}, {"time_zone": None}, {"id": "org_x"},
     {"locale": None}, {"migration_private_networks": ["10.0.0.0/8"] * 51}],
)
async def test_bad_organisation_settings_are_422(client, org, body) -> None:
    resp = await client.patch("/v1/organization", json=body, headers=await org.headers())
    assert resp.status_code == 422, resp.text
    assert (await client.get("/v1/organization", headers=await org.headers())).json()[
        "locale"
    ] == "en"


async def test_members_cannot_change_organisation_settings(client, org) -> None:
    await create_account(org, "bo")
    tokens = await user_tokens(org, "bo@acme.test", "directory:read directory:write")
    resp = await client.patch(
        "/v1/organization", json={"locale": "zh-CN"},
        headers={"Authorization": f"Bearer {tokens['access_token']}"},
    )
    assert resp.status_code == 403
