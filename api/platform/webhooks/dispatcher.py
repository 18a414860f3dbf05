"""The webhook dispatcher: fan out new events, claim due deliveries in batches under a lease,
send them concurrently over one shared HTTP client, and record the outcomes in batches.

Any number of dispatchers (threads of one worker, or worker processes on PostgreSQL) share
the queue: a claim is a lease, an attempt's outcome is written only while its lease is held,
and a dispatcher that dies simply lets its leases run out so another one retries.

`step()` runs one deterministic round (tests drive it with a fake clock); `run()` is the
pipelined loop the worker role runs.
"""

from __future__ import annotations

import asyncio
import logging
import os
import random
import secrets as pysecrets
import socket
import ssl
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import httpx
from sqlalchemy.ext.asyncio import AsyncSession

from api.kit.clock import utcnow
from api.kit.ids import new_id
from api.kit.ssrf import guarded_client
from api.platform.webhooks import delivery, fanout, queue, service
from api.platform.webhooks.delivery import Outcome
from api.platform.webhooks.secrets import unseal
from api.platform.webhooks.signing import secret_key
from api.runtime import Runtime
from api.storage import notify
from api.storage.models import Event, WebhookEndpoint

log = logging.getLogger("mailplane.webhooks")

DISABLE_AFTER = timedelta(days=5)
BODY_CACHE = 20_000
MAX_POOLS = 512
COALESCE = 0.004


@dataclass
class Ready:
    claim: queue.Claimed
    url: str
    keys: list[bytes]
    body: bytes | None  # None: the event is gone (purged) and cannot be sent


@dataclass
class Result:
    ready: Ready
    outcome: Outcome
    started_at: datetime


def _event_dict(event: Event) -> dict[str, Any]:
    return {
        "id": event.id,
        "type": event.type,
        "occurred_at": event.occurred_at.isoformat(),
        "org_id": event.org_id,
        "sequence": event.sequence,
        "data": event.data,
    }


class Dispatcher:
    def __init__(
        self,
        runtime: Runtime,
        *,
        worker_id: str | None = None,
        clock: Callable[[], datetime] = utcnow,
        rng: Callable[[], float] = random.random,
        client: httpx.AsyncClient | None = None,
    ) -> None:
        s = runtime.settings
        self.runtime = runtime
        self.db = runtime.db
        self.worker_id = worker_id or (
            f"{socket.gethostname()}:{os.getpid()}:{pysecrets.token_hex(3)}"
        )
        self.clock = clock
        self.rng = rng
        self.concurrency = max(1, s.webhooks_concurrency)
        self.batch = max(1, s.webhooks_batch_size)
        self.lease = timedelta(seconds=s.webhooks_lease_seconds)
        self.timeout = s.webhooks_timeout
        self.poll = s.event_poll_interval
        self.base_url = s.issuer
        self._client = client
        self._clients: dict[str, httpx.AsyncClient] = {}
        self._closing: set[asyncio.Task[None]] = set()
        self._ssl: ssl.SSLContext | None = None
        self._allow_private = s.webhooks_allow_private
        self._keys: dict[str, bytes] = {}
        self._bodies: dict[str, bytes] = {}
        self._server_secret = s.signing_key()

    def client_for(self, url: str) -> httpx.AsyncClient:
        """One keep-alive pool per destination origin (most recently used kept): receivers
        never compete for sockets and httpx's pool bookkeeping stays small."""
        if self._client is not None:
            return self._client
        origin = url.split("/", 3)[2] if "://" in url else url
        found = self._clients.pop(origin, None)  # re-inserted last: the dict is the LRU order
        if found is None:
            if len(self._clients) >= MAX_POOLS:
                stale = next(iter(self._clients))
                task = asyncio.get_running_loop().create_task(self._clients.pop(stale).aclose())
                self._closing.add(task)
                task.add_done_callback(self._closing.discard)
            if self._ssl is None:
                self._ssl = httpx.create_ssl_context()  # loaded once, shared by every pool
            found = guarded_client(
                allow_private=self._allow_private,
                timeout=self.timeout,
                max_connections=self.concurrency,
                verify=self._ssl,
            )
        self._clients[origin] = found
        return found

    async def aclose(self) -> None:
        for client in self._clients.values():
            await client.aclose()
        self._clients.clear()

    # -- one round -------------------------------------------------------------------------

    async def cycle(
        self, results: list[Result], limit: int, *, fan_out: bool = True
    ) -> list[Ready]:
        """One transaction: record finished attempts, fan out new events, lease up to `limit`
        due deliveries; return those ready to send."""
        now = self.clock()
        async with self.db.session() as session:
            if results:
                await self._record(session, results, now)
            if fan_out:
                await fanout.fan_out(session, now=now, remember=self._remember)
            if limit <= 0:
                return []
            claimed = await queue.claim(
                session,
                now=now,
                lease_until=now + self.lease,
                worker=self.worker_id,
                limit=limit,
            )
            if not claimed:
                return []
            missing = {c.event_id for c in claimed if c.event_id not in self._bodies}
            events = await queue.events_by_id(session, missing)
            endpoints = await queue.endpoints_by_id(session, {c.endpoint_id for c in claimed})
            live = await queue.live_secrets(session, endpoints, now)
        for event in events.values():
            self._remember(event)
        keys: dict[str, list[bytes]] = {}
        for secret in live:
            if secret.id not in self._keys:
                self._keys[secret.id] = secret_key(
                    unseal(self._server_secret, secret.endpoint_id, secret.sealed)
                )
            keys.setdefault(secret.endpoint_id, []).append(self._keys[secret.id])
        return [
            Ready(
                c,
                endpoints[c.endpoint_id].url,
                keys.get(c.endpoint_id, []),
                self._bodies.get(c.event_id),
            )
            for c in claimed
        ]

    def _remember(self, event: Event) -> None:
        """Keep the serialised body of recent events: every endpoint's delivery reuses it."""
        if event.id not in self._bodies:
            if len(self._bodies) >= BODY_CACHE:
                self._bodies.pop(next(iter(self._bodies)))
            self._bodies[event.id] = delivery.event_body(
                _event_dict(event), fetch_url=f"{self.base_url}/v1/events/{event.id}"
            )

    async def claim(self, limit: int, *, fan_out: bool = True) -> list[Ready]:
        return await self.cycle([], limit, fan_out=fan_out)

    async def record(self, results: list[Result]) -> None:
        if results:
            await self.cycle(results, 0, fan_out=False)

    async def send(self, ready: Ready) -> Result:
        started = self.clock()
        if ready.body is None:
            outcome = Outcome(
                ok=False, status_code=None, latency_ms=0, error="event past retention"
            )
        elif not ready.keys:
            outcome = Outcome(ok=False, status_code=None, latency_ms=0, error="no signing secret")
        else:
            outcome = await delivery.send(
                self.client_for(ready.url),
                ready.url,
                ready.keys,
                ready.claim.id,
                ready.body,
                timeout=self.timeout,
                now=started,
            )
        return Result(ready, outcome, started)

    async def _record(self, session: AsyncSession, results: list[Result], now: datetime) -> None:
        """Write attempts and outcomes; disable gone or long-failing endpoints."""
        attempts: list[dict[str, Any]] = []
        updates: list[dict[str, Any]] = []
        ok_endpoints: set[str] = set()
        failed_endpoints: set[str] = set()
        gone: set[str] = set()
        for r in results:
            c, o = r.ready.claim, r.outcome
            error = o.error[:500] if o.error else None
            attempts.append(
                {
                    "id": new_id("att"),
                    "org_id": c.org_id,
                    "endpoint_id": c.endpoint_id,
                    "delivery_id": c.id,
                    "event_id": c.event_id,
                    "attempt": c.attempt,
                    "started_at": r.started_at,
                    "outcome": "succeeded" if o.ok else "failed",
                    "status_code": o.status_code,
                    "latency_ms": o.latency_ms,
                    "error": error,
                    "response_snippet": o.snippet,
                    "worker": self.worker_id,
                }
            )
            retry = None
            if o.ok:
                ok_endpoints.add(c.endpoint_id)
            else:
                failed_endpoints.add(c.endpoint_id)
                if o.gone:
                    gone.add(c.endpoint_id)
                elif r.ready.body is not None:
                    retry = delivery.schedule_after_failure(o, c.retry_step, now, self.rng)
            if o.ok or retry is None:
                status, step, next_at, finished = (
                    "succeeded" if o.ok else "failed",
                    c.retry_step,
                    now,
                    now,
                )
            else:
                status, step, next_at, finished = "pending", c.retry_step + 1, retry, None
            updates.append(
                {
                    "b_id": c.id,
                    "b_worker": self.worker_id,
                    "b_attempt": c.attempt,
                    "b_status": status,
                    "b_step": step,
                    "b_next": next_at,
                    "b_code": o.status_code,
                    "b_error": error,
                    "b_at": r.started_at,
                    "b_finished": finished,
                }
            )
        await queue.record(session, attempts, updates)
        await queue.clear_failing(session, sorted(ok_endpoints))
        failing = sorted(failed_endpoints - ok_endpoints)
        await queue.mark_failing(session, failing, now)
        to_disable: dict[str, tuple[WebhookEndpoint, str]] = {}
        for ep in (await queue.endpoints_by_id(session, gone)).values():
            if ep.status == "enabled":
                to_disable[ep.id] = (ep, "gone")
        for ep in await queue.failing_before(session, failing, now - DISABLE_AFTER):
            to_disable.setdefault(ep.id, (ep, "failing"))
        for ep, reason in to_disable.values():
            await service.disable_endpoint(session, ep, reason, now=now)

    async def step(self, *, max_rounds: int = 50) -> int:
        """Fan out, then claim, send and record until nothing is due; return attempts made."""
        total = 0
        results: list[Result] = []
        sem = asyncio.Semaphore(self.concurrency)

        async def bounded(r: Ready) -> Result:
            async with sem:
                return await self.send(r)

        for _ in range(max_rounds):
            ready = await self.cycle(results, self.batch)
            results = []
            if not ready:
                break
            results = list(await asyncio.gather(*(bounded(r) for r in ready)))
            total += len(results)
        if results:
            await self.record(results)
        return total

    # -- the pipelined loop ----------------------------------------------------------------

    async def run(self, stop: asyncio.Event) -> None:
        """Keep up to `concurrency` sends in flight; each cycle commits the attempts that
        finished since the last one and leases as many new deliveries as there is room for."""
        token = notify.listen(notify.ANY)
        done: list[Result] = []
        finished = asyncio.Event()
        in_flight = 0
        tasks: set[asyncio.Task[None]] = set()

        async def one(r: Ready) -> None:
            try:
                result = await self.send(r)
            except Exception as exc:  # never lose track of a claimed delivery
                result = Result(r, Outcome(False, None, 0, error=repr(exc)[:500]), self.clock())
            done.append(result)
            finished.set()

        try:
            while not stop.is_set():
                finished.clear()
                token[1].clear()
                results, done[:] = done[:], []
                in_flight -= len(results)
                room = min(self.concurrency - in_flight, self.batch)
                try:
                    ready = await self.cycle(results, room)
                except Exception:
                    log.exception("webhook dispatch cycle failed; leases will expire")
                    ready = []
                    await asyncio.sleep(1.0)
                for r in ready:
                    in_flight += 1
                    task = asyncio.create_task(one(r))
                    tasks.add(task)
                    task.add_done_callback(tasks.discard)
                if ready and len(ready) == room:
                    continue  # more may be due: claim again at once
                waiters = [asyncio.ensure_future(e.wait()) for e in (finished, token[1], stop)]
                try:
                    await asyncio.wait(
                        waiters, timeout=self.poll, return_when=asyncio.FIRST_COMPLETED
                    )
                finally:
                    for w in waiters:
                        w.cancel()
                if finished.is_set() and not stop.is_set():
                    await asyncio.sleep(COALESCE)  # let a few more finish: one commit for many
        finally:
            notify.unlisten(notify.ANY, token)
            if tasks:
                await asyncio.wait(tasks, timeout=self.timeout + 1)
            if done:
                try:
                    await self.record(done)
                except Exception:
                    log.exception("recording webhook attempts at shutdown failed")
            await self.aclose()
