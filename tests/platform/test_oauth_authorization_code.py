"""Authorization code + PKCE, attacked from every side the issue names."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from tests.factories.platform import _csrf, authorize_code, pkce_pair, sign_in

REDIRECT = "https://oa.example/cb"


@pytest.fixture
async def app_and_user(org):
    await org.add_account("alice")
    app = await org.add_app(scopes=["mail:read", "calendar:read"], redirect_uris=[REDIRECT])
    return app


def _params(app, challenge, **over):
    params = {
        "response_type": "code", "client_id": app["client_id"], "redirect_uri": REDIRECT,
        "scope": "mail:read", "state": "s1", "code_challenge": challenge,
        "code_challenge_method": "S256",
    }
    params.update(over)
    return {k: v for k, v in params.items() if v is not None}


async def _exchange(client, app, code, verifier, redirect_uri=REDIRECT):
    return await client.post(
        "/oauth/token",
        data={"grant_type": "authorization_code", "code": code, "redirect_uri": redirect_uri,
              "code_verifier": verifier},
        auth=(app["client_id"], app["client_secret"]),
    )


async def test_full_flow_issues_tokens_with_iss_on_redirect(client, org, app_and_user):
    app = app_and_user
    verifier, challenge = pkce_pair()
    await sign_in(client, "alice@acme.test")
    consent = await client.get("/oauth/authorize", params=_params(app, challenge))
    assert consent.status_code == 200
    assert "Test app" in consent.text and "mail:read" in consent.text
    resp = await client.post(
        "/oauth/authorize",
        data={**_params(app, challenge), "csrf_token": _csrf(consent.text), "decision": "allow"},
    )
    assert resp.status_code == 302
    location = urlsplit(resp.headers["location"])
    assert f"{location.scheme}://{location.netloc}{location.path}" == REDIRECT
    query = parse_qs(location.query)
    assert query["iss"] == ["http://127.0.0.1:8025"]
    tokens = await _exchange(client, app, query["code"][0], verifier)
    assert tokens.status_code == 200, tokens.text
    body = tokens.json()
    assert body["token_type"] == "Bearer" and body["expires_in"] == 7200
    assert body["refresh_token"].startswith("mprt_")
    assert body["scope"] == "mail:read"
    assert tokens.headers["cache-control"] == "no-store"


async def test_missing_code_challenge_is_refused(client, org, app_and_user):
    await sign_in(client, "alice@acme.test")
    resp = await client.get(
        "/oauth/authorize", params=_params(app_and_user, None, code_challenge_method=None)
    )
    assert resp.status_code == 302  # redirect URI is valid, so the error goes back to the client
    query = parse_qs(urlsplit(resp.headers["location"]).query)
    assert query["error"] == ["invalid_request"]
    assert "code" not in query


async def test_plain_pkce_method_is_refused(client, org, app_and_user):
    await sign_in(client, "alice@acme.test")
    verifier, _ = pkce_pair()
    resp = await client.get(
        "/oauth/authorize",
        params=_params(app_and_user, verifier, code_challenge_method="plain"),
    )
    query = parse_qs(urlsplit(resp.headers["location"]).query)
    assert query["error"] == ["invalid_request"]


async def test_wrong_code_verifier_is_invalid_grant(client, org, app_and_user):
    _, challenge = pkce_pair()
    other_verifier, _ = pkce_pair()
    code = await authorize_code(
        client, client_id=app_and_user["client_id"], redirect_uri=REDIRECT, scope="mail:read",
        address="alice@acme.test", challenge=challenge,
    )
    resp = await _exchange(client, app_and_user, code, other_verifier)
    assert resp.status_code == 400
    assert resp.json()["error"] == "invalid_grant"


@pytest.mark.parametrize(
    "variant",
    ["https://oa.example/cb/", "https://OA.example/cb", "https://oa.example/cb?x=1",
     "https://oa.example/cb/sub", "https://oa.example/CB", "http://oa.example/cb"],
)
async def test_redirect_uri_must_match_exactly(client, org, app_and_user, variant):
    _, challenge = pkce_pair()
    await sign_in(client, "alice@acme.test")
    resp = await client.get("/oauth/authorize", params=_params(app_and_user, challenge, redirect_uri=variant))
    # never redirect to an unregistered URI: an error page instead
    assert resp.status_code == 400
    assert "location" not in resp.headers


async def test_code_replay_is_refused_and_revokes_tokens_it_issued(client, org, app_and_user):
    verifier, challenge = pkce_pair()
    code = await authorize_code(
        client, client_id=app_and_user["client_id"], redirect_uri=REDIRECT, scope="mail:read",
        address="alice@acme.test", challenge=challenge,
    )
    first = await _exchange(client, app_and_user, code, verifier)
    assert first.status_code == 200
    access = first.json()["access_token"]
    me = await client.get("/v1/me", headers={"Authorization": f"Bearer {access}"})
    assert me.status_code == 200
    replay = await _exchange(client, app_and_user, code, verifier)
    assert replay.status_code == 400 and replay.json()["error"] == "invalid_grant"
    org.runtime.tokens.clear()  # other processes see it within the 1 s cache window
    me = await client.get("/v1/me", headers={"Authorization": f"Bearer {access}"})
    assert me.status_code == 401
    refresh = await client.post(
        "/oauth/token",
        data={"grant_type": "refresh_token", "refresh_token": first.json()["refresh_token"]},
        auth=(app_and_user["client_id"], app_and_user["client_secret"]),
    )
    assert refresh.status_code == 400


async def test_redirect_uri_at_token_endpoint_must_repeat(client, org, app_and_user):
    verifier, challenge = pkce_pair()
    code = await authorize_code(
        client, client_id=app_and_user["client_id"], redirect_uri=REDIRECT, scope="mail:read",
        address="alice@acme.test", challenge=challenge,
    )
    resp = await _exchange(client, app_and_user, code, verifier, redirect_uri=REDIRECT + "/")
    assert resp.status_code == 400 and resp.json()["error"] == "invalid_grant"


async def test_code_issued_to_one_app_cannot_be_used_by_another(client, org, app_and_user):
    verifier, challenge = pkce_pair()
    code = await authorize_code(
        client, client_id=app_and_user["client_id"], redirect_uri=REDIRECT, scope="mail:read",
        address="alice@acme.test", challenge=challenge,
    )
    thief = await org.add_app(scopes=["mail:read"], redirect_uris=[REDIRECT])
    resp = await _exchange(client, thief, code, verifier)
    assert resp.status_code == 400 and resp.json()["error"] == "invalid_grant"


async def test_deny_redirects_with_access_denied(client, org, app_and_user):
    _, challenge = pkce_pair()
    await sign_in(client, "alice@acme.test")
    consent = await client.get("/oauth/authorize", params=_params(app_and_user, challenge))
    resp = await client.post(
        "/oauth/authorize",
        data={**_params(app_and_user, challenge), "csrf_token": _csrf(consent.text), "decision": "deny"},
    )
    query = parse_qs(urlsplit(resp.headers["location"]).query)
    assert query["error"] == ["access_denied"] and query["state"] == ["s1"]
    assert "iss" in query


async def test_consent_post_without_csrf_token_is_refused(client, org, app_and_user):
    _, challenge = pkce_pair()
    await sign_in(client, "alice@acme.test")
    resp = await client.post(
        "/oauth/authorize", data={**_params(app_and_user, challenge), "decision": "allow"}
    )
    assert resp.status_code == 403
    assert "location" not in resp.headers


async def test_login_without_csrf_cookie_is_refused(client, org):
    await org.add_account("alice")
    resp = await client.post(
        "/oauth/login", data={"address": "alice@acme.test", "password": "x", "csrf_token": "forged"}
    )
    assert resp.status_code == 403


async def test_unauthenticated_authorize_redirects_to_login(client, org, app_and_user):
    _, challenge = pkce_pair()
    resp = await client.get("/oauth/authorize", params=_params(app_and_user, challenge))
    assert resp.status_code == 303
    assert resp.headers["location"].startswith("/oauth/login?next=")


async def test_wrong_password_shows_error_and_sets_no_session(client, org):
    await org.add_account("alice")
    resp = await sign_in(client, "alice@acme.test", "wrong-password!")
    assert resp.status_code == 401
    assert "Wrong address or password" in resp.text
    assert "mp_session" not in resp.cookies


async def test_frozen_account_cannot_sign_in(client, org):
    await org.add_account("bob", status="frozen")
    resp = await sign_in(client, "bob@acme.test")
    assert resp.status_code == 401


async def test_must_change_password_is_honoured_before_consent(client, org):
    await org.add_account("carol", must_change=True)
    app = await org.add_app(scopes=["mail:read"], redirect_uris=[REDIRECT])
    _, challenge = pkce_pair()
    await sign_in(client, "carol@acme.test")
    resp = await client.get("/oauth/authorize", params=_params(app, challenge))
    assert resp.status_code == 303 and resp.headers["location"].startswith("/oauth/password")
    page = await client.get(resp.headers["location"])
    changed = await client.post(
        "/oauth/password",
        data={"current_password": "correct-horse-battery", "new_password": "a-brand-new-secret",
              "confirm_password": "a-brand-new-secret", "csrf_token": _csrf(page.text),
              "next": "/oauth/authorize"},
    )
    assert changed.status_code == 303
    consent = await client.get("/oauth/authorize", params=_params(app, challenge))
    assert consent.status_code == 200 and "Allow access" in consent.text


async def test_next_parameter_cannot_open_redirect(client, org):
    await org.add_account("alice")
    page = await client.get("/oauth/login", params={"next": "https://evil.example/"})
    resp = await client.post(
        "/oauth/login",
        data={"address": "alice@acme.test", "password": "correct-horse-battery",
              "csrf_token": _csrf(page.text), "next": "https://evil.example/"},
    )
    assert resp.status_code == 303
    assert resp.headers["location"] == "/oauth/authorize"


async def test_public_client_uses_pkce_without_secret(client, org):
    await org.add_account("alice")
    app = await org.add_app(scopes=["mail:read"], redirect_uris=[REDIRECT], public=True)
    assert app["client_secret"] is None
    verifier, challenge = pkce_pair()
    code = await authorize_code(
        client, client_id=app["client_id"], redirect_uri=REDIRECT, scope="mail:read",
        address="alice@acme.test", challenge=challenge,
    )
    resp = await client.post(
        "/oauth/token",
        data={"grant_type": "authorization_code", "code": code, "redirect_uri": REDIRECT,
              "code_verifier": verifier, "client_id": app["client_id"]},
    )
    assert resp.status_code == 200, resp.text
    # a public client can never use client credentials
    cc = await client.post(
        "/oauth/token", data={"grant_type": "client_credentials", "client_id": app["client_id"]}
    )
    assert cc.status_code in (400, 401)
