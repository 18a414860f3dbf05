"""Enqueue and claim jobs. Claims use `FOR UPDATE SKIP LOCKED` on PostgreSQL so any number
of workers share the table; a lease that runs out makes the job claimable again."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from api.kit.clock import utcnow
from api.kit.ids import new_id
from api.storage.db import Database
from api.storage.models import Job


async def enqueue(
    session: AsyncSession, kind: str, payload: dict[str, Any] | None = None, *,
    org_id: str | None = None, run_at: datetime | None = None,
) -> Job:
    """Add a job in the caller's transaction: it exists only if the caller commits."""
    job = Job(id=new_id("job"), kind=kind, org_id=org_id, payload=payload or {},
              run_at=run_at or utcnow())
    session.add(job)
    return job


async def claim(db: Database, worker_id: str, kinds: list[str], lease: timedelta, limit: int = 10) -> list[Job]:
    now = utcnow()
    async with db.session() as session:
        stmt = (
            select(Job)
            .where(
                Job.kind.in_(kinds),
                Job.run_at <= now,
                or_(
                    Job.status == "queued",
                    (Job.status == "running") & (Job.lease_until < now),
                ),
            )
            .order_by(Job.run_at)
            .limit(limit)
        )
        if not db.is_sqlite:
            stmt = stmt.with_for_update(skip_locked=True)
        jobs = list((await session.execute(stmt)).scalars().all())
        for job in jobs:
            job.status = "running"
            job.attempts += 1
            job.lease_until = now + lease
            job.locked_by = worker_id
    return jobs


async def finish(db: Database, job_id: str, *, error: str | None = None, retry_in: float | None = None) -> None:
    async with db.session() as session:
        job = await session.get(Job, job_id)
        if job is None:
            return
        if error and retry_in is not None:
            job.status = "queued"
            job.run_at = utcnow() + timedelta(seconds=retry_in)
        else:
            job.status = "failed" if error else "done"
            job.finished_at = utcnow()
        job.last_error = error
        job.lease_until = None
