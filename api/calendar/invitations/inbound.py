"""Processing iMIP that arrives by mail for a local account (RFC 6047 / RFC 5546).

- REQUEST: create or update the account's copy (needs-action unless the organizer says
  otherwise); stale SEQUENCEs are ignored.
- CANCEL: from the copy's organizer only; removes the event, or one instance (EXDATE).
- REPLY: to the organizer's own event; from the attendee named in it only; records PARTSTAT.
Anything else, or a file that cannot be read, is ignored with a reason: delivering the mail
never fails because of its invitation.

Mail delivery calls `process_message(session, account, raw)` for each local recipient;
SMTP-facing code may call it too. Both are idempotent.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from api.calendar.calendars.service import ensure_default
from api.calendar.events import repository
from api.calendar.events.instances import materialize
from api.calendar.events.occurrences import tz_of
from api.calendar.events.service import event_data, occurrence_for_key
from api.calendar.events.timing import local_text, parse_key, to_local
from api.calendar.ics.convert import Parsed, apply_fields
from api.calendar.ics.service import link_people, parse_calendar
from api.calendar.invitations import imip
from api.calendar.invitations.service import set_attendee
from api.errors import AppError
from api.events import emit
from api.kit.clock import utcnow
from api.kit.ids import new_id
from api.storage.models import Account, CalendarEvent

log = logging.getLogger("mailplane.calendar.imip")


@dataclass
class Outcome:
    method: str
    uid: str | None
    action: str  # created | updated | cancelled | replied | ignored
    event_id: str | None = None
    detail: str | None = None


async def process_message(session: AsyncSession, account: Account, raw: bytes) -> list[Outcome]:
    """Apply every calendar part of a delivered message to `account`'s calendar."""
    sender = imip.sender_of(raw)
    out: list[Outcome] = []
    for method, data in imip.calendar_parts(raw):
        out += await process_itip(session, account, data, method=method, sender=sender)
    return out


async def process_itip(
    session: AsyncSession,
    account: Account,
    data: bytes,
    *,
    method: str | None = None,
    sender: str | None = None,
) -> list[Outcome]:
    try:
        text = data.decode("utf-8-sig", errors="replace")
        items, calendars = parse_calendar(text, "UTC", require_uid=True)
    except AppError as exc:
        return [Outcome(method or "", None, "ignored", detail=exc.detail)]
    declared = str(calendars[0].get("METHOD", "")).upper() if calendars else ""
    method = (method or declared or "").upper()
    parsed = [p for p, _ in items]
    if not parsed:
        return [Outcome(method, None, "ignored", detail="no VEVENT")]
    uid = parsed[0].uid
    if any(p.uid != uid for p in parsed):
        return [Outcome(method, uid, "ignored", detail="one UID per iTIP message")]
    handlers = {"REQUEST": _request, "CANCEL": _cancel}
    try:
        async with session.begin_nested():
            if method in handlers:
                return [await handlers[method](session, account, parsed)]
            if method == "REPLY":
                return [await _reply(session, account, parsed, sender)]
    except AppError as exc:
        log.info("iMIP ignored", extra={"fields": {"uid": uid, "reason": exc.detail}})
        return [Outcome(method, uid, "ignored", detail=exc.detail)]
    return [Outcome(method, uid, "ignored", detail=f"method {method or 'none'} is not handled")]


def _same(a: str | None, b: str | None) -> bool:
    return bool(a and b and a.strip().lower() == b.strip().lower())


async def _my_copies(session: AsyncSession, account: Account, uid: str) -> list[CalendarEvent]:
    return [
        r
        for r in await repository.copies_of_uid(session, account.org_id, uid)
        if r.account_id == account.id
    ]


async def _request(session: AsyncSession, account: Account, parsed: list[Parsed]) -> Outcome:
    uid = parsed[0].uid
    organizer = next((p.fields["organizer"] for p in parsed if p.fields["organizer"]), None)
    if organizer is None:
        return Outcome("REQUEST", uid, "ignored", detail="a REQUEST needs an ORGANIZER")
    if _same(organizer["address"], account.address):
        return Outcome("REQUEST", uid, "ignored", detail="the organizer's own invitation")
    mine = await _my_copies(session, account, uid)
    if any(r.is_organizer for r in mine):
        return Outcome("REQUEST", uid, "ignored", detail="this account organizes the event")
    current = {r.recurrence_id: r for r in mine}
    master = current.get("")
    incoming_master = next((p for p in parsed if not p.recurrence_id), None)
    if master is not None and incoming_master is not None:
        if incoming_master.sequence < master.sequence:
            return Outcome("REQUEST", uid, "ignored", event_id=master.id, detail="stale SEQUENCE")
        if incoming_master.sequence == master.sequence and (master.organizer or {}).get(
            "account_id"
        ):
            # A colleague's invitation: the organizer's change already placed this copy.
            return Outcome(
                "REQUEST", uid, "ignored", event_id=master.id, detail="already up to date"
            )
    calendar_id = (
        mine[0].calendar_id
        if mine
        else (await ensure_default(session, account.org_id, account.id)).id
    )
    created = master is None and incoming_master is not None
    rows: list[CalendarEvent] = []
    for p in sorted(parsed, key=lambda x: x.recurrence_id):
        await link_people(session, account.org_id, p)
        row = current.get(p.recurrence_id)
        if row is None:
            row = CalendarEvent(
                id=new_id("cev"),
                org_id=account.org_id,
                calendar_id=calendar_id,
                account_id=account.id,
                is_organizer=False,
                version=1,
            )
            session.add(row)
        else:
            row.version += 1
            row.updated_at = utcnow()
        apply_fields(row, p)
        row.organizer = p.fields["organizer"] or organizer
        row.attendees = p.fields["attendees"]
        me = next((a for a in row.attendees if _same(a["address"], account.address)), None)
        row.partstat = me["response"] if me else "needs_action"
        if p.recurrence_id:
            owner = current.get("") or next((r for r in rows if not r.recurrence_id), None)
            row.series_id = owner.id if owner else None
        rows.append(row)
    await session.flush()
    head = next((r for r in rows if not r.recurrence_id), rows[0])
    series_id = head.series_id or head.id
    await emit(
        session,
        account.org_id,
        f"calendar.event.{'created' if created else 'updated'}",
        event_data(head),
    )
    return Outcome("REQUEST", uid, "created" if created else "updated", event_id=series_id)


async def _cancel(session: AsyncSession, account: Account, parsed: list[Parsed]) -> Outcome:
    uid = parsed[0].uid
    mine = [r for r in await _my_copies(session, account, uid) if not r.is_organizer]
    if not mine:
        return Outcome("CANCEL", uid, "ignored", detail="no such event in this calendar")
    master = next((r for r in mine if not r.recurrence_id), None)
    organizer = next((p.fields["organizer"] for p in parsed if p.fields["organizer"]), None)
    stored = (mine[0].organizer or {}).get("address")
    if organizer is None or not _same(organizer["address"], stored):
        return Outcome("CANCEL", uid, "ignored", detail="only the organizer may cancel")
    instances = [p.recurrence_id for p in parsed if p.recurrence_id]
    if not instances or master is None:
        for row in mine:
            await session.delete(row)
        await emit(
            session, account.org_id, "calendar.event.cancelled", event_data(master or mine[0])
        )
        await session.flush()
        return Outcome("CANCEL", uid, "cancelled", event_id=(master or mine[0]).id)
    tz = tz_of(master)
    exdates = set(master.exdates or [])
    for key in instances:
        parsed_key = parse_key(key)
        if isinstance(parsed_key, datetime):
            exdates.add(local_text(to_local(parsed_key, tz)))
        else:
            exdates.add(local_text(datetime.combine(parsed_key, datetime.min.time())))
        for row in mine:
            if row.recurrence_id == key:
                await session.delete(row)
    master.exdates = sorted(exdates)
    master.version += 1
    master.updated_at = utcnow()
    await session.flush()
    await emit(
        session,
        account.org_id,
        "calendar.event.updated",
        event_data(master, changed=["exdates"], instance=instances[0]),
    )
    return Outcome("CANCEL", uid, "cancelled", event_id=master.id, detail="instance")


async def _reply(
    session: AsyncSession, account: Account, parsed: list[Parsed], sender: str | None
) -> Outcome:
    uid = parsed[0].uid
    rows = [r for r in await _my_copies(session, account, uid) if r.is_organizer]
    master = next((r for r in rows if not r.recurrence_id), None)
    if master is None:
        return Outcome("REPLY", uid, "ignored", detail="no event organized by this account")
    replied = 0
    for p in parsed:
        for attendee in p.fields["attendees"]:
            address = attendee["address"]
            if sender and not _same(sender, address):
                continue
            if not any(_same(a["address"], address) for a in master.attendees or []):
                continue
            # The REPLY's own COMMENT; failing that, the same answer given through the API
            # was recorded with its comment before this mail arrived: keep it.
            known = next(
                (a for a in master.attendees or [] if _same(a["address"], address)), {}
            )
            same = known.get("response") == attendee["response"]
            comment = p.comment or (known.get("comment") if same else None)
            if p.recurrence_id:
                target = next((r for r in rows if r.recurrence_id == p.recurrence_id), None)
                if target is None:
                    occ = occurrence_for_key(master, p.recurrence_id)
                    if occ is None:
                        continue
                    target = materialize(session, master, occ)
                set_attendee([target], address, attendee["response"], comment)
            else:
                set_attendee(rows, address, attendee["response"], comment)
            replied += 1
            await session.flush()
            await emit(
                session,
                account.org_id,
                "calendar.invitation.replied",
                event_data(
                    master,
                    attendee=address,
                    response=attendee["response"],
                    comment=comment,
                    instance=p.recurrence_id or None,
                ),
            )
    if not replied:
        return Outcome(
            "REPLY",
            uid,
            "ignored",
            event_id=master.id,
            detail="no attendee of this event answered (or the sender is someone else)",
        )
    return Outcome("REPLY", uid, "replied", event_id=master.id)
