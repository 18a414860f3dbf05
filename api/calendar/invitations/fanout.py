"""After the organizer changes an event: rooms decide, local attendees' copies follow, and
iTIP mail goes out (REQUEST to attendees, CANCEL to those removed or when cancelled).

Local attendees (accounts of the organizer's organisation) get the event placed straight
in their calendar as needs-action; they also get the invitation mail, whose processing on
arrival is then a no-op (same UID and SEQUENCE).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from api.calendar.calendars.service import ensure_default
from api.calendar.events import repository
from api.calendar.events.occurrences import Occurrence
from api.calendar.invitations import imip, itip
from api.events import emit
from api.kit.clock import utcnow
from api.kit.ids import new_id
from api.storage.models import Account, CalendarEvent

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


def _data(row: CalendarEvent, **extra: Any) -> dict[str, Any]:
    from api.calendar.events.service import event_data

    return event_data(row, **extra)


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


async def _copies(session: AsyncSession, org_id: str, uid: str) -> dict[str, list[CalendarEvent]]:
    """Attendee copies of a UID in the organisation, by account id (rooms: by calendar id)."""
    out: dict[str, list[CalendarEvent]] = {}
    for row in await repository.copies_of_uid(session, org_id, uid):
        if row.is_organizer:
            continue
        out.setdefault(row.account_id or row.calendar_id, []).append(row)
    return out


async def after_change(
    session: AsyncSession,
    master: CalendarEvent,
    *,
    send: bool = True,
    previous: list[dict[str, Any]] | None = None,
) -> None:
    from api.calendar.resources import booking

    rows = await repository.all_of_uid(session, master.org_id, master.calendar_id, master.uid)
    if not rows:
        return
    await booking.process(session, master, rows)
    copies = await _copies(session, master.org_id, master.uid)
    organizer_account = (master.organizer or {}).get("account_id")
    current = people(rows)
    kept: set[str] = set()
    for person in current:
        account_id = person.get("account_id")
        if not account_id or account_id == organizer_account:
            continue
        kept.add(account_id)
        existing = copies.get(account_id, [])
        calendar_id = None
        if not existing:
            calendar_id = (await ensure_default(session, master.org_id, account_id)).id
        mirrored = await mirror(
            session,
            rows,
            account_id=account_id,
            calendar_id=calendar_id,
            address=person["address"],
            existing=existing,
        )
        verb = "updated" if existing else "created"
        await emit(session, master.org_id, f"calendar.event.{verb}", _data(mirrored[0]))
    removed = [
        a
        for a in previous or []
        if a.get("type", "person") == "person"
        and a["address"].lower() not in {p["address"].lower() for p in current}
    ]
    for person in removed:
        account_id = person.get("account_id")
        if account_id and account_id in copies and account_id not in kept:
            for row in copies[account_id]:
                await session.delete(row)
            await emit(
                session, master.org_id, "calendar.event.cancelled", _data(copies[account_id][0])
            )
    if not send:
        return
    stamp = utcnow()
    organizer = await _organizer_account(session, master)
    if current:
        await imip.queue(
            session,
            master,
            organizer,
            [p["address"] for p in current],
            "REQUEST",
            itip.request(rows, stamp),
        )
    if removed:
        addresses = [p["address"] for p in removed]
        await imip.queue(
            session,
            master,
            organizer,
            addresses,
            "CANCEL",
            itip.cancel(rows, stamp, only=addresses),
        )


async def after_cancel(
    session: AsyncSession,
    master: CalendarEvent,
    *,
    send: bool = True,
    instance: Occurrence | None = None,
) -> None:
    """The organizer cancelled the series (or one instance of it)."""
    rows = await repository.all_of_uid(session, master.org_id, master.calendar_id, master.uid)
    copies = await _copies(session, master.org_id, master.uid)
    for copy_rows in copies.values():
        if instance is None:
            for row in copy_rows:
                await session.delete(row)
            await emit(session, master.org_id, "calendar.event.cancelled", _data(copy_rows[0]))
            continue
        copy_master = next((r for r in copy_rows if not r.recurrence_id), None)
        for row in copy_rows:
            if row.recurrence_id and row.recurrence_id == instance.key:
                await session.delete(row)
        if copy_master is not None:
            copy_master.exdates = list(master.exdates or [])
            copy_master.sequence = master.sequence
            copy_master.version += 1
            await emit(
                session,
                master.org_id,
                "calendar.event.updated",
                _data(copy_master, instance=instance.key, changed=["exdates"]),
            )
    if not send:
        return
    current = people(rows or [master])
    if current:
        organizer = await _organizer_account(session, master)
        await imip.queue(
            session,
            master,
            organizer,
            [p["address"] for p in current],
            "CANCEL",
            itip.cancel(rows or [master], utcnow(), instance=instance),
        )


async def _organizer_account(session: AsyncSession, master: CalendarEvent) -> Account | None:
    account_id = (master.organizer or {}).get("account_id") or master.account_id
    if not account_id:
        return None
    return await session.scalar(
        select(Account).where(Account.id == account_id, Account.org_id == master.org_id)
    )
