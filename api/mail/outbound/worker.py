"""The outbound delivery loop: claim due queue rows under a lease, group them by destination
and message, sign them (DKIM) before each attempt, deliver over reused connections
with a per-destination concurrency limit (enforced across all workers by the claim, see
`queue`), and record each recipient's outcome.

    worker = OutboundWorker(runtime)
    await worker.run(stop)       # until `stop` is set; any number of workers may run
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import logging
import time
from dataclasses import dataclass, field

from sqlalchemy.ext.asyncio import AsyncSession

from api.kit.clock import utcnow
from api.mail.auth_results import CachedLookup
from api.mail.delivery.committer import GroupCommitter
from api.mail.outbound import queue
from api.mail.outbound.client import Connection
from api.mail.outbound.destinations import (
    Destination,
    Host,
    PermanentFailure,
    TemporaryFailure,
    destination_for,
    hosts_for,
)
from api.mail.outbound.outcomes import Outcome, apply, from_reply
from api.mail.outbound.queue import Claim
from api.mail.outbound.signing import KeyCache, is_signed_by, sign, signing_domains
from api.runtime import Runtime

log = logging.getLogger("mailplane.outbound")

MAX_RECIPIENTS_PER_TRANSACTION = queue.RECIPIENTS_PER_JOB
IDLE_SECONDS = 2.0  # a connection with nothing to send is closed after this
HOSTS_TTL = 60.0
DEAD_SECONDS = 30.0  # after a failed connect, the destination's queued jobs wait this long
POLL_SECONDS = 0.5
CLAIM_BATCH = 200

_sequence = itertools.count()


@dataclass
class Job:
    """One SMTP transaction: recipients of one message at one destination."""

    destination: Destination
    claims: list[Claim]
    priority: int = 0
    seq: int = field(default_factory=lambda: next(_sequence))

    def __lt__(self, other: Job) -> bool:
        return (-self.priority, self.seq) < (-other.priority, other.seq)


class DestinationPool:
    """The jobs of one destination and the connections serving them (at most `limit`)."""

    def __init__(self, worker: OutboundWorker, destination: Destination, limit: int) -> None:
        self.worker = worker
        self.destination = destination
        self.limit = limit
        self.queue: asyncio.PriorityQueue[Job] = asyncio.PriorityQueue()
        self.active = 0
        self.idle = 0
        self.hosts: list[Host] | None = None
        self.hosts_until = 0.0
        self.dead_until = 0.0
        self.dead_reason = ""

    def put(self, job: Job) -> None:
        self.queue.put_nowait(job)
        if self.active < self.limit and self.queue.qsize() > self.idle:
            self.active += 1
            self.worker.spawn(self._runner())

    async def _hosts(self) -> list[Host]:
        if self.hosts is None or time.monotonic() > self.hosts_until:
            self.hosts = await hosts_for(self.destination, self.worker.lookup,
                                         self.worker.runtime.settings)
            self.hosts_until = time.monotonic() + HOSTS_TTL
        return self.hosts

    async def _runner(self) -> None:
        connection: Connection | None = None
        try:
            async with self.worker.slots:
                while True:
                    self.idle += 1
                    try:
                        job = await asyncio.wait_for(self.queue.get(), timeout=IDLE_SECONDS)
                    except TimeoutError:
                        return
                    finally:
                        self.idle -= 1
                    connection = await self._run_job(job, connection)
        finally:
            self.active -= 1
            if connection is not None:
                await connection.quit()
            if self.active == 0 and self.queue.empty():
                self.worker.pools.pop(self.destination.key, None)

    async def _run_job(self, job: Job, connection: Connection | None) -> Connection | None:
        worker = self.worker
        results: list[tuple[Claim, Outcome]] = []
        try:
            if time.monotonic() < self.dead_until:
                raise TemporaryFailure(self.dead_reason)
            data = await worker.prepare(job)
            if connection is None or not connection.open:
                settings = worker.runtime.settings
                smarthost = self.destination.smarthost
                connection = Connection(
                    await self._hosts(), helo=worker.hostname, timeout=settings.outbound_timeout,
                    username=settings.smarthost_username if smarthost else None,
                    password=settings.smarthost_password if smarthost else None,
                )
                try:
                    await connection.connect()
                except TemporaryFailure as exc:
                    self.dead_until = time.monotonic() + DEAD_SECONDS
                    self.dead_reason = exc.text
                    raise
            sender = job.claims[0].envelope_from
            rcpts = list(dict.fromkeys(c.recipient for c in job.claims))
            outcome = await connection.send(sender, rcpts, data)
            remote = connection.host.name if connection.host else None
            for claim in job.claims:
                reply = outcome.refused.get(claim.recipient)
                if reply is not None:
                    results.append((claim, from_reply(reply.code, reply.text, remote)))
                elif outcome.data_reply is not None:
                    results.append((claim, from_reply(outcome.data_reply.code,
                                                      outcome.data_reply.text, remote)))
                else:
                    results.append((claim, Outcome("deferred", "no reply to DATA")))
        except PermanentFailure as exc:
            results = [(c, Outcome("failed", exc.text, exc.status)) for c in job.claims]
        except TemporaryFailure as exc:
            results = [(c, Outcome("deferred", exc.text, exc.status)) for c in job.claims]
        except Exception as exc:  # never lose a claim to a bug: defer it
            log.exception("outbound job failed")
            results = [(c, Outcome("deferred", f"internal error: {type(exc).__name__}"))
                       for c in job.claims]
        await worker.finish(results)
        return connection


class OutboundWorker:
    def __init__(self, runtime: Runtime) -> None:
        settings = runtime.settings
        self.runtime = runtime
        self.hostname = settings.smtp_hostname or settings.mail_host
        self.lookup = CachedLookup(settings.dns_resolver)
        self.committer = GroupCommitter(runtime, max_batch=500)
        self.keys = KeyCache()
        self.slots = asyncio.Semaphore(settings.outbound_concurrency)
        self.pools: dict[str, DestinationPool] = {}
        self.inflight: set[str] = set()
        self.tasks: set[asyncio.Task[None]] = set()
        self.max_inflight = max(CLAIM_BATCH, settings.outbound_concurrency * 20)
        self.counts = {"sent": 0, "deferred": 0, "failed": 0}
        self.wake = asyncio.Event()

    def spawn(self, coro) -> None:  # type: ignore[no-untyped-def]
        task = asyncio.create_task(coro)
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)

    async def run(self, stop: asyncio.Event) -> None:
        self.committer.start()
        settings = self.runtime.settings
        try:
            while not stop.is_set():
                claimed: list[Claim] = []
                room = self.max_inflight - len(self.inflight)
                if room > 0:
                    try:
                        claimed = await queue.claim(
                            self.runtime.db, min(room, CLAIM_BATCH),
                            settings.outbound_lease_seconds, set(self.inflight),
                            per_destination=settings.outbound_per_destination,
                            smarthost=bool(settings.smarthost),
                        )
                    except Exception:
                        log.exception("claiming outbound mail failed")
                self.dispatch(claimed)
                if len(claimed) < min(room, CLAIM_BATCH) or room <= 0:
                    self.wake.clear()
                    with contextlib.suppress(TimeoutError):
                        await asyncio.wait_for(_first(stop, self.wake), timeout=POLL_SECONDS)
        finally:
            await self.drain()

    async def drain(self, timeout: float = 30.0) -> None:
        """Let running deliveries finish; what never started is released to the queue."""
        for pool in list(self.pools.values()):
            left: list[Claim] = []
            while not pool.queue.empty():
                left.extend(pool.queue.get_nowait().claims)
            if left:
                await self.finish([(c, Outcome("deferred", "worker stopped")) for c in left],
                                  retry_now=True)
        if self.tasks:
            await asyncio.wait(list(self.tasks), timeout=timeout)
        await self.committer.stop()

    def dispatch(self, claims: list[Claim]) -> None:
        groups: dict[tuple[str, str, str], list[Claim]] = {}
        destinations: dict[str, Destination] = {}
        for claim in claims:
            self.inflight.add(claim.id)
            destination = destination_for(claim.recipient, self.runtime.settings)
            destinations[destination.key] = destination
            groups.setdefault((destination.key, claim.blob_sha256, claim.envelope_from),
                              []).append(claim)
        settings = self.runtime.settings
        for (key, _, _), members in groups.items():
            destination = destinations[key]
            pool = self.pools.get(key)
            if pool is None:
                pool = self.pools[key] = DestinationPool(self, destination,
                                                         settings.outbound_per_destination)
            for start in range(0, len(members), MAX_RECIPIENTS_PER_TRANSACTION):
                chunk = members[start:start + MAX_RECIPIENTS_PER_TRANSACTION]
                pool.put(Job(destination, chunk, priority=max(c.priority for c in chunk)))

    async def prepare(self, job: Job) -> bytes:
        """The bytes to send, DKIM-signed with the sending domain's key before every attempt
        (the first included; a retry carries a fresh signature over the same message)."""
        first = job.claims[0]
        raw = await self.runtime.blobs.read_all(first.blob_sha256)
        async with self.runtime.db.session(write=False) as session:
            for domain in signing_domains(raw, first.envelope_from):
                key = await self.keys.get(session, domain)
                if key is not None:
                    break
            else:
                return raw
        if is_signed_by(raw, domain):
            return raw
        selector, pem = key
        return sign(raw, domain, selector, pem)

    async def finish(
        self, results: list[tuple[Claim, Outcome]], *, retry_now: bool = False
    ) -> None:
        """Record outcomes durably; `retry_now` hands unstarted claims back to the queue."""
        async def work(session: AsyncSession, runtime: Runtime) -> dict[str, int]:
            if retry_now:
                return await _release(session, [c for c, _ in results])
            return await apply(session, runtime, results, reporting_mta=self.hostname)

        try:
            counts = await self.committer.run(work)
            for kind, n in counts.items():
                self.counts[kind] = self.counts.get(kind, 0) + n
        except Exception:
            log.exception("recording outbound results failed; the leases will expire")
        finally:
            for claim, _ in results:
                self.inflight.discard(claim.id)


async def _release(session: AsyncSession, claims: list[Claim]) -> dict[str, int]:

    for claim in claims:
        row = await queue.held(session, claim)
        if row is not None:
            row.status = "deferred"
            row.attempts = max(0, row.attempts - 1)
            row.next_attempt_at = utcnow()
    return {}


async def _first(*events: asyncio.Event) -> None:
    waiters = [asyncio.create_task(e.wait()) for e in events]
    try:
        await asyncio.wait(waiters, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for w in waiters:
            w.cancel()


async def run_outbound(runtime: Runtime, stop: asyncio.Event) -> None:
    """Deliver queued outbound mail until `stop` is set."""
    await OutboundWorker(runtime).run(stop)
