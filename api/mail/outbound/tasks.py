"""The outbound queue's housekeeping: delivered and failed rows are kept for
`MAILPLANE_OUTBOUND_RETENTION` seconds (so `GET …/messages/{id}/delivery` can still
report them), then purged by the worker."""

from __future__ import annotations

from datetime import timedelta

from api.kit.clock import utcnow
from api.mail.outbound import queue
from api.runtime import Runtime
from api.worker.runner import PERIODIC

PURGE_EVERY = 3600.0
PURGE_BATCH = 1000


async def purge_finished_outbound(runtime: Runtime) -> int:
    """Forget finished rows older than the retention, a batch per transaction so a large
    backlog neither holds one long lock nor grows one huge transaction."""
    before = utcnow() - timedelta(seconds=runtime.settings.outbound_retention)
    total = 0
    while True:
        async with runtime.db.session() as session:
            purged = await queue.purge_finished(session, before, limit=PURGE_BATCH)
        total += purged
        if purged < PURGE_BATCH:
            return total


PERIODIC.append((PURGE_EVERY, purge_finished_outbound))
