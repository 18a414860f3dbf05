"""OAuth app registration over REST and GraphQL: scopes, secrets, rotation, audit."""

from __future__ import annotations

from tests.factories.platform import client_credentials_token


async def test_create_app_shows_secret_once(client, org):
    app = await org.add_app(scopes=["mail:read"], redirect_uris=["https://oa.example/cb"])
    assert app["client_secret"].startswith("mpcs_")
    got = await client.get(f"/v1/apps/{app['id']}", headers=await org.headers())
    assert "client_secret" not in got.json()
    listed = await client.get("/v1/apps", headers=await org.headers())
    assert all("client_secret" not in a for a in listed.json()["data"])


async def test_unknown_scope_is_422(client, org):
    resp = await client.post("/v1/apps", json={"name": "x", "scopes": ["mail:everything"]}, headers=await org.headers())
    assert resp.status_code == 422 and resp.json()["param"] == "scopes"


async def test_an_app_cannot_grant_more_than_it_holds(client, org):
    limited = await org.add_app(scopes=["apps:manage", "mail:read"])
    token = await client_credentials_token(client, limited["client_id"], limited["client_secret"])
    resp = await client.post(
        "/v1/apps", json={"name": "escalate", "scopes": ["directory:write"]},
        headers={"Authorization": f"Bearer {token}"},
    )
    assert resp.status_code == 422


async def test_http_redirect_uri_allowed_only_for_loopback(client, org):
    bad = await client.post("/v1/apps", json={"name": "x", "redirect_uris": ["http://oa.example/cb"]}, headers=await org.headers())
    assert bad.status_code == 422
    ok = await client.post("/v1/apps", json={"name": "x", "redirect_uris": ["http://127.0.0.1:9000/cb"]}, headers=await org.headers())
    assert ok.status_code == 201
    frag = await client.post("/v1/apps", json={"name": "x", "redirect_uris": ["https://a.example/cb#x"]}, headers=await org.headers())
    assert frag.status_code == 422


async def test_public_app_needs_a_redirect_uri(client, org):
    resp = await client.post("/v1/apps", json={"name": "x", "client_type": "public"}, headers=await org.headers())
    assert resp.status_code == 422


async def test_secret_rotation_keeps_old_secret_for_grace_period(client, org):
    app = await org.add_app(scopes=["mail:read"])
    old = app["client_secret"]
    rotated = await client.post(f"/v1/apps/{app['id']}/secrets", json={"grace_seconds": 3600}, headers=await org.headers())
    assert rotated.status_code == 201
    new = rotated.json()["client_secret"]
    assert new != old and rotated.json()["secret_expires_previous_at"]
    for secret in (old, new):
        await client_credentials_token(client, app["client_id"], secret)


async def test_secret_rotation_without_grace_kills_old_secret(client, org):
    app = await org.add_app(scopes=["mail:read"])
    await client.post(f"/v1/apps/{app['id']}/secrets", json={"grace_seconds": 0}, headers=await org.headers())
    resp = await client.post(
        "/oauth/token", data={"grant_type": "client_credentials"}, auth=(app["client_id"], app["client_secret"])
    )
    assert resp.status_code == 401


async def test_narrowing_scopes_revokes_the_apps_tokens(client, org):
    app = await org.add_app(scopes=["mail:read", "directory:read"])
    token = await client_credentials_token(client, app["client_id"], app["client_secret"])
    headers = {"Authorization": f"Bearer {token}"}
    assert (await client.get("/v1/me", headers=headers)).status_code == 200
    await client.patch(f"/v1/apps/{app['id']}", json={"scopes": ["mail:read"]}, headers=await org.headers())
    org.runtime.tokens.clear()
    assert (await client.get("/v1/me", headers=headers)).status_code == 401


async def test_disabled_app_cannot_get_tokens(client, org):
    app = await org.add_app(scopes=["mail:read"])
    await client.patch(f"/v1/apps/{app['id']}", json={"disabled": True}, headers=await org.headers())
    resp = await client.post(
        "/oauth/token", data={"grant_type": "client_credentials"}, auth=(app["client_id"], app["client_secret"])
    )
    assert resp.status_code == 401


async def test_delete_app_revokes_tokens_and_is_audited(client, org):
    app = await org.add_app(scopes=["mail:read"])
    token = await client_credentials_token(client, app["client_id"], app["client_secret"])
    resp = await client.delete(f"/v1/apps/{app['id']}", headers=await org.headers())
    assert resp.status_code == 204
    org.runtime.tokens.clear()
    assert (await client.get("/v1/me", headers={"Authorization": f"Bearer {token}"})).status_code == 401
    assert (await client.get(f"/v1/apps/{app['id']}", headers=await org.headers())).status_code == 404
    audit = await client.get("/v1/audit/entries", params={"target_id": app["id"]}, headers=await org.headers())
    assert [e["action"] for e in audit.json()["data"]] == ["app.deleted", "app.created"]


async def test_member_user_token_cannot_manage_apps(client, org):
    from tests.factories.platform import user_tokens

    await org.add_account("alice")
    tokens = await user_tokens(org, "alice@acme.test", "mail:read apps:manage")
    resp = await client.get("/v1/apps", headers={"Authorization": f"Bearer {tokens['access_token']}"})
    assert resp.status_code == 403


async def test_admin_user_token_can_manage_apps(client, org):
    from tests.factories.platform import user_tokens

    tokens = await user_tokens(org, "admin@acme.test", "apps:manage")
    resp = await client.get("/v1/apps", headers={"Authorization": f"Bearer {tokens['access_token']}"})
    assert resp.status_code == 200


async def test_audit_filters_and_pagination(client, org):
    headers = await org.headers()
    for i in range(3):
        await client.post("/v1/apps", json={"name": f"a{i}"}, headers=headers)
    page = await client.get("/v1/audit/entries", params={"action": "app.*", "limit": 2}, headers=headers)
    body = page.json()
    assert len(body["data"]) == 2 and body["next_cursor"]
    assert all(e["action"].startswith("app.") for e in body["data"])
    rest = await client.get(
        "/v1/audit/entries", params={"action": "app.*", "cursor": body["next_cursor"]}, headers=headers
    )
    ids = [e["id"] for e in body["data"] + rest.json()["data"]]
    assert len(ids) == len(set(ids)) >= 4  # three plus the admin console app


async def test_graphql_create_and_update_app(client, org):
    headers = await org.headers()
    created = await client.post("/graphql", headers=headers, json={"query": """
        mutation { createApp(input: {name: "gql", scopes: ["mail:read"]}) { app { id scopes } clientSecret } }"""})
    data = created.json()["data"]["createApp"]
    assert data["clientSecret"].startswith("mpcs_") and data["app"]["scopes"] == ["mail:read"]
    updated = await client.post("/graphql", headers=headers, json={
        "query": "mutation($id: ID!) { updateApp(id: $id, input: {name: \"renamed\"}) { name } }",
        "variables": {"id": data["app"]["id"]}})
    assert updated.json()["data"]["updateApp"]["name"] == "renamed"


async def test_graphql_bad_input_is_a_validation_error(client, org):
    resp = await client.post("/graphql", headers=await org.headers(), json={"query": """
        mutation { createApp(input: {name: "x", scopes: ["bogus"]}) { app { id } } }"""})
    assert resp.json()["errors"][0]["extensions"]["code"] == "validation_failed"


async def test_graphql_scopes_enforced(client, org):
    resp = await client.post("/graphql", headers=await org.headers("directory:read"),
                             json={"query": "{ apps { data { id } } }"})
    assert resp.json()["errors"][0]["extensions"]["code"] == "insufficient_scope"
    anon = await client.post("/graphql", json={"query": "{ me { orgId } }"})
    assert anon.json()["errors"][0]["extensions"]["code"] == "unauthorized"


async def test_graphql_depth_alias_and_token_limits(client, org):
    headers = await org.headers()
    aliases = " ".join(f"a{i}: me {{ orgId }}" for i in range(40))
    resp = await client.post("/graphql", headers=headers, json={"query": "{ " + aliases + " }"})
    assert resp.json()["errors"]
    huge = "{ me { " + " ".join(["orgId"] * 3000) + " } }"
    resp = await client.post("/graphql", headers=headers, json={"query": huge})
    assert resp.json()["errors"]


async def test_graphql_introspection_can_be_disabled(settings, org):
    import httpx

    from api.app import create_app
    from api.runtime import Runtime

    closed = settings.model_copy(update={"graphql_introspection": False})
    runtime = Runtime.build(closed)
    app = create_app(closed, runtime=runtime, migrate=False)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as c:
        resp = await c.post("/graphql", headers=await org.headers(), json={"query": "{ __schema { types { name } } }"})
    await runtime.db.dispose()
    assert resp.json()["errors"]
