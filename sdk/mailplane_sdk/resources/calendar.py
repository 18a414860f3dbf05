"""`mp.calendar`: a person's calendars and events, invitations, rooms, free/busy."""

from __future__ import annotations

from typing_extensions import Unpack

from mailplane_sdk.calls import Spec, model, nothing, text
from mailplane_sdk.endpoints import Namespace, R, endpoint, paged
from mailplane_sdk.generated import params
from mailplane_sdk.generated.models import (
    Calendar as CalendarModel,
)
from mailplane_sdk.generated.models import (
    CalendarFeed,
    CalendarShare,
    Changes,
    Event,
    FindTimeResult,
    FreeBusyResult,
    ImportResult,
    Room,
)
from mailplane_sdk.pagination import Page, page_of

CALENDAR = "/v1/accounts/{account}/calendar/calendars/{calendar_id}"
EVENT = "/v1/accounts/{account}/calendar/events/{event_id}"


class CalendarShares(Namespace[R]):
    """`mp.calendar.calendars.shares`: who else may see or edit a calendar."""

    @paged("GET", CALENDAR + "/shares", "list_calendar_shares")
    def list(self, account: str, calendar_id: str) -> Spec[Page[CalendarShare]]:
        return Spec(
            page_of(CalendarShare.from_dict), path={"account": account, "calendar_id": calendar_id}
        )

    @endpoint("POST", CALENDAR + "/shares", "share_calendar")
    def create(
        self, account: str, calendar_id: str, /, **body: Unpack[params.CalendarShareCreate]
    ) -> Spec[CalendarShare]:
        """Body: CalendarShareCreate (grantee, level)."""
        return Spec(
            model(CalendarShare), path={"account": account, "calendar_id": calendar_id}, json=body
        )

    @endpoint("DELETE", CALENDAR + "/shares/{grantee}", "unshare_calendar")
    def delete(self, account: str, calendar_id: str, grantee: str) -> Spec[None]:
        return Spec(
            nothing, path={"account": account, "calendar_id": calendar_id, "grantee": grantee}
        )


class Calendars(Namespace[R]):
    """`mp.calendar.calendars`."""

    def __init__(self, runner: R) -> None:
        super().__init__(runner)
        self.shares = CalendarShares(runner)

    @paged("GET", "/v1/accounts/{account}/calendar/calendars", "list_calendars")
    def list(self, account: str) -> Spec[Page[CalendarModel]]:
        return Spec(page_of(CalendarModel.from_dict), path={"account": account})

    @endpoint("POST", "/v1/accounts/{account}/calendar/calendars", "create_calendar")
    def create(self, account: str, /, **body: Unpack[params.CalendarCreate]) -> Spec[CalendarModel]:
        return Spec(model(CalendarModel), path={"account": account}, json=body)

    @endpoint("GET", CALENDAR, "get_calendar")
    def get(self, account: str, calendar_id: str) -> Spec[CalendarModel]:
        return Spec(model(CalendarModel), path={"account": account, "calendar_id": calendar_id})

    @endpoint("PATCH", CALENDAR, "update_calendar")
    def update(
        self, account: str, calendar_id: str, /, **fields: Unpack[params.CalendarUpdate]
    ) -> Spec[CalendarModel]:
        return Spec(
            model(CalendarModel), path={"account": account, "calendar_id": calendar_id}, json=fields
        )

    @endpoint("DELETE", CALENDAR, "delete_calendar")
    def delete(self, account: str, calendar_id: str) -> Spec[None]:
        return Spec(nothing, path={"account": account, "calendar_id": calendar_id})

    @endpoint("GET", CALENDAR + "/export", "export_calendar")
    def export(self, account: str, calendar_id: str) -> Spec[str]:
        """The calendar as iCalendar text."""
        return Spec(text, path={"account": account, "calendar_id": calendar_id})

    @endpoint("POST", CALENDAR + "/import", "import_calendar")
    def import_ics(self, account: str, calendar_id: str, ics: str | bytes) -> Spec[ImportResult]:
        """Add the events of an iCalendar file."""
        content = ics.encode() if isinstance(ics, str) else ics
        return Spec(
            model(ImportResult),
            path={"account": account, "calendar_id": calendar_id},
            content=content,
            headers={"Content-Type": "text/calendar"},
        )

    @endpoint("POST", CALENDAR + "/feed", "enable_calendar_feed")
    def enable_feed(self, account: str, calendar_id: str) -> Spec[CalendarFeed]:
        """A secret read-only iCalendar URL for other calendar apps."""
        return Spec(model(CalendarFeed), path={"account": account, "calendar_id": calendar_id})

    @endpoint("DELETE", CALENDAR + "/feed", "revoke_calendar_feed")
    def revoke_feed(self, account: str, calendar_id: str) -> Spec[None]:
        return Spec(nothing, path={"account": account, "calendar_id": calendar_id})


class CalendarEvents(Namespace[R]):
    """`mp.calendar.events`."""

    @paged("GET", "/v1/accounts/{account}/calendar/events", "list_calendar_events")
    def list(
        self, account: str, /, **query: Unpack[params.ListCalendarEventsQuery]
    ) -> Spec[Page[Event]]:
        """Filters: start, end (recurring events expanded between them), calendar_id, limit."""
        return Spec(page_of(Event.from_dict), path={"account": account}, params=query)

    @endpoint("POST", "/v1/accounts/{account}/calendar/events", "create_calendar_event")
    def create(self, account: str, /, **body: Unpack[params.EventCreate]) -> Spec[Event]:
        """Body: EventCreate (`title`, `start`, `end`, `time_zone`, `attendees`: each with an
        address or a room_id, `recurrence`, …)."""
        return Spec(model(Event), path={"account": account}, json=body)

    @endpoint("GET", EVENT, "get_calendar_event")
    def get(self, account: str, event_id: str) -> Spec[Event]:
        return Spec(model(Event), path={"account": account, "event_id": event_id})

    @endpoint("PATCH", EVENT, "update_calendar_event")
    def update(
        self,
        account: str,
        event_id: str,
        /,
        *,
        scope: str | None = None,
        **fields: Unpack[params.EventUpdate],
    ) -> Spec[Event]:
        """`scope` for a recurring event: this, following or all."""
        return Spec(
            model(Event),
            path={"account": account, "event_id": event_id},
            params={"scope": scope},
            json=fields,
        )

    @endpoint("DELETE", EVENT, "cancel_calendar_event")
    def cancel(
        self,
        account: str,
        event_id: str,
        *,
        scope: str | None = None,
        send_cancellations: bool | None = None,
    ) -> Spec[None]:
        return Spec(
            nothing,
            path={"account": account, "event_id": event_id},
            params={"scope": scope, "send_cancellations": send_cancellations},
        )

    @endpoint("POST", EVENT + "/respond", "respond_to_calendar_event")
    def respond(
        self, account: str, event_id: str, /, **body: Unpack[params.EventRespond]
    ) -> Spec[Event]:
        """Body: EventRespond (`response`: accepted, declined, tentative; `comment`)."""
        return Spec(model(Event), path={"account": account, "event_id": event_id}, json=body)

    @paged("GET", EVENT + "/instances", "list_calendar_event_instances")
    def instances(
        self,
        account: str,
        event_id: str,
        /,
        **query: Unpack[params.ListCalendarEventInstancesQuery],
    ) -> Spec[Page[Event]]:
        """Occurrences of a recurring event between `start` and `end`."""
        return Spec(
            page_of(Event.from_dict), path={"account": account, "event_id": event_id}, params=query
        )

    @endpoint(
        "GET", "/v1/accounts/{account}/calendar/events/changes", "list_calendar_event_changes"
    )
    def changes(
        self, account: str, /, **query: Unpack[params.ListCalendarEventChangesQuery]
    ) -> Spec[Changes]:
        return Spec(model(Changes), path={"account": account}, params=query)


class Rooms(Namespace[R]):
    """`mp.calendar.rooms`: meeting rooms and equipment, booked by inviting them."""

    @paged("GET", "/v1/calendar/rooms", "list_rooms")
    def list(self, /, **query: Unpack[params.ListRoomsQuery]) -> Spec[Page[Room]]:
        """Filters: q, min_capacity, building, floor, kind, limit."""
        return Spec(page_of(Room.from_dict), params=query)

    @endpoint("POST", "/v1/calendar/rooms", "create_room")
    def create(self, /, **body: Unpack[params.RoomCreate]) -> Spec[Room]:
        """Body: RoomCreate (name, address, capacity, building, floor, booking_policy, …)."""
        return Spec(model(Room), json=body)

    @endpoint("GET", "/v1/calendar/rooms/{room_id}", "get_room")
    def get(self, room_id: str) -> Spec[Room]:
        return Spec(model(Room), path={"room_id": room_id})

    @endpoint("PATCH", "/v1/calendar/rooms/{room_id}", "update_room")
    def update(self, room_id: str, /, **fields: Unpack[params.RoomUpdate]) -> Spec[Room]:
        return Spec(model(Room), path={"room_id": room_id}, json=fields)

    @endpoint("DELETE", "/v1/calendar/rooms/{room_id}", "delete_room")
    def delete(self, room_id: str) -> Spec[None]:
        return Spec(nothing, path={"room_id": room_id})

    @paged("GET", "/v1/calendar/rooms/{room_id}/bookings", "list_room_bookings")
    def bookings(
        self, room_id: str, /, **query: Unpack[params.ListRoomBookingsQuery]
    ) -> Spec[Page[Event]]:
        """Filters: start, end, status (e.g. pending approval)."""
        return Spec(page_of(Event.from_dict), path={"room_id": room_id}, params=query)

    @endpoint(
        "POST",
        "/v1/calendar/rooms/{room_id}/bookings/{booking_id}/respond",
        "respond_to_room_booking",
    )
    def respond(
        self, room_id: str, booking_id: str, /, **body: Unpack[params.RoomBookingRespond]
    ) -> Spec[Event]:
        """Body: RoomBookingRespond (`response`: accepted or declined), for approval rooms."""
        return Spec(model(Event), path={"room_id": room_id, "booking_id": booking_id}, json=body)


class Calendar(Namespace[R]):
    """`mp.calendar`."""

    def __init__(self, runner: R) -> None:
        super().__init__(runner)
        self.calendars = Calendars(runner)
        self.events = CalendarEvents(runner)
        self.rooms = Rooms(runner)

    @endpoint("POST", "/v1/calendar/freebusy", "get_freebusy")
    def freebusy(self, /, **body: Unpack[params.FreeBusyRequest]) -> Spec[FreeBusyResult]:
        """Body: FreeBusyRequest (`attendees`: account or room ids or addresses, `start`, `end`):
        busy intervals of each."""
        return Spec(model(FreeBusyResult), json=body)

    @endpoint("POST", "/v1/calendar/freebusy/find", "find_meeting_times")
    def find_meeting_times(self, /, **body: Unpack[params.FindTimeRequest]) -> Spec[FindTimeResult]:
        """Body: FindTimeRequest (`attendees`, `rooms`, `duration_minutes`, `start`, `end`,
        `working_hours`, …): slots when all are free, or the `reason` there are none."""
        return Spec(model(FindTimeResult), json=body)

    @endpoint("GET", "/v1/calendar/feeds/{token}.ics", "get_calendar_feed")
    def feed(self, token: str) -> Spec[str]:
        """A published calendar feed as iCalendar text (no token needed but the feed's)."""
        return Spec(text, path={"token": token})
