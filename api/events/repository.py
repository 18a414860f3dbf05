"""Event log queries, always scoped to one organisation."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ColumnElement, delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from api.storage.models import Event, OrgSequence
from api.storage.tenancy import scoped


async def head(session: AsyncSession, org_id: str) -> int:
    """The organisation's last committed sequence (every sequence up to it has committed)."""
    value = await session.scalar(select(OrgSequence.value).where(OrgSequence.org_id == org_id))
    return int(value or 0)


async def first_sequence(session: AsyncSession, org_id: str) -> int | None:
    value = await session.scalar(select(func.min(Event.sequence)).where(Event.org_id == org_id))
    return None if value is None else int(value)


async def get(session: AsyncSession, org_id: str, event_id: str) -> Event | None:
    return await session.scalar(select(Event).where(Event.id == event_id, Event.org_id == org_id))


async def after(
    session: AsyncSession,
    org_id: str,
    after: int,
    *,
    where: list[ColumnElement[bool]],
    limit: int,
    upto: int | None = None,
) -> list[Event]:
    stmt = scoped(Event, org_id).where(Event.sequence > after, *where)
    if upto is not None:
        stmt = stmt.where(Event.sequence <= upto)
    stmt = stmt.order_by(Event.sequence).limit(limit)
    return list((await session.execute(stmt)).scalars().all())


async def last_sequence(
    session: AsyncSession, org_id: str, where: list[ColumnElement[bool]]
) -> int | None:
    """The newest sequence among the organisation's events matching `where` (None: none)."""
    stmt = (
        select(Event.sequence)
        .where(Event.org_id == org_id, *where)
        .order_by(Event.sequence.desc())
        .limit(1)
    )
    value = await session.scalar(stmt)
    return None if value is None else int(value)


async def in_range(
    session: AsyncSession, org_id: str, first: int, last: int, limit: int
) -> list[Event]:
    stmt = (
        scoped(Event, org_id)
        .where(Event.sequence >= first, Event.sequence <= last)
        .order_by(Event.sequence)
        .limit(limit)
    )
    return list((await session.execute(stmt)).scalars().all())


async def expired_heads(session: AsyncSession, cutoff: datetime) -> list[tuple[str, int]]:
    """Per organisation, the highest sequence that is past retention."""
    rows = await session.execute(
        select(Event.org_id, func.max(Event.sequence))
        .where(Event.occurred_at < cutoff)
        .group_by(Event.org_id)
    )
    return [(str(org), int(seq)) for org, seq in rows.all()]


async def delete_through(session: AsyncSession, org_id: str, sequence: int, batch: int) -> int:
    """Delete the oldest events of one organisation up to `sequence`, at most `batch` of them."""
    first = await first_sequence(session, org_id)
    if first is None or first > sequence:
        return 0
    upto = min(sequence, first + batch - 1)
    result = await session.execute(
        delete(Event).where(Event.org_id == org_id, Event.sequence <= upto)
    )
    return int(result.rowcount or 0)  # type: ignore[attr-defined]
