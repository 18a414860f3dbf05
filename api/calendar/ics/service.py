"""Import an .ics into a calendar (all or nothing) and export a calendar as .ics.

An import is checked whole before anything is written: a malformed line, a bad property
or too many events fails the request, and the transaction leaves the calendar untouched.
Events are matched by UID (and RECURRENCE-ID), so importing the same file twice updates.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import icalendar
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from api.calendar.events.inputs import local_accounts
from api.calendar.events.service import event_data
from api.calendar.ics.convert import (
    Parsed,
    PropertyError,
    apply_fields,
    calendar_object,
    parse_vevent,
    to_vevent,
)
from api.calendar.ics.lines import Block, malformed, scan
from api.errors import PayloadTooLarge, ValidationFailed
from api.events import emit
from api.i18n import Msg
from api.kit.clock import utcnow
from api.kit.ids import new_id
from api.storage.models import Account, Calendar, CalendarEvent

MAX_IMPORT_EVENTS = 10_000


def decode(body: bytes) -> str:
    if body.startswith(b"\xef\xbb\xbf"):
        body = body[3:]
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = body[: exc.start].count(b"\n") + 1
        raise malformed(line, "the file is not UTF-8") from None


def parse_calendar(
    text: str,
    default_zone: str,
    *,
    require_uid: bool = False,
) -> tuple[list[tuple[Parsed, Block]], list[icalendar.Calendar]]:
    """Check and parse every VEVENT of an iCalendar text; errors name the line."""
    _, tops = scan(text, root="VCALENDAR")
    blocks = [child for top in tops for child in top.children if child.kind == "VEVENT"]
    if len(blocks) > MAX_IMPORT_EVENTS:
        raise PayloadTooLarge(Msg(
            "At most {MAX_IMPORT_EVENTS} events per file.", MAX_IMPORT_EVENTS=MAX_IMPORT_EVENTS
        ))
    try:
        calendars = icalendar.Calendar.from_ical(text, multiple=True)
    except Exception as exc:
        raise ValidationFailed(Msg(
            "The calendar cannot be parsed: {exc}", exc=exc
        ), param="body") from None
    components = [sub for cal in calendars for sub in cal.subcomponents if sub.name == "VEVENT"]
    if len(components) != len(blocks):
        raise ValidationFailed("The calendar's components could not be read.", param="body")
    out = []
    for component, block in zip(components, blocks, strict=True):
        try:
            parsed = parse_vevent(component, default_zone, require_uid=require_uid)
        except PropertyError as exc:
            number = block.lines.get(exc.prop, block.number)
            raise malformed(number, f"{exc.prop}: {exc.detail}") from None
        except ValidationFailed as exc:
            raise malformed(block.number, exc.detail) from None
        out.append((parsed, block))
    return out, calendars


async def _owner(session: AsyncSession, calendar: Calendar) -> Account | None:
    return await session.get(Account, calendar.account_id) if calendar.account_id else None


async def link_people(session: AsyncSession, org_id: str, parsed: Parsed) -> None:
    """Tie attendee and organizer addresses to the organisation's accounts."""
    f = parsed.fields
    people = [a["address"] for a in f["attendees"]]
    if f["organizer"]:
        people.append(f["organizer"]["address"])
    accounts = await local_accounts(session, org_id, people)
    for a in f["attendees"]:
        acc = accounts.get(a["address"].lower())
        a["account_id"] = acc.id if acc else None
    if f["organizer"]:
        acc = accounts.get(f["organizer"]["address"].lower())
        f["organizer"]["account_id"] = acc.id if acc else None


async def import_ics(session: AsyncSession, calendar: Calendar, body: bytes) -> dict[str, Any]:
    text = decode(body)
    items, _ = parse_calendar(text, calendar.time_zone)
    owner = await _owner(session, calendar)
    org_id = calendar.org_id
    existing = {
        (r.uid, r.recurrence_id): r
        for r in (
            await session.execute(
                select(CalendarEvent).where(
                    CalendarEvent.org_id == org_id,
                    CalendarEvent.calendar_id == calendar.id,
                    CalendarEvent.uid.in_({p.uid for p, _ in items}),
                )
            )
        )
        .scalars()
        .all()
    }
    # Masters first, so overrides can point at them.
    items.sort(key=lambda pair: (pair[0].uid, pair[0].recurrence_id))
    created: set[str] = set()
    updated: set[str] = set()
    masters: dict[str, CalendarEvent] = {r.uid: r for (uid, rid), r in existing.items() if not rid}
    touched: dict[str, CalendarEvent] = {}
    for parsed, _block in items:
        await link_people(session, org_id, parsed)
        row = existing.get((parsed.uid, parsed.recurrence_id))
        is_new = row is None
        if row is None:
            row = CalendarEvent(
                id=new_id("cev"),
                org_id=org_id,
                calendar_id=calendar.id,
                account_id=calendar.account_id,
                version=1,
            )
        else:
            row.version += 1
            row.updated_at = utcnow()
        apply_fields(row, parsed)
        f = parsed.fields
        row.organizer = f["organizer"]
        row.attendees = f["attendees"]
        mine = owner.address.lower() if owner else ""
        row.is_organizer = not f["organizer"] or f["organizer"]["address"].lower() == mine
        me = next((a for a in f["attendees"] if a["address"].lower() == mine), None)
        row.partstat = "accepted" if row.is_organizer or me is None else me["response"]
        if parsed.recurrence_id:
            master = masters.get(parsed.uid)
            row.series_id = master.id if master else None
        else:
            masters[parsed.uid] = row
        if is_new:
            session.add(row)
        series = masters.get(parsed.uid, row)
        touched[parsed.uid] = series
        if not parsed.recurrence_id and is_new:
            created.add(parsed.uid)
        elif parsed.uid not in created:
            updated.add(parsed.uid)
    await session.flush()
    for uid, series in touched.items():
        if uid in created:
            await emit(session, org_id, "calendar.event.created", event_data(series))
        else:
            await emit(
                session, org_id, "calendar.event.updated", event_data(series, changed=["import"])
            )
    return {
        "created": len(created),
        "updated": len(updated - created),
        "event_ids": [touched[uid].id for uid in sorted(touched)],
    }


async def export_ics(session: AsyncSession, calendar: Calendar) -> bytes:
    rows = (
        (
            await session.execute(
                select(CalendarEvent)
                .where(
                    CalendarEvent.org_id == calendar.org_id,
                    CalendarEvent.calendar_id == calendar.id,
                )
                .order_by(CalendarEvent.uid, CalendarEvent.recurrence_id)
            )
        )
        .scalars()
        .all()
    )
    stamp = utcnow()
    by_uid: dict[str, list[CalendarEvent]] = defaultdict(list)
    for row in rows:
        by_uid[row.uid].append(row)
    vevents = [to_vevent(r, stamp=stamp) for uid in by_uid for r in by_uid[uid]]
    return calendar_object(vevents, name=calendar.name).to_ical()
