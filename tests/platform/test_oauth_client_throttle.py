"""Guessing client secrets at the OAuth endpoints is throttled like guessing passwords:
per client id and per source address, 429 with Retry-After once locked."""

from __future__ import annotations

import httpx

from tests.factories.platform import client_credentials_token


async def _token(client, client_id: str, secret: str) -> httpx.Response:
    return await client.post("/oauth/token", data={"grant_type": "client_credentials"},
                             auth=(client_id, secret))


async def test_wrong_client_secrets_lock_the_client(client, org):
    statuses = [(await _token(client, org.client_id, f"mpcs_wrong{n}")).status_code
                for n in range(8)]
    assert statuses[:5] == [401] * 5
    assert set(statuses[5:]) == {429}
    locked = await _token(client, org.client_id, org.client_secret)  # even the right one
    assert locked.status_code == 429 and int(locked.headers["Retry-After"]) > 0
    assert locked.json()["error"] == "invalid_client"


async def test_the_lock_is_per_client_and_a_success_clears_the_count(client, org, other_org):
    for n in range(4):
        assert (await _token(client, org.client_id, f"mpcs_wrong{n}")).status_code == 401
    assert (await _token(client, org.client_id, org.client_secret)).status_code == 200
    for n in range(4):  # counted from zero again
        assert (await _token(client, org.client_id, f"mpcs_wrong{n}")).status_code == 401
    assert (await _token(client, org.client_id, org.client_secret)).status_code == 200
    for n in range(6):
        await _token(client, other_org.client_id, f"mpcs_wrong{n}")
    assert (await _token(client, org.client_id, org.client_secret)).status_code == 200


async def test_one_address_guessing_many_clients_is_locked(app, org):
    transport = httpx.ASGITransport(app=app, client=("198.51.100.9", 5000))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as attacker:
        statuses = [(await _token(attacker, f"app_guess{n}", "mpcs_x")).status_code
                    for n in range(55)]
        assert 429 in statuses and statuses[:50] == [401] * 50
        refused = await _token(attacker, org.client_id, org.client_secret)
        assert refused.status_code == 429
    # another address is unaffected
    assert await client_credentials_token(org.client, org.client_id, org.client_secret)


async def test_introspection_and_revocation_count_too(client, org):
    for n in range(5):
        await client.post("/oauth/introspect", data={"token": "x"}, auth=(org.client_id, f"w{n}"))
    resp = await client.post("/oauth/revoke", data={"token": "x"}, auth=(org.client_id, "w"))
    assert resp.status_code == 429
