"""GraphQL types and resolvers for calendars, events, invitations, free/busy and rooms.

Every resolver calls the same service function as its REST twin, and outputs are built
from the same response models, so the two APIs cannot disagree.
"""

from __future__ import annotations

from datetime import datetime
from enum import Enum
from typing import Any

import strawberry
from pydantic import BaseModel
from strawberry.types import Info

from api.calendar.calendars import service as calendars
from api.calendar.calendars.views import calendar_out
from api.calendar.events import instances
from api.calendar.events import service as events
from api.calendar.events.occurrences import render, single
from api.calendar.events.window import page_of
from api.calendar.freebusy import service as freebusy
from api.calendar.invitations import service as invitations
from api.calendar.resources import service as rooms
from api.directory import resolve_account
from api.errors import ValidationFailed
from api.graphql_kit import Context, as_graphql_error, checked_page, require, unit_of_work
from api.graphql_kit import validated as validate_input
from api.kit.pagination import PageParams
from schemas import calendar as s


def to_dict(value: Any) -> Any:
    """A strawberry input (with UNSET fields left out) as plain data for pydantic."""
    if isinstance(value, list):
        return [to_dict(v) for v in value]
    if isinstance(value, Enum):
        return value.value
    if hasattr(value, "__strawberry_definition__"):
        return {k: to_dict(v) for k, v in vars(value).items() if v is not strawberry.UNSET}
    return value


def validated(model: type[BaseModel], value: Any) -> Any:
    return validate_input(model, to_dict(value))


def from_model(cls: Any, model: BaseModel) -> Any:
    return cls(**{name: getattr(model, name) for name in cls.__annotations__})


# ---- output types -----------------------------------------------------------------------


@strawberry.type(name="Calendar")
class CalendarType:
    id: strawberry.ID
    account_id: str | None
    room_id: str | None
    name: str
    description: str
    color: str | None
    time_zone: str
    is_default: bool
    access: str
    feed_enabled: bool
    created_at: datetime
    updated_at: datetime


@strawberry.type
class CalendarAttendee:
    address: str
    name: str | None
    type: str
    role: str
    response: str
    rsvp: bool
    account_id: str | None
    room_id: str | None
    comment: str | None


@strawberry.type
class CalendarOrganizer:
    address: str
    name: str | None
    account_id: str | None


@strawberry.type
class CalendarRecurrence:
    rrule: str | None
    rdates: list[str]
    exdates: list[str]


@strawberry.type
class CalendarReminder:
    minutes_before: int
    method: str


@strawberry.type
class CalendarEventType:
    id: strawberry.ID
    series_id: str | None
    calendar_id: str
    account_id: str | None
    uid: str
    recurrence_id: str | None
    title: str
    description: str
    location: str
    online_meeting_url: str | None
    start: str
    end: str
    time_zone: str
    all_day: bool
    start_at: datetime
    end_at: datetime
    recurrence: CalendarRecurrence | None
    status: str
    transparency: str
    reminders: list[CalendarReminder]
    organizer: CalendarOrganizer | None
    attendees: list[CalendarAttendee]
    is_organizer: bool
    response: str
    sequence: int
    is_exception: bool
    created_at: datetime
    updated_at: datetime

    @classmethod
    def of(cls, e: s.Event) -> CalendarEventType:
        d = {name: getattr(e, name) for name in cls.__annotations__}
        d["recurrence"] = from_model(CalendarRecurrence, e.recurrence) if e.recurrence else None
        d["reminders"] = [from_model(CalendarReminder, r) for r in e.reminders]
        d["organizer"] = from_model(CalendarOrganizer, e.organizer) if e.organizer else None
        d["attendees"] = [from_model(CalendarAttendee, a) for a in e.attendees]
        return cls(**d)


@strawberry.type
class CalendarEventPage:
    data: list[CalendarEventType]
    next_cursor: str | None


@strawberry.type
class BusyIntervalType:
    start: datetime
    end: datetime
    status: str


@strawberry.type
class ScheduleType:
    attendee: str
    type: str | None
    id: str | None
    busy: list[BusyIntervalType]
    error: str | None


@strawberry.type(name="Room")
class RoomType:
    id: strawberry.ID
    kind: str
    name: str
    address: str | None
    description: str
    capacity: int
    building: str
    floor: str
    equipment: list[str]
    booking_policy: str
    allow_conflicts: bool
    delegates: list[str]
    max_duration_minutes: int | None
    booking_window_days: int
    calendar_id: str
    created_at: datetime
    updated_at: datetime


@strawberry.type
class RoomPage:
    data: list[RoomType]
    next_cursor: str | None


# ---- inputs -----------------------------------------------------------------------------


@strawberry.input
class CalendarInput:
    name: str | None = strawberry.UNSET
    description: str | None = strawberry.UNSET
    color: str | None = strawberry.UNSET
    time_zone: str | None = strawberry.UNSET


@strawberry.input
class CalendarAttendeeInput:
    address: str | None = strawberry.UNSET
    room_id: str | None = strawberry.UNSET
    name: str | None = strawberry.UNSET
    type: str | None = strawberry.UNSET
    role: str | None = strawberry.UNSET


@strawberry.input
class CalendarReminderInput:
    minutes_before: int
    method: str | None = strawberry.UNSET


@strawberry.input
class CalendarRecurrenceInput:
    rrule: str | None = strawberry.UNSET
    rdates: list[str] | None = strawberry.UNSET
    exdates: list[str] | None = strawberry.UNSET


@strawberry.input
class CalendarEventInput:
    """Fields of an event; on create `start` and `end` are required (merge patch on update)."""

    calendar_id: str | None = strawberry.UNSET
    uid: str | None = strawberry.UNSET
    title: str | None = strawberry.UNSET
    description: str | None = strawberry.UNSET
    location: str | None = strawberry.UNSET
    online_meeting_url: str | None = strawberry.UNSET
    start: str | None = strawberry.UNSET
    end: str | None = strawberry.UNSET
    time_zone: str | None = strawberry.UNSET
    all_day: bool | None = strawberry.UNSET
    recurrence: CalendarRecurrenceInput | None = strawberry.UNSET
    attendees: list[CalendarAttendeeInput] | None = strawberry.UNSET
    status: str | None = strawberry.UNSET
    transparency: str | None = strawberry.UNSET
    reminders: list[CalendarReminderInput] | None = strawberry.UNSET
    send_invitations: bool | None = strawberry.UNSET


@strawberry.input
class RoomInput:
    name: str | None = strawberry.UNSET
    kind: str | None = strawberry.UNSET
    address: str | None = strawberry.UNSET
    description: str | None = strawberry.UNSET
    capacity: int | None = strawberry.UNSET
    building: str | None = strawberry.UNSET
    floor: str | None = strawberry.UNSET
    equipment: list[str] | None = strawberry.UNSET
    booking_policy: str | None = strawberry.UNSET
    allow_conflicts: bool | None = strawberry.UNSET
    delegates: list[str] | None = strawberry.UNSET
    max_duration_minutes: int | None = strawberry.UNSET
    booking_window_days: int | None = strawberry.UNSET


def _page(limit: int, cursor: str | None) -> PageParams:
    return checked_page(limit, cursor)


def _scope(value: str | None) -> str:
    if value not in (None, "this", "following", "series"):
        raise as_graphql_error(
            ValidationFailed("scope is this, following or series.", param="scope")
        )
    return value or "this"


@strawberry.type
class CalendarQuery:
    @strawberry.field(description="An account's calendars and those shared with it.")
    async def calendars(self, info: Info[Context, Any], account: str) -> list[CalendarType]:
        principal = require(info, "calendar:read")
        async with unit_of_work(info, write=True) as session:
            owner = await resolve_account(session, principal, account)
            await calendars.ensure_default(session, principal.org_id, owner.id)
            rows = await calendars.list_calendars(session, principal.org_id, owner.id)
            return [from_model(CalendarType, calendar_out(c, level)) for c, level in rows]

    @strawberry.field(
        description="Occurrences in [start, end) with recurrences expanded (at most 400 days)."
    )
    async def calendar_events(
        self,
        info: Info[Context, Any],
        account: str,
        start: datetime,
        end: datetime,
        calendar_id: str | None = None,
        limit: int = 50,
        cursor: str | None = None,
    ) -> CalendarEventPage:
        principal = require(info, "calendar:read")
        async with unit_of_work(info, write=True) as session:
            owner = await resolve_account(session, principal, account)
            found = await events.list_window(
                session, principal.org_id, owner.id, start, end, calendar_id
            )
            rows, next_cursor = page_of(found, _page(limit, cursor))
            return CalendarEventPage(
                data=[CalendarEventType.of(render(o)) for o in rows], next_cursor=next_cursor
            )

    @strawberry.field(description="One event (a series) or one instance by its id.")
    async def calendar_event(
        self, info: Info[Context, Any], account: str, id: strawberry.ID
    ) -> CalendarEventType:
        principal = require(info, "calendar:read")
        async with unit_of_work(info, write=False) as session:
            owner = await resolve_account(session, principal, account)
            _, _, _, occ = await events.locate(session, principal.org_id, owner.id, str(id))
            return CalendarEventType.of(render(occ))

    @strawberry.field(
        description="Busy intervals of up to 100 accounts or rooms over up to 62 days."
    )
    async def freebusy(
        self, info: Info[Context, Any], start: datetime, end: datetime, attendees: list[str]
    ) -> list[ScheduleType]:
        principal = require(info, "calendar:read")
        body = validated(s.FreeBusyRequest, {"start": start, "end": end, "attendees": attendees})
        async with unit_of_work(info, write=False) as session:
            schedules = await freebusy.freebusy(
                session, principal.org_id, body.start, body.end, body.attendees
            )
        return [
            ScheduleType(
                attendee=x.attendee,
                type=x.type,
                id=x.id,
                error=x.error,
                busy=[BusyIntervalType(start=b.start, end=b.end, status=b.status) for b in x.busy],
            )
            for x in schedules
        ]

    @strawberry.field(description="The organisation's rooms and resources.")
    async def rooms(
        self,
        info: Info[Context, Any],
        q: str | None = None,
        min_capacity: int | None = None,
        limit: int = 50,
        cursor: str | None = None,
    ) -> RoomPage:
        principal = require(info, "calendar:read")
        async with unit_of_work(info, write=False) as session:
            rows, next_cursor = await rooms.list_rooms(
                session, principal.org_id, _page(limit, cursor), q=q, min_capacity=min_capacity
            )
            return RoomPage(
                data=[from_model(RoomType, s.Room.model_validate(r)) for r in rows],
                next_cursor=next_cursor,
            )

    @strawberry.field(description="One room.")
    async def room(self, info: Info[Context, Any], id: strawberry.ID) -> RoomType:
        principal = require(info, "calendar:read")
        async with unit_of_work(info, write=False) as session:
            room = await rooms.get_room(session, principal.org_id, str(id))
            return from_model(RoomType, s.Room.model_validate(room))


@strawberry.type
class CalendarMutation:
    @strawberry.mutation(description="Create a calendar for an account.")
    async def create_calendar(
        self, info: Info[Context, Any], account: str, input: CalendarInput
    ) -> CalendarType:
        principal = require(info, "calendar:write")
        data = validated(s.CalendarCreate, input)
        async with unit_of_work(info, write=True) as session:
            owner = await resolve_account(session, principal, account)
            calendar = await calendars.create_calendar(session, principal.org_id, owner.id, data)
            return from_model(CalendarType, calendar_out(calendar, "owner"))

    @strawberry.mutation(description="Change a calendar (merge patch).")
    async def update_calendar(
        self, info: Info[Context, Any], account: str, id: strawberry.ID, input: CalendarInput
    ) -> CalendarType:
        principal = require(info, "calendar:write")
        data = validated(s.CalendarUpdate, input)
        async with unit_of_work(info, write=True) as session:
            owner = await resolve_account(session, principal, account)
            calendar, level = await calendars.get_accessible(
                session, principal.org_id, owner.id, str(id), "owner"
            )
            calendar = await calendars.update_calendar(session, calendar, data)
            return from_model(CalendarType, calendar_out(calendar, level))

    @strawberry.mutation(description="Delete a calendar and its events (not the default one).")
    async def delete_calendar(
        self, info: Info[Context, Any], account: str, id: strawberry.ID
    ) -> bool:
        principal = require(info, "calendar:write")
        async with unit_of_work(info, write=True) as session:
            owner = await resolve_account(session, principal, account)
            calendar, _ = await calendars.get_accessible(
                session, principal.org_id, owner.id, str(id), "owner"
            )
            await calendars.delete_calendar(session, calendar)
        return True

    @strawberry.mutation(description="Create an event or series; attendees are invited.")
    async def create_calendar_event(
        self, info: Info[Context, Any], account: str, input: CalendarEventInput
    ) -> CalendarEventType:
        principal = require(info, "calendar:write")
        data = validated(s.EventCreate, input)
        async with unit_of_work(info, write=True) as session:
            owner = await resolve_account(session, principal, account)
            row = await events.create_event(session, principal.org_id, owner, data)
            return CalendarEventType.of(render(single(row)))

    @strawberry.mutation(
        description="Change an event; for an instance id, `scope` is this, following or series."
    )
    async def update_calendar_event(
        self,
        info: Info[Context, Any],
        account: str,
        id: strawberry.ID,
        input: CalendarEventInput,
        scope: str | None = None,
    ) -> CalendarEventType:
        principal = require(info, "calendar:write")
        values = to_dict(input)
        values.pop("calendar_id", None)
        values.pop("uid", None)
        data = validated(s.EventUpdate, values)
        async with unit_of_work(info, write=True) as session:
            owner = await resolve_account(session, principal, account)
            _, _, master, occ = await events.locate(
                session, principal.org_id, owner.id, str(id), "write"
            )
            if occ.key is None:
                occ = single(await events.update_series(session, principal.org_id, master, data))
            else:
                occ = await instances.update_instance(
                    session, principal.org_id, master, occ, data, _scope(scope)
                )
            return CalendarEventType.of(render(occ))

    @strawberry.mutation(
        description="Cancel an event, or an instance (scope this, following or series)."
    )
    async def cancel_calendar_event(
        self,
        info: Info[Context, Any],
        account: str,
        id: strawberry.ID,
        scope: str | None = None,
        send_cancellations: bool = True,
    ) -> bool:
        principal = require(info, "calendar:write")
        async with unit_of_work(info, write=True) as session:
            owner = await resolve_account(session, principal, account)
            _, _, master, occ = await events.locate(
                session, principal.org_id, owner.id, str(id), "write"
            )
            if occ.key is None:
                await events.cancel_series(
                    session, principal.org_id, master, send=send_cancellations
                )
            else:
                await instances.cancel_instance(
                    session, principal.org_id, master, occ, _scope(scope), send=send_cancellations
                )
        return True

    @strawberry.mutation(description="Accept, decline or tentatively accept an invitation.")
    async def respond_to_calendar_event(
        self,
        info: Info[Context, Any],
        account: str,
        id: strawberry.ID,
        response: str,
        comment: str | None = None,
        send_response: bool = True,
    ) -> CalendarEventType:
        principal = require(info, "calendar:write")
        data = validated(
            s.EventRespond,
            {"response": response, "comment": comment, "send_response": send_response},
        )
        async with unit_of_work(info, write=True) as session:
            owner = await resolve_account(session, principal, account)
            _, _, master, occ = await events.locate(
                session, principal.org_id, owner.id, str(id), "write"
            )
            occ = await invitations.respond(session, principal.org_id, owner, master, occ, data)
            return CalendarEventType.of(render(occ))

    @strawberry.mutation(description="Add a room or resource (administrators).")
    async def create_room(self, info: Info[Context, Any], input: RoomInput) -> RoomType:
        principal = require(info, "calendar:write", admin=True)
        data = validated(s.RoomCreate, input)
        async with unit_of_work(info, write=True) as session:
            room = await rooms.create_room(
                session, principal.org_id, data, actor=principal, ip=info.context.ip
            )
            return from_model(RoomType, s.Room.model_validate(room))

    @strawberry.mutation(description="Change a room (administrators; merge patch).")
    async def update_room(
        self, info: Info[Context, Any], id: strawberry.ID, input: RoomInput
    ) -> RoomType:
        principal = require(info, "calendar:write", admin=True)
        data = validated(s.RoomUpdate, input)
        async with unit_of_work(info, write=True) as session:
            room = await rooms.get_room(session, principal.org_id, str(id))
            room = await rooms.update_room(session, room, data, actor=principal, ip=info.context.ip)
            return from_model(RoomType, s.Room.model_validate(room))

    @strawberry.mutation(description="Remove a room and its bookings (administrators).")
    async def delete_room(self, info: Info[Context, Any], id: strawberry.ID) -> bool:
        principal = require(info, "calendar:write", admin=True)
        async with unit_of_work(info, write=True) as session:
            room = await rooms.get_room(session, principal.org_id, str(id))
            await rooms.delete_room(session, room, actor=principal, ip=info.context.ip)
        return True
