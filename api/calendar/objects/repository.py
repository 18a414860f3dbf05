"""Calendar object queries by resource name, always scoped to the caller's organisation."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import and_, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from api.storage.models import Calendar, CalendarEvent
from api.storage.tenancy import scoped

SUFFIX = ".ics"


def _named(names: list[str]) -> object:
    ids = [n[: -len(SUFFIX)] for n in names if n.endswith(SUFFIX)]
    return or_(
        CalendarEvent.dav_name.in_(names),
        and_(CalendarEvent.dav_name.is_(None), CalendarEvent.id.in_(ids)),
    )


async def masters_by_name(
    session: AsyncSession, org_id: str, calendar_id: str, names: list[str]
) -> list[CalendarEvent]:
    """The series masters (or single events) served under `names` in one calendar."""
    if not names:
        return []
    stmt = scoped(CalendarEvent, org_id).where(
        CalendarEvent.calendar_id == calendar_id,
        CalendarEvent.recurrence_id == "",
        _named(names),  # type: ignore[arg-type]
    )
    return list((await session.execute(stmt)).scalars().all())


async def object_rows(
    session: AsyncSession, org_id: str, calendar_id: str, names: list[str]
) -> list[CalendarEvent]:
    """Every row (masters and overrides) of the objects served under `names`, in one query."""
    if not names:
        return []
    named = (
        select(CalendarEvent.uid)
        .where(
            CalendarEvent.org_id == org_id,
            CalendarEvent.calendar_id == calendar_id,
            CalendarEvent.recurrence_id == "",
            _named(names),  # type: ignore[arg-type]
        )
    )
    stmt = (
        select(CalendarEvent)
        .where(
            CalendarEvent.org_id == org_id,
            CalendarEvent.calendar_id == calendar_id,
            CalendarEvent.uid.in_(named),
        )
        .order_by(CalendarEvent.uid, CalendarEvent.recurrence_id)
    )
    return list((await session.execute(stmt)).scalars().all())


async def named_or_uid(
    session: AsyncSession, org_id: str, calendar_id: str, name: str, uid: str
) -> list[CalendarEvent]:
    """Every row of the object served under `name` and of the object holding `uid` (for a
    write: what is there now, and whether the UID is taken elsewhere), in one query."""
    named = (
        select(CalendarEvent.uid)
        .where(
            CalendarEvent.org_id == org_id,
            CalendarEvent.calendar_id == calendar_id,
            CalendarEvent.recurrence_id == "",
            _named([name]),  # type: ignore[arg-type]
        )
    )
    stmt = (
        select(CalendarEvent)
        .where(
            CalendarEvent.org_id == org_id,
            CalendarEvent.calendar_id == calendar_id,
            or_(CalendarEvent.uid == uid, CalendarEvent.uid.in_(named)),
        )
        .order_by(CalendarEvent.uid, CalendarEvent.recurrence_id)
    )
    return list((await session.execute(stmt)).scalars().all())


async def rows_of_uids(
    session: AsyncSession, org_id: str, calendar_id: str, uids: list[str] | None
) -> list[CalendarEvent]:
    """Every row (masters and overrides) of `uids` in one calendar; all of them for None."""
    stmt = scoped(CalendarEvent, org_id).where(
        CalendarEvent.calendar_id == calendar_id
    )
    if uids is not None:
        if not uids:
            return []
        stmt = stmt.where(CalendarEvent.uid.in_(uids))
    stmt = stmt.order_by(CalendarEvent.uid, CalendarEvent.recurrence_id)
    return list((await session.execute(stmt)).scalars().all())


async def calendar_by_segment(
    session: AsyncSession, org_id: str, account_id: str, segment: str
) -> Calendar | None:
    """The calendar a URL segment names: one of the account's own by the name its client
    gave it, else any calendar of the organisation by id (access is the caller's check)."""
    by_name = and_(Calendar.account_id == account_id, Calendar.dav_name == segment)
    rows = (
        await session.execute(
            select(Calendar).where(
                Calendar.org_id == org_id,
                or_(by_name, Calendar.id == segment) if segment.startswith("cal_") else by_name,
            )
        )
    ).scalars()
    found = sorted(rows, key=lambda c: c.dav_name != segment)  # the client's name first
    return found[0] if found else None


async def calendar_by_dav_name(
    session: AsyncSession, org_id: str, account_id: str, dav_name: str
) -> Calendar | None:
    """One of the account's own calendars by the collection name its client gave it."""
    return await session.scalar(
        scoped(Calendar, org_id).where(
            Calendar.account_id == account_id,
            Calendar.dav_name == dav_name,
        )
    )


async def digest(
    session: AsyncSession, org_id: str, calendar_id: str
) -> tuple[int, datetime | None, int]:
    """(rows, newest update, sum of versions) of one calendar: changes when any row does."""
    row = (
        await session.execute(
            select(
                func.count(), func.max(CalendarEvent.updated_at), func.sum(CalendarEvent.version)
            ).where(CalendarEvent.org_id == org_id, CalendarEvent.calendar_id == calendar_id)
        )
    ).one()
    return int(row[0] or 0), row[1], int(row[2] or 0)


async def room_calendars(session: AsyncSession, org_id: str) -> list[Calendar]:
    """The calendars of the organisation's rooms and resources."""
    stmt = (
        select(Calendar)
        .where(Calendar.org_id == org_id, Calendar.room_id.is_not(None))
        .order_by(Calendar.name, Calendar.id)
    )
    return list((await session.execute(stmt)).scalars().all())


