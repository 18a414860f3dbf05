"""Rules for calendar object resources (RFC 4791 §4.1): one UID per object, its series
master and overrides together, named by the client that wrote it (or `<event id>.ics`).

A write goes through the same rules as the API: an organiser's object with attendees sends
iMIP invitations and updates local attendees' copies (`fanout.after_change`), a delete by
the organiser cancels, and an attendee's write of their own PARTSTAT is an answer to the
invitation (`invitations.service.respond`), so the organiser's event takes it. Every
change emits the same `calendar.event.*` events as the API.
"""

from __future__ import annotations

import hashlib
import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any

import icalendar
from sqlalchemy import ColumnElement
from sqlalchemy.ext.asyncio import AsyncSession

from api.calendar.errors import UidConflict
from api.calendar.events import repository as events_repository
from api.calendar.events.occurrences import Occurrence, single
from api.calendar.events.service import (
    cancel_series,
    event_data,
    occurrence_for_key,
    occurrences_in,
)
from api.calendar.ics.convert import PRODID, Parsed, apply_fields, to_vevent
from api.calendar.ics.service import decode, link_people, parse_calendar
from api.calendar.invitations import fanout
from api.calendar.invitations import service as invitations
from api.calendar.objects import repository
from api.calendar.resources import repository as rooms
from api.errors import Forbidden, PreconditionFailed, ValidationFailed
from api.events import emit
from api.events.sync import CollectionChanges, collection_changes, collection_state
from api.i18n import Msg
from api.kit.clock import utcnow
from api.kit.ids import new_id
from api.storage.models import Account, Calendar, CalendarEvent, Event
from schemas.calendar import EventRespond

MAX_NAME = 255


@dataclass
class CalendarObject:
    """One named object: the master first, then its overrides by instance key."""

    name: str
    rows: list[CalendarEvent]

    @property
    def master(self) -> CalendarEvent:
        return self.rows[0]

    @property
    def etag(self) -> str:
        return etag_of(self.rows)


def name_of(master: CalendarEvent) -> str:
    return master.dav_name or f"{master.id}.ics"


def etag_of(rows: list[CalendarEvent]) -> str:
    digest = hashlib.sha256(";".join(f"{r.id}:{r.version}" for r in rows).encode()).hexdigest()
    return f'"{digest[:24]}"'


def _group(rows: list[CalendarEvent]) -> list[CalendarObject]:
    by_uid: dict[str, list[CalendarEvent]] = defaultdict(list)
    for row in rows:
        by_uid[row.uid].append(row)
    out = []
    for group in by_uid.values():
        group.sort(key=lambda r: r.recurrence_id)
        if group[0].recurrence_id:  # overrides whose master is gone are not an object
            continue
        out.append(CalendarObject(name_of(group[0]), group))
    return out


def check_name(name: str) -> None:
    if not name or len(name) > MAX_NAME or "/" in name or name in (".", ".."):
        raise ValidationFailed("An object name is 1-255 characters without '/'.", param="name")


# ---- reading -----------------------------------------------------------------------------


async def list_objects(session: AsyncSession, calendar: Calendar) -> list[CalendarObject]:
    """Every object of the calendar."""
    return _group(await repository.rows_of_uids(session, calendar.org_id, calendar.id, None))


async def get_objects(
    session: AsyncSession, calendar: Calendar, names: list[str]
) -> list[CalendarObject]:
    """The objects named (unknown names are left out)."""
    return _group(await repository.object_rows(session, calendar.org_id, calendar.id, names))


async def get_object(session: AsyncSession, calendar: Calendar, name: str) -> CalendarObject | None:
    found = await get_objects(session, calendar, [name])
    return found[0] if found else None


async def objects_in_window(
    session: AsyncSession, calendar: Calendar, start: datetime, end: datetime
) -> tuple[list[CalendarObject], list[Occurrence]]:
    """Objects with an instance overlapping [start, end), and those instances."""
    occurrences = await occurrences_in(session, calendar.org_id, [calendar.id], start, end)
    uids = sorted({occ.row.uid for occ in occurrences})
    rows = await repository.rows_of_uids(session, calendar.org_id, calendar.id, uids)
    return _group(rows), occurrences


HEAD = (
    b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:" + PRODID.encode() + b"\r\nCALSCALE:GREGORIAN\r\n"
)
TAIL = b"END:VCALENDAR\r\n"


@lru_cache(maxsize=512)
def vtimezone(tzid: str) -> bytes:
    """A zone's VTIMEZONE, built once per process (icalendar takes ~10 ms to derive one)."""
    try:
        return bytes(icalendar.Timezone.from_tzid(tzid).to_ical())
    except Exception:  # an exotic zone without transitions goes out with its TZID alone
        return b""


def render(rows: list[CalendarEvent], *, stamp: datetime | None = None) -> bytes:
    """One object as iCalendar text, with the VTIMEZONE of every zone it uses."""
    stamp = stamp or rows[0].updated_at or utcnow()
    zones = sorted({r.time_zone for r in rows if not r.all_day and r.time_zone != "UTC"})
    return b"".join(
        [
            HEAD,
            *(vtimezone(z) for z in zones),
            *(to_vevent(r, stamp=stamp).to_ical() for r in rows),
            TAIL,
        ]
    )


def render_expanded(
    obj: CalendarObject, occurrences: list[Occurrence], *, stamp: datetime | None = None
) -> bytes:
    """The object's instances in a window as single VEVENTs in UTC with RECURRENCE-ID
    (RFC 4791 §9.6.5 `expand`)."""
    stamp = stamp or obj.master.updated_at or utcnow()
    vevents = []
    for occ in occurrences:
        vevent = to_vevent(occ.row, stamp=stamp)
        for prop in ("dtstart", "dtend", "rrule", "rdate", "exdate", "recurrence-id"):
            vevent.pop(prop, None)
        vevent.add("dtstart", occ.start_at.astimezone(UTC))
        vevent.add("dtend", occ.end_at.astimezone(UTC))
        if occ.key:
            vevent.add("recurrence-id", occ.start_at.astimezone(UTC))
        vevents.append(vevent)
    return b"".join([HEAD, *(v.to_ical() for v in vevents), TAIL])


# ---- sync (RFC 6578 over the event log) --------------------------------------------------


def _href_of(data: dict[str, Any], _type: str) -> str | None:
    if data.get("dav_name"):
        return str(data["dav_name"])
    return f"{data['id']}.ics" if data.get("id") else None


TYPES = ["calendar.event.*", "calendar.invitation.*"]


def _in(calendar: Calendar) -> list[ColumnElement[bool]]:
    return [Event.data["calendar_id"].as_string() == calendar.id]


async def sync_state(session: AsyncSession, calendar: Calendar) -> str:
    """This calendar's own state in the event log (RFC 6578 sync token, CalendarServer
    ctag): it moves only when this calendar changes. A room's calendar holds copies of
    bookings whose events name the organiser's calendar, so its state is a digest of its
    rows instead (and it offers no sync-collection)."""
    if calendar.room_id:
        count, newest, versions = await repository.digest(session, calendar.org_id, calendar.id)
        raw = f"{count}:{newest.isoformat() if newest else ''}:{versions}"
        return "room-" + hashlib.sha256(raw.encode()).hexdigest()[:24]
    return await collection_state(session, calendar.org_id, types=TYPES, where=_in(calendar))


async def changes(session: AsyncSession, calendar: Calendar, since: str) -> CollectionChanges:
    """Object names created, updated and deleted in this calendar since one of its states
    (read from the same event log as `…/calendar/events/changes`)."""
    return await collection_changes(
        session,
        calendar.org_id,
        types=TYPES,
        since=since,
        where=_in(calendar),
        deleted_verbs=("cancelled",),
        id_of=_href_of,
    )


# ---- writing -----------------------------------------------------------------------------


def check_preconditions(
    current: CalendarObject | None, if_match: str | None, if_none_match: str | None
) -> None:
    """RFC 9110 §13.1.1-2 for a write: 412 when the object is not in the state asked for."""
    etag = current.etag if current else None
    if if_none_match is not None:
        tags = [t.strip() for t in if_none_match.split(",")]
        if current is not None and ("*" in tags or etag in tags):
            raise PreconditionFailed("The object already exists.", param="If-None-Match")
    if if_match is not None:
        tags = [t.strip() for t in if_match.split(",")]
        if current is None or not ("*" in tags or etag in tags):
            raise PreconditionFailed("The object has changed since you read it.", param="If-Match")


def _parse_object(body: bytes, calendar: Calendar) -> tuple[str, list[Parsed]]:
    items, _ = parse_calendar(decode(body), calendar.time_zone, require_uid=True)
    parsed = [p for p, _ in items]
    if not parsed:
        raise ValidationFailed("The object holds no VEVENT.", param="body")
    uids = {p.uid for p in parsed}
    if len(uids) != 1:
        raise ValidationFailed("A calendar object holds exactly one UID.", param="UID")
    keys = [p.recurrence_id for p in parsed]
    if len(set(keys)) != len(keys):
        raise ValidationFailed("Two VEVENTs share one RECURRENCE-ID.", param="RECURRENCE-ID")
    if "" not in keys:
        raise ValidationFailed("The object needs its series' main VEVENT.", param="RECURRENCE-ID")
    parsed.sort(key=lambda p: p.recurrence_id)
    return parsed[0].uid, parsed


async def put_object(
    session: AsyncSession,
    calendar: Calendar,
    name: str,
    body: bytes,
    *,
    if_match: str | None = None,
    if_none_match: str | None = None,
    owner: Account | None = None,
) -> tuple[CalendarObject, bool]:
    """Create or replace the object `name` from iCalendar text; (object, created). `owner`
    is the calendar's owner when the caller has it at hand (saves reading it again)."""
    check_name(name)
    if calendar.room_id:
        raise Forbidden("A room's calendar is booked by inviting the room.")
    uid, parsed = _parse_object(body, calendar)
    rows = await repository.named_or_uid(session, calendar.org_id, calendar.id, name, uid)
    found = [o for o in _group(rows) if o.name == name]
    current = found[0] if found else None
    check_preconditions(current, if_match, if_none_match)
    if current is None:
        if any(r.uid == uid for r in rows):
            raise UidConflict(
                Msg("An event with UID {uid} is already in this calendar.", uid=uid)
            )
    elif current.master.uid != uid:
        raise UidConflict("An object's UID cannot change.")
    if owner is None or owner.id != calendar.account_id:
        owner = await session.get(Account, calendar.account_id) if calendar.account_id else None
    if current is not None and not current.master.is_organizer and owner is not None:
        return await _answer(session, calendar, owner, current, parsed), False
    return await _write(session, calendar, owner, name, current, parsed), current is None


async def _write(
    session: AsyncSession,
    calendar: Calendar,
    owner: Account | None,
    name: str,
    current: CalendarObject | None,
    parsed: list[Parsed],
) -> CalendarObject:
    org_id = calendar.org_id
    existing = {r.recurrence_id: r for r in current.rows} if current else {}
    before = list(current.master.attendees or []) if current else []
    was = itip_signature(current.rows) if current else None
    sequences = {r.recurrence_id: r.sequence for r in current.rows} if current else {}
    mine = owner.address.lower() if owner else ""
    rows: list[CalendarEvent] = []
    master: CalendarEvent | None = None
    for item in parsed:
        await link_people(session, org_id, item)
        await _link_rooms(session, org_id, item)
        row = existing.pop(item.recurrence_id, None)
        if row is None:
            row = CalendarEvent(
                id=new_id("cev"),
                org_id=org_id,
                calendar_id=calendar.id,
                account_id=calendar.account_id,
                version=1,
            )
            session.add(row)
        else:
            row.version += 1
            row.updated_at = utcnow()
        apply_fields(row, item)
        f = item.fields
        row.organizer = f["organizer"]
        row.attendees = f["attendees"]
        row.is_organizer = not f["organizer"] or f["organizer"]["address"].lower() == mine
        me = next((a for a in f["attendees"] if a["address"].lower() == mine), None)
        row.partstat = "accepted" if row.is_organizer or me is None else me["response"]
        if item.recurrence_id:
            row.series_id = master.id if master else None
        else:
            master = row
            if current is None:
                row.dav_name = name
        rows.append(row)
    for gone in existing.values():  # overrides the client dropped
        await session.delete(gone)
    assert master is not None
    changed = was != itip_signature(rows)
    if master.is_organizer and master.attendees and changed and current is not None:
        for row in rows:  # an organiser's change is a new iTIP revision
            old = sequences.get(row.recurrence_id, master.sequence - 1)
            row.sequence = max(row.sequence, old + 1)
    await session.flush()
    verb = "updated" if current else "created"
    extra = {"changed": ["dav"]} if current else {}
    await emit(session, org_id, f"calendar.event.{verb}", event_data(master, **extra))
    # A client re-saving an unchanged meeting (an alarm, a colour) asks nobody again.
    if master.is_organizer and (master.attendees or before) and changed:
        await fanout.after_change(session, master, send=True, previous=before)
    return CalendarObject(name_of(master), rows)


def itip_signature(rows: list[CalendarEvent]) -> list[tuple[Any, ...]]:
    """What attendees are told about: times, rules, texts, status and who is invited."""
    return sorted(
        (
            r.recurrence_id,
            r.start_local,
            r.end_local,
            r.time_zone,
            r.all_day,
            r.rrule,
            tuple(r.rdates or []),
            tuple(r.exdates or []),
            r.title,
            r.location,
            r.description,
            r.status,
            tuple(sorted(a["address"].lower() for a in r.attendees or [])),
        )
        for r in rows
    )


async def _link_rooms(session: AsyncSession, org_id: str, item: Parsed) -> None:
    """Attendees that are the organisation's rooms, by address: the room then answers the
    booking as it does for the API (`booking.process` in `fanout.after_change`)."""
    attendees = item.fields["attendees"]
    found = await rooms.by_addresses(session, org_id, [a["address"] for a in attendees])
    for a in attendees:
        room = found.get(a["address"].lower())
        if room is not None:
            a.update(room_id=room.id, type=room.kind, account_id=None)


async def _answer(
    session: AsyncSession,
    calendar: Calendar,
    owner: Account,
    current: CalendarObject,
    parsed: list[Parsed],
) -> CalendarObject:
    """An attendee's client wrote their copy: their PARTSTAT is an answer to the organiser;
    anything else only the organiser may change, so the rest of the body is not applied."""
    mine = owner.address.lower()
    master = current.master
    overrides = {r.recurrence_id: r for r in current.rows if r.recurrence_id}
    for item in parsed:
        me = next((a for a in item.fields["attendees"] if a["address"].lower() == mine), None)
        if me is None or me["response"] not in ("accepted", "declined", "tentative"):
            continue
        if item.recurrence_id:
            row = overrides.get(item.recurrence_id)
            occ = single(row) if row else occurrence_for_key(master, item.recurrence_id)
            if occ is None or occ.row.partstat == me["response"]:
                continue
            if row is not None:
                occ.series_id = master.id
        else:
            if master.partstat == me["response"]:
                continue
            occ = single(master)
        await invitations.respond(
            session,
            calendar.org_id,
            owner,
            master,
            occ,
            EventRespond(response=me["response"], send_response=True),
        )
    await session.flush()
    rows = await events_repository.all_of_uid(session, calendar.org_id, calendar.id, master.uid)
    return CalendarObject(name_of(master), rows)


async def delete_object(
    session: AsyncSession, calendar: Calendar, name: str, *, if_match: str | None = None
) -> bool:
    """Remove the object (the organiser's delete cancels the meeting); False when absent."""
    if calendar.room_id:
        raise Forbidden("A room's calendar is booked by inviting the room.")
    current = await get_object(session, calendar, name)
    check_preconditions(current, if_match, None)
    if current is None:
        return False
    await cancel_series(session, calendar.org_id, current.master)
    return True


def new_uid() -> str:
    return f"{uuid.uuid4()}@mailplane"
