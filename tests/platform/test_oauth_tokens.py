"""Client credentials, refresh rotation with reuse detection, revocation, introspection."""

from __future__ import annotations

import time

from sqlalchemy import select

from api.storage.models import AuditEntry
from tests.factories.platform import client_credentials_token, user_tokens


async def _refresh(client, app, refresh_token):
    return await client.post(
        "/oauth/token",
        data={"grant_type": "refresh_token", "refresh_token": refresh_token},
        auth=(app["client_id"], app["client_secret"]),
    )


async def test_client_credentials_defaults_to_granted_scopes(client, org):
    app = await org.add_app(scopes=["directory:read", "mail:read"])
    resp = await client.post(
        "/oauth/token", data={"grant_type": "client_credentials"},
        auth=(app["client_id"], app["client_secret"]),
    )
    assert resp.status_code == 200
    assert resp.json()["scope"] == "directory:read mail:read"
    assert "refresh_token" not in resp.json()


async def test_client_credentials_cannot_exceed_granted_scopes(client, org):
    app = await org.add_app(scopes=["mail:read"])
    resp = await client.post(
        "/oauth/token", data={"grant_type": "client_credentials", "scope": "mail:read directory:write"},
        auth=(app["client_id"], app["client_secret"]),
    )
    assert resp.status_code == 400
    assert resp.json()["error"] == "invalid_scope"


async def test_client_secret_post_works_and_wrong_secret_is_invalid_client(client, org):
    ok = await client.post(
        "/oauth/token",
        data={"grant_type": "client_credentials", "client_id": org.client_id,
              "client_secret": org.client_secret},
    )
    assert ok.status_code == 200
    bad = await client.post(
        "/oauth/token", data={"grant_type": "client_credentials"}, auth=(org.client_id, "nope")
    )
    assert bad.status_code == 401 and bad.json()["error"] == "invalid_client"


async def test_implicit_and_password_grants_are_not_supported(client, org):
    for grant in ("password", "implicit", "urn:ietf:params:oauth:grant-type:jwt-bearer"):
        resp = await client.post(
            "/oauth/token", data={"grant_type": grant, "username": "a", "password": "b"},
            auth=(org.client_id, org.client_secret),
        )
        assert resp.status_code == 400
        assert resp.json()["error"] == "unsupported_grant_type"


async def test_refresh_rotates_and_old_refresh_token_stops_working(client, org):
    await org.add_account("alice")
    first = await user_tokens(org, "alice@acme.test", "mail:read")
    second = await _refresh(client, first["app"], first["refresh_token"])
    assert second.status_code == 200
    assert second.json()["refresh_token"] != first["refresh_token"]
    me = await client.get("/v1/me", headers={"Authorization": f"Bearer {second.json()['access_token']}"})
    assert me.status_code == 200 and me.json()["address"] == "alice@acme.test"


async def test_refresh_token_reuse_revokes_family(client, org):
    await org.add_account("alice")
    first = await user_tokens(org, "alice@acme.test", "mail:read")
    second = (await _refresh(client, first["app"], first["refresh_token"])).json()
    # an attacker replays the stolen first refresh token
    replay = await _refresh(client, first["app"], first["refresh_token"])
    assert replay.status_code == 400 and replay.json()["error"] == "invalid_grant"
    org.runtime.tokens.clear()
    # the legitimate holder's newer tokens are dead too: the whole family is revoked
    me = await client.get("/v1/me", headers={"Authorization": f"Bearer {second['access_token']}"})
    assert me.status_code == 401
    again = await _refresh(client, first["app"], second["refresh_token"])
    assert again.status_code == 400
    async with org.runtime.db.session(write=False) as session:
        actions = (await session.execute(
            select(AuditEntry.details).where(AuditEntry.action == "oauth.token_family.revoked")
        )).scalars().all()
    assert {"reason": "refresh_token_replay"} in actions


async def test_refresh_with_another_clients_credentials_fails(client, org):
    await org.add_account("alice")
    first = await user_tokens(org, "alice@acme.test", "mail:read")
    other = await org.add_app(scopes=["mail:read"], redirect_uris=["https://x.example/cb"])
    resp = await _refresh(client, other, first["refresh_token"])
    assert resp.status_code == 400


async def test_revoke_access_token_takes_effect(client, org):
    token = await client_credentials_token(client, org.client_id, org.client_secret, "directory:read")
    headers = {"Authorization": f"Bearer {token}"}
    assert (await client.get("/v1/me", headers=headers)).status_code == 200
    resp = await client.post("/oauth/revoke", data={"token": token}, auth=(org.client_id, org.client_secret))
    assert resp.status_code == 200
    assert (await client.get("/v1/me", headers=headers)).status_code == 401


async def test_revocation_is_seen_by_other_processes_within_one_second(client, org, runtime):
    from api.identity.bearer import TokenCache, authenticate

    token = await client_credentials_token(client, org.client_id, org.client_secret, "directory:read")
    other_process_cache = TokenCache(ttl=1.0)
    assert await authenticate(other_process_cache, runtime.db.reader, token) is not None
    await client.post("/oauth/revoke", data={"token": token}, auth=(org.client_id, org.client_secret))
    time.sleep(1.05)
    assert await authenticate(other_process_cache, runtime.db.reader, token) is None


async def test_revoking_a_refresh_token_ends_the_grant(client, org):
    await org.add_account("alice")
    tokens = await user_tokens(org, "alice@acme.test", "mail:read")
    app = tokens["app"]
    resp = await client.post(
        "/oauth/revoke", data={"token": tokens["refresh_token"], "token_type_hint": "refresh_token"},
        auth=(app["client_id"], app["client_secret"]),
    )
    assert resp.status_code == 200
    org.runtime.tokens.clear()
    me = await client.get("/v1/me", headers={"Authorization": f"Bearer {tokens['access_token']}"})
    assert me.status_code == 401


async def test_revoking_an_access_token_also_ends_its_refresh_token(client, org):
    await org.add_account("alice")
    tokens = await user_tokens(org, "alice@acme.test", "mail:read")
    app = tokens["app"]
    resp = await client.post(
        "/oauth/revoke", data={"token": tokens["access_token"]},
        auth=(app["client_id"], app["client_secret"]),
    )
    assert resp.status_code == 200
    refreshed = await _refresh(client, app, tokens["refresh_token"])
    assert refreshed.status_code == 400 and refreshed.json()["error"] == "invalid_grant"


async def test_introspection_requires_client_authentication(client, org):
    token = await org.token("directory:read")
    resp = await client.post("/oauth/introspect", data={"token": token})
    assert resp.status_code == 401
    assert resp.json()["error"] == "invalid_client"


async def test_introspection_reports_active_token_and_inactive_after_revoke(client, org):
    token = await client_credentials_token(client, org.client_id, org.client_secret, "directory:read")
    resp = await client.post("/oauth/introspect", data={"token": token}, auth=(org.client_id, org.client_secret))
    body = resp.json()
    assert body["active"] is True and body["scope"] == "directory:read"
    assert body["client_id"] == org.client_id and body["exp"] > time.time()
    await client.post("/oauth/revoke", data={"token": token}, auth=(org.client_id, org.client_secret))
    resp = await client.post("/oauth/introspect", data={"token": token}, auth=(org.client_id, org.client_secret))
    assert resp.json() == {"active": False}


async def test_introspection_of_another_orgs_token_is_inactive(client, org, other_org):
    foreign = await other_org.token("directory:read")
    resp = await client.post("/oauth/introspect", data={"token": foreign}, auth=(org.client_id, org.client_secret))
    assert resp.json() == {"active": False}


async def test_token_issuance_is_audited(client, org):
    await client_credentials_token(client, org.client_id, org.client_secret, "audit:read")
    resp = await client.get(
        "/v1/audit/entries", params={"action": "oauth.token.issued"},
        headers=await org.headers("audit:read"),
    )
    entries = resp.json()["data"]
    assert entries and entries[0]["app_id"] == org.client_id
    assert entries[0]["ip"] == "203.0.113.7"
    assert entries[0]["details"]["grant_type"] == "client_credentials"


async def test_metadata_document(client):
    resp = await client.get("/.well-known/oauth-authorization-server")
    body = resp.json()
    assert body["code_challenge_methods_supported"] == ["S256"]
    assert "implicit" not in body["grant_types_supported"]
    assert "password" not in body["grant_types_supported"]
    assert body["authorization_response_iss_parameter_supported"] is True
    assert body["token_endpoint"].endswith("/oauth/token")
