"""Shared bits of the events tests: a fake clock, dispatchers, database peeks."""

from __future__ import annotations

import asyncio
import os
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import select

from api.platform.webhooks.dispatcher import Dispatcher
from api.runtime import Runtime
from api.storage.models import WebhookAttempt, WebhookDelivery, WebhookEndpoint

ROOT = Path(__file__).resolve().parents[2]


class FakeClock:
    def __init__(self, start: datetime | None = None) -> None:
        self.now = start or datetime(2030, 1, 1, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


def dispatcher(runtime: Runtime, clock: FakeClock | None = None, **kw) -> Dispatcher:  # type: ignore[no-untyped-def]
    """No jitter (rng 0.5 is the middle of the ±10 % band)."""
    if clock is not None:
        kw["clock"] = clock
    return Dispatcher(runtime, rng=lambda: 0.5, **kw)


async def deliveries(runtime: Runtime, endpoint_id: str) -> list[WebhookDelivery]:
    async with runtime.db.session(write=False) as session:
        rows = await session.execute(
            select(WebhookDelivery)
            .where(WebhookDelivery.endpoint_id == endpoint_id)
            .order_by(WebhookDelivery.event_sequence)
        )
        return list(rows.scalars().all())


async def attempts(runtime: Runtime, endpoint_id: str) -> list[WebhookAttempt]:
    async with runtime.db.session(write=False) as session:
        rows = await session.execute(
            select(WebhookAttempt)
            .where(WebhookAttempt.endpoint_id == endpoint_id)
            .order_by(WebhookAttempt.started_at, WebhookAttempt.attempt)
        )
        return list(rows.scalars().all())


async def endpoint(runtime: Runtime, endpoint_id: str) -> WebhookEndpoint:
    async with runtime.db.session(write=False) as session:
        found = await session.get(WebhookEndpoint, endpoint_id)
        assert found is not None
        return found


async def spawn_worker(runtime: Runtime, **env: str) -> asyncio.subprocess.Process:
    """A dispatcher process on the test's database; returns once it is running."""
    s = runtime.settings
    variables = {
        **os.environ,
        "MAILPLANE_DATABASE_URL": s.effective_database_url,
        "MAILPLANE_SECRET_KEY": s.signing_key(),
        "MAILPLANE_DATA_DIR": str(s.data_dir),
        "MAILPLANE_WEBHOOKS_ALLOW_PRIVATE": "1",
        "MAILPLANE_EVENT_POLL_INTERVAL": "0.05",
        "MAILPLANE_LOG_JSON": "1",
        **env,
    }
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "tests.events.dispatch_worker",
        cwd=str(ROOT),
        env=variables,
        stdout=asyncio.subprocess.PIPE,
    )
    assert proc.stdout is not None
    line = await asyncio.wait_for(proc.stdout.readline(), timeout=30)
    assert line.strip() == b"ready", line
    return proc
