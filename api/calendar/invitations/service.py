"""Answering an invitation: the attendee's copy takes the answer, a local organizer's copy
is updated at once, and a REPLY goes to the organizer by mail."""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from api.calendar.errors import NotAnAttendee
from api.calendar.events import repository
from api.calendar.events.instances import materialize
from api.calendar.events.occurrences import Occurrence, single
from api.calendar.events.service import event_data, occurrence_for_key
from api.calendar.invitations import imip, itip
from api.events import emit
from api.kit.clock import utcnow
from api.storage.models import Account, CalendarEvent
from schemas.calendar import EventRespond


def set_attendee(
    rows: list[CalendarEvent], address: str, response: str, comment: str | None
) -> bool:
    """Record `address`'s answer in each row's attendee list; whether any row listed them."""
    found = False
    for row in rows:
        attendees = []
        for a in row.attendees or []:
            if a["address"].lower() == address.lower():
                a = {**a, "response": response, "comment": comment}
                found = True
            attendees.append(a)
        row.attendees = attendees
        row.version += 1
        row.updated_at = utcnow()
    return found


def _my_address(rows: list[CalendarEvent], account: Account) -> str | None:
    for row in rows:
        for a in row.attendees or []:
            if a.get("account_id") == account.id or a["address"].lower() == account.address.lower():
                return str(a["address"])
    return None


async def organizer_rows(
    session: AsyncSession, org_id: str, copy: CalendarEvent
) -> list[CalendarEvent]:
    """The organizer's own rows of this UID, when the organizer is in this organisation."""
    organizer_id = (copy.organizer or {}).get("account_id")
    if not organizer_id:
        return []
    return [
        r
        for r in await repository.copies_of_uid(session, org_id, copy.uid)
        if r.is_organizer and r.account_id == organizer_id
    ]


async def respond(
    session: AsyncSession,
    org_id: str,
    account: Account,
    master: CalendarEvent,
    occ: Occurrence,
    data: EventRespond,
) -> Occurrence:
    if master.is_organizer:
        raise NotAnAttendee("The organizer does not answer their own invitation.")
    rows = await repository.all_of_uid(session, org_id, master.calendar_id, master.uid)
    address = _my_address(rows, account)
    if address is None:
        raise NotAnAttendee("This account is not an attendee of the event.")
    key = occ.key if occ.key else None
    if key:
        target = [materialize(session, master, occ)]
    else:
        target = rows
    for row in target:
        row.partstat = data.response
    set_attendee(target, address, data.response, data.comment)
    await session.flush()
    await emit(
        session,
        org_id,
        "calendar.event.updated",
        event_data(master, changed=["response"], instance=key),
    )
    theirs = await organizer_rows(session, org_id, master)
    replied_on: CalendarEvent = master
    if theirs:
        their_master = next((r for r in theirs if not r.recurrence_id), theirs[0])
        if key:
            their = next((r for r in theirs if r.recurrence_id == key), None)
            if their is None:
                found = occurrence_for_key(their_master, key)
                their = materialize(session, their_master, found) if found else their_master
            set_attendee([their], address, data.response, data.comment)
        else:
            set_attendee(theirs, address, data.response, data.comment)
        replied_on = their_master
        await session.flush()
    await emit(
        session,
        org_id,
        "calendar.invitation.replied",
        replied_data(replied_on, address, data.response, data.comment, key),
    )
    if data.send_response and master.organizer:
        row = target[0]
        await imip.queue(
            session,
            row,
            account,
            [master.organizer["address"]],
            "REPLY",
            itip.reply(row, address, utcnow(), comment=data.comment),
            subject=imip.reply_subject(row, data.response),
            text=imip.reply_text(account.display_name or address, data.response, data.comment),
        )
    result = single(target[0])
    if key:
        result.series_id = master.id
    return result


def replied_data(
    row: CalendarEvent, attendee: str, response: str, comment: str | None, key: str | None
) -> dict[str, Any]:
    return event_data(row, attendee=attendee, response=response, comment=comment, instance=key)
