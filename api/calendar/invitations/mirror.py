"""Attendee and room copies of an organizer's event: which columns they take, and how a
copy is made to match its organizer's rows."""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from api.calendar.events import repository
from api.calendar.invitations import itip
from api.kit.clock import utcnow
from api.kit.ids import new_id
from api.storage.models import CalendarEvent

#: Columns an attendee's copy takes from the organizer's row.
MIRRORED = (
    "uid",
    "recurrence_id",
    "sequence",
    "title",
    "description",
    "location",
    "online_meeting_url",
    "all_day",
    "time_zone",
    "start_local",
    "end_local",
    "start_at",
    "end_at",
    "rrule",
    "rdates",
    "exdates",
    "range_start",
    "range_end",
    "status",
    "organizer",
    "attendees",
)


def people(rows: list[CalendarEvent]) -> list[dict[str, Any]]:
    """Person attendees across a series' rows, once each."""
    out: dict[str, dict[str, Any]] = {}
    for row in rows:
        for a in row.attendees or []:
            if a.get("type", "person") == "person":
                out.setdefault(a["address"].lower(), a)
    return list(out.values())


def response_of(row: CalendarEvent, address: str) -> str:
    for a in row.attendees or []:
        if a["address"].lower() == address.lower():
            return str(a.get("response", "needs_action"))
    return "needs_action"


async def mirror(
    session: AsyncSession,
    rows: list[CalendarEvent],
    *,
    account_id: str | None,
    calendar_id: str | None,
    address: str,
    existing: list[CalendarEvent],
) -> list[CalendarEvent]:
    """Make `existing` (a copy in another calendar) match the organizer's `rows`.
    Returns the copy's rows; its own reminders and transparency are kept."""
    by_rid = {c.recurrence_id: c for c in existing}
    target = existing[0].calendar_id if existing else calendar_id
    assert target is not None
    master_copy_id = None
    out = []
    for row in itip.ordered(rows):
        copy = by_rid.pop(row.recurrence_id, None)
        if copy is None:
            copy = CalendarEvent(
                id=new_id("cev"),
                org_id=row.org_id,
                calendar_id=target,
                account_id=account_id,
                is_organizer=False,
                version=1,
                reminders=list(row.reminders or []),
                transparency=row.transparency,
            )
            session.add(copy)
        else:
            copy.version += 1
            copy.updated_at = utcnow()
        for name in MIRRORED:
            setattr(copy, name, getattr(row, name))
        copy.partstat = response_of(row, address)
        copy.series_id = master_copy_id if row.recurrence_id else None
        if not row.recurrence_id:
            master_copy_id = copy.id
        out.append(copy)
    for stale in by_rid.values():
        await session.delete(stale)
    await session.flush()
    return out


async def copies(session: AsyncSession, org_id: str, uid: str) -> dict[str, list[CalendarEvent]]:
    """Attendee copies of a UID in the organisation, by account id (rooms: by calendar id)."""
    out: dict[str, list[CalendarEvent]] = {}
    for row in await repository.copies_of_uid(session, org_id, uid):
        if row.is_organizer:
            continue
        out.setdefault(row.account_id or row.calendar_id, []).append(row)
    return out
