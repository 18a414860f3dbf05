"""Migration jobs on the worker: one job is one time slice of one account (it re-queues
itself until the account is done), and a sweep re-queues accounts whose job was lost."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy import or_, select

from api.kit.clock import utcnow
from api.migration.transfer import JOB_KIND, run_slice
from api.runtime import Runtime
from api.storage.models import MigrationAccount
from api.worker.jobs import enqueue
from api.worker.runner import PERIODIC, handler

STALE = timedelta(minutes=10)


@handler(JOB_KIND)
async def migrate_account(runtime: Runtime, payload: dict[str, Any]) -> None:
    """Run one slice of one account's migration (see api.migration.transfer)."""
    await run_slice(runtime, str(payload["item_id"]))


async def requeue_stalled(runtime: Runtime) -> int:
    """Accounts that started, are not finished, nobody holds and nothing touched for a
    while: queue a job for each (a duplicate job only finds the account leased, or done).
    Queued accounts always have the job created with them."""
    now = utcnow()
    async with runtime.db.session() as session:
        rows = await session.execute(
            select(MigrationAccount)
            .where(
                MigrationAccount.status == "running",
                MigrationAccount.updated_at < now - STALE,
                or_(MigrationAccount.lease_until.is_(None), MigrationAccount.lease_until < now),
                or_(
                    MigrationAccount.next_attempt_at.is_(None),
                    MigrationAccount.next_attempt_at < now,
                ),
            )
            .limit(500)
        )
        stalled = list(rows.scalars().all())
        for item in stalled:
            item.updated_at = now
            await enqueue(
                session, JOB_KIND, {"item_id": item.id, "org_id": item.org_id}, org_id=item.org_id
            )
    return len(stalled)


PERIODIC.append((300.0, requeue_stalled))
