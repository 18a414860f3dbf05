"""Event log housekeeping: the retention purge, hourly."""

from __future__ import annotations

from api.events.retention import purge
from api.runtime import Runtime
from api.worker.runner import PERIODIC


async def purge_expired_events(runtime: Runtime) -> int:
    return await purge(runtime.db, retention_days=runtime.settings.event_retention_days)


PERIODIC.append((3600.0, purge_expired_events))
