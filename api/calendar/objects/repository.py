"""Calendar object queries by resource name, always scoped to the caller's organisation."""

from __future__ import annotations

from sqlalchemy import and_, or_
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
