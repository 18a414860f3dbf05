"""Rules for events: create, read, list a window, change or cancel a whole series.

Instance-level changes (this / this and following) live in `instances.py`; both go through
`invitations.fanout` so attendees' copies, rooms and iTIP mail follow every change.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from api.calendar.calendars import service as calendars
from api.calendar.events import inputs, repository, row_cache
from api.calendar.events.occurrences import (
    Occurrence,
    expand,
    instance,
    is_recurring,
    series_of,
    single,
    tz_of,
)
from api.calendar.events.payload import event_data
from api.calendar.events.recurrence import normalise
from api.calendar.events.timing import (
    instance_key,
    local_text,
    parse_key,
    parse_local,
    to_local,
    to_utc,
    zone,
)
from api.calendar.invitations import fanout
from api.errors import AlreadyExists, Forbidden, NotFound, ValidationFailed
from api.events import emit
from api.i18n import Msg
from api.kit import merge_patch
from api.kit.clock import utcnow
from api.kit.ids import new_id
from api.storage.models import Account, Calendar, CalendarEvent
from schemas.calendar import EventCreate, EventUpdate

MAX_WINDOW = timedelta(days=400)
#: Fields an attendee may change on their own copy; the rest belong to the organizer.
ATTENDEE_FIELDS = {"reminders", "transparency"}
TIMING_FIELDS = {"start", "end", "time_zone", "all_day", "recurrence"}
#: Series fields an override inherits when it had not changed them itself.
INHERITED = ("title", "description", "location", "online_meeting_url", "transparency", "reminders")



def check_window(start: datetime, end: datetime) -> None:
    if start.tzinfo is None or end.tzinfo is None:
        raise ValidationFailed("start and end need a UTC offset (RFC 3339).", param="start")
    if end <= start:
        raise ValidationFailed("end must be after start.", param="end")
    if end - start > MAX_WINDOW:
        raise ValidationFailed(Msg(
            "A window spans at most {days} days.", days=MAX_WINDOW.days
        ), param="end")


def split_id(event_id: str) -> tuple[str, str | None]:
    series_id, dot, key = event_id.partition(".")
    if dot and not key:
        raise NotFound(Msg("No event {event_id}.", event_id=event_id), param="event_id")
    return series_id, key or None


async def organizer_of(session: AsyncSession, calendar: Calendar, actor: Account) -> dict[str, Any]:
    owner = actor
    if calendar.account_id and calendar.account_id != actor.id:
        owner = await session.get(Account, calendar.account_id) or actor
    return {"address": owner.address, "name": owner.display_name or None, "account_id": owner.id}


# ---- reading -----------------------------------------------------------------------------


async def locate(
    session: AsyncSession, org_id: str, account_id: str, event_id: str, need: str = "read"
) -> tuple[Calendar, str, CalendarEvent, Occurrence]:
    """Find an event or one instance the account may reach at level `need`.

    Returns the calendar, the access level, the series master (or the single event) and
    the occurrence named by the id.
    """
    series_id, key = split_id(event_id)
    row = await repository.get(session, org_id, series_id)
    if row is None:
        raise NotFound(Msg("No event {event_id}.", event_id=event_id), param="event_id")
    try:
        calendar, level = await calendars.get_accessible(
            session, org_id, account_id, row.calendar_id, need
        )
    except NotFound:
        raise NotFound(Msg("No event {event_id}.", event_id=event_id), param="event_id") from None
    if key is None:
        return calendar, level, row, single(row)
    if row.recurrence_id or not is_recurring(row):
        raise NotFound(Msg("No event {event_id}.", event_id=event_id), param="event_id")
    override = await repository.by_uid(session, org_id, row.calendar_id, row.uid, key)
    if override is not None:
        occ = single(override)
        occ.series_id = row.id
        return calendar, level, row, occ
    found = occurrence_for_key(row, key)
    if found is None:
        raise NotFound(Msg("No event {event_id}.", event_id=event_id), param="event_id")
    return calendar, level, row, found


def occurrence_for_key(master: CalendarEvent, key: str) -> Occurrence | None:
    """The generated instance of a series named by `key`, if the series has it."""
    if not is_recurring(master):
        return None
    try:
        parsed = parse_key(key)
    except ValidationFailed:
        return None
    tz = tz_of(master)
    if isinstance(parsed, datetime):
        if master.all_day:
            return None
        local = to_local(parsed, tz)
    else:
        if not master.all_day:
            return None
        local = datetime.combine(parsed, datetime.min.time())
    series = series_of(master)
    if not series.contains(local):
        return None
    start, end = series.bounds(local)
    return instance(master, local, start, end)


async def window_calendars(
    session: AsyncSession, org_id: str, account_id: str, calendar_id: str | None, need: str = "read"
) -> list[str]:
    if calendar_id:
        calendar, _ = await calendars.get_accessible(session, org_id, account_id, calendar_id, need)
        return [calendar.id]
    return await calendars.owned_ids(session, org_id, account_id)


async def occurrences_in(
    session: AsyncSession, org_id: str, calendar_ids: list[str], lo: datetime, hi: datetime
) -> list[Occurrence]:
    """Every occurrence in [lo, hi) of these calendars, from rows read at their current
    stamps (unchanged rows and their expansions come from this process's row cache)."""
    entries = await row_cache.window_entries(session, org_id, calendar_ids, lo, hi)
    pairs = {(e.row.calendar_id, e.row.uid) for e in entries if e.series is not None}
    overridden = await repository.override_keys(session, org_id, pairs) if pairs else {}
    return row_cache.expand_entries(entries, lo, hi, overridden)


async def list_window(
    session: AsyncSession,
    org_id: str,
    account_id: str,
    start: datetime,
    end: datetime,
    calendar_id: str | None = None,
) -> list[Occurrence]:
    """Every occurrence in [start, end) of the account's calendars (or of one calendar)."""
    check_window(start, end)
    ids = await window_calendars(session, org_id, account_id, calendar_id)
    return await occurrences_in(session, org_id, ids, start, end)


async def series_window(
    session: AsyncSession,
    org_id: str,
    account_id: str,
    event_id: str,
    start: datetime,
    end: datetime,
) -> list[Occurrence]:
    """The occurrences of one series in [start, end)."""
    check_window(start, end)
    series_id, _ = split_id(event_id)
    _, _, master, _ = await locate(session, org_id, account_id, series_id)
    rows = await repository.all_of_uid(session, org_id, master.calendar_id, master.uid)
    overridden = await repository.override_keys(session, org_id, {(master.calendar_id, master.uid)})
    return expand(rows, start, end, overridden)


# ---- creating ----------------------------------------------------------------------------


async def create_event(
    session: AsyncSession, org_id: str, actor: Account, data: EventCreate
) -> CalendarEvent:
    if data.calendar_id:
        calendar, _ = await calendars.get_accessible(
            session, org_id, actor.id, data.calendar_id, "write"
        )
    else:
        calendar = await calendars.ensure_default(session, org_id, actor.id)
    if calendar.room_id:
        raise ValidationFailed(
            "Book a room by inviting it, not by writing to its calendar.", param="calendar_id"
        )
    timing = inputs.timing(
        start=data.start,
        end=data.end,
        tz_name=data.time_zone or calendar.time_zone,
        all_day=data.all_day,
        recurrence=data.recurrence,
    )
    uid = data.uid or f"{uuid.uuid4()}@mailplane"
    if data.uid and await repository.by_uid(session, org_id, calendar.id, uid) is not None:
        raise AlreadyExists(Msg(
            "An event with UID {uid} is already in this calendar.", uid=uid
        ), param="uid")
    organizer = await organizer_of(session, calendar, actor)
    row = CalendarEvent(
        id=new_id("cev"),
        org_id=org_id,
        calendar_id=calendar.id,
        account_id=calendar.account_id,
        uid=uid,
        recurrence_id="",
        series_id=None,
        sequence=0,
        title=data.title,
        description=data.description,
        location=data.location,
        online_meeting_url=data.online_meeting_url,
        status=data.status,
        transparency=data.transparency,
        reminders=inputs.reminders(data.reminders),
        organizer=organizer,
        is_organizer=True,
        partstat="accepted",
        version=1,
    )
    timing.apply(row)
    row.attendees = await inputs.attendees(
        session, org_id, data.attendees, [], organizer["address"]
    )
    session.add(row)
    await session.flush()
    await emit(session, org_id, "calendar.event.created", event_data(row))
    if row.attendees:
        await fanout.after_change(session, row, send=data.send_invitations)
    return row


# ---- changing the whole series ----------------------------------------------------------


def _current(row: CalendarEvent) -> dict[str, Any]:
    return {
        "start": row.start_local,
        "end": row.end_local,
        "time_zone": row.time_zone,
        "all_day": row.all_day,
        "recurrence": {"rrule": row.rrule, "rdates": [], "exdates": []} if row.rrule else None,
    }


def new_timing(
    row: CalendarEvent, values: dict[str, Any], *, allow_recurrence: bool = True
) -> inputs.Timing:
    """The row's timing with `values` (start, end, time_zone, all_day, recurrence) applied."""
    all_day = values.get("all_day")
    if all_day is None:
        all_day = row.all_day
    if all_day != row.all_day and not ("start" in values and "end" in values):
        raise ValidationFailed("Changing all_day needs both start and end.", param="all_day")
    start = values.get("start") or row.start_local
    end = values.get("end") or row.end_local
    if all_day and len(start) > 10 and "start" not in values:
        start = start[:10]
    if all_day and len(end) > 10 and "end" not in values:
        end = end[:10]
    tz_name = values.get("time_zone") or row.time_zone
    recurrence = values.get("recurrence")
    timing = inputs.timing(
        start=start,
        end=end,
        tz_name=tz_name,
        all_day=all_day,
        recurrence=recurrence,
        allow_recurrence=allow_recurrence,
    )
    if "recurrence" not in values and is_recurring(row):
        # Keep the rule; move exceptions and extra dates along with the series.
        delta = timing.start_local - parse_local(row.start_local)
        if row.rrule:
            timing.rrule = normalise(row.rrule, timing.start_local, timing.tz, timing.all_day)
        timing.rdates = sorted(_shift(v, delta) for v in row.rdates or [])
        timing.exdates = sorted(_shift(v, delta) for v in row.exdates or [])
    return timing


def _shift(local_text_value: str, delta: timedelta) -> str:
    return local_text(parse_local(local_text_value) + delta)


def guard_attendee_copy(row: CalendarEvent, values: dict[str, Any]) -> None:
    if row.is_organizer:
        return
    beyond = sorted(set(values) - ATTENDEE_FIELDS - {"send_invitations"})
    if beyond:
        raise Forbidden(
            "Only the organizer can change "
            + ", ".join(beyond)
            + "; respond to the invitation instead."
        )


async def update_series(
    session: AsyncSession,
    org_id: str,
    row: CalendarEvent,
    data: EventUpdate | dict[str, Any],
    *,
    instance_delta: timedelta | None = None,
) -> CalendarEvent:
    """Apply a merge patch to a series master (or a single event)."""
    values = dict(data) if isinstance(data, dict) else merge_patch.changes(data)
    send = values.pop("send_invitations", None)
    send = True if send is None else send
    for key in ("title", "start", "end", "time_zone", "all_day", "status", "transparency"):
        if key in values and values[key] is None:
            raise ValidationFailed(Msg("{key} cannot be null.", key=key), param=key)
    guard_attendee_copy(row, values)
    before = {"attendees": list(row.attendees or []), **{k: getattr(row, k) for k in INHERITED}}
    old_start = parse_local(row.start_local)
    old_tz = row.time_zone
    old_all_day = row.all_day
    changed: list[str] = []
    timing_changed = False
    if TIMING_FIELDS & set(values):
        timing = new_timing(row, values)
        snapshot = (
            row.start_local,
            row.end_local,
            row.time_zone,
            row.all_day,
            row.rrule,
            list(row.rdates or []),
            list(row.exdates or []),
        )
        timing.apply(row)
        after = (
            row.start_local,
            row.end_local,
            row.time_zone,
            row.all_day,
            row.rrule,
            list(row.rdates or []),
            list(row.exdates or []),
        )
        if after != snapshot:
            timing_changed = True
            changed.append("timing")
            await _rekey_overrides(session, row, old_start, old_tz, old_all_day)
    if "reminders" in values:
        values["reminders"] = inputs.reminders(values["reminders"] or [])
    if "attendees" in values:
        items = data.attendees if isinstance(data, EventUpdate) else values["attendees"]
        values["attendees"] = await inputs.attendees(
            session,
            org_id,
            items or [],
            row.attendees or [],
            (row.organizer or {}).get("address"),
        )
    plain = {k: v for k, v in values.items() if k not in TIMING_FIELDS}
    changed += merge_patch.apply(row, plain)
    if not changed:
        return row
    if timing_changed and row.is_organizer:
        # A new time is a new question: everyone answers again (rooms are asked again too).
        row.attendees = [
            {**a, "response": "needs_action", "comment": None} for a in row.attendees or []
        ]
    row.version += 1
    row.updated_at = utcnow()
    if row.is_organizer:
        row.sequence += 1
        await _inherit(session, row, before)
    await emit(session, org_id, "calendar.event.updated", event_data(row, changed=sorted(changed)))
    if row.is_organizer and (row.attendees or before["attendees"]):
        await fanout.after_change(session, row, send=send, previous=before["attendees"])
    return row


async def _inherit(session: AsyncSession, master: CalendarEvent, before: dict[str, Any]) -> None:
    """Overrides that still had the series' old value of a field take the new one."""
    for override in await repository.all_of_uid(
        session, master.org_id, master.calendar_id, master.uid
    ):
        if not override.recurrence_id:
            continue
        touched = False
        for field in INHERITED:
            if (
                getattr(override, field) == before[field]
                and getattr(master, field) != before[field]
            ):
                setattr(override, field, getattr(master, field))
                touched = True
        if touched:
            override.version += 1
            override.sequence = max(override.sequence, master.sequence)


async def _rekey_overrides(
    session: AsyncSession, row: CalendarEvent, old_start: datetime, old_tz: str, old_all_day: bool
) -> None:
    """Moving a series moves its overrides' instance keys with it (or drops them when the
    series changed between all-day and timed, where no instance maps onto another)."""
    overrides = [
        o
        for o in await repository.all_of_uid(session, row.org_id, row.calendar_id, row.uid)
        if o.recurrence_id
    ]
    if not overrides:
        return
    if old_all_day != row.all_day or not is_recurring(row):
        for o in overrides:
            await session.delete(o)
        return
    delta = parse_local(row.start_local) - old_start
    old, new = zone(old_tz), tz_of(row)
    series = series_of(row)
    for o in overrides:
        parsed = parse_key(o.recurrence_id)
        if isinstance(parsed, datetime):
            moved = to_local(parsed, old) + delta
            key = instance_key(to_utc(moved, new), all_day=False)
        else:
            moved = datetime.combine(parsed, datetime.min.time()) + delta
            key = instance_key(to_utc(moved, new), all_day=True, local=moved)
        if not series.contains(moved):
            await session.delete(o)
            continue
        if o.recurrence_id != key:
            o.recurrence_id = key
            o.version += 1
    await session.flush()


# ---- cancelling --------------------------------------------------------------------------


async def cancel_series(
    session: AsyncSession, org_id: str, row: CalendarEvent, *, send: bool = True
) -> None:
    """The organizer cancels: attendees are told and the event leaves every local calendar.
    An attendee deleting their copy only removes it from their own calendar."""
    rows = await repository.all_of_uid(session, org_id, row.calendar_id, row.uid)
    if row.is_organizer:
        row.sequence += 1
        row.status = "cancelled"
        await fanout.after_cancel(session, row, send=send)
        await emit(session, org_id, "calendar.event.cancelled", event_data(row))
    else:
        await emit(session, org_id, "calendar.event.deleted", event_data(row))
    for r in rows:
        await session.delete(r)
    await session.flush()
