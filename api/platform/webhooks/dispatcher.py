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
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import httpx

from api.events import notify
from api.kit.clock import utcnow
from api.kit.ids import new_id
from api.platform.webhooks import delivery, fanout, queue, service
from api.platform.webhooks.delivery import Outcome
from api.platform.webhooks.secrets import unseal
from api.platform.webhooks.signing import secret_key
from api.platform.webhooks.ssrf import guarded_client
from api.runtime import Runtime
from api.storage.models import Event, WebhookEndpoint

log = logging.getLogger("mailplane.webhooks")

DISABLE_AFTER = timedelta(days=5)


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
        "id": event.id, "type": event.type, "occurred_at": event.occurred_at.isoformat(),
        "org_id": event.org_id, "sequence": event.sequence, "data": event.data,
    }


class Dispatcher:
    def __init__(
        self, runtime: Runtime, *, worker_id: str | None = None,
        clock: Callable[[], datetime] = utcnow, rng: Callable[[], float] = random.random,
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
        self._own_client = client is None
        self.client = client or guarded_client(
            allow_private=s.webhooks_allow_private, timeout=s.webhooks_timeout,
            max_connections=self.concurrency,
        )
        self._keys: dict[str, bytes] = {}
        self._server_secret = s.signing_key()

    async def aclose(self) -> None:
        if self._own_client:
            await self.client.aclose()

    # -- one round -------------------------------------------------------------------------

    async def claim(self, limit: int, *, fan_out: bool = True) -> list[Ready]:
        """Fan out new events, then lease up to `limit` due deliveries, ready to send."""
        now = self.clock()
        async with self.db.session() as session:
            if fan_out:
                await fanout.fan_out(session, now=now)
            claimed = await queue.claim(
                session, now=now, lease_until=now + self.lease, worker=self.worker_id,
                limit=limit,
            )
            if not claimed:
                return []
            events = await queue.events_by_id(session, [c.event_id for c in claimed])
            endpoints = await queue.endpoints_by_id(session, [c.endpoint_id for c in claimed])
            live = await queue.live_secrets(session, endpoints, now)
        keys: dict[str, list[bytes]] = {}
        for secret in live:
            if secret.id not in self._keys:
                self._keys[secret.id] = secret_key(
                    unseal(self._server_secret, secret.endpoint_id, secret.sealed)
                )
            keys.setdefault(secret.endpoint_id, []).append(self._keys[secret.id])
        bodies: dict[str, bytes] = {}
        ready = []
        for c in claimed:
            endpoint = endpoints[c.endpoint_id]
            event = events.get(c.event_id)
            if event is not None and c.event_id not in bodies:
                bodies[c.event_id] = delivery.event_body(
                    _event_dict(event), fetch_url=f"{self.base_url}/v1/events/{event.id}"
                )
            ready.append(Ready(c, endpoint.url, keys.get(c.endpoint_id, []), bodies.get(c.event_id)))
        return ready

    async def send(self, ready: Ready) -> Result:
        started = self.clock()
        if ready.body is None:
            outcome = Outcome(ok=False, status_code=None, latency_ms=0, error="event past retention")
        elif not ready.keys:
            outcome = Outcome(ok=False, status_code=None, latency_ms=0, error="no signing secret")
        else:
            outcome = await delivery.send(
                self.client, ready.url, ready.keys, ready.claim.id, ready.body,
                timeout=self.timeout, now=started,
            )
        return Result(ready, outcome, started)

    async def record(self, results: list[Result]) -> None:
        """Write attempts and outcomes in one transaction; disable gone or long-failing endpoints."""
        if not results:
            return
        now = self.clock()
        attempts: list[dict[str, Any]] = []
        updates: list[dict[str, Any]] = []
        ok_endpoints: set[str] = set()
        failed_endpoints: set[str] = set()
        gone: set[str] = set()
        for r in results:
            c, o = r.ready.claim, r.outcome
            attempts.append({
                "id": new_id("att"), "org_id": c.org_id, "endpoint_id": c.endpoint_id,
                "delivery_id": c.id, "event_id": c.event_id, "attempt": c.attempt,
                "started_at": r.started_at, "outcome": "succeeded" if o.ok else "failed",
                "status_code": o.status_code, "latency_ms": o.latency_ms,
                "error": (o.error or None) and o.error[:500], "response_snippet": o.snippet,
                "worker": self.worker_id,
            })
            if o.ok:
                ok_endpoints.add(c.endpoint_id)
                status, step, next_at, finished = "succeeded", c.retry_step, now, now
            else:
                failed_endpoints.add(c.endpoint_id)
                if o.gone:
                    gone.add(c.endpoint_id)
                retry = None if (o.gone or r.ready.body is None) else delivery.schedule_after_failure(
                    o, c.retry_step, now, self.rng
                )
                if retry is None:
                    status, step, next_at, finished = "failed", c.retry_step, now, now
                else:
                    status, step, next_at, finished = "pending", c.retry_step + 1, retry, None
            updates.append({
                "b_id": c.id, "b_worker": self.worker_id, "b_attempt": c.attempt,
                "b_status": status, "b_step": step, "b_next": next_at, "b_code": o.status_code,
                "b_error": (o.error or None) and o.error[:500], "b_at": r.started_at,
                "b_finished": finished,
            })
        async with self.db.session() as session:
            await queue.record(session, attempts, updates)
            await queue.clear_failing(session, sorted(ok_endpoints))
            await queue.mark_failing(session, sorted(failed_endpoints - ok_endpoints), now)
            to_disable: dict[str, tuple[WebhookEndpoint, str]] = {}
            for ep in (await queue.endpoints_by_id(session, gone)).values():
                if ep.status == "enabled":
                    to_disable[ep.id] = (ep, "gone")
            for ep in await queue.failing_before(
                session, sorted(failed_endpoints - ok_endpoints), now - DISABLE_AFTER
            ):
                to_disable.setdefault(ep.id, (ep, "failing"))
            for ep, reason in to_disable.values():
                await service.disable_endpoint(session, ep, reason, now=now)

    async def step(self, *, max_rounds: int = 50) -> int:
        """Fan out, then claim, send and record until nothing is due; return attempts made."""
        total = 0
        sem = asyncio.Semaphore(self.concurrency)

        async def bounded(r: Ready) -> Result:
            async with sem:
                return await self.send(r)

        for _ in range(max_rounds):
            ready = await self.claim(self.batch)
            if not ready:
                break
            results = await asyncio.gather(*(bounded(r) for r in ready))
            await self.record(list(results))
            total += len(results)
        return total

    # -- the pipelined loop ----------------------------------------------------------------

    async def run(self, stop: asyncio.Event) -> None:
        """Keep up to `concurrency` sends in flight; record outcomes in batches."""
        token = notify.listen(notify.ANY)
        done: asyncio.Queue[Result] = asyncio.Queue()
        in_flight = 0
        freed = asyncio.Event()

        async def one(r: Ready) -> None:
            try:
                await done.put(await self.send(r))
            except Exception as exc:  # never lose track of a claimed delivery
                await done.put(Result(r, Outcome(False, None, 0, error=repr(exc)[:500]), self.clock()))

        async def recorder() -> None:
            nonlocal in_flight
            while True:
                batch = [await done.get()]
                await asyncio.sleep(0.005)  # let a few more finish: one commit for many
                while not done.empty() and len(batch) < self.batch:
                    batch.append(done.get_nowait())
                try:
                    await self.record(batch)
                except Exception:
                    log.exception("recording webhook attempts failed; leases will expire")
                in_flight -= len(batch)
                freed.set()

        rec = asyncio.create_task(recorder())
        tasks: set[asyncio.Task[None]] = set()
        try:
            while not stop.is_set():
                freed.clear()
                token[1].clear()
                room = self.concurrency * 2 - in_flight
                ready: list[Ready] = []
                if room > 0:
                    try:
                        ready = await self.claim(min(room, self.batch))
                    except Exception:
                        log.exception("claiming webhook deliveries failed")
                        await asyncio.sleep(1.0)
                        continue
                    for r in ready:
                        in_flight += 1
                        task = asyncio.create_task(one(r))
                        tasks.add(task)
                        task.add_done_callback(tasks.discard)
                if ready and len(ready) == min(room, self.batch):
                    continue
                waiters = [asyncio.ensure_future(token[1].wait()), asyncio.ensure_future(freed.wait()),
                           asyncio.ensure_future(stop.wait())]
                try:
                    await asyncio.wait(waiters, timeout=self.poll, return_when=asyncio.FIRST_COMPLETED)
                finally:
                    for w in waiters:
                        w.cancel()
        finally:
            notify.unlisten(notify.ANY, token)
            if tasks:
                await asyncio.wait(tasks, timeout=self.timeout + 1)
            while in_flight > 0 and not done.empty():
                await asyncio.sleep(0.01)
            rec.cancel()
            await asyncio.gather(rec, return_exceptions=True)
            await self.aclose()
