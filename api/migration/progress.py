"""A job's life as its accounts move: started, progress events (at most one per interval),
an account ending (its password wiped, however it ends) and the job ending with
`directory.migration.completed` or `…failed` once no account is left to run."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from api.events import emit
from api.kit.clock import utcnow
from api.migration import repository
from api.storage.models import Migration, MigrationAccount


def event_data(migration: Migration, counts: dict[str, int]) -> dict[str, Any]:
    data: dict[str, Any] = {"id": migration.id, "status": migration.status, "counts": counts}
    if migration.error:
        data["error"] = migration.error
    return data


async def load(session: AsyncSession, item: MigrationAccount) -> Migration:
    migration = await repository.get(session, item.org_id, item.migration_id)
    assert migration is not None, "a migration account without its migration"
    return migration


async def mark_started(session: AsyncSession, item: MigrationAccount) -> None:
    now = utcnow()
    if item.status == "queued":
        item.status = "running"
        item.started_at = item.started_at or now
        item.updated_at = now
    migration = await load(session, item)
    if migration.status == "queued":
        migration.status = "running"
        migration.started_at = now


async def maybe_progress(
    session: AsyncSession, item: MigrationAccount, interval: float, *, force: bool = False
) -> bool:
    """Emit `directory.migration.progress` unless one went out less than `interval` ago."""
    migration = await load(session, item)
    now = utcnow()
    last = migration.progress_event_at
    if not force and last is not None and now - last < timedelta(seconds=interval):
        return False
    migration.progress_event_at = now
    await session.flush()
    counts = (await repository.counts(session, migration.org_id, [migration.id]))[migration.id]
    await emit(
        session, migration.org_id, "directory.migration.progress", event_data(migration, counts)
    )
    return True


async def end_item(
    session: AsyncSession,
    item: MigrationAccount,
    status: str,
    *,
    code: str | None = None,
    error: str | None = None,
) -> Migration:
    """Close one account's migration (`completed`, `failed`, `cancelled`) and the job when
    it was the last one running."""
    now = utcnow()
    item.status = status
    item.secret = None
    item.error_code = code
    item.error = error
    item.next_attempt_at = None
    item.finished_at = now
    item.updated_at = now
    await session.flush()
    migration = await load(session, item)
    await finish_if_done(session, migration)
    return migration


async def finish_if_done(session: AsyncSession, migration: Migration) -> None:
    if migration.status in repository.TERMINAL:
        return
    statuses = await repository.item_statuses(session, migration.id)
    if any(statuses.get(s) for s in repository.ACTIVE):
        return
    failed = statuses.get("failed", 0)
    total = sum(statuses.values())
    migration.finished_at = utcnow()
    migration.started_at = migration.started_at or migration.finished_at
    if failed:
        migration.status = "failed"
        migration.error = f"{failed} of {total} account(s) failed; see each account's error."
    elif statuses.get("completed", 0) == 0 and statuses.get("cancelled", 0):
        migration.status = "cancelled"
    else:
        migration.status = "completed"
    await session.flush()
    counts = (await repository.counts(session, migration.org_id, [migration.id]))[migration.id]
    if migration.status != "cancelled":
        await emit(
            session,
            migration.org_id,
            f"directory.migration.{migration.status}",
            event_data(migration, counts),
        )
