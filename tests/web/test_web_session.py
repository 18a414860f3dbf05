"""The web app's backend-for-frontend sign-in, attacked from the browser's side: tokens never
reach the browser, unsafe calls need the CSRF token, sign-out revokes, a person of another
organisation cannot ride this organisation's console, the flow state cannot be forged."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from sqlalchemy import select, update

from api.storage.models import Token, WebSession
from tests.factories.platform import ADMIN_PASSWORD, _csrf


def _path(location: str) -> str:
    parts = urlsplit(location)
    return parts.path + ("?" + parts.query if parts.query else "")


async def web_sign_in(
    client: httpx.AsyncClient,
    address: str,
    password: str = ADMIN_PASSWORD,
    *,
    hint: str | None = None,
) -> httpx.Response:
    """Walk the sign-in like the browser: start, login page, authorize, callback."""
    start = await client.get(
        "/web/session/start", params={"login_hint": hint or address, "next": "/console/accounts"}
    )
    assert start.status_code == 303, start.text
    authorize = await client.get(start.headers["location"])
    assert authorize.status_code == 303 and authorize.headers["location"].startswith("/oauth/login")
    page = await client.get(authorize.headers["location"])
    assert f"value='{hint or address}'" in page.text  # the typed address is kept
    next_url = parse_qs(urlsplit(authorize.headers["location"]).query)["next"][0]
    login = await client.post(
        "/oauth/login",
        data={
            "address": address,
            "password": password,
            "csrf_token": _csrf(page.text),
            "next": next_url,
        },
    )
    assert login.status_code == 303, login.text
    if login.headers["location"].startswith("/oauth/password"):
        return login  # change password at first sign-in: before anything else
    step = await client.get(login.headers["location"])
    if step.status_code == 303 and step.headers["location"].startswith("/oauth/password"):
        return step
    if step.status_code == 403:
        return step  # refused outright (another organisation's app): nothing is redirected
    assert step.status_code == 302, step.text
    return await client.get(_path(step.headers["location"]))


@pytest.fixture
async def alice(org):
    return await org.add_account("alice", role="admin")


async def test_sign_in_sets_a_strict_httponly_cookie_and_keeps_tokens_on_the_server(
    client, org, runtime, alice
):
    done = await web_sign_in(client, "alice@acme.test")
    assert done.status_code == 303 and done.headers["location"] == "/console/accounts"
    cookie = next(
        v for k, v in done.headers.multi_items() if k == "set-cookie" and v.startswith("mp_web=")
    )
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie and "Path=/" in cookie
    assert "mpat_" not in cookie and "mprt_" not in cookie
    async with runtime.db.session() as session:
        row = await session.scalar(select(WebSession))
    assert row is not None and "mpat_" not in row.access_token_sealed
    me = await client.get("/v1/me")
    assert me.status_code == 200 and me.json()["address"] == "alice@acme.test"
    info = await client.get("/web/session")
    assert info.status_code == 200 and "access_token" not in info.text


async def test_unsafe_calls_without_the_csrf_token_are_refused(client, org, alice):
    await web_sign_in(client, "alice@acme.test")
    query = {"query": "{ __typename }"}
    refused = await client.post("/graphql", json=query)
    assert refused.status_code == 403 and refused.json()["code"] == "csrf_failed"
    wrong = await client.post("/graphql", json=query, headers={"X-CSRF-Token": "0" * 64})
    assert wrong.status_code == 403
    token = (await client.get("/web/session")).json()["csrf_token"]
    ok = await client.post("/graphql", json=query, headers={"X-CSRF-Token": token})
    assert ok.status_code == 200, ok.text


async def test_sign_out_revokes_the_grant_and_the_cookie_stops_working(client, org, runtime, alice):
    await web_sign_in(client, "alice@acme.test")
    cookie = client.cookies.get("mp_web")
    token = (await client.get("/web/session")).json()["csrf_token"]
    assert (await client.post("/web/session/logout")).status_code == 403  # CSRF on sign-out too
    out = await client.post("/web/session/logout", headers={"X-CSRF-Token": token})
    assert out.status_code == 204
    async with runtime.db.session() as session:
        tokens = (await session.scalars(select(Token).where(Token.account_id == alice.id))).all()
    assert tokens and all(t.revoked_at is not None for t in tokens)
    client.cookies.set("mp_web", cookie)  # a copy kept by an attacker
    runtime.tokens.clear()
    assert (await client.get("/v1/me")).status_code == 401
    assert (await client.get("/web/session")).json() == {"signed_in": False}


async def test_first_login_goes_to_the_password_change_page(client, org):
    await org.add_account("newbie", must_change=True)
    step = await web_sign_in(client, "newbie@acme.test")
    assert step.headers["location"].startswith("/oauth/password")
    assert client.cookies.get("mp_web") is None


async def test_a_person_of_another_organisation_gets_no_session_on_this_console(
    client, org, other_org
):
    await other_org.add_account("mallory", role="admin")
    # The console of acme.test (hint), signed in as mallory@globex.test.
    done = await web_sign_in(client, "mallory@globex.test", hint="boss@acme.test")
    # Refused at the authorization endpoint itself (issue 13): no code, no redirect.
    assert done.status_code == 403 and "another organisation" in done.text
    assert client.cookies.get("mp_web") is None


async def test_a_forged_state_is_refused(client, org, alice):
    start = await client.get("/web/session/start", params={"login_hint": "alice@acme.test"})
    assert start.status_code == 303
    forged = await client.get("/web/session/callback", params={"code": "x", "state": "attacker"})
    assert forged.headers["location"].startswith("/signin?error=sign_in_expired")
    client.cookies.clear()
    no_cookie = await client.get("/web/session/callback", params={"code": "x", "state": "x"})
    assert no_cookie.headers["location"].startswith("/signin?error=sign_in_expired")


async def test_unknown_domain_and_open_redirects_go_back_to_sign_in(client, org):
    unknown = await client.get("/web/session/start", params={"login_hint": "a@nowhere.test"})
    assert unknown.headers["location"].startswith("/signin?error=not_found")
    start = await client.get(
        "/web/session/start", params={"login_hint": "a@acme.test", "next": "//evil.test/x"}
    )
    assert start.status_code == 303  # next is remembered as "/" (checked in the callback)
    for evil in ("//evil.test", "https://evil.test/", "/\\evil.test", "/oauth/logout"):
        again = await client.get(
            "/web/session/start", params={"login_hint": "nobody@x.test", "next": evil}
        )
        assert "evil" not in again.headers["location"].split("next=")[1]


async def test_an_expiring_access_token_is_refreshed_behind_the_cookie(client, org, runtime, alice):
    await web_sign_in(client, "alice@acme.test")
    async with runtime.db.session() as session:
        await session.execute(update(WebSession).values(access_expires_at=WebSession.created_at))
    assert (await client.get("/v1/me")).status_code == 200
    async with runtime.db.session() as session:
        row = await session.scalar(select(WebSession))
    assert row.version == 2 and row.access_expires_at > row.created_at


async def test_the_app_is_served_with_a_strict_csp_and_api_paths_stay_problems(client):
    for path in ("/", "/console/accounts", "/portal/apps"):
        page = await client.get(path)
        assert page.status_code in (200, 503)
        csp = page.headers["content-security-policy"]
        assert (
            "script-src 'self'" in csp
            and "unsafe-inline" not in csp
            and "frame-ancestors 'none'" in csp
        )
        assert "text/html" in page.headers["content-type"]
    missing = await client.get("/v1/no-such-thing")
    assert missing.status_code == 404 and missing.json()["code"] == "not_found"
    assert (await client.post("/console/accounts")).status_code in (404, 405)
    assert (await client.get("/assets/..%2f..%2fpyproject.toml")).status_code == 404
