"""Event queries, always scoped to the caller's organisation."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime
from typing import Any

from sqlalchemy import String, delete, or_, select, type_coerce
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


#: A row's stamp (see row_cache.py): `updated_at` as the driver returns it, unparsed.
STAMP = (
    CalendarEvent.id,
    CalendarEvent.version,
    type_coerce(CalendarEvent.updated_at, String).label("stamped_at"),
)
#: Rows are fetched by id in chunks of this many (well under every driver's bound limit).
FETCH_CHUNK = 500

# The two reads below check the organisation on the rows they get rather than in SQL:
# with `org_id = ?` there, SQLite's planner (no statistics) walks the organisation's index,
# every event it has, instead of the (calendar_id, range_start) or primary key.


async def stamps_in_window(
    session: AsyncSession,
    org_id: str,
    calendar_ids: list[str],
    lo: datetime,
    hi: datetime,
    *,
    busy_only: bool = False,
) -> list[tuple[str, int, Any]]:
    """Stamps of the rows `in_window` would read (with `busy_only`: of rows that can make
    anyone busy, neither cancelled nor transparent)."""
    if not calendar_ids:
        return []
    stmt = select(CalendarEvent.org_id, *STAMP).where(
        CalendarEvent.calendar_id.in_(calendar_ids),
        CalendarEvent.range_start < hi,
        or_(CalendarEvent.range_end.is_(None), CalendarEvent.range_end > lo),
    )
    if busy_only:
        stmt = stmt.where(
            CalendarEvent.status != "cancelled", CalendarEvent.transparency != "transparent"
        )
    rows = (await session.execute(stmt)).all()
    return [(id_, version, at) for org, id_, version, at in rows if org == org_id]


async def rows_by_id(session: AsyncSession, org_id: str, ids: list[str]) -> list[Any]:
    """Whole rows (plain column tuples, as `in_window` reads them) with their stamps."""
    out: list[Any] = []
    for at in range(0, len(ids), FETCH_CHUNK):
        stmt = select(*CalendarEvent.__table__.columns, STAMP[2]).where(
            CalendarEvent.id.in_(ids[at : at + FETCH_CHUNK])
        )
        out += [r for r in (await session.execute(stmt)).all() if r.org_id == org_id]
    return out


async def override_keys(
    session: AsyncSession, org_id: str, pairs: set[tuple[str, str]]
) -> dict[tuple[str, str], set[str]]:
    """(calendar id, uid) → recurrence ids that have an override row, wherever it moved to."""
    out: dict[tuple[str, str], set[str]] = defaultdict(set)
    if not pairs:
        return out
    # One statement by uid (compiled once whatever the number of calendars; the
    # (org_id, uid) index finds the rows), then the pairs asked for: a uid is also in the
    # calendars of the event's other copies (attendees'). Naming the calendars in SQL made
    # SQLite walk every event of the organisation, or probe every calendar-uid product.
    uids = sorted({uid for _, uid in pairs})
    for at in range(0, len(uids), FETCH_CHUNK):
        stmt = select(
            CalendarEvent.calendar_id, CalendarEvent.uid, CalendarEvent.recurrence_id
        ).where(
            CalendarEvent.org_id == org_id,
            CalendarEvent.uid.in_(uids[at : at + FETCH_CHUNK]),
            CalendarEvent.recurrence_id != "",
        )
        for cal, uid, rid in (await session.execute(stmt)).all():
            if (cal, uid) in pairs:
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
