"""Free/busy across accounts and rooms, and finding a time everyone has.

One light query names every event of every calendar involved at its current stamp; rows
new to this process are read whole, the rest (and each series' instances over the window)
come from the row cache (`events/row_cache.py`); busy intervals are merged per person.
Free/busy reveals times only: never titles, places or attendees.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, datetime, time, timedelta
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from api.calendar.events import row_cache
from api.calendar.events.occurrences import MAX_WINDOW_INSTANCES, too_many_instances
from api.calendar.events.repository import override_keys
from api.calendar.events.timing import to_utc, zone
from api.calendar.freebusy.wire import ScheduleWire
from api.calendar.freebusy.working_time import working_time_zone
from api.errors import ValidationFailed
from api.i18n import Msg
from api.storage.models import Account, Calendar, Organization, Room
from schemas.calendar import (
    BusyInterval,
    FindTimeRequest,
    FindTimeResult,
    Schedule,
    TimeSuggestion,
    WorkingHoursUsed,
)

MAX_DAYS = 62
MAX_ATTENDEES = 100


def check_span(start: datetime, end: datetime, *, max_days: int = MAX_DAYS) -> None:
    if start.tzinfo is None or end.tzinfo is None:
        raise ValidationFailed("start and end need a UTC offset (RFC 3339).", param="start")
    if end <= start:
        raise ValidationFailed("end must be after start.", param="end")
    if end - start > timedelta(days=max_days):
        raise ValidationFailed(Msg(
            "Free/busy covers at most {max_days} days.", max_days=max_days
        ), param="end")


async def _targets(
    session: AsyncSession, org_id: str, refs: list[str]
) -> dict[str, tuple[str, str, list[str]]]:
    """ref → (type, id, calendar ids) for each account or room found."""
    ids = [r for r in refs if "@" not in r]
    addresses = [r.strip().lower() for r in refs if "@" in r]
    found: dict[str, tuple[str, str, list[str]]] = {}
    accounts = (
        await session.execute(
            select(Account.id, Account.address).where(
                Account.org_id == org_id,
                or_(Account.id.in_(ids), func.lower(Account.address).in_(addresses)),
            )
        )
    ).all()
    rooms = (
        await session.execute(
            select(Room.id, Room.address, Room.calendar_id).where(
                Room.org_id == org_id,
                or_(Room.id.in_(ids), func.lower(Room.address).in_(addresses)),
            )
        )
    ).all()
    calendars: dict[str, list[str]] = defaultdict(list)
    if accounts:
        for cal_id, acc_id in (
            await session.execute(
                select(Calendar.id, Calendar.account_id).where(
                    Calendar.org_id == org_id, Calendar.account_id.in_([a.id for a in accounts])
                )
            )
        ).all():
            calendars[acc_id].append(cal_id)
    by_key: dict[str, tuple[str, str, list[str]]] = {}
    for a in accounts:
        value = ("account", a.id, calendars.get(a.id, []))
        by_key[a.id] = value
        by_key[a.address.lower()] = value
    for r in rooms:
        value = ("room", r.id, [r.calendar_id])
        by_key[r.id] = value
        if r.address:
            by_key[r.address.lower()] = value
    for ref in refs:
        key = ref.strip().lower() if "@" in ref else ref.strip()
        if key in by_key:
            found[ref] = by_key[key]
    return found


def _merge(intervals: list[tuple[datetime, datetime]]) -> list[tuple[datetime, datetime]]:
    out: list[tuple[datetime, datetime]] = []
    for start, end in sorted(intervals):
        if out and start <= out[-1][1]:
            if end > out[-1][1]:
                out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def _kind(row: Any) -> str | None:
    """What a row makes its calendar's owner: busy, tentative, or nothing (free)."""
    if row.status == "cancelled" or row.transparency == "transparent":
        return None
    if row.partstat == "declined":
        return None
    if row.status == "tentative" or row.partstat in ("tentative", "needs_action"):
        return "tentative"
    return "busy"


async def busy_by_calendar(
    session: AsyncSession, org_id: str, calendar_ids: list[str], start: datetime, end: datetime
) -> dict[str, dict[str, list[tuple[datetime, datetime]]]]:
    """calendar id → {"busy": […], "tentative": […]} intervals clipped to the window.

    Rows come at their current stamps from the row cache (only new or changed ones are
    read whole), and a series' instances over the window are expanded once per stamp."""
    out: dict[str, dict[str, list[tuple[datetime, datetime]]]] = defaultdict(
        lambda: {"busy": [], "tentative": []}
    )
    if not calendar_ids:
        return out
    entries = await row_cache.window_entries(
        session, org_id, calendar_ids, start, end, busy_only=True
    )
    series = [e for e in entries if e.series is not None]
    overridden = await override_keys(
        session, org_id, {(e.row.calendar_id, e.row.uid) for e in series}
    )
    count = 0
    for e in entries:
        kind, calendar_id, uid = e.busy or _facts(e)
        if e.series is None:
            # One-off events and overrides straight from their rows (most of a calendar).
            if kind is not None:
                s, f = e.row.start_at, e.row.end_at
                if s < end and f > start:
                    out[calendar_id][kind].append(
                        (s if s >= start else start, f if f <= end else end)
                    )
            continue
        skip = overridden.get((calendar_id, uid))
        kept = [(s, f) for key, _, s, f in e.instances(start, end) if not skip or key not in skip]
        count += len(kept)
        if count > MAX_WINDOW_INSTANCES:
            raise too_many_instances()
        if kind is not None:
            out[calendar_id][kind] += [
                (s if s >= start else start, f if f <= end else end) for s, f in kept if f > s
            ]
    return out


def _facts(entry: Any) -> tuple[str | None, str, str]:
    """(busy kind, calendar id, uid) of a cached row, derived once per stamp."""
    row = entry.row
    entry.busy = (_kind(row), row.calendar_id, row.uid)
    return entry.busy  # type: ignore[no-any-return]


async def schedules(
    session: AsyncSession, org_id: str, start: datetime, end: datetime, refs: list[str]
) -> list[ScheduleWire]:
    """Each ref's merged busy and tentative intervals in [start, end), as plain dicts (the
    REST answer serialises them in one call; `freebusy` gives models)."""
    check_span(start, end)
    if len(refs) > MAX_ATTENDEES:
        raise ValidationFailed(Msg(
            "At most {MAX_ATTENDEES} accounts or rooms.", MAX_ATTENDEES=MAX_ATTENDEES
        ), param="attendees")
    targets = await _targets(session, org_id, refs)
    calendars = sorted({c for _, _, cals in targets.values() for c in cals})
    per_calendar = await busy_by_calendar(session, org_id, calendars, start, end)
    out: list[ScheduleWire] = []
    for ref in refs:
        if ref not in targets:
            out.append({"attendee": ref, "type": None, "id": None, "busy": [],
                        "error": "not_found"})
            continue
        kind, target_id, cals = targets[ref]
        busy = _merge([i for c in cals for i in per_calendar[c]["busy"]]) if cals else []
        tentative = _merge([i for c in cals for i in per_calendar[c]["tentative"]]) if cals else []
        # Merged intervals are in order already: only a mix of the two kinds needs sorting.
        marked = (
            sorted([(s, e, "busy") for s, e in busy] + [(s, e, "tentative") for s, e in tentative])
            if tentative
            else [(s, e, "busy") for s, e in busy]
        )
        out.append({
            "attendee": ref,
            "type": kind,
            "id": target_id,
            "busy": [{"start": s, "end": e, "status": k} for s, e, k in marked],
            "error": None,
        })
    return out


async def freebusy(
    session: AsyncSession, org_id: str, start: datetime, end: datetime, refs: list[str]
) -> list[Schedule]:
    """`schedules` as the API's models (built without re-validation)."""
    return [
        Schedule.model_construct(
            attendee=s["attendee"],
            type=s["type"],
            id=s["id"],
            busy=[BusyInterval.model_construct(**b) for b in s["busy"]],
            error=s["error"],
        )
        for s in await schedules(session, org_id, start, end, refs)
    ]


def _slots(req: FindTimeRequest, zone_name: str) -> list[tuple[datetime, datetime]]:
    wh = req.working_hours
    tz = zone(zone_name, param="working_hours.time_zone")
    days = set(wh.days)
    if not days or any(d < 1 or d > 7 for d in days):
        raise ValidationFailed(
            "working_hours.days are ISO weekdays 1 (Monday) to 7.", param="working_hours.days"
        )
    open_at = time.fromisoformat(wh.start)
    close_h, close_m = (int(x) for x in wh.end.split(":"))
    if (close_h, close_m) <= (open_at.hour, open_at.minute):
        raise ValidationFailed("working_hours.end must be after start.", param="working_hours.end")
    duration = timedelta(minutes=req.duration_minutes)
    step = timedelta(minutes=req.step_minutes)
    local_day = req.start.astimezone(tz).date()
    last_day = req.end.astimezone(tz).date()
    out = []
    while local_day <= last_day:
        if local_day.isoweekday() in days:
            opening = datetime.combine(local_day, open_at)
            closing = datetime.combine(local_day, time()) + timedelta(
                hours=close_h, minutes=close_m
            )
            slot = opening
            while slot + duration <= closing:
                s, e = to_utc(slot, tz), to_utc(slot + duration, tz)
                if s >= req.start and e <= req.end:
                    out.append((s, e))
                slot += step
        local_day += timedelta(days=1)
    return out


def _free(busy: list[BusyInterval], start: datetime, end: datetime) -> bool:
    return not any(b.start < end and b.end > start for b in busy)


async def _working_zone(
    session: AsyncSession, org_id: str, req: FindTimeRequest, asker_id: str | None,
    default_zone: str,
) -> str:
    """The request's zone, else the asking person's (an app asks for the first attendee)."""
    if req.working_hours.time_zone:
        return req.working_hours.time_zone
    account = await session.get(Account, asker_id) if asker_id else None
    if account is None:
        first = req.attendees[0].strip().lower()
        account = await session.scalar(
            select(Account).where(
                Account.org_id == org_id,
                or_(Account.id == req.attendees[0], func.lower(Account.address) == first),
            )
        )
    org = await session.get(Organization, org_id)
    return working_time_zone(account, org, default_zone)


async def find_times(
    session: AsyncSession, org_id: str, req: FindTimeRequest, *, asker_id: str | None = None,
    default_zone: str = "UTC",
) -> FindTimeResult:
    """Slots where every attendee (and one of the rooms) is free, in working hours; an empty
    answer carries the reason."""
    check_span(req.start, req.end)
    zone_name = await _working_zone(session, org_id, req, asker_id, default_zone)
    slots = _slots(req, zone_name)
    schedules = await freebusy(
        session,
        org_id,
        req.start.astimezone(UTC),
        req.end.astimezone(UTC),
        list(dict.fromkeys([*req.attendees, *req.rooms])),
    )
    by_ref = {s.attendee: s for s in schedules}
    unavailable = [s.attendee for s in schedules if s.error]
    people = [by_ref[a] for a in req.attendees if not by_ref[a].error]
    rooms = [by_ref[r] for r in req.rooms if not by_ref[r].error and by_ref[r].type == "room"]
    if req.rooms and not rooms:
        raise ValidationFailed("None of the rooms exists.", param="rooms")
    out: list[TimeSuggestion] = []
    people_free_somewhere = False
    # Nobody's schedule read: every slot would look free, which says nothing.
    for start, end in slots if people else []:
        if not all(_free(p.busy, start, end) for p in people):
            continue
        people_free_somewhere = True
        room_id = None
        if rooms:
            room = next((r for r in rooms if _free(r.busy, start, end)), None)
            if room is None:
                continue
            room_id = room.id
        out.append(TimeSuggestion(start=start, end=end, room_id=room_id))
        if len(out) >= req.max_results:
            break
    reason: str | None = None
    if not out:
        if not people:
            reason = "no_attendee_found"
        elif not slots:
            reason = "outside_working_hours"
        elif not people_free_somewhere:
            reason = "attendees_busy"
        else:
            reason = "rooms_busy"
    wh = req.working_hours
    used = WorkingHoursUsed(start=wh.start, end=wh.end, days=sorted(set(wh.days)),
                            time_zone=zone_name)
    return FindTimeResult(
        suggestions=out, unavailable=unavailable, working_hours=used, reason=reason  # type: ignore[arg-type]
    )
