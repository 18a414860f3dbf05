"""A new account's first password: security phone and recovery address, one-time activation
links, single-use login links (Exmail's get_login_url), and first-login password changes."""

from __future__ import annotations

import re
from datetime import timedelta
from urllib.parse import urlsplit

import httpx
import pytest
from sqlalchemy import select, update

from api.kit.clock import utcnow
from api.storage.models import AccountLink, MailMessage
from tests.factories.directory import (
    STRONG_PASSWORD,
    audit_actions,
    create_account,
    event_types,
)
from tests.factories.platform import sign_in

NEW_PASSWORD = "a-fresh-Passw0rd-2026"


def _path(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def _csrf(html: str) -> str:
    match = re.search(r"name=csrf_token value='([^']+)'", html)
    assert match, html
    return match.group(1)


async def _fresh_client(app) -> httpx.AsyncClient:  # type: ignore[no-untyped-def]
    """Another browser: no cookies shared with the admin's client."""
    transport = httpx.ASGITransport(app=app, client=("198.51.100.9", 40000))
    return httpx.AsyncClient(transport=transport, base_url="http://testserver")


async def _open_login_link(
    browser: httpx.AsyncClient, url: str, params: dict[str, str] | None = None
) -> httpx.Response:
    """What a person does: open the link (a page, nothing used up), press Continue."""
    page = await browser.get(_path(url), params=params)
    if page.status_code != 200:
        return page
    assert "mp_session" not in page.cookies
    next_path = re.search(r"name=next value='([^']*)'", page.text)
    return await browser.post(
        _path(url).split("?")[0],
        data={"csrf_token": _csrf(page.text), "next": next_path.group(1) if next_path else ""},
    )


async def _activate(browser: httpx.AsyncClient, url: str, password: str) -> httpx.Response:
    page = await browser.get(_path(url))
    assert page.status_code == 200, page.text
    return await browser.post(
        _path(url),
        data={"csrf_token": _csrf(page.text), "new_password": password,
              "confirm_password": password},
    )


# --- security phone, recovery address -----------------------------------------------------


async def test_security_phone_and_recovery_email_round_trip_and_a_new_number_is_unverified(org):
    made = await create_account(
        org, "alice", security_phone="+86 138-0013-8000", security_phone_verified=True,
        recovery_email="Alice.Home@Example.COM", locale="zh-CN", time_zone="Asia/Shanghai",
    )
    assert made["security_phone"] == "+8613800138000"
    assert made["security_phone_verified"] is True
    assert made["recovery_email"] == "alice.home@example.com"
    assert (made["locale"], made["time_zone"]) == ("zh-CN", "Asia/Shanghai")
    headers = await org.headers()
    changed = await org.client.patch(
        f"/v1/accounts/{made['id']}", json={"security_phone": "+8613900139000"}, headers=headers
    )
    assert changed.status_code == 200, changed.text
    assert changed.json()["security_phone_verified"] is False
    assert "directory.account.updated" in await event_types(org)
    cleared = await org.client.patch(
        f"/v1/accounts/{made['id']}", json={"recovery_email": None, "locale": None},
        headers=headers,
    )
    assert cleared.json()["recovery_email"] is None and cleared.json()["locale"] is None


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("security_phone", "13800138000"),  # no country code
        ("security_phone", "+86 138 0013 8000 999 999"),
        ("security_phone", "+0123456789"),
        ("recovery_email", "not-an-address"),
        ("locale", "fr-FR"),
        ("time_zone", "Mars/Olympus"),
        ("time_zone", "../../etc/passwd"),
    ],
)
async def test_bad_contact_fields_are_422_naming_the_field(org, field, value):
    resp = await org.client.post(
        "/v1/accounts",
        json={"address": f"bob@{org.domain}", "display_name": "Bob", field: value},
        headers=await org.headers(),
    )
    assert resp.status_code == 422, resp.text
    assert resp.json()["param"] == field
    again = await org.client.get(f"/v1/accounts/bob@{org.domain}", headers=await org.headers())
    assert again.status_code == 404  # nothing half-written


# --- activation links ---------------------------------------------------------------------


async def test_account_created_with_an_activation_link_sets_its_password_through_it(app, org):
    resp = await org.client.post(
        "/v1/accounts",
        json={"address": f"carol@{org.domain}", "display_name": "Carol", "activation_link": True},
        headers=await org.headers(),
    )
    assert resp.status_code == 201, resp.text
    body = resp.json()
    assert body["password"] is None and body["must_change_password"] is False
    url = body["activation"]["url"]
    assert "/oauth/activate/" in url
    async with await _fresh_client(app) as browser:
        # Before activation no password works.
        assert (await sign_in(browser, f"carol@{org.domain}", STRONG_PASSWORD)).status_code == 401
        done = await _activate(browser, url, NEW_PASSWORD)
        assert done.status_code == 200, done.text
        signed = await sign_in(browser, f"carol@{org.domain}", NEW_PASSWORD)
        assert signed.status_code == 303
        # The link worked once.
        again = await browser.get(_path(url))
        assert again.status_code == 410
    assert "account.activated" in await audit_actions(org)
    types = await event_types(org)
    assert "directory.account.activation_link_created" in types
    assert "directory.account.activated" in types


async def test_activation_link_refuses_a_weak_password_and_stays_usable(app, org):
    made = await create_account(org, "dave")
    link = await org.client.post(
        f"/v1/accounts/{made['id']}/activation-links", json={}, headers=await org.headers()
    )
    assert link.status_code == 201, link.text
    async with await _fresh_client(app) as browser:
        weak = await _activate(browser, link.json()["url"], "short")
        assert weak.status_code == 422 and "10" in weak.text
        ok = await _activate(browser, link.json()["url"], NEW_PASSWORD)
        assert ok.status_code == 200


async def test_a_new_activation_link_retires_the_old_one_and_expired_ones_fail(app, org, runtime):
    made = await create_account(org, "erin")
    headers = await org.headers()
    first = (await org.client.post(
        f"/v1/accounts/{made['id']}/activation-links", json={}, headers=headers)).json()
    second = (await org.client.post(
        f"/v1/accounts/{made['id']}/activation-links", json={"expires_in": 300},
        headers=headers)).json()
    async with await _fresh_client(app) as browser:
        assert (await browser.get(_path(first["url"]))).status_code == 410
        async with runtime.db.session() as s:
            await s.execute(update(AccountLink).where(AccountLink.used_at.is_(None)).values(
                expires_at=utcnow() - timedelta(seconds=1)))
        assert (await browser.get(_path(second["url"]))).status_code == 410


async def test_reset_by_activation_link_revokes_the_current_password(app, org):
    made = await create_account(org, "frank")
    resp = await org.client.post(
        f"/v1/accounts/{made['id']}/activation-links", json={"revoke_password": True},
        headers=await org.headers(),
    )
    assert resp.status_code == 201
    async with await _fresh_client(app) as browser:
        assert (await sign_in(browser, f"frank@{org.domain}", STRONG_PASSWORD)).status_code == 401


async def test_activation_link_mailed_to_the_recovery_address_in_the_persons_language(org, runtime):
    # The recovery address is a local mailbox here, so the mail is readable in the test.
    home = await create_account(org, "gina.home")
    made = await create_account(
        org, "gina", recovery_email=home["address"], locale="zh-CN", time_zone="Asia/Shanghai"
    )
    resp = await org.client.post(
        f"/v1/accounts/{made['id']}/activation-links", json={"send_to_recovery_email": True},
        headers=await org.headers(),
    )
    assert resp.status_code == 201, resp.text
    assert resp.json()["sent_to"] == home["address"]
    async with runtime.db.session(write=False) as s:
        rows = await s.execute(
            select(MailMessage.subject).where(MailMessage.account_id == home["id"]))
        subjects = rows.scalars().all()
    assert any("激活您的邮箱" in (subject or "") for subject in subjects), subjects


async def test_mailing_an_activation_link_needs_a_recovery_address(org):
    made = await create_account(org, "hank")
    resp = await org.client.post(
        f"/v1/accounts/{made['id']}/activation-links", json={"send_to_recovery_email": True},
        headers=await org.headers(),
    )
    assert resp.status_code == 422 and resp.json()["code"] == "no_recovery_email"


async def test_forged_or_garbage_tokens_get_the_same_410(client, org):
    for token in ("x", "A" * 43, "%2e%2e%2fadmin", "A" * 500):
        resp = await client.get(f"/oauth/activate/{token}")
        assert resp.status_code in (404, 410)
        resp = await client.get(f"/oauth/sso/{token}")
        assert resp.status_code in (404, 410)
        assert "mp_session" not in resp.cookies


# --- login links --------------------------------------------------------------------------


async def test_login_link_signs_in_once_and_lands_on_next(app, org):
    made = await create_account(org, "ivy")
    resp = await org.client.post(
        f"/v1/accounts/{made['id']}/login-links", json={"next": "/mail/inbox?x=1"},
        headers=await org.headers(),
    )
    assert resp.status_code == 201, resp.text
    body = resp.json()
    from datetime import datetime

    lifetime = datetime.fromisoformat(body["expires_at"]) - utcnow()
    assert timedelta(seconds=290) < lifetime <= timedelta(seconds=300)
    async with await _fresh_client(app) as browser:
        # Opening it (as a mail scanner or link preview does) uses nothing up.
        for _ in range(2):
            page = await browser.get(_path(body["url"]))
            assert page.status_code == 200 and "ivy@" in page.text
            assert "mp_session" not in page.cookies
        landed = await _open_login_link(browser, body["url"])
        assert landed.status_code == 303
        assert landed.headers["location"] == "/mail/inbox?x=1"
        assert "mp_session" in landed.cookies
        replay = await _open_login_link(browser, body["url"])
        assert replay.status_code == 410
    assert "account.login_link_created" in await audit_actions(org)


@pytest.mark.parametrize(
    ("query", "lands"),
    [("/calendar?week=2", "/calendar?week=2"), ("https://evil.example/", "/mail"),
     ("//evil.example", "/mail"), ("/\\evil.example", "/mail"), ("", "/mail")],
)
async def test_login_link_opened_with_next_goes_only_to_same_origin_paths(app, org, query, lands):
    made = await create_account(org, "rex")
    link = (await org.client.post(
        f"/v1/accounts/{made['id']}/login-links", json={"next": "/mail"},
        headers=await org.headers(),
    )).json()
    async with await _fresh_client(app) as browser:
        landed = await _open_login_link(
            browser, link["url"], params={"next": query} if query else None
        )
        assert landed.status_code == 303
        assert landed.headers["location"] == lands


async def test_login_link_sends_a_must_change_person_to_the_password_page_first(app, org):
    made = await create_account(org, "jack", must_change_password=True)
    resp = await org.client.post(
        f"/v1/accounts/{made['id']}/login-links", json={}, headers=await org.headers()
    )
    async with await _fresh_client(app) as browser:
        landed = await _open_login_link(browser, resp.json()["url"])
        assert landed.status_code == 303
        assert landed.headers["location"].startswith("/oauth/password?")


@pytest.mark.parametrize(
    "target",
    ["https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:alert(1)",
     "mail", "/ok\r\nSet-Cookie: x=1", "http:/evil.example"],
)
async def test_login_link_next_must_be_a_same_origin_path(org, target):
    made = await create_account(org, "kim")
    resp = await org.client.post(
        f"/v1/accounts/{made['id']}/login-links", json={"next": target},
        headers=await org.headers(),
    )
    assert resp.status_code == 422, resp.text
    assert resp.json()["param"] == "next"


async def test_login_links_are_refused_for_frozen_accounts_and_die_when_frozen(app, org):
    made = await create_account(org, "leo")
    headers = await org.headers()
    link = (await org.client.post(
        f"/v1/accounts/{made['id']}/login-links", json={}, headers=headers)).json()
    frozen = await org.client.post(f"/v1/accounts/{made['id']}/freeze", headers=headers)
    assert frozen.status_code == 200
    refused = await org.client.post(
        f"/v1/accounts/{made['id']}/login-links", json={}, headers=headers
    )
    assert refused.status_code == 409 and refused.json()["code"] == "account_frozen"
    async with await _fresh_client(app) as browser:
        assert (await browser.get(_path(link["url"]))).status_code == 410


async def test_a_login_link_posted_without_the_pages_token_signs_nobody_in(app, org):
    """A page elsewhere cannot sign a visitor in as the link's owner (login CSRF): the POST
    needs the token the link's own page set, and a refused POST leaves the link usable."""
    made = await create_account(org, "max")
    link = (await org.client.post(
        f"/v1/accounts/{made['id']}/login-links", json={}, headers=await org.headers()
    )).json()
    async with await _fresh_client(app) as browser:
        forged = await browser.post(_path(link["url"]), data={"csrf_token": "guess"})
        assert forged.status_code == 403 and "mp_session" not in forged.cookies
        bare = await browser.post(_path(link["url"]))
        assert bare.status_code == 403
        assert (await _open_login_link(browser, link["url"])).status_code == 303


async def test_login_links_need_the_sign_in_scope(org):
    made = await create_account(org, "mia")
    narrow = await org.headers("directory:read directory:write")
    resp = await org.client.post(
        f"/v1/accounts/{made['id']}/login-links", json={}, headers=narrow
    )
    assert resp.status_code == 403 and resp.json()["code"] == "insufficient_scope"


async def test_links_for_another_organisations_account_are_404(org, other_org):
    theirs = await create_account(other_org, "nora")
    for path in ("login-links", "activation-links"):
        resp = await org.client.post(
            f"/v1/accounts/{theirs['id']}/{path}", json={}, headers=await org.headers()
        )
        assert resp.status_code == 404
        by_address = await org.client.post(
            f"/v1/accounts/{theirs['address']}/{path}", json={}, headers=await org.headers()
        )
        assert by_address.status_code == 404


async def test_graphql_creates_both_kinds_of_link(app, org):
    made = await create_account(org, "olga")
    query = """mutation($id: ID!) {
      createLoginLink(id: $id, next: "/calendar") { url expiresAt }
      createActivationLink(id: $id, expiresIn: 3600) { url sentTo }
    }"""
    resp = await org.client.post(
        "/graphql", json={"query": query, "variables": {"id": made["id"]}},
        headers=await org.headers(),
    )
    data = resp.json()
    assert "errors" not in data, data
    async with await _fresh_client(app) as browser:
        landed = await _open_login_link(browser, data["data"]["createLoginLink"]["url"])
        assert landed.headers["location"] == "/calendar"


# --- first-login password change ----------------------------------------------------------


async def test_first_sign_in_goes_to_the_password_page_and_then_on(app, org):
    await create_account(org, "pat", must_change_password=True)
    async with await _fresh_client(app) as browser:
        signed = await sign_in(browser, f"pat@{org.domain}")
        assert signed.status_code == 303
        assert signed.headers["location"].startswith("/oauth/password?")
        page = await browser.get(signed.headers["location"])
        changed = await browser.post("/oauth/password", data={
            "csrf_token": _csrf(page.text), "next": "/oauth/authorize",
            "current_password": STRONG_PASSWORD, "new_password": NEW_PASSWORD,
            "confirm_password": NEW_PASSWORD,
        })
        assert changed.status_code == 303 and changed.headers["location"] == "/oauth/authorize"
    got = await org.client.get(f"/v1/accounts/pat@{org.domain}", headers=await org.headers())
    assert got.json()["must_change_password"] is False
