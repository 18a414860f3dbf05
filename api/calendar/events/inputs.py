"""API input → stored event fields: times in a zone, recurrence, attendees, reminders.

Everything here validates and raises 422 naming the field; nothing is written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from api.calendar.events.recurrence import Series, normalise
from api.calendar.events.timing import local_text, parse_when, zone
from api.calendar.resources import repository as rooms
from api.errors import ValidationFailed
from api.i18n import Msg
from api.storage.models import Account, CalendarEvent, Room
from schemas.calendar import AttendeeIn, Recurrence

ADDRESS = re.compile(r"^[^@\s<>,;:\"()\[\]\\]+@[^@\s<>,;:\"()\[\]\\]+\.[^@\s<>,;:\"()\[\]\\]+$")
EARLIEST = datetime(1900, 1, 1)
LATEST = datetime(2200, 1, 1)


def check_address(address: str, param: str) -> str:
    address = address.strip()
    if address.lower().startswith("mailto:"):
        address = address[7:]
    if not ADDRESS.match(address) or len(address) > 320:
        raise ValidationFailed(Msg(
            "{address} is not an email address.", address=repr(address)
        ), param=param)
    return address


def room_address(room: Room) -> str:
    """Rooms without a mailbox still need an iCalendar calendar address."""
    return room.address or f"{room.id}@rooms.mailplane.invalid"


@dataclass
class Timing:
    tz: ZoneInfo
    all_day: bool
    start_local: datetime
    end_local: datetime
    rrule: str | None
    rdates: list[str]
    exdates: list[str]

    @property
    def series(self) -> Series:
        return Series(
            self.start_local,
            self.end_local,
            self.tz,
            self.all_day,
            self.rrule,
            tuple(self.rdates),
            frozenset(self.exdates),
        )

    def apply(self, row: CalendarEvent) -> None:
        """Write the wall-clock truth and the derived UTC columns onto a row."""
        series = self.series
        row.time_zone = self.tz.key
        row.all_day = self.all_day
        row.start_local = local_text(self.start_local)
        row.end_local = local_text(self.end_local)
        row.start_at, row.end_at = series.bounds(self.start_local)
        row.rrule = self.rrule
        row.rdates = list(self.rdates)
        row.exdates = list(self.exdates)
        row.range_start, row.range_end = series.range()


def timing(
    *,
    start: str,
    end: str,
    tz_name: str,
    all_day: bool,
    recurrence: Recurrence | dict[str, Any] | None,
    allow_recurrence: bool = True,
) -> Timing:
    tz = zone(tz_name)
    start_local = parse_when(start, tz, all_day=all_day, param="start")
    end_local = parse_when(end, tz, all_day=all_day, param="end")
    for value, param in ((start_local, "start"), (end_local, "end")):
        if not EARLIEST <= value < LATEST:
            raise ValidationFailed(Msg(
                "{param} must be between 1900 and 2200.", param=param
            ), param=param)
    if all_day and end_local <= start_local:
        raise ValidationFailed(
            "end must be after start (the day after, for a one-day event).", param="end"
        )
    if not all_day and end_local < start_local:
        raise ValidationFailed("end must not be before start.", param="end")
    rrule, rdates, exdates = None, [], []
    if recurrence is not None:
        rec = (
            recurrence
            if isinstance(recurrence, Recurrence)
            else Recurrence.model_validate(recurrence)
        )
        if not allow_recurrence and (rec.rrule or rec.rdates or rec.exdates):
            raise ValidationFailed(
                "A single instance cannot carry its own recurrence.", param="recurrence"
            )
        if rec.rrule:
            rrule = normalise(rec.rrule, start_local, tz, all_day)
        rdates = sorted(
            {
                local_text(parse_when(v, tz, all_day=all_day, param="recurrence.rdates"))
                for v in rec.rdates
            }
        )
        exdates = sorted(
            {
                local_text(parse_when(v, tz, all_day=all_day, param="recurrence.exdates"))
                for v in rec.exdates
            }
        )
    return Timing(tz, all_day, start_local, end_local, rrule, rdates, exdates)


async def local_accounts(
    session: AsyncSession, org_id: str, addresses: list[str]
) -> dict[str, Account]:
    lowered = sorted({a.lower() for a in addresses})
    if not lowered:
        return {}
    rows = await session.execute(
        select(Account).where(Account.org_id == org_id, func.lower(Account.address).in_(lowered))
    )
    return {a.address.lower(): a for a in rows.scalars().all()}


async def attendees(
    session: AsyncSession,
    org_id: str,
    items: list[Any],
    previous: list[dict[str, Any]],
    organizer_address: str | None,
) -> list[dict[str, Any]]:
    """Normalise attendees: rooms by id or address, local accounts linked, answers kept."""
    before = {a["address"].lower(): a for a in previous}
    wanted: list[tuple[int, AttendeeIn, str | None]] = []
    for i, raw in enumerate(items):
        item = AttendeeIn.model_validate(raw) if isinstance(raw, dict) else raw
        address = check_address(item.address, f"attendees[{i}].address") if item.address else None
        if address is None and item.room_id is None:
            raise ValidationFailed(
                "An attendee needs an address or a room_id.", param=f"attendees[{i}]"
            )
        wanted.append((i, item, address))
    room_refs = [a for _, _, a in wanted if a]
    by_address = await rooms.by_addresses(session, org_id, room_refs)
    by_id = await rooms.by_ids(session, org_id, [it.room_id for _, it, _ in wanted if it.room_id])
    accounts = await local_accounts(session, org_id, [a for _, _, a in wanted if a])
    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    for i, item, address in wanted:
        room = by_id.get(item.room_id or "") or (
            by_address.get(address.lower()) if address else None
        )
        if item.room_id and room is None:
            raise ValidationFailed(Msg(
                "No room {room_id}.", room_id=item.room_id
            ), param=f"attendees[{i}].room_id")
        if item.type in ("room", "resource") and room is None:
            raise ValidationFailed(
                "A room attendee must name a room of the organisation.", param=f"attendees[{i}]"
            )
        if room is not None:
            entry = {
                "address": room_address(room),
                "name": item.name or room.name,
                "type": room.kind,
                "role": "non_participant",
                "rsvp": False,
                "account_id": None,
                "room_id": room.id,
            }
        else:
            assert address is not None
            account = accounts.get(address.lower())
            entry = {
                "address": address,
                "name": item.name or (account.display_name if account else None),
                "type": "person",
                "role": item.role,
                "rsvp": True,
                "account_id": account.id if account else None,
                "room_id": None,
            }
        key = entry["address"].lower()
        if key in seen or (organizer_address and key == organizer_address.lower()):
            continue
        seen.add(key)
        earlier = before.get(key, {})
        entry["response"] = earlier.get("response", "needs_action")
        entry["comment"] = earlier.get("comment")
        out.append(entry)
    return out


def reminders(items: list[Any]) -> list[dict[str, Any]]:
    """Reminders (models or dicts) as stored: sorted, minutes and method only."""
    out = []
    for item in items:
        raw = item if isinstance(item, dict) else item.model_dump()
        out.append(
            {"minutes_before": int(raw["minutes_before"]), "method": raw.get("method", "display")}
        )
    return sorted(out, key=lambda r: r["minutes_before"])
