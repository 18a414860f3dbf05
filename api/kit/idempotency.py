"""`Idempotency-Key` on every mutation, Stripe's way.

The first request with a key claims it (a `running` row committed before the handler
runs); a concurrent twin gets 409, a replay gets the stored response byte for byte, and
the same key with another method, path or body gets 422. Keys are per caller, kept 24 h.
Server errors (5xx) release the key so the caller can retry. Stored bodies are sealed
(encrypted under the server secret): responses that carry a secret shown once (an app's
client secret, an app password, a generated account password) must not sit in the
database in clear for a day.
"""

from __future__ import annotations

import hashlib
from datetime import timedelta
from typing import Any

from sqlalchemy import delete
from sqlalchemy.exc import IntegrityError

from api.errors import (
    IdempotencyInProgress,
    IdempotencyKeyReused,
    ValidationFailed,
    send_problem,
)
from api.kit import sealing
from api.kit.clock import utcnow
from api.runtime import Runtime
from api.storage.models import IdempotencyRecord

MUTATING = {"POST", "PUT", "PATCH", "DELETE"}
MAX_KEY = 255
MAX_STORED_BODY = 4 * 1024 * 1024
SEALED = b"sealed:v1:"
PURPOSE = "idempotency response v1"


class IdempotencyMiddleware:
    def __init__(self, app: Any, runtime: Runtime) -> None:
        self.app = app
        self.runtime = runtime

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope["method"] not in MUTATING:
            await self.app(scope, receive, send)
            return
        key_raw = dict(scope["headers"]).get(b"idempotency-key")
        state = scope.get("state", {})
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
            await send(message)

        try:
            await self.app(scope, receive, capture)
        finally:
            async with db.session() as session:
                record = await session.get(IdempotencyRecord, (caller, key))
                if record is not None:
                    if status >= 500 or status == 429 or size > MAX_STORED_BODY:
                        await session.delete(record)
                    else:
                        record.state = "done"
                        record.status_code = status
                        record.headers = headers
                        record.body = SEALED + sealing.seal(
                            self.runtime.settings.signing_key(), PURPOSE, b"".join(parts)
                        )

    async def _claim(
        self, caller: str, key: str, fingerprint: str
    ) -> tuple[bool, IdempotencyRecord | None]:
        db = self.runtime.db
        now = utcnow()
        ttl = timedelta(seconds=self.runtime.settings.idempotency_ttl)
        async with db.session() as session:
            existing = await session.get(IdempotencyRecord, (caller, key))
            if existing is not None and existing.expires_at > now:
                return False, existing
            if existing is not None:
                await session.delete(existing)
                await session.flush()
            session.add(
                IdempotencyRecord(
                    caller=caller, key=key, fingerprint=fingerprint, state="running",
                    created_at=now, expires_at=now + ttl,
                )
            )
            try:
                await session.flush()
            except IntegrityError:
                await session.rollback()
                found = await session.get(IdempotencyRecord, (caller, key))
                return False, found
        return True, None


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


__all__ = ["IdempotencyMiddleware", "purge_expired"]
