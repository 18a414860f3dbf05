"""Event queries, always scoped to the caller's organisation."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime

from sqlalchemy import and_, delete, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from api.storage.models import CalendarEvent
from api.storage.tenancy import scoped


async def get(session: AsyncSession, org_id: str, event_id: str) -> CalendarEvent | None:
    return await session.scalar(
        select(CalendarEvent).where(CalendarEvent.id == event_id, CalendarEvent.org_id == org_id)
    )


async def by_uid(
    session: AsyncSession, org_id: str, calendar_id: str, uid: str, recurrence_id: str = ""
) -> CalendarEvent | None:
    return await session.scalar(
        scoped(CalendarEvent, org_id).where(
            CalendarEvent.calendar_id == calendar_id,
            CalendarEvent.uid == uid,
            CalendarEvent.recurrence_id == recurrence_id,
        )
    )


async def all_of_uid(
    session: AsyncSession, org_id: str, calendar_id: str, uid: str
) -> list[CalendarEvent]:
    """A series master and its overrides (or a single event) in one calendar."""
    stmt = (
        scoped(CalendarEvent, org_id)
        .where(
            CalendarEvent.calendar_id == calendar_id,
            CalendarEvent.uid == uid,
        )
        .order_by(CalendarEvent.recurrence_id)
    )
    return list((await session.execute(stmt)).scalars().all())


async def copies_of_uid(session: AsyncSession, org_id: str, uid: str) -> list[CalendarEvent]:
    """Every row with this UID in the organisation's calendars (organizer and attendee copies)."""
    stmt = scoped(CalendarEvent, org_id).where(CalendarEvent.uid == uid)
    return list((await session.execute(stmt)).scalars().all())


async def in_window(
    session: AsyncSession, org_id: str, calendar_ids: list[str], lo: datetime, hi: datetime
) -> list[CalendarEvent]:
    """Masters whose series may touch [lo, hi), and overrides placed inside it, as read-only
    rows (plain column tuples: windows read hundreds, ORM identity tracking would double it)."""
    if not calendar_ids:
        return []
    stmt = select(*CalendarEvent.__table__.columns).where(
        CalendarEvent.org_id == org_id,
        CalendarEvent.calendar_id.in_(calendar_ids),
        CalendarEvent.range_start < hi,
        or_(CalendarEvent.range_end.is_(None), CalendarEvent.range_end > lo),
    )
    return list((await session.execute(stmt)).all())  # type: ignore[arg-type]


async def override_keys(
    session: AsyncSession, org_id: str, pairs: set[tuple[str, str]]
) -> dict[tuple[str, str], set[str]]:
    """(calendar id, uid) → recurrence ids that have an override row, wherever it moved to."""
    out: dict[tuple[str, str], set[str]] = defaultdict(set)
    if not pairs:
        return out
    by_calendar: dict[str, list[str]] = defaultdict(list)
    for cal, uid in pairs:
        by_calendar[cal].append(uid)
    conditions = [
        and_(CalendarEvent.calendar_id == cal, CalendarEvent.uid.in_(uids))
        for cal, uids in by_calendar.items()
    ]
    stmt = select(CalendarEvent.calendar_id, CalendarEvent.uid, CalendarEvent.recurrence_id).where(
        CalendarEvent.org_id == org_id, CalendarEvent.recurrence_id != "", or_(*conditions)
    )
    for cal, uid, rid in (await session.execute(stmt)).all():
        out[(cal, uid)].add(rid)
    return out


async def delete_overrides(
    session: AsyncSession, org_id: str, calendar_id: str, uid: str, keys: list[str] | None = None
) -> None:
    stmt = delete(CalendarEvent).where(
        CalendarEvent.org_id == org_id,
        CalendarEvent.calendar_id == calendar_id,
        CalendarEvent.uid == uid,
        CalendarEvent.recurrence_id != "",
    )
    if keys is not None:
        stmt = stmt.where(CalendarEvent.recurrence_id.in_(keys))
    await session.execute(stmt)
