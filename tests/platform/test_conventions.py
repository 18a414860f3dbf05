"""The API kit every endpoint shares: idempotency, ETags, errors, limits, pagination."""

from __future__ import annotations

import asyncio
import json

import httpx
import pytest

from api.app import create_app
from api.runtime import Runtime
from api.storage.models import IdempotencyRecord


async def test_idempotent_replay_returns_first_response_byte_for_byte(client, org):
    headers = {**await org.headers(), "Idempotency-Key": "create-portal-1"}
    body = {"name": "OA portal", "scopes": ["mail:read"]}
    first = await client.post("/v1/apps", json=body, headers=headers)
    second = await client.post("/v1/apps", json=body, headers=headers)
    assert first.status_code == second.status_code == 201
    assert first.content == second.content
    assert second.headers["idempotent-replayed"] == "true"
    listed = await client.get("/v1/apps", headers=await org.headers())
    assert [a["name"] for a in listed.json()["data"]].count("OA portal") == 1


async def test_stored_replay_keeps_the_shown_once_secret_sealed(client, org, runtime: Runtime):
    headers = {**await org.headers(), "Idempotency-Key": "create-portal-secret"}
    first = await client.post("/v1/apps", json={"name": "Sealed", "scopes": ["mail:read"]}, headers=headers)
    secret = first.json()["client_secret"].encode()
    async with runtime.db.session() as session:
        record = await session.get(IdempotencyRecord, (f"app:{org.client_id}", "create-portal-secret"))
    assert record is not None and record.body is not None
    assert secret not in record.body and b"client_secret" not in record.body
    second = await client.post("/v1/apps", json={"name": "Sealed", "scopes": ["mail:read"]}, headers=headers)
    assert second.json()["client_secret"] == secret.decode()


async def test_idempotency_key_with_different_body_is_422(client, org):
    headers = {**await org.headers(), "Idempotency-Key": "k-2"}
    await client.post("/v1/apps", json={"name": "A"}, headers=headers)
    resp = await client.post("/v1/apps", json={"name": "B"}, headers=headers)
    assert resp.status_code == 422
    assert resp.json()["code"] == "idempotency_key_reused"


async def test_idempotency_keys_are_scoped_per_caller(client, org, other_org):
    body = {"name": "Same"}
    a = await client.post("/v1/apps", json=body, headers={**await org.headers(), "Idempotency-Key": "shared"})
    b = await client.post("/v1/apps", json=body, headers={**await other_org.headers(), "Idempotency-Key": "shared"})
    assert a.status_code == b.status_code == 201
    assert a.json()["id"] != b.json()["id"]


async def test_idempotency_key_in_flight_is_409(settings, org):
    """A twin request arriving while the first still runs gets 409, not a second execution."""
    gate = asyncio.Event()
    runtime = Runtime.build(settings)
    app = create_app(settings, runtime=runtime, migrate=False)

    @app.post("/v1/_slow")
    async def slow() -> dict:
        await gate.wait()
        return {"ok": True}

    headers = {**await org.headers(), "Idempotency-Key": "slow-1"}
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as c:
        first = asyncio.create_task(c.post("/v1/_slow", json={}, headers=headers))
        await asyncio.sleep(0.3)
        twin = await c.post("/v1/_slow", json={}, headers=headers)
        gate.set()
        done = await first
    await runtime.db.dispose()
    assert twin.status_code == 409 and twin.json()["code"] == "idempotency_in_progress"
    assert done.status_code == 200


async def test_overlong_idempotency_key_is_422(client, org):
    resp = await client.post(
        "/v1/apps", json={"name": "x"}, headers={**await org.headers(), "Idempotency-Key": "k" * 256}
    )
    assert resp.status_code == 422


async def test_stale_if_match_is_412_and_changes_nothing(client, org):
    headers = await org.headers()
    app = await org.add_app(scopes=["mail:read"])
    got = await client.get(f"/v1/apps/{app['id']}", headers=headers)
    etag = got.headers["etag"]
    ok = await client.patch(f"/v1/apps/{app['id']}", json={"name": "v2"}, headers={**headers, "If-Match": etag})
    assert ok.status_code == 200 and ok.headers["etag"] != etag
    stale = await client.patch(f"/v1/apps/{app['id']}", json={"name": "v3"}, headers={**headers, "If-Match": etag})
    assert stale.status_code == 412 and stale.json()["code"] == "precondition_failed"
    assert (await client.get(f"/v1/apps/{app['id']}", headers=headers)).json()["name"] == "v2"


async def test_unknown_and_read_only_fields_are_rejected(client, org):
    headers = await org.headers()
    app = await org.add_app(scopes=["mail:read"])
    for field in ("org_id", "role", "id", "created_at", "nonsense"):
        resp = await client.patch(f"/v1/apps/{app['id']}", json={field: "x"}, headers=headers)
        assert resp.status_code == 422, field
        assert resp.json()["param"] == field


async def test_merge_patch_null_on_required_field_is_422(client, org):
    app = await org.add_app(scopes=["mail:read"])
    resp = await client.patch(f"/v1/apps/{app['id']}", json={"name": None}, headers=await org.headers())
    assert resp.status_code == 422


async def test_malformed_json_is_400(client, org):
    resp = await client.post(
        "/v1/apps", content=b'{"name": ', headers={**await org.headers(), "Content-Type": "application/json"}
    )
    assert resp.status_code == 400
    assert resp.json()["code"] == "malformed_request"


async def test_oversized_body_is_413_and_nothing_written(client, org):
    headers = await org.headers()
    before = len((await client.get("/v1/apps", headers=headers)).json()["data"])
    big = {"name": "x", "redirect_uris": ["https://a.example/" + "a" * (1024 * 1024)]}
    resp = await client.post("/v1/apps", json=big, headers=headers)
    assert resp.status_code == 413 and resp.json()["code"] == "payload_too_large"
    assert len((await client.get("/v1/apps", headers=headers)).json()["data"]) == before


async def test_chunked_oversized_body_is_413(client, org):
    async def chunks():
        for _ in range(20):
            yield b"x" * 100_000

    resp = await client.post(
        "/v1/apps", content=chunks(), headers={**await org.headers(), "Content-Type": "application/json"}
    )
    assert resp.status_code == 413


async def test_missing_scope_is_403_with_scope_challenge(client, org):
    resp = await client.get("/v1/apps", headers=await org.headers("directory:read"))
    assert resp.status_code == 403
    assert resp.json()["code"] == "insufficient_scope"
    assert 'scope="apps:manage"' in resp.headers["www-authenticate"]


async def test_unknown_route_is_problem_404(client):
    resp = await client.get("/v1/nope")
    assert resp.status_code == 404 and resp.json()["code"] == "not_found"


async def test_request_id_is_echoed_and_in_errors(client):
    resp = await client.get("/v1/me", headers={"X-Request-Id": "req_from_client_1"})
    assert resp.headers["x-request-id"] == "req_from_client_1"
    assert resp.json()["request_id"] == "req_from_client_1"


async def test_cursor_pagination_walks_every_app_once(client, org):
    headers = await org.headers()
    for i in range(7):
        await client.post("/v1/apps", json={"name": f"app {i}"}, headers=headers)
    seen, cursor = [], None
    while True:
        params = {"limit": 3, **({"cursor": cursor} if cursor else {})}
        page = (await client.get("/v1/apps", params=params, headers=headers)).json()
        seen += [a["id"] for a in page["data"]]
        if len(seen) == 3:  # an insert between pages must not shift or duplicate anything
            await client.post("/v1/apps", json={"name": "late"}, headers=headers)
        cursor = page["next_cursor"]
        if not cursor:
            break
    # 7 + the admin app + the web console (first-party) + the one inserted mid-walk
    assert len(seen) == len(set(seen)) == 10


@pytest.mark.parametrize("cursor", ["%%%", "bm90IGpzb24", "WzEsMiwzXQ"])
async def test_bad_cursor_is_400(client, org, cursor):
    resp = await client.get("/v1/apps", params={"cursor": cursor}, headers=await org.headers())
    assert resp.status_code == 400 and resp.json()["param"] == "cursor"


async def test_limit_out_of_range_is_422(client, org):
    resp = await client.get("/v1/apps", params={"limit": 501}, headers=await org.headers())
    assert resp.status_code == 422 and resp.json()["param"] == "limit"


async def test_rate_limit_per_app_is_429_with_headers(settings, org):
    limited = settings.model_copy(update={"rate_limit_app_per_minute": 3})
    runtime = Runtime.build(limited)
    app = create_app(limited, runtime=runtime, migrate=False)
    headers = await org.headers()
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as c:
        statuses = [(await c.get("/v1/me", headers=headers)) for _ in range(4)]
    await runtime.db.dispose()
    assert [r.status_code for r in statuses] == [200, 200, 200, 429]
    assert statuses[0].headers["ratelimit-limit"] == "3"
    assert statuses[2].headers["ratelimit-remaining"] == "0"
    last = statuses[3]
    assert last.json()["code"] == "rate_limited"
    assert 1 <= int(last.headers["retry-after"]) <= 60


async def test_rate_limits_are_shared_through_the_database(settings, org):
    """Two processes (two runtimes) on the database backend count into one window."""
    limited = settings.model_copy(update={"rate_limit_app_per_minute": 4, "rate_limit_backend": "database"})
    rts = [Runtime.build(limited) for _ in range(2)]
    apps = [create_app(limited, runtime=rt, migrate=False) for rt in rts]
    headers = await org.headers()
    codes = []
    for i in range(6):
        transport = httpx.ASGITransport(app=apps[i % 2])
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as c:
            codes.append((await c.get("/v1/me", headers=headers)).status_code)
    for rt in rts:
        await rt.db.dispose()
    assert codes == [200, 200, 200, 200, 429, 429]


async def test_app_creation_emits_event_in_same_transaction(client, org):
    from sqlalchemy import select

    from api.storage.models import Event

    app = await org.add_app(scopes=["mail:read"])
    async with org.runtime.db.session(write=False) as session:
        events = (await session.execute(
            select(Event).where(Event.org_id == org.id).order_by(Event.sequence)
        )).scalars().all()
    assert [e.sequence for e in events] == list(range(1, len(events) + 1))
    assert events[-1].type == "platform.app.created" and events[-1].data["app_id"] == app["id"]


async def test_health_readiness_and_metrics(client):
    assert (await client.get("/healthz")).json() == {"status": "ok"}
    ready = await client.get("/readyz")
    assert ready.status_code == 200 and ready.json()["database"] == "ok"
    metrics = (await client.get("/metrics")).text
    assert 'mailplane_http_requests_total{method="GET",route="/healthz",status="200"}' in metrics
    assert "mailplane_http_request_duration_seconds_bucket" in metrics


async def test_readiness_fails_when_database_is_unreachable(settings):
    broken = settings.model_copy(update={"database_url": "postgresql://nobody@127.0.0.1:1/none"})
    runtime = Runtime.build(broken)
    app = create_app(broken, runtime=runtime, migrate=False)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as c:
        resp = await c.get("/readyz")
    assert resp.status_code == 503
    assert json.loads(resp.content)["status"] == "unavailable"


async def test_value_the_database_cannot_hold_is_422_not_500(client, org):
    """Defence in depth: even where a query bound is missing, a database DataError is the
    caller's bad input."""
    resp = await client.get(
        "/v1/audit/entries", params={"action": "app.\x00created"}, headers=await org.headers()
    )
    assert resp.status_code in (200, 422)
    assert resp.status_code != 500
