"""The states a crash can leave an Idempotency-Key in, and what a retry then gets."""

from __future__ import annotations

import hashlib
import json
from datetime import timedelta

from api.kit.clock import utcnow
from api.storage.models import IdempotencyRecord

BODY = json.dumps(
    {"name": "Retried app", "client_type": "confidential", "scopes": ["mail:read"]}
).encode()
FINGERPRINT = hashlib.sha256(b"\0".join([b"POST", b"/v1/apps", b"", BODY])).hexdigest()


async def _plant(org, key: str, state: str, lease_seconds: float | None) -> None:
    now = utcnow()
    async with org.runtime.db.session() as session:
        session.add(
            IdempotencyRecord(
                caller=f"app:{org.client_id}",
                key=key,
                fingerprint=FINGERPRINT,
                state=state,
                created_at=now,
                expires_at=now + timedelta(hours=24),
                lease_until=None
                if lease_seconds is None
                else now + timedelta(seconds=lease_seconds),
            )
        )


async def _post(client, org, key: str):
    headers = {**await org.headers(), "Idempotency-Key": key, "Content-Type": "application/json"}
    return await client.post("/v1/apps", content=BODY, headers=headers)


async def test_running_key_of_a_live_holder_is_in_progress(client, org):
    await _plant(org, "k-live", "running", 30)
    resp = await _post(client, org, "k-live")
    assert resp.status_code == 409 and resp.json()["code"] == "idempotency_in_progress"


async def test_running_key_whose_lease_lapsed_runs_again(client, org):
    await _plant(org, "k-dead", "running", -1)
    resp = await _post(client, org, "k-dead")
    assert resp.status_code == 201, resp.text
    replay = await _post(client, org, "k-dead")
    assert replay.headers["idempotent-replayed"] == "true" and replay.json() == resp.json()


async def test_running_key_from_before_leases_runs_again(client, org):
    await _plant(org, "k-old", "running", None)
    assert (await _post(client, org, "k-old")).status_code == 201


async def test_committed_key_whose_holder_died_is_never_run_twice(client, org):
    await _plant(org, "k-lost", "committed", -1)
    resp = await _post(client, org, "k-lost")
    assert resp.status_code == 409 and resp.json()["code"] == "idempotency_response_lost"
    apps = await client.get("/v1/apps", headers=await org.headers())
    assert "Retried app" not in apps.text


async def test_the_request_transaction_marks_its_key_committed(client, org):
    """The effect and the `committed` mark share one transaction: a finished request's key
    is `done` with the stored response, never left `running`."""
    resp = await _post(client, org, "k-fresh")
    assert resp.status_code == 201
    async with org.runtime.db.session(write=False) as session:
        row = await session.get(IdempotencyRecord, (f"app:{org.client_id}", "k-fresh"))
    assert row.state == "done" and row.lease_until is None and row.status_code == 201
