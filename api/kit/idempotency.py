"""`Idempotency-Key` on every mutation, Stripe's way.

The first request with a key claims it (a `running` row committed before the handler
runs); a concurrent twin gets 409, a replay gets the stored response byte for byte, and
the same key with another method, path or body gets 422. Keys are per caller, kept 24 h.
Server errors (5xx) release the key so the caller can retry.

A claim dies with its holder: the running row carries a lease (`idempotency_lease`,
seconds) that the holder renews while the handler runs. The request's own transaction
marks the row `committed` together with its effect (`mark_committed`, called by the
request session before it commits). So after a crash a retry finds either a `running` row
whose lease lapsed (the effect never committed: the request runs again), a `done` row (the
stored response is replayed) or, in the few milliseconds between the effect's commit and
the response's storage, a `committed` row whose lease lapsed (409
`idempotency_response_lost`: it took effect, do not run it again). Stored bodies are sealed
(encrypted under the server secret): responses that carry a secret shown once (an app's
client secret, an app password, a generated account password) must not sit in the
database in clear for a day.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
from datetime import datetime, timedelta
from typing import Any, Protocol

from sqlalchemy import delete, or_, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from api.config import Settings
from api.errors import (
    IdempotencyInProgress,
    IdempotencyKeyReused,
    IdempotencyResponseLost,
    ValidationFailed,
    send_problem,
)
from api.kit import sealing
from api.kit.clock import utcnow
from api.storage.db import Database
from api.storage.models import IdempotencyRecord

MUTATING = {"POST", "PUT", "PATCH", "DELETE"}
MAX_KEY = 255
MAX_STORED_BODY = 4 * 1024 * 1024
SEALED = b"sealed:v1:"
PURPOSE = "idempotency response v1"
CLAIM = "idempotency_claim"  # scope["state"] key: (caller, key) of the request's claim


class Runtime(Protocol):
    """What of `api.runtime.Runtime` this needs (kit sits below the runtime, which builds
    identity's token cache and rate limiter)."""

    settings: Settings
    db: Database


class IdempotencyMiddleware:
    def __init__(self, app: Any, runtime: Runtime) -> None:
        self.app = app
        self.runtime = runtime

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope["method"] not in MUTATING:
            await self.app(scope, receive, send)
            return
        key_raw = dict(scope["headers"]).get(b"idempotency-key")
        state = scope.setdefault("state", {})
        principal = state.get("principal")
        if key_raw is None or principal is None:
            await self.app(scope, receive, send)
            return
        rid = state.get("request_id")
        key = key_raw.decode("latin-1")
        if not 0 < len(key) <= MAX_KEY:
            await send_problem(
                send,
                ValidationFailed("Idempotency-Key must be 1 to 255 characters.", param="Idempotency-Key"),
                rid,
                scope,
            )
            return
        body = state.get("body", b"")
        fingerprint = hashlib.sha256(
            b"\0".join([scope["method"].encode(), scope["path"].encode(), scope.get("query_string", b""), body])
        ).hexdigest()
        caller = principal.caller_id
        db = self.runtime.db

        claimed, existing = await self._claim(caller, key, fingerprint)
        if not claimed:
            if existing is not None and existing.fingerprint != fingerprint:
                await send_problem(
                    send,
                    IdempotencyKeyReused(
                        "This Idempotency-Key was used with a different request.",
                        param="Idempotency-Key",
                    ),
                    rid,
                    scope,
                )
            elif existing is not None and existing.state == "committed" and _lapsed(existing):
                await send_problem(
                    send,
                    IdempotencyResponseLost(
                        "The first request with this key took effect, but the server stopped "
                        "before storing its response. Do not repeat it: read the resource to "
                        "see the result."
                    ),
                    rid,
                )
            elif existing is None or existing.state != "done":
                await send_problem(
                    send,
                    IdempotencyInProgress("The first request with this key is still running."),
                    rid,
                    scope,
                )
            else:
                await _replay(send, existing, self.runtime.settings.signing_key())
            return

        status = 500
        headers: list[list[str]] = []
        parts: list[bytes] = []
        size = 0

        settled = False

        async def settle() -> None:
            """Store the outcome (or release the key) before the caller can see the answer,
            so a retry sent the moment the response arrives is replayed, not refused."""
            nonlocal settled
            if settled:
                return
            settled = True
            heartbeat.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await heartbeat
            async with db.session() as session:
                record = await session.get(IdempotencyRecord, (caller, key))
                if record is None:
                    return
                committed = record.state == "committed"
                if not committed and (status >= 500 or status == 429 or size > MAX_STORED_BODY):
                    await session.delete(record)
                    return
                record.state = "done"
                record.lease_until = None
                record.status_code = status
                record.headers = headers
                record.body = SEALED + sealing.seal(
                    self.runtime.settings.signing_key(), PURPOSE, b"".join(parts)
                )

        async def capture(message: dict[str, Any]) -> None:
            nonlocal status, headers, size
            if message["type"] == "http.response.start":
                status = message["status"]
                headers = [
                    [k.decode("latin-1"), v.decode("latin-1")]
                    for k, v in message.get("headers", [])
                    if k.lower() not in (b"x-request-id", b"ratelimit-remaining", b"ratelimit-reset")
                ]
            elif message["type"] == "http.response.body":
                size += len(message.get("body", b""))
                if size <= MAX_STORED_BODY:
                    parts.append(message.get("body", b""))
                if not message.get("more_body", False):
                    await settle()
            await send(message)

        state[CLAIM] = (caller, key)
        heartbeat = asyncio.create_task(self._renew(caller, key))
        try:
            await self.app(scope, receive, capture)
        finally:
            await settle()

    async def _renew(self, caller: str, key: str) -> None:
        """Keep the claim's lease fresh while the handler runs (a third of the lease apart)."""
        lease = self.runtime.settings.idempotency_lease
        while True:
            await asyncio.sleep(lease / 3)
            async with self.runtime.db.session() as session:
                await session.execute(
                    update(IdempotencyRecord)
                    .where(IdempotencyRecord.caller == caller, IdempotencyRecord.key == key,
                           IdempotencyRecord.state != "done")
                    .values(lease_until=utcnow() + timedelta(seconds=lease))
                )

    async def _claim(
        self, caller: str, key: str, fingerprint: str
    ) -> tuple[bool, IdempotencyRecord | None]:
        db = self.runtime.db
        now = utcnow()
        settings = self.runtime.settings
        ttl = timedelta(seconds=settings.idempotency_ttl)
        async with db.session() as session:
            existing = await session.get(IdempotencyRecord, (caller, key))
            live = existing is not None and existing.expires_at > now
            if existing is not None and live and not _holder_died(existing, now):
                return False, existing
            if existing is not None:
                # Only the row just read: a twin retry that re-claimed it first keeps its claim.
                gone = await session.execute(
                    delete(IdempotencyRecord).where(
                        IdempotencyRecord.caller == caller, IdempotencyRecord.key == key,
                        IdempotencyRecord.state == existing.state,
                        or_(IdempotencyRecord.expires_at <= now,
                            IdempotencyRecord.lease_until.is_(None),
                            IdempotencyRecord.lease_until <= now),
                    )
                )
                if not gone.rowcount:  # type: ignore[attr-defined]
                    return False, None
                session.expunge(existing)
            session.add(
                IdempotencyRecord(
                    caller=caller, key=key, fingerprint=fingerprint, state="running",
                    created_at=now, expires_at=now + ttl,
                    lease_until=now + timedelta(seconds=settings.idempotency_lease),
                )
            )
            try:
                await session.flush()
            except IntegrityError:
                await session.rollback()
                found = await session.get(IdempotencyRecord, (caller, key))
                return False, found
        return True, None


def _lapsed(record: IdempotencyRecord, now: datetime | None = None) -> bool:
    return record.lease_until is None or record.lease_until <= (now or utcnow())


def _holder_died(record: IdempotencyRecord, now: datetime) -> bool:
    """A running claim whose lease lapsed: its process died before the effect committed."""
    return record.state == "running" and _lapsed(record, now)


async def mark_committed(session: AsyncSession, claim: tuple[str, str] | None) -> None:
    """In the request's own transaction, with its effect: the claim's request took effect."""
    if claim is None:
        return
    caller, key = claim
    await session.execute(
        update(IdempotencyRecord)
        .where(IdempotencyRecord.caller == caller, IdempotencyRecord.key == key,
               IdempotencyRecord.state == "running")
        .values(state="committed")
    )


def _opened(stored: bytes | None, secret: str) -> bytes:
    if stored and stored.startswith(SEALED):
        return sealing.unseal(secret, PURPOSE, stored[len(SEALED):])
    return stored or b""  # written before bodies were sealed


async def _replay(send: Any, record: IdempotencyRecord, secret: str) -> None:
    body = _opened(record.body, secret)
    headers = [(k.encode("latin-1"), v.encode("latin-1")) for k, v in record.headers or []]
    headers.append((b"idempotent-replayed", b"true"))
    await send({"type": "http.response.start", "status": record.status_code, "headers": headers})
    await send({"type": "http.response.body", "body": body})


async def purge_expired(runtime: Runtime) -> int:
    async with runtime.db.session() as session:
        result = await session.execute(
            delete(IdempotencyRecord).where(IdempotencyRecord.expires_at < utcnow())
        )
        return int(result.rowcount or 0)  # type: ignore[attr-defined]


__all__ = ["CLAIM", "IdempotencyMiddleware", "mark_committed", "purge_expired"]
