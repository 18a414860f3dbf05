"""Rules for rooms and resources: administrators manage them, everyone may find and book them."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import delete
from sqlalchemy.ext.asyncio import AsyncSession

from api.calendar.events.occurrences import Occurrence
from api.calendar.events.service import check_window, occurrences_in
from api.calendar.resources import repository
from api.directory import find_account
from api.errors import AlreadyExists, NotFound, ValidationFailed
from api.events import emit
from api.i18n import _
from api.identity.audit import record
from api.identity.principal import Principal
from api.kit import merge_patch
from api.kit.clock import utcnow
from api.kit.ids import new_id
from api.kit.pagination import PageParams
from api.storage.models import Calendar, CalendarEvent, Room
from schemas.calendar import RoomCreate, RoomUpdate


async def _delegates(session: AsyncSession, org_id: str, refs: list[str]) -> list[str]:
    out = []
    for i, ref in enumerate(refs):
        account = await find_account(session, org_id, ref)
        if account is None:
            raise ValidationFailed(_("No account {ref}.", ref=ref), param=f"delegates[{i}]")
        if account.id not in out:
            out.append(account.id)
    return out


async def _check_address(
    session: AsyncSession, org_id: str, address: str | None, room_id: str | None
) -> None:
    if address is None:
        return
    taken = await repository.find(session, org_id, address)
    if taken is not None and taken.id != room_id:
        raise AlreadyExists(_("Another room uses {address}.", address=address), param="address")
    if await find_account(session, org_id, address) is not None:
        raise AlreadyExists(_(
            "{address} is an account's address.", address=address
        ), param="address")


async def create_room(
    session: AsyncSession, org_id: str, data: RoomCreate, *, actor: Principal, ip: str | None = None
) -> Room:
    await _check_address(session, org_id, data.address, None)
    delegates = await _delegates(session, org_id, data.delegates)
    if data.booking_policy == "approval" and not delegates:
        raise ValidationFailed(
            "A room booked by approval needs at least one delegate.", param="delegates"
        )
    room_id = new_id("room")
    calendar = Calendar(
        id=new_id("cal"),
        org_id=org_id,
        account_id=None,
        room_id=room_id,
        name=data.name,
        description="",
        time_zone="UTC",
        is_default=False,
    )
    values = data.model_dump()
    values["delegates"] = delegates
    room = Room(id=room_id, org_id=org_id, calendar_id=calendar.id, **values)
    session.add_all([calendar, room])
    await session.flush()
    await record(
        session,
        org_id=org_id,
        action="calendar.room.created",
        actor=actor,
        ip=ip,
        target_type="room",
        target_id=room.id,
        details={"name": room.name},
    )
    await emit(session, org_id, "calendar.room.created", {"id": room.id, "name": room.name})
    return room


async def get_room(session: AsyncSession, org_id: str, room_id: str) -> Room:
    room = await repository.find(session, org_id, room_id)
    if room is None:
        raise NotFound(_("No room {room_id}.", room_id=room_id), param="room_id")
    return room


async def list_rooms(
    session: AsyncSession, org_id: str, params: PageParams, **filters: Any
) -> tuple[list[Room], str | None]:
    return await repository.page(session, org_id, params, **filters)


async def update_room(
    session: AsyncSession, room: Room, data: RoomUpdate, *, actor: Principal, ip: str | None = None
) -> Room:
    values = merge_patch.changes(data)
    for key in (
        "name",
        "capacity",
        "booking_policy",
        "allow_conflicts",
        "equipment",
        "delegates",
        "booking_window_days",
        "building",
        "floor",
        "description",
    ):
        if key in values and values[key] is None:
            raise ValidationFailed(_("{key} cannot be null.", key=key), param=key)
    if "address" in values:
        await _check_address(session, room.org_id, values["address"], room.id)
    if "delegates" in values:
        values["delegates"] = await _delegates(session, room.org_id, values["delegates"])
    policy = values.get("booking_policy", room.booking_policy)
    if policy == "approval" and not values.get("delegates", room.delegates):
        raise ValidationFailed(
            "A room booked by approval needs at least one delegate.", param="delegates"
        )
    changed = merge_patch.apply(room, values)
    if changed:
        room.version += 1
        room.updated_at = utcnow()
        await record(
            session,
            org_id=room.org_id,
            action="calendar.room.updated",
            actor=actor,
            ip=ip,
            target_type="room",
            target_id=room.id,
            details={"changed": changed},
        )
        await emit(
            session, room.org_id, "calendar.room.updated", {"id": room.id, "changed": changed}
        )
    return room


async def delete_room(
    session: AsyncSession, room: Room, *, actor: Principal, ip: str | None = None
) -> None:
    await session.execute(
        delete(CalendarEvent).where(CalendarEvent.calendar_id == room.calendar_id)
    )
    calendar = await session.get(Calendar, room.calendar_id)
    await session.delete(room)
    if calendar is not None:
        await session.delete(calendar)
    await record(
        session,
        org_id=room.org_id,
        action="calendar.room.deleted",
        actor=actor,
        ip=ip,
        target_type="room",
        target_id=room.id,
    )
    await emit(session, room.org_id, "calendar.room.deleted", {"id": room.id})


async def bookings(
    session: AsyncSession, room: Room, start: datetime, end: datetime, status: str | None = None
) -> list[Occurrence]:
    check_window(start, end)
    occurrences = await occurrences_in(session, room.org_id, [room.calendar_id], start, end)
    if status == "pending":
        return [o for o in occurrences if o.row.partstat == "needs_action"]
    if status == "accepted":
        return [o for o in occurrences if o.row.partstat == "accepted"]
    return occurrences
