"""iTIP (RFC 5546) objects: REQUEST, CANCEL and REPLY built from stored rows.

A REQUEST carries the whole series (master and overrides) so every client can rebuild it;
a CANCEL carries the series, or one instance with its RECURRENCE-ID; a REPLY carries only
the replying attendee with their PARTSTAT.
"""

from __future__ import annotations

from datetime import datetime

from api.calendar.events.occurrences import Occurrence, tz_of
from api.calendar.events.timing import local_text, parse_local, to_local
from api.calendar.ics.convert import calendar_object, to_vevent
from api.storage.models import CalendarEvent


def ordered(rows: list[CalendarEvent]) -> list[CalendarEvent]:
    """Master first, then overrides by RECURRENCE-ID."""
    return sorted(rows, key=lambda r: (r.recurrence_id != "", r.recurrence_id))


def request(rows: list[CalendarEvent], stamp: datetime) -> bytes:
    vevents = [to_vevent(r, stamp=stamp, alarms=False) for r in ordered(rows)]
    return calendar_object(vevents, method="REQUEST").to_ical()


def cancel(
    rows: list[CalendarEvent],
    stamp: datetime,
    *,
    instance: Occurrence | None = None,
    only: list[str] | None = None,
) -> bytes:
    """CANCEL for the series, or one instance; `only` limits the ATTENDEE lines (people
    removed from the meeting get a CANCEL naming just them)."""
    master = ordered(rows)[0]
    source = instance_row(master, instance) if instance is not None else master
    event = to_vevent(source, stamp=stamp, alarms=False)
    event.pop("STATUS", None)
    event.add("status", "CANCELLED")
    if only is not None:
        keep = {a.lower() for a in only}
        attendees = event.get("ATTENDEE")
        items = attendees if isinstance(attendees, list) else [attendees] if attendees else []
        event.pop("ATTENDEE", None)
        for item in items:
            if str(item).lower().removeprefix("mailto:") in keep:
                event.add("attendee", item)
    return calendar_object([event], method="CANCEL").to_ical()


def reply(
    row: CalendarEvent, attendee: str, stamp: datetime, *, comment: str | None = None
) -> bytes:
    event = to_vevent(row, stamp=stamp, alarms=False, attendee_filter=attendee)
    for name in ("RRULE", "RDATE", "EXDATE", "DESCRIPTION"):
        event.pop(name, None)
    if comment:
        event.add("comment", comment)
    return calendar_object([event], method="REPLY").to_ical()


def instance_row(master: CalendarEvent, occ: Occurrence) -> CalendarEvent:
    """A transient override row naming one instance (never added to a session)."""
    if master.all_day:
        end_local = occ.start_local + (
            parse_local(master.end_local) - parse_local(master.start_local)
        )
    else:
        end_local = to_local(occ.end_at, tz_of(master))
    return CalendarEvent(
        id=master.id,
        org_id=master.org_id,
        calendar_id=master.calendar_id,
        uid=master.uid,
        recurrence_id=occ.key or "",
        sequence=master.sequence,
        title=master.title,
        description=master.description,
        location=master.location,
        online_meeting_url=master.online_meeting_url,
        all_day=master.all_day,
        time_zone=master.time_zone,
        start_local=local_text(occ.start_local),
        end_local=local_text(end_local),
        rrule=None,
        rdates=[],
        exdates=[],
        status=master.status,
        transparency=master.transparency,
        reminders=[],
        organizer=master.organizer,
        attendees=master.attendees,
        is_organizer=master.is_organizer,
        partstat=master.partstat,
    )
