"""Readiness answered from cached state: a background probe asks the database every
second and `/readyz` reports its last answer, so a load balancer's health check costs no
database round trip and no wait.

Why: a health check that queries the database inside the request is as slow as the busiest
moment of the process. Under load it overran the balancer's check timeout, the balancer
marked a healthy (merely slow) process down, and when the other process was lost there
was none left. Slowness is not unavailability; only the probe's own failure (an error, or
no answer within `TIMEOUT`) is.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from dataclasses import dataclass

from api.storage.db import Database

INTERVAL = 1.0  # seconds between probes
TIMEOUT = 2.0  # a probe not answered within this is a failure
# a cached answer older than this (the probe is not running: an in-process app without
# lifespan, or a stalled loop) is not trusted; /readyz then probes inline, bounded by TIMEOUT
STALE_AFTER = 10.0


@dataclass
class Reading:
    ready: bool
    error: str | None
    at: float  # time.monotonic() of the probe's answer


class Readiness:
    def __init__(self, db: Database) -> None:
        self.db = db
        self.last: Reading | None = None
        self._task: asyncio.Task[None] | None = None

    async def probe(self) -> Reading:
        try:
            await asyncio.wait_for(self.db.ping(), TIMEOUT)
            reading = Reading(True, None, time.monotonic())
        except Exception as exc:  # any driver error or a timeout means "not ready"
            reading = Reading(False, type(exc).__name__, time.monotonic())
        self.last = reading
        return reading

    async def current(self) -> Reading:
        """The last probe's answer, or a fresh probe when there is none recent."""
        last = self.last
        if last is not None and time.monotonic() - last.at <= STALE_AFTER:
            return last
        return await self.probe()

    async def _run(self) -> None:
        while True:
            await self.probe()
            await asyncio.sleep(INTERVAL)

    def start(self) -> None:
        if self._task is None:
            self._task = asyncio.create_task(self._run(), name="readiness-probe")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None
