"""The worker loop: claim due jobs, run their handlers, and run periodic housekeeping.

Domains register their handlers with `@handler(kind)` in their tasks modules; `api.wiring`
imports those, so this low layer imports no domain."""

from __future__ import annotations

import asyncio
import logging
import os
import socket
from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import Any

from api.kit.idempotency import purge_expired
from api.runtime import Runtime
from api.worker import jobs

log = logging.getLogger("mailplane.worker")

Handler = Callable[[Runtime, dict[str, Any]], Awaitable[None]]
HANDLERS: dict[str, Handler] = {}
PERIODIC: list[tuple[float, Callable[[Runtime], Awaitable[Any]]]] = []


def handler(kind: str) -> Callable[[Handler], Handler]:
    def register(fn: Handler) -> Handler:
        HANDLERS[kind] = fn
        return fn

    return register


async def _collect_blobs(runtime: Runtime) -> int:
    async with runtime.db.session() as session:
        return await runtime.blobs.collect(session)


async def _sweep_blob_orphans(runtime: Runtime) -> int:
    async with runtime.db.session(write=False) as session:
        return await runtime.blobs.sweep_orphans(session)


PERIODIC.extend([
    (3600.0, purge_expired), (600.0, _collect_blobs), (86400.0, _sweep_blob_orphans),
])


async def run_once(runtime: Runtime, worker_id: str) -> int:
    claimed = await jobs.claim(runtime.db, worker_id, list(HANDLERS), timedelta(minutes=5))
    for job in claimed:
        try:
            await HANDLERS[job.kind](runtime, job.payload)
        except Exception as exc:  # a failing job is recorded and retried, never fatal
            log.exception("job failed", extra={"fields": {"job": job.id, "kind": job.kind}})
            retry = min(3600.0, 30.0 * 2 ** job.attempts) if job.attempts < 8 else None
            await jobs.finish(runtime.db, job.id, error=f"{type(exc).__name__}: {exc}", retry_in=retry)
        else:
            await jobs.finish(runtime.db, job.id)
    return len(claimed)


async def run_forever(runtime: Runtime, stop: asyncio.Event | None = None) -> None:
    worker_id = f"{socket.gethostname()}:{os.getpid()}"
    stop = stop or asyncio.Event()
    last: dict[int, float] = {}
    loop = asyncio.get_running_loop()
    while not stop.is_set():
        now = loop.time()
        for i, (every, task) in enumerate(PERIODIC):
            if now - last.get(i, -every) >= every:
                last[i] = now
                try:
                    await task(runtime)
                except Exception:
                    log.exception("periodic task failed")
        done = 0
        if HANDLERS:
            try:
                done = await run_once(runtime, worker_id)
            except Exception:  # the database away (a failover): wait, then claim again
                log.warning("claiming jobs failed; retrying", exc_info=True)
                done = 0
        if not done:
            try:
                await asyncio.wait_for(stop.wait(), timeout=1.0)
            except TimeoutError:
                pass
