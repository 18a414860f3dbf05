"""`GET /v1/me` for each principal type and the 401s around it; `PATCH /v1/me`, a person's
own profile."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from api.platform.web import ensure_web_app
from api.storage.models import Account, App, Event, Organization
from tests.factories.directory import audit_actions, event_types
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


# --- PATCH /v1/me: a person's own profile -------------------------------------------------


async def _person(org, local: str = "alice", scope: str = "profile:write directory:read") -> dict:
    await org.add_account(local)
    tokens = await user_tokens(org, f"{local}@{org.domain}", scope)
    return {"Authorization": f"Bearer {tokens['access_token']}"}


async def test_person_changes_own_name_zone_and_language(client, org):
    headers = await _person(org)
    before = await client.get("/v1/accounts/me", headers=headers)
    resp = await client.patch(
        "/v1/me",
        json={"display_name": "李雷 Li Lei", "time_zone": "Asia/Shanghai", "locale": "zh-CN"},
        headers={**headers, "If-Match": before.headers["etag"]},
    )
    assert resp.status_code == 200, resp.text
    body = resp.json()
    assert (body["display_name"], body["time_zone"], body["locale"]) == (
        "李雷 Li Lei", "Asia/Shanghai", "zh-CN"
    )
    assert resp.headers["etag"] != before.headers["etag"]
    # the next read sees it at once (no stale token cache), in REST and in the account
    me = (await client.get("/v1/me", headers=headers)).json()
    assert (me["display_name"], me["time_zone"], me["locale"]) == (
        "李雷 Li Lei", "Asia/Shanghai", "zh-CN"
    )
    account = (await client.get("/v1/accounts/me", headers=headers)).json()
    assert account["display_name"] == "李雷 Li Lei"
    assert "directory.account.updated" in await event_types(org)
    assert "account.updated" in await audit_actions(org)
    # a stale ETag is a 412 and changes nothing
    stale = await client.patch(
        "/v1/me", json={"display_name": "X"},
        headers={**headers, "If-Match": before.headers["etag"]},
    )
    assert stale.status_code == 412
    # null goes back to the organisation's zone
    reset = await client.patch("/v1/me", json={"time_zone": None}, headers=headers)
    assert reset.json()["time_zone"] == "UTC" and reset.json()["display_name"] == "李雷 Li Lei"


async def test_person_profile_change_emits_the_event_with_what_changed(client, org):
    headers = await _person(org)
    await client.patch("/v1/me", json={"time_zone": "Europe/Berlin"}, headers=headers)
    async with org.runtime.db.session(write=False) as session:
        rows = (
            await session.execute(
                select(Event).where(
                    Event.org_id == org.id, Event.type == "directory.account.updated"
                )
            )
        ).scalars().all()
    assert [r.data["changed"] for r in rows] == [["time_zone"]]


@pytest.mark.parametrize(
    ("body", "param"),
    [
        ({"time_zone": "Mars/Olympus_Mons"}, "time_zone"),
        ({"time_zone": ""}, "time_zone"),
        ({"display_name": "Eve\x00"}, "display_name"),
        ({"display_name": "tab\there"}, "display_name"),
        ({"display_name": "para\u2029graph"}, "display_name"),
        ({"display_name": "two\nlines"}, "display_name"),
        ({"display_name": "x" * 201}, "display_name"),
        ({"display_name": ""}, "display_name"),
        ({"display_name": None}, "display_name"),
        ({"locale": "fr"}, "locale"),
        ({"role": "admin"}, "role"),
        ({"address": "boss@acme.test"}, "address"),
        ({"account_id": "acc_x", "display_name": "Mallory"}, "account_id"),
    ],
)
async def test_bad_profile_patch_is_422_and_writes_nothing(client, org, body, param):
    headers = await _person(org)
    resp = await client.patch("/v1/me", json=body, headers=headers)
    assert resp.status_code == 422, resp.text
    assert resp.json()["code"] == "validation_failed"
    assert resp.json()["param"].endswith(param)
    me = (await client.get("/v1/me", headers=headers)).json()
    assert me["display_name"] == "Alice" and me["role"] == "member"
    assert "directory.account.updated" not in await event_types(org)


async def test_a_person_cannot_change_another_persons_profile(client, org):
    headers = await _person(org, scope="profile:write directory:read directory:write")
    bob = await org.add_account("bob")
    # a member's token never carries directory:write, so the admin path is closed
    resp = await client.patch(
        f"/v1/accounts/{bob.id}", json={"display_name": "Bobby"}, headers=headers
    )
    assert resp.status_code == 403
    # and /v1/me only ever names the caller: no id in the body
    resp = await client.patch(
        "/v1/me", json={"id": bob.id, "display_name": "Bobby"}, headers=headers
    )
    assert resp.status_code == 422
    mine = await client.patch("/v1/me", json={"display_name": "Alice A."}, headers=headers)
    assert mine.status_code == 200
    async with org.runtime.db.session(write=False) as session:
        assert (await session.get(Account, bob.id)).display_name == "Bob"


async def test_profile_write_scope_is_required(client, org):
    headers = await _person(org, scope="mail:read directory:read")
    resp = await client.patch("/v1/me", json={"display_name": "Alice A."}, headers=headers)
    assert resp.status_code == 403
    assert resp.json()["code"] == "insufficient_scope"
    assert "profile:write" in resp.headers["www-authenticate"]


async def test_an_app_acting_for_itself_has_no_profile_to_change(client, org):
    resp = await client.patch(
        "/v1/me", json={"display_name": "Robot"}, headers=await org.headers("profile:write")
    )
    assert resp.status_code == 403 and resp.json()["code"] == "forbidden"


async def test_profile_change_stays_in_the_callers_organisation(client, org, other_org):
    headers = await _person(org)
    twin = await other_org.add_account("alice")
    resp = await client.patch("/v1/me", json={"display_name": "Alice of Acme"}, headers=headers)
    assert resp.status_code == 200 and resp.json()["org_id"] == org.id
    async with org.runtime.db.session(write=False) as session:
        assert (await session.get(Account, twin.id)).display_name == "Alice"
    assert "directory.account.updated" not in await event_types(other_org)
    # the other organisation's person is not reachable from this token either
    resp = await client.get(f"/v1/accounts/{twin.id}", headers=headers)
    assert resp.status_code == 404


async def test_update_me_in_graphql_like_rest(client, org):
    headers = await _person(org)
    mutation = (
        "mutation($i: MeUpdateInput!) { updateMe(input: $i) "
        "{ displayName timeZone locale address } }"
    )
    resp = await client.post(
        "/graphql",
        json={"query": mutation, "variables": {
            "i": {"displayName": "韩梅梅", "timeZone": "Asia/Tokyo", "locale": "en"}
        }},
        headers=headers,
    )
    assert resp.json()["data"]["updateMe"] == {
        "displayName": "韩梅梅", "timeZone": "Asia/Tokyo", "locale": "en",
        "address": f"alice@{org.domain}",
    }
    bad = await client.post(
        "/graphql", json={"query": mutation, "variables": {"i": {"timeZone": "Nowhere/City"}}},
        headers=headers,
    )
    assert bad.json()["errors"][0]["extensions"]["code"] == "validation_failed"
    app_only = await client.post(
        "/graphql", json={"query": mutation, "variables": {"i": {"displayName": "R"}}},
        headers=await org.headers("directory:read"),
    )
    assert app_only.json()["errors"][0]["extensions"]["code"] == "insufficient_scope"


async def test_the_web_apps_first_party_app_gains_profile_write_when_it_predates_it(org, settings):
    async with org.runtime.db.session() as session:
        app = await ensure_web_app(session, org.id, settings)
        app.scopes = [s for s in app.scopes if s != "profile:write"]  # made before the scope
    async with org.runtime.db.session() as session:
        again = await ensure_web_app(session, org.id, settings)
        assert "profile:write" in again.scopes
    async with org.runtime.db.session(write=False) as session:
        assert "profile:write" in (await session.get(App, again.id)).scopes
