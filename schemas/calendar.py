"""Calendars, events, invitations, free/busy and rooms."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import Field, field_validator

from schemas.base import RequestModel, ResponseModel
from schemas.text import SingleLine

ShareLevel = Literal["freebusy", "read", "write"]
Access = Literal["owner", "write", "read", "freebusy"]
Response = Literal["needs_action", "accepted", "declined", "tentative", "delegated"]
Reply = Literal["accepted", "declined", "tentative"]
Scope = Literal["this", "following", "series"]
Name = Annotated[str, Field(min_length=1, max_length=200), SingleLine]
Color = Annotated[str, Field(pattern=r"^#[0-9A-Fa-f]{6}$")]
ZoneName = Annotated[str, Field(min_length=1, max_length=64)]
WhenText = Annotated[
    str,
    Field(
        min_length=10,
        max_length=40,
        description="RFC 3339 date-time (with an offset, or wall-clock time in `time_zone`), "
        "or a date (YYYY-MM-DD) for all-day events.",
    ),
]
Address = Annotated[str, Field(min_length=3, max_length=320)]


# ---- calendars ---------------------------------------------------------------------------


class CalendarCreate(RequestModel):
    name: Name
    description: str = Field(default="", max_length=2000)
    color: Color | None = None
    time_zone: ZoneName | None = Field(default=None, description="IANA zone; default UTC.")


class CalendarUpdate(RequestModel):
    name: Name | None = None
    description: str | None = Field(default=None, max_length=2000)
    color: Color | None = None
    time_zone: ZoneName | None = None


class Calendar(ResponseModel):
    id: str
    account_id: str | None
    room_id: str | None = None
    name: str
    description: str
    color: str | None
    time_zone: str
    is_default: bool
    access: Access = Field(description="What the addressed account may do with this calendar.")
    feed_enabled: bool
    created_at: datetime
    updated_at: datetime


class CalendarShareCreate(RequestModel):
    account: Address = Field(description="The account to share with: id or address.")
    level: ShareLevel


class CalendarShare(ResponseModel):
    id: str
    calendar_id: str
    account_id: str
    address: str
    level: ShareLevel
    created_at: datetime


class CalendarFeed(ResponseModel):
    url: str = Field(description="Secret subscription URL; shown once. Revoke to invalidate it.")
    created_at: datetime


class ImportResult(ResponseModel):
    created: int
    updated: int
    event_ids: list[str]


# ---- events ------------------------------------------------------------------------------


def _check_url(value: str | None) -> str | None:
    if value and not value.startswith(("https://", "http://")):
        raise ValueError("online_meeting_url must be an http(s) URL")
    return value


class AttendeeIn(RequestModel):
    address: Address | None = None
    room_id: str | None = Field(default=None, max_length=40)
    name: Annotated[str, Field(max_length=200), SingleLine] | None = None
    type: Literal["person", "room", "resource"] = "person"
    role: Literal["required", "optional", "chair", "non_participant"] = "required"


class Attendee(ResponseModel):
    address: str
    name: str | None = None
    type: str = "person"
    role: str = "required"
    response: Response = "needs_action"
    rsvp: bool = True
    account_id: str | None = None
    room_id: str | None = None
    comment: str | None = None


class Organizer(ResponseModel):
    address: str
    name: str | None = None
    account_id: str | None = None


class Reminder(RequestModel):
    minutes_before: int = Field(ge=0, le=40320)
    method: Literal["display", "email"] = "display"


class Recurrence(RequestModel):
    rrule: str | None = Field(
        default=None, max_length=1000, description="An RFC 5545 RRULE, e.g. FREQ=WEEKLY;BYDAY=MO"
    )
    rdates: list[WhenText] = Field(default_factory=list, max_length=500)
    exdates: list[WhenText] = Field(default_factory=list, max_length=2000)


class EventCreate(RequestModel):
    calendar_id: str | None = Field(
        default=None, max_length=40, description="Default calendar if absent."
    )
    uid: str | None = Field(default=None, min_length=1, max_length=255)
    title: Annotated[str, Field(max_length=500), SingleLine] = ""
    description: str = Field(default="", max_length=100_000)
    location: str = Field(default="", max_length=500)
    online_meeting_url: str | None = Field(default=None, max_length=2000)
    start: WhenText
    end: WhenText
    time_zone: ZoneName | None = Field(
        default=None, description="IANA zone; default the calendar's."
    )
    all_day: bool = False
    recurrence: Recurrence | None = None
    attendees: list[AttendeeIn] = Field(default_factory=list, max_length=500)
    status: Literal["confirmed", "tentative"] = "confirmed"
    transparency: Literal["opaque", "transparent"] = "opaque"
    reminders: list[Reminder] = Field(default_factory=list, max_length=10)
    send_invitations: bool = Field(default=True, description="Mail iTIP REQUESTs to attendees.")

    _url = field_validator("online_meeting_url")(_check_url)


class EventUpdate(RequestModel):
    title: Annotated[str, Field(max_length=500), SingleLine] | None = None
    description: str | None = Field(default=None, max_length=100_000)
    location: str | None = Field(default=None, max_length=500)
    online_meeting_url: str | None = Field(default=None, max_length=2000)
    start: WhenText | None = None
    end: WhenText | None = None
    time_zone: ZoneName | None = None
    all_day: bool | None = None
    recurrence: Recurrence | None = None
    attendees: list[AttendeeIn] | None = Field(default=None, max_length=500)
    status: Literal["confirmed", "tentative"] | None = None
    transparency: Literal["opaque", "transparent"] | None = None
    reminders: list[Reminder] | None = Field(default=None, max_length=10)
    send_invitations: bool | None = None

    _url = field_validator("online_meeting_url")(_check_url)


class RecurrenceOut(ResponseModel):
    rrule: str | None
    rdates: list[str]
    exdates: list[str]


class ReminderOut(ResponseModel):
    minutes_before: int
    method: str


class Event(ResponseModel):
    id: str = Field(description="The series id, or `<series id>.<instance key>` for one instance.")
    series_id: str | None = Field(description="The series an instance belongs to.")
    calendar_id: str
    account_id: str | None
    uid: str
    recurrence_id: str | None = Field(description="The original start of this instance (RFC 3339).")
    title: str
    description: str
    location: str
    online_meeting_url: str | None
    start: str = Field(description="RFC 3339 with the zone's offset, or a date when all-day.")
    end: str
    time_zone: str
    all_day: bool
    start_at: datetime
    end_at: datetime
    recurrence: RecurrenceOut | None
    status: str
    transparency: str
    reminders: list[ReminderOut]
    organizer: Organizer | None
    attendees: list[Attendee]
    is_organizer: bool
    response: str = Field(description="The calendar owner's participation status.")
    sequence: int
    is_exception: bool = False
    created_at: datetime
    updated_at: datetime


class EventRespond(RequestModel):
    response: Reply
    comment: str | None = Field(default=None, max_length=2000)
    send_response: bool = True


class EventChanges(ResponseModel):
    created: list[str]
    updated: list[str]
    deleted: list[str]
    state: str


# ---- free/busy and finding a time --------------------------------------------------------


class FreeBusyRequest(RequestModel):
    start: datetime
    end: datetime
    attendees: list[Address] = Field(
        min_length=1, max_length=100, description="Account ids or addresses, room ids or addresses."
    )


class BusyInterval(ResponseModel):
    start: datetime
    end: datetime
    status: Literal["busy", "tentative"]


class Schedule(ResponseModel):
    attendee: str
    type: Literal["account", "room"] | None
    id: str | None
    busy: list[BusyInterval]
    error: str | None = None


class FreeBusyResult(ResponseModel):
    start: datetime
    end: datetime
    schedules: list[Schedule]


class WorkingHours(RequestModel):
    start: str = Field(default="09:00", pattern=r"^([01]\d|2[0-3]):[0-5]\d$")
    end: str = Field(default="18:00", pattern=r"^([01]\d|2[0-4]):[0-5]\d$")
    days: list[int] = Field(
        default_factory=lambda: [1, 2, 3, 4, 5], description="ISO weekdays 1-7."
    )
    time_zone: ZoneName | None = Field(
        default=None,
        description=(
            "IANA zone of `start`/`end`. Default: the asking person's time zone, else the"
            " organisation's, else the server's `MAILPLANE_DEFAULT_TIME_ZONE` (UTC)."
        ),
    )


class WorkingHoursUsed(ResponseModel):
    start: str = Field(description="Opening time, `HH:MM`.")
    end: str = Field(description="Closing time, `HH:MM`.")
    days: list[int] = Field(description="ISO weekdays 1 (Monday) to 7.")
    time_zone: str = Field(description="The IANA zone the hours were read in.")


NoTimeReason = Literal[
    "outside_working_hours", "attendees_busy", "rooms_busy", "no_attendee_found"
]


class FindTimeRequest(RequestModel):
    attendees: list[Address] = Field(min_length=1, max_length=100)
    rooms: list[Address] = Field(
        default_factory=list, max_length=50, description="Candidate rooms; one is picked per slot."
    )
    duration_minutes: int = Field(ge=5, le=1440)
    start: datetime
    end: datetime
    working_hours: WorkingHours = Field(default_factory=WorkingHours)
    step_minutes: int = Field(default=30, ge=5, le=240)
    max_results: int = Field(default=10, ge=1, le=50)


class TimeSuggestion(ResponseModel):
    start: datetime
    end: datetime
    room_id: str | None


class FindTimeResult(ResponseModel):
    suggestions: list[TimeSuggestion] = Field(description="Free slots, earliest first.")
    unavailable: list[str] = Field(description="Attendees whose schedule could not be read.")
    working_hours: WorkingHoursUsed = Field(
        description="The working hours the slots were taken from, with the zone resolved."
    )
    reason: NoTimeReason | None = Field(
        default=None,
        description=(
            "Why `suggestions` is empty (null when it is not): `outside_working_hours` (the"
            " window holds no working-hours slot of that length in `working_hours.time_zone`),"
            " `attendees_busy` (someone is busy in every slot), `rooms_busy` (people are free"
            " but no room is), `no_attendee_found` (no attendee's schedule could be read)."
        ),
    )


# ---- rooms -------------------------------------------------------------------------------


BookingPolicy = Literal["auto_accept", "approval"]


class RoomCreate(RequestModel):
    name: Name
    kind: Literal["room", "resource"] = "room"
    address: Address | None = None
    description: str = Field(default="", max_length=2000)
    capacity: int = Field(default=0, ge=0, le=100_000)
    building: str = Field(default="", max_length=200)
    floor: str = Field(default="", max_length=50)
    equipment: list[Annotated[str, Field(min_length=1, max_length=100)]] = Field(
        default_factory=list, max_length=50
    )
    booking_policy: BookingPolicy = "auto_accept"
    allow_conflicts: bool = False
    delegates: list[Address] = Field(default_factory=list, max_length=20)
    max_duration_minutes: int | None = Field(default=None, ge=5, le=7 * 24 * 60)
    booking_window_days: int = Field(default=365, ge=1, le=1095)


class RoomUpdate(RequestModel):
    name: Name | None = None
    address: Address | None = None
    description: str | None = Field(default=None, max_length=2000)
    capacity: int | None = Field(default=None, ge=0, le=100_000)
    building: str | None = Field(default=None, max_length=200)
    floor: str | None = Field(default=None, max_length=50)
    equipment: list[Annotated[str, Field(min_length=1, max_length=100)]] | None = Field(
        default=None, max_length=50
    )
    booking_policy: BookingPolicy | None = None
    allow_conflicts: bool | None = None
    delegates: list[Address] | None = Field(default=None, max_length=20)
    max_duration_minutes: int | None = Field(default=None, ge=5, le=7 * 24 * 60)
    booking_window_days: int | None = Field(default=None, ge=1, le=1095)


class Room(ResponseModel):
    id: str
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


class RoomBookingRespond(RequestModel):
    response: Literal["accepted", "declined"]
    comment: str | None = Field(default=None, max_length=2000)
