"""REST endpoints for rooms and resources (`/v1/calendar/rooms`)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query, Request, Response, status

from api.calendar.events.occurrences import render, single
from api.calendar.events.window import page_of
from api.calendar.resources import booking, service
from api.deps import CalendarAdmin, CalendarRead, CalendarWrite, ClientIp, DbSession
from api.kit.etags import check_if_match, set_etag
from api.kit.pagination import Page, PageParams, page_params
from schemas.calendar import Event, Room, RoomBookingRespond, RoomCreate, RoomUpdate

router = APIRouter(prefix="/v1/calendar/rooms", tags=["calendar"])


@router.post("", status_code=status.HTTP_201_CREATED, response_model=Room)
async def create_room(
    body: RoomCreate, principal: CalendarAdmin, session: DbSession, response: Response, ip: ClientIp
) -> Room:
    """Add a room or resource with its booking policy (administrators)."""
    room = await service.create_room(session, principal.org_id, body, actor=principal, ip=ip)
    set_etag(response, room.id, room.version)
    return Room.model_validate(room)


@router.get("", response_model=Page[Room])
async def list_rooms(
    principal: CalendarRead,
    session: DbSession,
    page: Annotated[PageParams, Depends(page_params)],
    q: Annotated[
        str | None, Query(max_length=200, description="Search name, building, address.")
    ] = None,
    min_capacity: Annotated[int | None, Query(ge=0, le=1_000_000)] = None,
    building: Annotated[str | None, Query(max_length=200)] = None,
    floor: Annotated[str | None, Query(max_length=50)] = None,
    kind: Annotated[Literal["room", "resource"] | None, Query()] = None,
) -> Page[Room]:
    """List and search the organisation's rooms and resources."""
    rows, cursor = await service.list_rooms(
        session,
        principal.org_id,
        page,
        q=q,
        min_capacity=min_capacity,
        building=building,
        floor=floor,
        kind=kind,
    )
    return Page[Room](data=[Room.model_validate(r) for r in rows], next_cursor=cursor)


@router.get("/{room_id}", response_model=Room)
async def get_room(
    room_id: str, principal: CalendarRead, session: DbSession, response: Response
) -> Room:
    """One room (by id or address)."""
    room = await service.get_room(session, principal.org_id, room_id)
    set_etag(response, room.id, room.version)
    return Room.model_validate(room)


@router.patch("/{room_id}", response_model=Room)
async def update_room(
    room_id: str,
    body: RoomUpdate,
    principal: CalendarAdmin,
    session: DbSession,
    request: Request,
    response: Response,
    ip: ClientIp,
) -> Room:
    """Change a room's details or booking policy (administrators; merge patch)."""
    room = await service.get_room(session, principal.org_id, room_id)
    check_if_match(request, room.id, room.version)
    room = await service.update_room(session, room, body, actor=principal, ip=ip)
    set_etag(response, room.id, room.version)
    return Room.model_validate(room)


@router.delete("/{room_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_room(
    room_id: str, principal: CalendarAdmin, session: DbSession, request: Request, ip: ClientIp
) -> Response:
    """Remove a room and its bookings (administrators)."""
    room = await service.get_room(session, principal.org_id, room_id)
    check_if_match(request, room.id, room.version)
    await service.delete_room(session, room, actor=principal, ip=ip)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get("/{room_id}/bookings", response_model=Page[Event])
async def list_room_bookings(
    room_id: str,
    start: Annotated[datetime, Query()],
    end: Annotated[datetime, Query()],
    principal: CalendarRead,
    session: DbSession,
    page: Annotated[PageParams, Depends(page_params)],
    status: Annotated[
        Literal["pending", "accepted"] | None,
        Query(description="pending: awaiting a delegate's approval."),
    ] = None,
) -> Page[Event]:
    """The room's bookings in [start, end), recurrences expanded."""
    room = await service.get_room(session, principal.org_id, room_id)
    occurrences = await service.bookings(session, room, start, end, status)
    rows, cursor = page_of(occurrences, page)
    return Page[Event](data=[render(o) for o in rows], next_cursor=cursor)


@router.post("/{room_id}/bookings/{booking_id}/respond", response_model=Event)
async def respond_to_room_booking(
    room_id: str,
    booking_id: str,
    body: RoomBookingRespond,
    principal: CalendarWrite,
    session: DbSession,
) -> Event:
    """A delegate approves or declines a booking of a room that books by approval."""
    room = await service.get_room(session, principal.org_id, room_id)
    copy = await booking.respond(session, principal, room, booking_id, body.response, body.comment)
    return render(single(copy))
