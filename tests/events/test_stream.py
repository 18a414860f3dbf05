"""The live event stream over a real server: SSE resumed with Last-Event-ID, heartbeats,
WebSocket, GraphQL subscriptions (graphql-transport-ws), and the SDK's resuming iterator."""

from __future__ import annotations

import asyncio
import json
import threading
import time
from collections.abc import AsyncIterator

import httpx
import pytest
import websockets
from mailplane_sdk import EventStream, Mailplane

from api.events import repository as events_repository
from tests.events.live import LiveServer
from tests.factories.webhooks import emit_events


@pytest.fixture
def server(settings) -> AsyncIterator[LiveServer]:
    live = LiveServer(settings).start()
    yield live
    live.stop()


async def _sse(
    http: httpx.AsyncClient, token: str, *, want, params=None, headers=None, timeout: float = 10.0
) -> list[tuple]:
    """Read SSE messages (id, event, data) and heartbeats ("hb",) until `want(msgs)`."""
    msgs: list[tuple] = []

    async def read() -> None:
        async with http.stream(
            "GET",
            "/v1/events/stream",
            params=params or {},
            headers={"Authorization": f"Bearer {token}", **(headers or {})},
        ) as resp:
            assert resp.status_code == 200, await resp.aread()
            assert resp.headers["content-type"].startswith("text/event-stream")
            current: dict[str, str] = {}
            async for line in resp.aiter_lines():
                if line.startswith(": heartbeat"):
                    msgs.append(("hb",))
                elif line == "" and "data" in current:
                    msgs.append((int(current["id"]), current["event"], json.loads(current["data"])))
                    current = {}
                elif ":" in line and not line.startswith(":"):
                    k, _, v = line.partition(":")
                    current[k] = v.strip()
                if want(msgs):
                    return

    await asyncio.wait_for(read(), timeout)
    return msgs


async def _head(org) -> int:
    """The newest sequence: streams started `after` it see exactly what comes next."""
    async with org.runtime.db.session(write=False) as session:
        return await events_repository.head(session, org.id)


def _events(msgs):
    return [m for m in msgs if m[0] != "hb"]


async def test_sse_delivers_live_events_and_resumes_after_last_event_id(server, org):
    token = await org.token("directory:read")
    first = await emit_events(org, "directory.account.created", 3)
    async with httpx.AsyncClient(base_url=server.url, timeout=10) as http:
        msgs = await _sse(
            http,
            token,
            params={"after": 0, "types": "directory.account.*"},
            want=lambda m: first[-1] in [x[2]["id"] for x in _events(m)],
        )
        got = _events(msgs)
        assert [x[2]["id"] for x in got][-3:] == first
        assert all(x[1] == "directory.account.created" for x in got)
        resume_from = got[-2][0]  # the client saw up to the second one
        later = asyncio.create_task(
            _sse(
                http,
                token,
                headers={"Last-Event-ID": str(resume_from)},
                want=lambda m: len(_events(m)) >= 2,
            )
        )
        await asyncio.sleep(0.3)
        [live] = await emit_events(org, "directory.account.updated", 1)
        resumed = _events(await later)
        assert [x[2]["id"] for x in resumed] == [first[-1], live]
        assert resumed[0][0] == resume_from + 1


async def test_sse_sends_heartbeats_and_only_visible_types(server, org):
    token = await org.token("mail:read")
    head = await _head(org)
    async with httpx.AsyncClient(base_url=server.url, timeout=10) as http:
        reading = asyncio.create_task(
            _sse(
                http,
                token,
                params={"after": head},
                want=lambda m: len(_events(m)) >= 1 and m.count(("hb",)) >= 1,
            )
        )
        await asyncio.sleep(0.2)
        await emit_events(org, "directory.account.created", 1)  # not visible with mail:read
        [mail] = await emit_events(org, "mail.message.received", 1, account_id="acc_1")
        msgs = await reading
    assert [x[2]["id"] for x in _events(msgs)] == [mail]


async def test_sse_refuses_missing_tokens_and_positions_past_retention(server, org, runtime):
    from datetime import timedelta

    from sqlalchemy import update

    from api.events.retention import purge
    from api.kit.clock import utcnow
    from api.storage.models import Event

    async with httpx.AsyncClient(base_url=server.url, timeout=10) as http:
        assert (await http.get("/v1/events/stream")).status_code == 401
        await emit_events(org, "directory.account.created", 2)
        async with runtime.db.session() as session:
            await session.execute(update(Event).values(occurred_at=utcnow() - timedelta(days=31)))
        await emit_events(org, "directory.account.created", 1)
        await purge(runtime.db, retention_days=30)
        resp = await http.get(
            "/v1/events/stream",
            params={"after": 1},
            headers={"Authorization": f"Bearer {await org.token()}"},
        )
        assert resp.status_code == 410 and resp.json()["code"] == "resync_required"


async def test_websocket_stream_with_bearer_token_and_resume(server, org):
    token = await org.token("directory:read")
    ws_url = server.url.replace("http", "ws") + "/v1/events/ws"
    [old] = await emit_events(org, "directory.group.created", 1)
    async with websockets.connect(
        ws_url + "?types=directory.group.*&after=0",
        additional_headers={"Authorization": f"Bearer {token}"},
    ) as ws:
        ready = json.loads(await asyncio.wait_for(ws.recv(), 5))
        assert ready == {"type": "ready", "after": 0}
        first = json.loads(await asyncio.wait_for(ws.recv(), 5))
        assert first["type"] == "event" and first["event"]["id"] == old
        [new] = await emit_events(org, "directory.group.updated", 1)
        await emit_events(org, "directory.account.created", 1)  # filtered out
        kinds = []
        while True:
            msg = json.loads(await asyncio.wait_for(ws.recv(), 5))
            kinds.append(msg["type"])
            if msg["type"] == "event":
                assert msg["event"]["id"] == new
                break
        heartbeat = json.loads(await asyncio.wait_for(ws.recv(), 5))
        assert heartbeat == {"type": "heartbeat"}


async def test_websocket_without_a_token_is_closed_with_an_error(server):
    ws_url = server.url.replace("http", "ws") + "/v1/events/ws"
    async with websockets.connect(ws_url) as ws:
        msg = json.loads(await asyncio.wait_for(ws.recv(), 5))
        assert msg["type"] == "error" and msg["error"]["code"] == "unauthorized"
        with pytest.raises(websockets.ConnectionClosed) as closed:
            await asyncio.wait_for(ws.recv(), 5)
    assert closed.value.rcvd.code == 4401


async def _gql_ws(server, token):
    return websockets.connect(
        server.url.replace("http", "ws") + "/graphql",
        subprotocols=["graphql-transport-ws"],
        additional_headers={"Authorization": f"Bearer {token}"},
    )


async def test_graphql_subscription_streams_events_with_the_same_scopes(server, org):
    head = await _head(org)
    query = (
        f'subscription {{ events(types: ["directory.*", "mail.*"], after: {head}) '
        "{ id type sequence data } }"
    )
    async with await _gql_ws(server, await org.token("directory:read")) as ws:
        await ws.send(json.dumps({"type": "connection_init"}))
        assert json.loads(await asyncio.wait_for(ws.recv(), 5))["type"] == "connection_ack"
        await ws.send(json.dumps({"id": "1", "type": "subscribe", "payload": {"query": query}}))
        await asyncio.sleep(0.3)
        await emit_events(org, "mail.message.received", 1, account_id="acc_1")  # needs mail:read
        [seen] = await emit_events(org, "directory.account.created", 1)
        msg = json.loads(await asyncio.wait_for(ws.recv(), 5))
        assert msg["type"] == "next" and msg["id"] == "1"
        assert msg["payload"]["data"]["events"]["id"] == seen
        assert msg["payload"]["data"]["events"]["type"] == "directory.account.created"


async def test_graphql_subscription_without_a_read_scope_errors(server, org):
    query = "subscription { events { id } }"
    async with await _gql_ws(server, await org.token("mail:send")) as ws:
        await ws.send(json.dumps({"type": "connection_init"}))
        await asyncio.wait_for(ws.recv(), 5)
        await ws.send(json.dumps({"id": "1", "type": "subscribe", "payload": {"query": query}}))
        msg = json.loads(await asyncio.wait_for(ws.recv(), 5))
        errors = msg["payload"] if msg["type"] == "error" else msg["payload"]["errors"]
        assert errors[0]["extensions"]["code"] == "insufficient_scope"
        assert "data" not in msg["payload"] or msg["payload"]["data"] is None


async def test_sdk_event_stream_resumes_after_the_server_goes_away(settings, org):
    live = LiveServer(settings).start()
    mp = Mailplane(live.url, org.client_id, org.client_secret, scopes=["directory:read"])
    got: list[dict] = []
    done = threading.Event()
    events = EventStream(
        mp, types=["directory.account.*"], after=await _head(org), reconnect_delay=0.2,
        read_timeout=5,
    )

    def consume() -> None:
        for event in events:
            got.append(event)
            if len(got) == 4:
                events.close()
                break
        done.set()

    thread = threading.Thread(target=consume, daemon=True)
    thread.start()
    try:
        await asyncio.sleep(1.0)
        before = await emit_events(org, "directory.account.created", 2)
        deadline = time.monotonic() + 10
        while len(got) < 2 and time.monotonic() < deadline:
            await asyncio.sleep(0.05)
        assert [e["id"] for e in got] == before
        await asyncio.to_thread(live.stop)
        missed = await emit_events(org, "directory.account.updated", 2)  # while it is down
        await asyncio.sleep(0.5)
        live = LiveServer(settings, port=live.port).start()
        assert await asyncio.to_thread(done.wait, 20)
        assert [e["id"] for e in got] == before + missed
        assert events.reconnects >= 1
    finally:
        events.close()
        mp.close()
        live.stop()
