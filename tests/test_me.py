"""`GET /v1/me` for each principal type, and the 401s around it."""

from __future__ import annotations

from api.storage.models import Account, Organization
from tests.factories.platform import user_tokens


async def test_me_for_client_credentials_app(client, org):
    resp = await client.get("/v1/me", headers=await org.headers("directory:read"))
    assert resp.status_code == 200
    body = resp.json()
    assert body["kind"] == "app"
    assert body["org_id"] == org.id
    assert body["org_name"] == "Acme"
    assert body["scopes"] == ["directory:read"]
    assert body["app_id"] == org.client_id
    assert body["time_zone"] is None  # no person, no zone


async def test_me_for_app_acting_for_user(client, org):
    await org.add_account("alice")
    tokens = await user_tokens(org, "alice@acme.test", "mail:read directory:write")
    resp = await client.get("/v1/me", headers={"Authorization": f"Bearer {tokens['access_token']}"})
    assert resp.status_code == 200
    body = resp.json()
    assert body["kind"] == "app_user"
    assert body["address"] == "alice@acme.test"
    # a member cannot hold admin scopes through an app, whatever the app may request
    assert body["scopes"] == ["mail:read"]


async def test_me_gives_the_persons_time_zone_else_the_organisations(client, org):
    alice = await org.add_account("alice")
    tokens = await user_tokens(org, "alice@acme.test", "mail:read")
    headers = {"Authorization": f"Bearer {tokens['access_token']}"}
    async with org.runtime.db.session() as session:
        row = await session.get(Account, alice.id)
        row.time_zone = None
        (await session.get(Organization, org.id)).time_zone = "Europe/Berlin"
    assert (await client.get("/v1/me", headers=headers)).json()["time_zone"] == "Europe/Berlin"
    async with org.runtime.db.session() as session:
        (await session.get(Account, alice.id)).time_zone = "Asia/Shanghai"
    org.runtime.tokens.clear()  # the token cache holds the principal for a second
    assert (await client.get("/v1/me", headers=headers)).json()["time_zone"] == "Asia/Shanghai"


async def test_me_without_token_is_401_with_challenge(client):
    resp = await client.get("/v1/me")
    assert resp.status_code == 401
    assert resp.headers["content-type"] == "application/problem+json"
    assert resp.headers["www-authenticate"].startswith("Bearer")
    assert resp.json()["code"] == "unauthorized"
    assert resp.json()["request_id"].startswith("req_")


async def test_me_with_garbage_token_is_401(client):
    resp = await client.get("/v1/me", headers={"Authorization": "Bearer not-a-token"})
    assert resp.status_code == 401
    assert 'error="invalid_token"' in resp.headers["www-authenticate"]
