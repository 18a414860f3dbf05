"""The outbound queue's queries (table `mail_outbound`): lease-based claims, shared by any
number of workers (`FOR UPDATE SKIP LOCKED` on PostgreSQL), and guarded finishes.

A claimed row is `sending` with `next_attempt_at` = the end of its lease and `attempts`
counting the attempts started. A worker that dies leaves the row to be claimed again once
the lease runs out; a finish only applies while the row is still that claim's.

The per-destination concurrency limit is global: a claim counts the jobs (SMTP transactions:
one message's recipients at one destination, up to `RECIPIENTS_PER_JOB`, all leased by one
claim) that live leases hold for each destination, across every worker, and takes no row
that would start one more than `per_destination`. Claims that count take turns (a
transaction-scoped advisory lock on PostgreSQL; SQLite's writers are serialised already), so
two workers cannot both see the last free slot. A dead worker's jobs count until their
leases run out.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, func, not_, select, text
from sqlalchemy.ext.asyncio import AsyncSession

from api.kit.clock import utcnow
from api.mail.outbound.destinations import destination_key
from api.storage.db import Database
from api.storage.models import MailOutbound

ACTIVE = ("queued", "deferred", "sending")
RECIPIENTS_PER_JOB = 50  # recipients of one message sent in one SMTP transaction
CLAIM_LOCK = 0x6D706F62  # pg_advisory_xact_lock key serialising claims that count slots
WINDOW = 4  # with a per-destination limit, look this many times further down the queue


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


async def claim(
    db: Database, limit: int, lease_seconds: float, skip: set[str], *,
    per_destination: int = 0, smarthost: bool = False,
) -> list[Claim]:
    """Take up to `limit` due rows, most urgent first, under a lease; with `per_destination`,
    never so many that a destination has more than that many live jobs across all workers."""
    now = utcnow()
    async with db.session() as session:
        stmt = (
            select(MailOutbound)
            .where(MailOutbound.status.in_(ACTIVE), MailOutbound.next_attempt_at <= now)
            .order_by(MailOutbound.priority.desc(), MailOutbound.next_attempt_at)
            .limit(limit + len(skip))
        )
        busy: Counter[str] = Counter()
        if per_destination > 0:
            if not db.is_sqlite:
                await session.execute(text("SELECT pg_advisory_xact_lock(:key)"),
                                      {"key": CLAIM_LOCK})
            busy = await live_jobs(session, now, smarthost)
            full = sorted(k for k, n in busy.items() if n >= per_destination)
            if smarthost and full:
                return []
            for domain in full:  # saturated domains must not crowd the window out
                stmt = stmt.where(not_(func.lower(MailOutbound.recipient).like(
                    "%@" + _like_escaped(domain), escape="\\")))
            stmt = stmt.limit(limit * WINDOW + len(skip))
        if not db.is_sqlite:
            stmt = stmt.with_for_update(skip_locked=True)
        rows = [r for r in (await session.execute(stmt)).scalars().all() if r.id not in skip]
        if per_destination > 0:
            rows = _within_limit(rows, busy, per_destination, smarthost)
        rows = rows[:limit]
        until = now + timedelta(seconds=lease_seconds)
        for row in rows:
            row.status = "sending"
            row.attempts += 1
            row.next_attempt_at = until
            row.updated_at = now
        claimed = [Claim.of(r) for r in rows]
    return claimed


async def live_jobs(session: AsyncSession, now: datetime, smarthost: bool) -> Counter[str]:
    """Jobs per destination that unexpired leases hold: the rows one claim leased for one
    message (same blob, sender and lease end) at one destination, in transactions of up to
    `RECIPIENTS_PER_JOB` recipients, exactly as the worker groups them."""
    leased = await session.execute(
        select(MailOutbound.recipient, MailOutbound.blob_sha256, MailOutbound.envelope_from,
               MailOutbound.next_attempt_at)
        .where(MailOutbound.status == "sending", MailOutbound.next_attempt_at > now)
    )
    groups: Counter[tuple[str, str, str, datetime]] = Counter()
    for recipient, blob, sender, until in leased.all():
        groups[(destination_key(recipient, smarthost), blob, sender, until)] += 1
    jobs: Counter[str] = Counter()
    for (key, *_), size in groups.items():
        jobs[key] += -(-size // RECIPIENTS_PER_JOB)
    return jobs


def _within_limit(
    rows: list[MailOutbound], busy: Counter[str], limit: int, smarthost: bool
) -> list[MailOutbound]:
    """The rows (in queue order) that fit: a row joining a job this claim already starts is
    free until that job is full; one starting a new job needs a free slot."""
    started = Counter(busy)
    members: Counter[tuple[str, str, str]] = Counter()
    taken = []
    for row in rows:
        key = destination_key(row.recipient, smarthost)
        group = (key, row.blob_sha256, row.envelope_from)
        if members[group] % RECIPIENTS_PER_JOB == 0:
            if started[key] >= limit:
                continue
            started[key] += 1
        members[group] += 1
        taken.append(row)
    return taken


def _like_escaped(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


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
        await session.execute(delete(MailOutbound).where(MailOutbound.id.in_(ids)))
    return len(ids)
