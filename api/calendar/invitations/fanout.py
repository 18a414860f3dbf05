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
from api.calendar.events.payload import event_data
from api.calendar.invitations import imip, itip
from api.calendar.invitations.mirror import copies as copies_of
from api.calendar.invitations.mirror import mirror, people
from api.calendar.resources import booking
from api.events import emit
from api.kit.clock import utcnow
from api.storage.models import Account, CalendarEvent


async def after_change(
    session: AsyncSession,
    master: CalendarEvent,
    *,
    send: bool = True,
    previous: list[dict[str, Any]] | None = None,
) -> None:
    rows = await repository.all_of_uid(session, master.org_id, master.calendar_id, master.uid)
    if not rows:
        return
    await booking.process(session, master, rows)
    copies = await copies_of(session, master.org_id, master.uid)
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
        await emit(session, master.org_id, f"calendar.event.{verb}", event_data(mirrored[0]))
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
                session,
                master.org_id,
                "calendar.event.cancelled",
                event_data(copies[account_id][0]),
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
    copies = await copies_of(session, master.org_id, master.uid)
    for copy_rows in copies.values():
        if instance is None:
            for row in copy_rows:
                await session.delete(row)
            await emit(session, master.org_id, "calendar.event.cancelled", event_data(copy_rows[0]))
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
                event_data(copy_master, instance=instance.key, changed=["exdates"]),
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
