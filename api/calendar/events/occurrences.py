"""Occurrences: one concrete happening of an event (a single event, a series instance or an
override), built from stored rows over a UTC window, and rendered as the API's Event."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from api.calendar.events.recurrence import Series
from api.calendar.events.timing import (
    instance_key,
    key_to_rfc3339,
    parse_local,
    rfc3339,
    to_local,
    zone,
)
from api.errors import ValidationFailed
from api.i18n import _
from api.storage.models import CalendarEvent
from schemas.calendar import Attendee, Event, Organizer, RecurrenceOut, ReminderOut

#: Instances one window listing may hold; a wider window must be split by the caller.
MAX_WINDOW_INSTANCES = 20_000


def tz_of(row: CalendarEvent) -> ZoneInfo:
    return zone(row.time_zone)


def series_of(row: CalendarEvent) -> Series:
    return Series(
        start_local=parse_local(row.start_local),
        end_local=parse_local(row.end_local),
        tz=tz_of(row),
        all_day=row.all_day,
        rrule=row.rrule,
        rdates=tuple(row.rdates or ()),
        exdates=frozenset(row.exdates or ()),
    )


def is_recurring(row: CalendarEvent) -> bool:
    return bool(row.rrule or row.rdates)


@dataclass
class Occurrence:
    row: CalendarEvent  # the master (for a generated instance), an override, or a single event
    key: str | None  # the instance key when it belongs to a series
    series_id: str | None
    start_local: datetime
    start_at: datetime
    end_at: datetime
    # The row cache's entry this came from (window listings), for its rendered JSON.
    cached: Any = field(default=None, repr=False, compare=False)

    @property
    def id(self) -> str:
        if self.key and self.series_id:
            return f"{self.series_id}.{self.key}"
        return self.row.id

    @property
    def is_exception(self) -> bool:
        return bool(self.row.recurrence_id)

    @property
    def busy(self) -> bool:
        return (
            self.row.transparency != "transparent"
            and self.row.status != "cancelled"
            and self.row.partstat != "declined"
        )

    @property
    def tentative(self) -> bool:
        return self.row.status == "tentative" or self.row.partstat in ("tentative", "needs_action")


def single(row: CalendarEvent) -> Occurrence:
    """A row as itself: a one-off event, a series master (its first instance) or an override."""
    series_id = row.series_id if row.recurrence_id else None
    return Occurrence(
        row=row,
        key=row.recurrence_id or None,
        series_id=series_id,
        start_local=parse_local(row.start_local),
        start_at=row.start_at,
        end_at=row.end_at,
    )


def instance(master: CalendarEvent, local: datetime, start: datetime, end: datetime) -> Occurrence:
    key = instance_key(start, all_day=master.all_day, local=local)
    return Occurrence(
        row=master, key=key, series_id=master.id, start_local=local, start_at=start, end_at=end
    )


def expand(
    rows: list[CalendarEvent],
    lo: datetime,
    hi: datetime,
    overridden: dict[tuple[str, str], set[str]],
) -> list[Occurrence]:
    """Every occurrence overlapping [lo, hi): generated instances minus overridden keys,
    plus overrides and single events in the window. Cancelled ones are left out."""
    out: list[Occurrence] = []
    for row in rows:
        if row.status == "cancelled":
            continue
        if row.recurrence_id:
            if row.start_at < hi and (row.end_at > lo or row.end_at == row.start_at >= lo):
                out.append(single(row))
            continue
        if not is_recurring(row):
            if row.start_at < hi and (row.end_at > lo or row.end_at == row.start_at >= lo):
                out.append(single(row))
            continue
        skip = overridden.get((row.calendar_id, row.uid), set())
        for local, start, end in series_of(row).occurrences(lo, hi):
            occ = instance(row, local, start, end)
            if occ.key not in skip:
                out.append(occ)
        if len(out) > MAX_WINDOW_INSTANCES:
            raise too_many_instances()
    out.sort(key=lambda o: (o.start_at, o.id))
    return out


def too_many_instances() -> ValidationFailed:
    return ValidationFailed(
        _(
            "The window holds more than {MAX_WINDOW_INSTANCES} instances; ask for a "
            "shorter one.", MAX_WINDOW_INSTANCES=MAX_WINDOW_INSTANCES
        ),
        param="end",
    )


def _when_list(values: list[str], tz: ZoneInfo, all_day: bool) -> list[str]:
    return [rfc3339(parse_local(v), tz, all_day=all_day) for v in values]


def render(occ: Occurrence) -> Event:
    """The API's Event for an occurrence. Built without re-validation: every value comes
    from a stored row that was validated on the way in (windows render thousands)."""
    row = occ.row
    tz = tz_of(row)
    if row.all_day:
        span = parse_local(row.end_local) - parse_local(row.start_local)
        end_local = occ.start_local + span
    else:
        end_local = to_local(occ.end_at, tz)
    generated = occ.key is not None and not row.recurrence_id
    recurrence = None
    if not generated and not row.recurrence_id and is_recurring(row):
        recurrence = RecurrenceOut.model_construct(
            rrule=row.rrule,
            rdates=_when_list(row.rdates or [], tz, row.all_day),
            exdates=_when_list(row.exdates or [], tz, row.all_day),
        )
    return Event.model_construct(
        id=occ.id,
        series_id=occ.series_id,
        calendar_id=row.calendar_id,
        account_id=row.account_id,
        uid=row.uid,
        recurrence_id=key_to_rfc3339(occ.key, tz) if occ.key else None,
        title=row.title,
        description=row.description,
        location=row.location,
        online_meeting_url=row.online_meeting_url,
        start=rfc3339(occ.start_local, tz, all_day=row.all_day),
        end=rfc3339(end_local, tz, all_day=row.all_day),
        time_zone=row.time_zone,
        all_day=row.all_day,
        start_at=occ.start_at,
        end_at=occ.end_at,
        recurrence=recurrence,
        status=row.status,
        transparency=row.transparency,
        reminders=[ReminderOut.model_construct(**r) for r in row.reminders or []],
        organizer=Organizer.model_construct(**_organizer(row.organizer)) if row.organizer else None,
        attendees=[Attendee.model_construct(**_attendee(a)) for a in row.attendees or []],
        is_organizer=row.is_organizer,
        response=row.partstat,
        sequence=row.sequence,
        is_exception=bool(row.recurrence_id),
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


def _organizer(value: dict[str, Any]) -> dict[str, Any]:
    return {
        "address": value["address"],
        "name": value.get("name"),
        "account_id": value.get("account_id"),
    }


ATTENDEE_DEFAULTS: dict[str, Any] = {
    "name": None,
    "type": "person",
    "role": "required",
    "response": "needs_action",
    "rsvp": True,
    "account_id": None,
    "room_id": None,
    "comment": None,
}


def _attendee(value: dict[str, Any]) -> dict[str, Any]:
    return {
        **ATTENDEE_DEFAULTS,
        **{k: v for k, v in value.items() if k in ATTENDEE_DEFAULTS},
        "address": value["address"],
    }
