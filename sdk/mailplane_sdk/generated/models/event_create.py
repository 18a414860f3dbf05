from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.event_create_status import EventCreateStatus
from ..models.event_create_transparency import EventCreateTransparency
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.attendee_in import AttendeeIn
  from ..models.recurrence import Recurrence
  from ..models.reminder import Reminder





T = TypeVar("T", bound="EventCreate")



@_attrs_define
class EventCreate:
    """ 
        Attributes:
            end (str): RFC 3339 date-time (with an offset, or wall-clock time in `time_zone`), or a date (YYYY-MM-DD) for
                all-day events.
            start (str): RFC 3339 date-time (with an offset, or wall-clock time in `time_zone`), or a date (YYYY-MM-DD) for
                all-day events.
            all_day (bool | Unset): A whole-day event (dates, no times). Default: False.
            attendees (list[AttendeeIn] | Unset): The people and rooms invited.
            calendar_id (None | str | Unset): Default calendar if absent.
            description (str | Unset): Free text describing it. Default: ''.
            location (str | Unset): Where it takes place. Default: ''.
            online_meeting_url (None | str | Unset): Link to join the meeting online (http or https).
            recurrence (None | Recurrence | Unset): How it repeats (an RRULE), or null.
            reminders (list[Reminder] | Unset): Reminders before it starts.
            send_invitations (bool | Unset): Mail iTIP REQUESTs to attendees. Default: True.
            status (EventCreateStatus | Unset): Its current state (the values are listed by the schema). Default:
                EventCreateStatus.CONFIRMED.
            time_zone (None | str | Unset): IANA zone; default the calendar's.
            title (str | Unset): Its title. Default: ''.
            transparency (EventCreateTransparency | Unset): `opaque` blocks the time in free/busy; `transparent` does not.
                Default: EventCreateTransparency.OPAQUE.
            uid (None | str | Unset): The iCalendar UID, the same in every attendee's copy.
     """

    end: str
    start: str
    all_day: bool | Unset = False
    attendees: list[AttendeeIn] | Unset = UNSET
    calendar_id: None | str | Unset = UNSET
    description: str | Unset = ''
    location: str | Unset = ''
    online_meeting_url: None | str | Unset = UNSET
    recurrence: None | Recurrence | Unset = UNSET
    reminders: list[Reminder] | Unset = UNSET
    send_invitations: bool | Unset = True
    status: EventCreateStatus | Unset = EventCreateStatus.CONFIRMED
    time_zone: None | str | Unset = UNSET
    title: str | Unset = ''
    transparency: EventCreateTransparency | Unset = EventCreateTransparency.OPAQUE
    uid: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.attendee_in import AttendeeIn # noqa: PLC0415
        from ..models.recurrence import Recurrence # noqa: PLC0415
        from ..models.reminder import Reminder # noqa: PLC0415
        end = self.end

        start = self.start

        all_day = self.all_day

        attendees: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.attendees, Unset):
            attendees = []
            for attendees_item_data in self.attendees:
                attendees_item = attendees_item_data.to_dict()
                attendees.append(attendees_item)



        calendar_id: None | str | Unset
        if isinstance(self.calendar_id, Unset):
            calendar_id = UNSET
        else:
            calendar_id = self.calendar_id

        description = self.description

        location = self.location

        online_meeting_url: None | str | Unset
        if isinstance(self.online_meeting_url, Unset):
            online_meeting_url = UNSET
        else:
            online_meeting_url = self.online_meeting_url

        recurrence: dict[str, Any] | None | Unset
        if isinstance(self.recurrence, Unset):
            recurrence = UNSET
        elif isinstance(self.recurrence, Recurrence):
            recurrence = self.recurrence.to_dict()
        else:
            recurrence = self.recurrence

        reminders: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.reminders, Unset):
            reminders = []
            for reminders_item_data in self.reminders:
                reminders_item = reminders_item_data.to_dict()
                reminders.append(reminders_item)



        send_invitations = self.send_invitations

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value


        time_zone: None | str | Unset
        if isinstance(self.time_zone, Unset):
            time_zone = UNSET
        else:
            time_zone = self.time_zone

        title = self.title

        transparency: str | Unset = UNSET
        if not isinstance(self.transparency, Unset):
            transparency = self.transparency.value


        uid: None | str | Unset
        if isinstance(self.uid, Unset):
            uid = UNSET
        else:
            uid = self.uid


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "end": end,
            "start": start,
        })
        if all_day is not UNSET:
            field_dict["all_day"] = all_day
        if attendees is not UNSET:
            field_dict["attendees"] = attendees
        if calendar_id is not UNSET:
            field_dict["calendar_id"] = calendar_id
        if description is not UNSET:
            field_dict["description"] = description
        if location is not UNSET:
            field_dict["location"] = location
        if online_meeting_url is not UNSET:
            field_dict["online_meeting_url"] = online_meeting_url
        if recurrence is not UNSET:
            field_dict["recurrence"] = recurrence
        if reminders is not UNSET:
            field_dict["reminders"] = reminders
        if send_invitations is not UNSET:
            field_dict["send_invitations"] = send_invitations
        if status is not UNSET:
            field_dict["status"] = status
        if time_zone is not UNSET:
            field_dict["time_zone"] = time_zone
        if title is not UNSET:
            field_dict["title"] = title
        if transparency is not UNSET:
            field_dict["transparency"] = transparency
        if uid is not UNSET:
            field_dict["uid"] = uid

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.attendee_in import AttendeeIn # noqa: PLC0415
        from ..models.recurrence import Recurrence # noqa: PLC0415
        from ..models.reminder import Reminder # noqa: PLC0415
        d = dict(src_dict)
        end = d.pop("end")

        start = d.pop("start")

        all_day = d.pop("all_day", UNSET)

        _attendees = d.pop("attendees", UNSET)
        attendees: list[AttendeeIn] | Unset = UNSET
        if _attendees is not UNSET:
            attendees = []
            for attendees_item_data in _attendees:
                attendees_item = AttendeeIn.from_dict(attendees_item_data)



                attendees.append(attendees_item)


        def _parse_calendar_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        calendar_id = _parse_calendar_id(d.pop("calendar_id", UNSET))


        description = d.pop("description", UNSET)

        location = d.pop("location", UNSET)

        def _parse_online_meeting_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        online_meeting_url = _parse_online_meeting_url(d.pop("online_meeting_url", UNSET))


        def _parse_recurrence(data: object) -> None | Recurrence | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                recurrence_type_0 = Recurrence.from_dict(data)



                return recurrence_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Recurrence | Unset, data)

        recurrence = _parse_recurrence(d.pop("recurrence", UNSET))


        _reminders = d.pop("reminders", UNSET)
        reminders: list[Reminder] | Unset = UNSET
        if _reminders is not UNSET:
            reminders = []
            for reminders_item_data in _reminders:
                reminders_item = Reminder.from_dict(reminders_item_data)



                reminders.append(reminders_item)


        send_invitations = d.pop("send_invitations", UNSET)

        _status = d.pop("status", UNSET)
        status: EventCreateStatus | Unset
        if isinstance(_status,  Unset):
            status = UNSET
        else:
            status = EventCreateStatus(_status)




        def _parse_time_zone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        time_zone = _parse_time_zone(d.pop("time_zone", UNSET))


        title = d.pop("title", UNSET)

        _transparency = d.pop("transparency", UNSET)
        transparency: EventCreateTransparency | Unset
        if isinstance(_transparency,  Unset):
            transparency = UNSET
        else:
            transparency = EventCreateTransparency(_transparency)




        def _parse_uid(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        uid = _parse_uid(d.pop("uid", UNSET))


        event_create = cls(
            end=end,
            start=start,
            all_day=all_day,
            attendees=attendees,
            calendar_id=calendar_id,
            description=description,
            location=location,
            online_meeting_url=online_meeting_url,
            recurrence=recurrence,
            reminders=reminders,
            send_invitations=send_invitations,
            status=status,
            time_zone=time_zone,
            title=title,
            transparency=transparency,
            uid=uid,
        )

        return event_create

