"""A change committed by any process reaches the event stream and the bearer-token cache of
every other process within a second, through PostgreSQL LISTEN/NOTIFY: two real api
processes whose polling is slowed to 30 s, so only the notification can be that fast."""

from __future__ import annotations

import asyncio
import json
import time

import httpx
import pytest

from api.config import Settings
from tests.conftest import PG_URL
from tests.factories.webhooks import emit_events
from tests.scale.processes import RoleProcess, role_env

pytestmark = pytest.mark.skipif(
    not PG_URL,
    reason="LISTEN/NOTIFY is PostgreSQL's (SQLite is one machine; the PostgreSQL run covers it)")


@pytest.fixture(scope="module")
def two_api(database_template, tmp_path_factory):  # type: ignore[no-untyped-def]
    root = tmp_path_factory.mktemp("two-api")
    settings = Settings(database_url=database_template, data_dir=root / "data",
                        secret_key="test-secret-key-not-for-production")
    env = role_env(settings, event_poll_interval=30, token_cache_seconds=30,
                   event_stream_heartbeat=60)
    procs = [RoleProcess("api", env, root / f"api{n}.log").start(wait=False) for n in (1, 2)]
    try:
        for p in procs:
            p.wait_ready()
        yield procs
    finally:
        for p in procs:
            p.stop()


async def next_sse_event(lines) -> dict:  # type: ignore[no-untyped-def, type-arg]
    current: dict[str, str] = {}
    async for line in lines:
        if line == "" and "data" in current:
            return json.loads(current["data"])
        if ":" in line and not line.startswith(":"):
            k, _, v = line.partition(":")
            current[k] = v.strip()
    raise AssertionError("stream ended")


async def test_events_committed_anywhere_reach_every_process_stream_within_a_second(
    org, two_api
):
    first, second = two_api
    token = await org.token()
    auth = {"Authorization": f"Bearer {token}"}
    async with httpx.AsyncClient(base_url=second.url, timeout=30) as http:
        async with http.stream("GET", "/v1/events/stream", headers=auth) as resp:
            assert resp.status_code == 200
            lines = resp.aiter_lines()
            await asyncio.sleep(0.5)  # the stream has read its start position
            # committed by this test process (a third one)
            sent = time.monotonic()
            [event_id] = await emit_events(org, "directory.account.updated")
            got = await asyncio.wait_for(next_sse_event(lines), 5)
            assert got["id"] == event_id
            assert time.monotonic() - sent < 1.0
            # committed by the first api process through its REST API
            async with httpx.AsyncClient(base_url=first.url, timeout=30) as api:
                made = await api.post("/v1/accounts", headers=auth, json={
                    "address": f"newcomer@{org.domain}", "display_name": "Newcomer",
                    "password": "Corr3ct-Horse-Battery"})
                assert made.status_code == 201, made.text
                committed = time.monotonic()  # the answer comes after the commit
            got = await asyncio.wait_for(next_sse_event(lines), 5)
            assert got["type"] == "directory.account.created"
            assert time.monotonic() - committed < 1.0


async def test_token_revoked_through_one_process_is_refused_by_the_other_at_once(org, two_api):
    first, second = two_api
    token = await org.token()
    auth = {"Authorization": f"Bearer {token}"}
    async with httpx.AsyncClient(timeout=30) as http:
        assert (await http.get(second.url + "/v1/accounts", headers=auth)).status_code == 200
        revoked = await http.post(first.url + "/oauth/revoke", data={"token": token},
                                  auth=(org.client_id, org.client_secret))
        assert revoked.status_code == 200
        # the second process cached the token for 30 s; the notification empties the cache
        deadline = time.monotonic() + 1.0
        while True:
            status = (await http.get(second.url + "/v1/accounts", headers=auth)).status_code
            if status == 401 or time.monotonic() > deadline:
                break
            await asyncio.sleep(0.05)
        assert status == 401
