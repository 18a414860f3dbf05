"""Calendar's own error codes, each a subclass of the one error tree in `api.errors`."""

from __future__ import annotations

from api.errors import Conflict


class NotAnAttendee(Conflict):
    code, title = "not_an_attendee", "Not an attendee of the event"


class DefaultCalendar(Conflict):
    code, title = "default_calendar", "The default calendar cannot be deleted"


class RoomCalendar(Conflict):
    code, title = "room_calendar", "A room's calendar goes with the room"


class UidConflict(Conflict):
    code = "uid_conflict"  # title: the parent's ("Conflict")
