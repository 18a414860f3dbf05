"""Room booking policy: when an event invites a room, the room answers.

- auto_accept: accepted when the room is free for every instance within its booking
  window, declined on a conflict (unless the room allows conflicts);
- approval: stays needs-action until a delegate accepts or declines;
- either way, bookings longer than `max_duration_minutes` or starting beyond the booking
  window are declined.
Accepted and pending bookings are copies in the room's calendar (which is what free/busy
reads); a declined one is not. `calendar.room.booked` is emitted when a booking is accepted.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from api.calendar.events import repository as events
from api.calendar.events.occurrences import Occurrence, expand, is_recurring
from api.calendar.events.payload import event_data
from api.calendar.invitations.mirror import copies as mirror_copies
from api.calendar.invitations.mirror import mirror
from api.calendar.resources import repository
from api.errors import Forbidden, NotFound
from api.events import emit
from api.i18n import _
from api.identity.principal import Principal
from api.kit.clock import utcnow
from api.storage.models import CalendarEvent, Room


def _window(master: CalendarEvent, room: Room) -> tuple[datetime, datetime]:
    now = utcnow()
    lo = max(master.range_start, now - timedelta(days=1))
    end = master.range_end or lo + timedelta(days=room.booking_window_days)
    if end <= lo:  # entirely in the past: judge it over its own span
        lo, end = master.range_start, end
    hi = min(end, lo + timedelta(days=room.booking_window_days))
    return lo, max(hi, lo + timedelta(minutes=1))


async def _occurrences(
    session: AsyncSession, rows: list[CalendarEvent], lo: datetime, hi: datetime
) -> list[Occurrence]:
    master = rows[0]
    pairs = {(master.calendar_id, master.uid)} if is_recurring(master) else set()
    overridden = await events.override_keys(session, master.org_id, pairs)
    return expand(rows, lo, hi, overridden)


def _conflicts(mine: list[Occurrence], theirs: list[Occurrence]) -> bool:
    busy = sorted((o.start_at, o.end_at) for o in theirs if o.busy)
    j = 0
    for occ in mine:
        while j < len(busy) and busy[j][1] <= occ.start_at:
            j += 1
        k = j
        while k < len(busy) and busy[k][0] < occ.end_at:
            if busy[k][1] > occ.start_at and occ.end_at > occ.start_at:
                return True
            k += 1
    return False


async def decide(
    session: AsyncSession, room: Room, rows: list[CalendarEvent], previous: str
) -> tuple[str, str | None]:
    master = rows[0]
    lo, hi = _window(master, room)
    mine = await _occurrences(session, rows, lo, hi)
    if room.max_duration_minutes is not None:
        limit = timedelta(minutes=room.max_duration_minutes)
        if any(o.end_at - o.start_at > limit for o in mine):
            return (
                "declined",
                f"Bookings of {room.name} last at most {room.max_duration_minutes} minutes.",
            )
    if master.start_at > utcnow() + timedelta(days=room.booking_window_days):
        return (
            "declined",
            f"{room.name} can be booked at most {room.booking_window_days} days ahead.",
        )
    if room.booking_policy == "approval":
        return (previous, None) if previous in ("accepted", "declined") else ("needs_action", None)
    if not room.allow_conflicts:
        rows_in_room = await events.in_window(session, master.org_id, [room.calendar_id], lo, hi)
        others = [r for r in rows_in_room if r.uid != master.uid and r.partstat != "declined"]
        pairs = {(r.calendar_id, r.uid) for r in others if not r.recurrence_id and is_recurring(r)}
        theirs = expand(others, lo, hi, await events.override_keys(session, master.org_id, pairs))
        if _conflicts(mine, theirs):
            return "declined", f"{room.name} is already booked at that time."
    return "accepted", None


async def process(session: AsyncSession, master: CalendarEvent, rows: list[CalendarEvent]) -> None:
    """Let every room invited to this series answer, and keep its calendar in step."""
    room_ids = {a["room_id"] for r in rows for a in r.attendees or [] if a.get("room_id")}
    copies = await mirror_copies(session, master.org_id, master.uid)
    rooms = await repository.by_ids(session, master.org_id, sorted(room_ids))
    for room in rooms.values():
        previous = next(
            (
                a.get("response", "needs_action")
                for a in master.attendees or []
                if a.get("room_id") == room.id
            ),
            "needs_action",
        )
        response, comment = await decide(session, room, itip_rows(rows), previous)
        set_response(rows, room.id, response, comment)
        existing = copies.pop(room.calendar_id, [])
        if response == "declined":
            for row in existing:
                await session.delete(row)
            continue
        mirrored = await mirror(
            session,
            rows,
            account_id=None,
            calendar_id=room.calendar_id,
            address=_address(master, room.id),
            existing=existing,
        )
        if response == "accepted" and previous != "accepted":
            await emit(
                session,
                master.org_id,
                "calendar.room.booked",
                booked_data(master, room, mirrored[0]),
            )
    # Rooms no longer invited give their time back.
    for key, stale in copies.items():
        if (
            stale
            and stale[0].account_id is None
            and key not in {r.calendar_id for r in rooms.values()}
        ):
            for row in stale:
                await session.delete(row)


def itip_rows(rows: list[CalendarEvent]) -> list[CalendarEvent]:
    return sorted(rows, key=lambda r: (r.recurrence_id != "", r.recurrence_id))


def _address(master: CalendarEvent, room_id: str) -> str:
    return next((a["address"] for a in master.attendees or [] if a.get("room_id") == room_id), "")


def set_response(
    rows: list[CalendarEvent], room_id: str, response: str, comment: str | None
) -> None:
    for row in rows:
        changed = False
        attendees = []
        for a in row.attendees or []:
            if a.get("room_id") == room_id and (
                a.get("response") != response or a.get("comment") != comment
            ):
                a = {**a, "response": response, "comment": comment}
                changed = True
            attendees.append(a)
        if changed:
            row.attendees = attendees


def booked_data(master: CalendarEvent, room: Room, copy: CalendarEvent) -> dict[str, Any]:
    return {
        "id": master.id,
        "account_id": master.account_id,
        "calendar_id": master.calendar_id,
        "uid": master.uid,
        "room_id": room.id,
        "booking_id": copy.id,
        "start_at": master.start_at.isoformat(),
        "end_at": master.end_at.isoformat(),
    }


async def respond(
    session: AsyncSession,
    principal: Principal,
    room: Room,
    booking_id: str,
    response: str,
    comment: str | None,
) -> CalendarEvent:
    """A delegate (or an administrator or app) approves or declines a pending booking."""
    if (
        principal.kind != "app"
        and not principal.is_admin
        and principal.account_id not in room.delegates
    ):
        raise Forbidden("Only the room's delegates may answer its bookings.")
    copy = await events.get(session, room.org_id, booking_id)
    if copy is None or copy.calendar_id != room.calendar_id or copy.recurrence_id:
        raise NotFound(_("No booking {booking_id}.", booking_id=booking_id), param="booking_id")
    organizer_rows = [
        r for r in await events.copies_of_uid(session, room.org_id, copy.uid) if r.is_organizer
    ]
    master = next((r for r in organizer_rows if not r.recurrence_id), None)
    previous = copy.partstat
    if master is not None:
        set_response(organizer_rows, room.id, response, comment)
        master.version += 1
        master.updated_at = utcnow()
    room_rows = await events.all_of_uid(session, room.org_id, room.calendar_id, copy.uid)
    if response == "declined":
        for row in room_rows:
            await session.delete(row)
    else:
        for row in room_rows:
            row.partstat = response
            row.version += 1
    if master is not None:
        await emit(
            session,
            room.org_id,
            "calendar.event.updated",
            event_data(master, changed=["attendees"]),
        )
        if response == "accepted" and previous != "accepted":
            await emit(
                session, room.org_id, "calendar.room.booked", booked_data(master, room, copy)
            )
    await session.flush()
    return copy
