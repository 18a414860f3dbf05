"""Changing or cancelling one instance, or this instance and the ones after it.

- this: an override row (RECURRENCE-ID) holds the changed instance; cancelling adds an EXDATE.
- following: the series is cut before the instance (UNTIL, or a smaller COUNT) and, for a
  change, a new series with its own UID starts at the instance carrying the change.
- series: the change applies to the master, shifted by how far this instance moved.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from api.calendar.events import inputs, repository
from api.calendar.events.occurrences import Occurrence, series_of, single
from api.calendar.events.recurrence import _split as rule_parts
from api.calendar.events.recurrence import rule_for
from api.calendar.events.service import (
    TIMING_FIELDS,
    cancel_series,
    event_data,
    guard_attendee_copy,
    new_timing,
    update_series,
)
from api.calendar.events.timing import local_text, parse_local, parse_when, to_local, zone
from api.calendar.invitations import fanout
from api.errors import ValidationFailed
from api.events import emit
from api.i18n import _
from api.kit import merge_patch
from api.kit.clock import utcnow
from api.kit.ids import new_id
from api.storage.models import CalendarEvent
from schemas.calendar import EventUpdate

COPIED = (
    "org_id",
    "calendar_id",
    "account_id",
    "uid",
    "title",
    "description",
    "location",
    "online_meeting_url",
    "all_day",
    "time_zone",
    "status",
    "transparency",
    "reminders",
    "organizer",
    "attendees",
    "is_organizer",
    "partstat",
)


def _instance_end_local(master: CalendarEvent, occ: Occurrence) -> str:
    if master.all_day:
        span = parse_local(master.end_local) - parse_local(master.start_local)
        return local_text(occ.start_local + span)
    return local_text(to_local(occ.end_at, zone(occ.row.time_zone)))


async def update_instance(
    session: AsyncSession,
    org_id: str,
    master: CalendarEvent,
    occ: Occurrence,
    data: EventUpdate,
    scope: str,
) -> Occurrence:
    values = merge_patch.changes(data)
    guard_attendee_copy(master, values)
    if (
        scope == "series"
        or occ.start_local == parse_local(master.start_local)
        and scope == "following"
    ):
        values = _as_series_patch(master, occ, values)
        row = await update_series(session, org_id, master, values)
        return single(row)
    if "recurrence" in values:
        raise ValidationFailed(
            "A single instance cannot carry its own recurrence; use scope=series.",
            param="recurrence",
        )
    if scope == "this":
        return await _override(session, org_id, master, occ, values)
    return await _split_series(session, org_id, master, occ, values)


def _as_series_patch(
    master: CalendarEvent, occ: Occurrence, values: dict[str, Any]
) -> dict[str, Any]:
    """A change made through an instance, applied to the series: move the master by as much
    as the instance moved, and give it the instance's new length."""
    if not ({"start", "end"} & set(values)):
        return values
    tz = zone(values.get("time_zone") or master.time_zone)
    all_day = values.get("all_day", master.all_day)
    old_start = occ.start_local
    old_end = parse_local(_instance_end_local(master, occ))
    new_start = (
        parse_when(values["start"], tz, all_day=all_day, param="start")
        if "start" in values
        else old_start
    )
    new_end = (
        parse_when(values["end"], tz, all_day=all_day, param="end")
        if "end" in values
        else (new_start + (old_end - old_start))
    )
    master_start = parse_local(master.start_local) + (new_start - old_start)
    out = dict(values)
    fmt = (lambda d: d.date().isoformat()) if all_day else local_text
    out["start"] = fmt(master_start)
    out["end"] = fmt(master_start + (new_end - new_start))
    return out


def materialize(session: AsyncSession, master: CalendarEvent, occ: Occurrence) -> CalendarEvent:
    """The override row of an instance, created as a copy of the master when it has none."""
    if occ.row.recurrence_id:
        return occ.row
    row = CalendarEvent(
        id=new_id("cev"),
        recurrence_id=occ.key,
        series_id=master.id,
        sequence=master.sequence,
        version=1,
        rrule=None,
        rdates=[],
        exdates=[],
    )
    for name in COPIED:
        setattr(row, name, getattr(master, name))
    row.start_local = local_text(occ.start_local)
    row.end_local = _instance_end_local(master, occ)
    row.start_at, row.end_at = occ.start_at, occ.end_at
    row.range_start, row.range_end = occ.start_at, occ.end_at + timedelta(hours=1)
    session.add(row)
    return row


async def _override(
    session: AsyncSession,
    org_id: str,
    master: CalendarEvent,
    occ: Occurrence,
    values: dict[str, Any],
) -> Occurrence:
    row = materialize(session, master, occ)
    send = values.pop("send_invitations", None)
    send = True if send is None else send
    changed: list[str] = []
    if TIMING_FIELDS & set(values):
        timing = new_timing(row, values, allow_recurrence=False)
        before = (row.start_local, row.end_local, row.time_zone, row.all_day)
        timing.apply(row)
        if (row.start_local, row.end_local, row.time_zone, row.all_day) != before:
            changed.append("timing")
            if row.is_organizer:
                row.attendees = [
                    {**a, "response": "needs_action", "comment": None} for a in row.attendees or []
                ]
    if "reminders" in values:
        values["reminders"] = inputs.reminders(values["reminders"] or [])
    if "attendees" in values:
        values["attendees"] = await inputs.attendees(
            session,
            org_id,
            values["attendees"] or [],
            row.attendees or [],
            (row.organizer or {}).get("address"),
        )
    for key in ("title", "status", "transparency"):
        if key in values and values[key] is None:
            raise ValidationFailed(_("{key} cannot be null.", key=key), param=key)
    changed += merge_patch.apply(row, {k: v for k, v in values.items() if k not in TIMING_FIELDS})
    row.version += 1
    row.updated_at = utcnow()
    if row.is_organizer:
        row.sequence = max(row.sequence, master.sequence) + 1
    await session.flush()
    await emit(
        session,
        org_id,
        "calendar.event.updated",
        event_data(row, instance=occ.key, changed=sorted(changed)),
    )
    if row.is_organizer:
        await fanout.after_change(session, master, send=send)
    occ = single(row)
    occ.series_id = master.id
    return occ


def _truncate(
    master: CalendarEvent, occ: Occurrence
) -> tuple[dict[str, str], list[str], list[str]]:
    """Cut the master's rule just before `occ`; return the rule parts the rest of the series
    keeps (COUNT left over, or the original UNTIL) and the RDATEs/EXDATEs from `occ` on."""
    cut = local_text(occ.start_local)
    parts = dict(rule_parts(master.rrule)) if master.rrule else {}
    rest: dict[str, str] = {}
    if master.rrule:
        if "COUNT" in parts:
            rule = rule_for(master.rrule, master.start_local, master.time_zone, master.all_day)
            before = sum(1 for moment in rule if moment < occ.start_local)
            rest = {"COUNT": str(int(parts["COUNT"]) - before)}
            parts["COUNT"] = str(max(before, 1))
        else:
            if "UNTIL" in parts:
                rest = {"UNTIL": parts["UNTIL"]}
            if master.all_day:
                parts["UNTIL"] = (occ.start_local - timedelta(days=1)).strftime("%Y%m%d")
            else:
                parts["UNTIL"] = (occ.start_at - timedelta(seconds=1)).strftime("%Y%m%dT%H%M%SZ")
        master.rrule = ";".join(f"{k}={v}" for k, v in parts.items())
    later_rdates = [d for d in master.rdates or [] if d >= cut]
    later_exdates = [d for d in master.exdates or [] if d >= cut]
    master.rdates = [d for d in master.rdates or [] if d < cut]
    master.exdates = [d for d in master.exdates or [] if d < cut]
    series = series_of(master)
    master.range_start, master.range_end = series.range()
    return rest, later_rdates, later_exdates


async def _split_series(
    session: AsyncSession,
    org_id: str,
    master: CalendarEvent,
    occ: Occurrence,
    values: dict[str, Any],
) -> Occurrence:
    send = values.pop("send_invitations", None)
    send = True if send is None else send
    original_rule = master.rrule
    rest, rdates, exdates = _truncate(master, occ)
    later = [
        o
        for o in await repository.all_of_uid(session, org_id, master.calendar_id, master.uid)
        if o.recurrence_id and o.recurrence_id >= (occ.key or "")
    ]
    master.version += 1
    master.sequence += 1
    master.updated_at = utcnow()
    # The rest of the series becomes a new series starting at this instance.
    tail = CalendarEvent(id=new_id("cev"), recurrence_id="", series_id=None, sequence=0, version=1)
    for name in COPIED:
        setattr(tail, name, getattr(master, name))
    tail.uid = f"{master.uid[:200]}-R{occ.key}"
    tail.start_local = local_text(occ.start_local)
    tail.end_local = _instance_end_local(master, occ)
    rule = None
    if original_rule:
        parts = {k: v for k, v in rule_parts(original_rule) if k not in ("COUNT", "UNTIL")}
        parts.update(rest)
        rule = ";".join(f"{k}={v}" for k, v in parts.items())
    tail.rrule, tail.rdates, tail.exdates = rule, rdates, exdates
    series = series_of(tail)
    tail.start_at, tail.end_at = series.bounds(occ.start_local)
    tail.range_start, tail.range_end = series.range()
    session.add(tail)
    for o in later:
        o.uid, o.series_id = tail.uid, tail.id
        o.version += 1
    await session.flush()
    await emit(session, org_id, "calendar.event.updated", event_data(master, changed=["timing"]))
    await emit(session, org_id, "calendar.event.created", event_data(tail))
    await fanout.after_change(session, master, send=send)
    if values:
        tail = await update_series(session, org_id, tail, {**values, "send_invitations": send})
    else:
        await fanout.after_change(session, tail, send=send)
    return single(tail)


async def cancel_instance(
    session: AsyncSession,
    org_id: str,
    master: CalendarEvent,
    occ: Occurrence,
    scope: str,
    *,
    send: bool = True,
) -> None:
    if scope == "series" or (
        scope == "following" and occ.start_local == parse_local(master.start_local)
    ):
        await cancel_series(session, org_id, master, send=send)
        return
    if scope == "this":
        master.exdates = sorted({*(master.exdates or []), local_text(occ.start_local)})
        if occ.key:
            await repository.delete_overrides(
                session, org_id, master.calendar_id, master.uid, [occ.key]
            )
        changed = ["exdates"]
    else:
        _truncate(master, occ)
        later = [
            o.recurrence_id
            for o in await repository.all_of_uid(session, org_id, master.calendar_id, master.uid)
            if o.recurrence_id and o.recurrence_id >= (occ.key or "")
        ]
        if later:
            await repository.delete_overrides(
                session, org_id, master.calendar_id, master.uid, later
            )
        changed = ["timing"]
    master.version += 1
    master.updated_at = utcnow()
    if master.is_organizer:
        master.sequence += 1
    await session.flush()
    await emit(
        session,
        org_id,
        "calendar.event.updated",
        event_data(master, instance=occ.key, changed=changed),
    )
    if master.is_organizer:
        if scope == "this":
            await fanout.after_cancel(session, master, send=send, instance=occ)
        else:
            await fanout.after_change(session, master, send=send)
