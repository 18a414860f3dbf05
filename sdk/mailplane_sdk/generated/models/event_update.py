from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.event_update_status_type_0 import EventUpdateStatusType0
from ..models.event_update_transparency_type_0 import EventUpdateTransparencyType0
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.attendee_in import AttendeeIn
  from ..models.recurrence import Recurrence
  from ..models.reminder import Reminder





T = TypeVar("T", bound="EventUpdate")



@_attrs_define
class EventUpdate:
    """ 
        Attributes:
            all_day (bool | None | Unset): A whole-day event (dates, no times).
            attendees (list[AttendeeIn] | None | Unset): The people and rooms invited.
            description (None | str | Unset): Free text describing it.
            end (None | str | Unset): End (RFC 3339 with an offset; exclusive).
            location (None | str | Unset): Where it takes place.
            online_meeting_url (None | str | Unset): Link to join the meeting online (http or https).
            recurrence (None | Recurrence | Unset): How it repeats (an RRULE), or null.
            reminders (list[Reminder] | None | Unset): Reminders before it starts.
            send_invitations (bool | None | Unset): Mail invitations (iTIP) to the attendees.
            start (None | str | Unset): Start (RFC 3339 with an offset).
            status (EventUpdateStatusType0 | None | Unset): Its current state (the values are listed by the schema).
            time_zone (None | str | Unset): An IANA time zone (`Asia/Shanghai`).
            title (None | str | Unset): Its title.
            transparency (EventUpdateTransparencyType0 | None | Unset): `opaque` blocks the time in free/busy; `transparent`
                does not.
     """

    all_day: bool | None | Unset = UNSET
    attendees: list[AttendeeIn] | None | Unset = UNSET
    description: None | str | Unset = UNSET
    end: None | str | Unset = UNSET
    location: None | str | Unset = UNSET
    online_meeting_url: None | str | Unset = UNSET
    recurrence: None | Recurrence | Unset = UNSET
    reminders: list[Reminder] | None | Unset = UNSET
    send_invitations: bool | None | Unset = UNSET
    start: None | str | Unset = UNSET
    status: EventUpdateStatusType0 | None | Unset = UNSET
    time_zone: None | str | Unset = UNSET
    title: None | str | Unset = UNSET
    transparency: EventUpdateTransparencyType0 | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.attendee_in import AttendeeIn # noqa: PLC0415
        from ..models.recurrence import Recurrence # noqa: PLC0415
        from ..models.reminder import Reminder # noqa: PLC0415
        all_day: bool | None | Unset
        if isinstance(self.all_day, Unset):
            all_day = UNSET
        else:
            all_day = self.all_day

        attendees: list[dict[str, Any]] | None | Unset
        if isinstance(self.attendees, Unset):
            attendees = UNSET
        elif isinstance(self.attendees, list):
            attendees = []
            for attendees_type_0_item_data in self.attendees:
                attendees_type_0_item = attendees_type_0_item_data.to_dict()
                attendees.append(attendees_type_0_item)


        else:
            attendees = self.attendees

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        end: None | str | Unset
        if isinstance(self.end, Unset):
            end = UNSET
        else:
            end = self.end

        location: None | str | Unset
        if isinstance(self.location, Unset):
            location = UNSET
        else:
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

        reminders: list[dict[str, Any]] | None | Unset
        if isinstance(self.reminders, Unset):
            reminders = UNSET
        elif isinstance(self.reminders, list):
            reminders = []
            for reminders_type_0_item_data in self.reminders:
                reminders_type_0_item = reminders_type_0_item_data.to_dict()
                reminders.append(reminders_type_0_item)


        else:
            reminders = self.reminders

        send_invitations: bool | None | Unset
        if isinstance(self.send_invitations, Unset):
            send_invitations = UNSET
        else:
            send_invitations = self.send_invitations

        start: None | str | Unset
        if isinstance(self.start, Unset):
            start = UNSET
        else:
            start = self.start

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        elif isinstance(self.status, EventUpdateStatusType0):
            status = self.status.value
        else:
            status = self.status

        time_zone: None | str | Unset
        if isinstance(self.time_zone, Unset):
            time_zone = UNSET
        else:
            time_zone = self.time_zone

        title: None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        else:
            title = self.title

        transparency: None | str | Unset
        if isinstance(self.transparency, Unset):
            transparency = UNSET
        elif isinstance(self.transparency, EventUpdateTransparencyType0):
            transparency = self.transparency.value
        else:
            transparency = self.transparency


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if all_day is not UNSET:
            field_dict["all_day"] = all_day
        if attendees is not UNSET:
            field_dict["attendees"] = attendees
        if description is not UNSET:
            field_dict["description"] = description
        if end is not UNSET:
            field_dict["end"] = end
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
        if start is not UNSET:
            field_dict["start"] = start
        if status is not UNSET:
            field_dict["status"] = status
        if time_zone is not UNSET:
            field_dict["time_zone"] = time_zone
        if title is not UNSET:
            field_dict["title"] = title
        if transparency is not UNSET:
            field_dict["transparency"] = transparency

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.attendee_in import AttendeeIn # noqa: PLC0415
        from ..models.recurrence import Recurrence # noqa: PLC0415
        from ..models.reminder import Reminder # noqa: PLC0415
        d = dict(src_dict)
        def _parse_all_day(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        all_day = _parse_all_day(d.pop("all_day", UNSET))


        def _parse_attendees(data: object) -> list[AttendeeIn] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                attendees_type_0 = []
                _attendees_type_0 = data
                for attendees_type_0_item_data in (_attendees_type_0):
                    attendees_type_0_item = AttendeeIn.from_dict(attendees_type_0_item_data)



                    attendees_type_0.append(attendees_type_0_item)

                return attendees_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[AttendeeIn] | None | Unset, data)

        attendees = _parse_attendees(d.pop("attendees", UNSET))


        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))


        def _parse_end(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        end = _parse_end(d.pop("end", UNSET))


        def _parse_location(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        location = _parse_location(d.pop("location", UNSET))


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


        def _parse_reminders(data: object) -> list[Reminder] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                reminders_type_0 = []
                _reminders_type_0 = data
                for reminders_type_0_item_data in (_reminders_type_0):
                    reminders_type_0_item = Reminder.from_dict(reminders_type_0_item_data)



                    reminders_type_0.append(reminders_type_0_item)

                return reminders_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[Reminder] | None | Unset, data)

        reminders = _parse_reminders(d.pop("reminders", UNSET))


        def _parse_send_invitations(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        send_invitations = _parse_send_invitations(d.pop("send_invitations", UNSET))


        def _parse_start(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        start = _parse_start(d.pop("start", UNSET))


        def _parse_status(data: object) -> EventUpdateStatusType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_0 = EventUpdateStatusType0(data)



                return status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EventUpdateStatusType0 | None | Unset, data)

        status = _parse_status(d.pop("status", UNSET))


        def _parse_time_zone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        time_zone = _parse_time_zone(d.pop("time_zone", UNSET))


        def _parse_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))


        def _parse_transparency(data: object) -> EventUpdateTransparencyType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                transparency_type_0 = EventUpdateTransparencyType0(data)



                return transparency_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EventUpdateTransparencyType0 | None | Unset, data)

        transparency = _parse_transparency(d.pop("transparency", UNSET))


        event_update = cls(
            all_day=all_day,
            attendees=attendees,
            description=description,
            end=end,
            location=location,
            online_meeting_url=online_meeting_url,
            recurrence=recurrence,
            reminders=reminders,
            send_invitations=send_invitations,
            start=start,
            status=status,
            time_zone=time_zone,
            title=title,
            transparency=transparency,
        )

        return event_update

