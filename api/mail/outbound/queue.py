"""The outbound queue's queries (table `mail_outbound`): lease-based claims, shared by any
number of workers (`FOR UPDATE SKIP LOCKED` on PostgreSQL), and guarded finishes.

A claimed row is `sending` with `next_attempt_at` = the end of its lease and `attempts`
counting the attempts started. A worker that dies leaves the row to be claimed again once
the lease runs out; a finish only applies while the row is still that claim's.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from api.kit.clock import utcnow
from api.storage.db import Database
from api.storage.models import MailOutbound

ACTIVE = ("queued", "deferred", "sending")


@dataclass(frozen=True)
class Claim:
    """A snapshot of one claimed row."""

    id: str
    org_id: str
    account_id: str | None
    message_id: str | None
    message_id_header: str
    blob_sha256: str
    size: int
    envelope_from: str
    recipient: str
    priority: int
    attempts: int
    created_at: datetime

    @classmethod
    def of(cls, row: MailOutbound) -> Claim:
        return cls(row.id, row.org_id, row.account_id, row.message_id, row.message_id_header,
                   row.blob_sha256, row.size, row.envelope_from, row.recipient, row.priority,
                   row.attempts, row.created_at)


async def claim(db: Database, limit: int, lease_seconds: float, skip: set[str]) -> list[Claim]:
    """Take up to `limit` due rows, most urgent first, under a lease."""
    now = utcnow()
    async with db.session() as session:
        stmt = (
            select(MailOutbound)
            .where(MailOutbound.status.in_(ACTIVE), MailOutbound.next_attempt_at <= now)
            .order_by(MailOutbound.priority.desc(), MailOutbound.next_attempt_at)
            .limit(limit + len(skip))
        )
        if not db.is_sqlite:
            stmt = stmt.with_for_update(skip_locked=True)
        rows = [r for r in (await session.execute(stmt)).scalars().all() if r.id not in skip]
        rows = rows[:limit]
        until = now + timedelta(seconds=lease_seconds)
        for row in rows:
            row.status = "sending"
            row.attempts += 1
            row.next_attempt_at = until
            row.updated_at = now
        claimed = [Claim.of(r) for r in rows]
    return claimed


async def held(session: AsyncSession, claim: Claim) -> MailOutbound | None:
    """The row, if this claim still holds it (no other worker took it over)."""
    stmt = select(MailOutbound).where(
        MailOutbound.id == claim.id, MailOutbound.status == "sending",
        MailOutbound.attempts == claim.attempts,
    )
    return await session.scalar(stmt)


async def for_message(session: AsyncSession, org_id: str, message_id: str) -> list[MailOutbound]:
    rows = await session.execute(
        select(MailOutbound)
        .where(MailOutbound.org_id == org_id, MailOutbound.message_id == message_id)
        .order_by(MailOutbound.recipient, MailOutbound.id)
    )
    return list(rows.scalars().all())


async def purge_finished(session: AsyncSession, before: datetime, limit: int = 1000) -> int:
    """Forget delivered and failed rows older than `before` (their blob refs are gone)."""
    ids = list((await session.execute(
        select(MailOutbound.id)
        .where(MailOutbound.status.in_(("sent", "failed")), MailOutbound.updated_at < before)
        .limit(limit)
    )).scalars().all())
    if ids:
        from sqlalchemy import delete

        await session.execute(delete(MailOutbound).where(MailOutbound.id.in_(ids)))
    return len(ids)
