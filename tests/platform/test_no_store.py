"""API answers carry `Cache-Control: no-store` (secrets shown once must not sit in a cache),
replays and errors included; an answer that sets its own Cache-Control keeps it; health
checks are left alone."""

from __future__ import annotations

from tests.factories.directory import create_account


async def test_shown_once_secrets_and_their_replays_are_not_stored(client, org) -> None:
    alice = await create_account(org, "alice")
    headers = {**await org.headers(), "Idempotency-Key": "no-store-1"}
    path = f"/v1/accounts/{alice['id']}/app-passwords"
    made = await client.post(path, json={"name": "Thunderbird"}, headers=headers)
    assert made.status_code == 201 and made.headers["cache-control"] == "no-store"
    replay = await client.post(path, json={"name": "Thunderbird"}, headers=headers)
    assert replay.json() == made.json() and replay.headers["cache-control"] == "no-store"

    listed = await client.get(path, headers=await org.headers())
    missing = await client.get("/v1/accounts/nobody@acme.test", headers=await org.headers())
    unauthenticated = await client.get(path)
    graphql = await client.post("/graphql", json={"query": "{ me { id } }"},
                                headers=await org.headers())
    for resp in (listed, missing, unauthenticated, graphql):
        assert resp.headers["cache-control"] == "no-store", (resp.status_code, resp.text)
    assert (missing.status_code, unauthenticated.status_code) == (404, 401)


async def test_health_is_left_alone_and_own_cache_control_is_kept(client) -> None:
    assert "cache-control" not in (await client.get("/healthz")).headers
    token = await client.post("/oauth/token", data={"grant_type": "client_credentials",
                                                    "client_id": "nobody", "client_secret": "x"})
    assert token.status_code == 400 and token.json()["error"] == "invalid_client"
    assert token.headers.get_list("cache-control") == ["no-store"]  # set once, not twice
