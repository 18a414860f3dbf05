from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.attendee import Attendee
  from ..models.organizer import Organizer
  from ..models.recurrence_out import RecurrenceOut
  from ..models.reminder_out import ReminderOut





T = TypeVar("T", bound="Event")



@_attrs_define
class Event:
    """ 
        Attributes:
            account_id (None | str): The account it belongs to or acts on.
            all_day (bool): A whole-day event (dates, no times).
            attendees (list[Attendee]): The people and rooms invited.
            calendar_id (str): The calendar it is in.
            created_at (datetime.datetime): When it was created (RFC 3339, UTC).
            description (str): Free text describing it.
            end (str): End (RFC 3339 with an offset; exclusive).
            end_at (datetime.datetime): When end (RFC 3339, UTC); null if not (yet).
            id (str): The series id, or `<series id>.<instance key>` for one instance.
            is_organizer (bool): Whether it iss organizer.
            location (str): Where it takes place.
            online_meeting_url (None | str): Link to join the meeting online (http or https).
            organizer (None | Organizer): The organizer's address.
            recurrence (None | RecurrenceOut): How it repeats (an RRULE), or null.
            recurrence_id (None | str): The original start of this instance (RFC 3339).
            reminders (list[ReminderOut]): Reminders before it starts.
            response (str): The calendar owner's participation status.
            sequence (int): The event's position in its organisation's log (monotonic per organisation).
            series_id (None | str): The series an instance belongs to.
            start (str): RFC 3339 with the zone's offset, or a date when all-day.
            start_at (datetime.datetime): When start (RFC 3339, UTC); null if not (yet).
            status (str): Its current state (the values are listed by the schema).
            time_zone (str): An IANA time zone (`Asia/Shanghai`).
            title (str): Its title.
            transparency (str): `opaque` blocks the time in free/busy; `transparent` does not.
            uid (str): The iCalendar UID, the same in every attendee's copy.
            updated_at (datetime.datetime): When it last changed (RFC 3339, UTC).
            is_exception (bool | Unset): Whether it iss exception. Default: False.
     """

    account_id: None | str
    all_day: bool
    attendees: list[Attendee]
    calendar_id: str
    created_at: datetime.datetime
    description: str
    end: str
    end_at: datetime.datetime
    id: str
    is_organizer: bool
    location: str
    online_meeting_url: None | str
    organizer: None | Organizer
    recurrence: None | RecurrenceOut
    recurrence_id: None | str
    reminders: list[ReminderOut]
    response: str
    sequence: int
    series_id: None | str
    start: str
    start_at: datetime.datetime
    status: str
    time_zone: str
    title: str
    transparency: str
    uid: str
    updated_at: datetime.datetime
    is_exception: bool | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.attendee import Attendee # noqa: PLC0415
        from ..models.organizer import Organizer # noqa: PLC0415
        from ..models.recurrence_out import RecurrenceOut # noqa: PLC0415
        from ..models.reminder_out import ReminderOut # noqa: PLC0415
        account_id: None | str
        account_id = self.account_id

        all_day = self.all_day

        attendees = []
        for attendees_item_data in self.attendees:
            attendees_item = attendees_item_data.to_dict()
            attendees.append(attendees_item)



        calendar_id = self.calendar_id

        created_at = self.created_at.isoformat()

        description = self.description

        end = self.end

        end_at = self.end_at.isoformat()

        id = self.id

        is_organizer = self.is_organizer

        location = self.location

        online_meeting_url: None | str
        online_meeting_url = self.online_meeting_url

        organizer: dict[str, Any] | None
        if isinstance(self.organizer, Organizer):
            organizer = self.organizer.to_dict()
        else:
            organizer = self.organizer

        recurrence: dict[str, Any] | None
        if isinstance(self.recurrence, RecurrenceOut):
            recurrence = self.recurrence.to_dict()
        else:
            recurrence = self.recurrence

        recurrence_id: None | str
        recurrence_id = self.recurrence_id

        reminders = []
        for reminders_item_data in self.reminders:
            reminders_item = reminders_item_data.to_dict()
            reminders.append(reminders_item)



        response = self.response

        sequence = self.sequence

        series_id: None | str
        series_id = self.series_id

        start = self.start

        start_at = self.start_at.isoformat()

        status = self.status

        time_zone = self.time_zone

        title = self.title

        transparency = self.transparency

        uid = self.uid

        updated_at = self.updated_at.isoformat()

        is_exception = self.is_exception


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "account_id": account_id,
            "all_day": all_day,
            "attendees": attendees,
            "calendar_id": calendar_id,
            "created_at": created_at,
            "description": description,
            "end": end,
            "end_at": end_at,
            "id": id,
            "is_organizer": is_organizer,
            "location": location,
            "online_meeting_url": online_meeting_url,
            "organizer": organizer,
            "recurrence": recurrence,
            "recurrence_id": recurrence_id,
            "reminders": reminders,
            "response": response,
            "sequence": sequence,
            "series_id": series_id,
            "start": start,
            "start_at": start_at,
            "status": status,
            "time_zone": time_zone,
            "title": title,
            "transparency": transparency,
            "uid": uid,
            "updated_at": updated_at,
        })
        if is_exception is not UNSET:
            field_dict["is_exception"] = is_exception

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.attendee import Attendee # noqa: PLC0415
        from ..models.organizer import Organizer # noqa: PLC0415
        from ..models.recurrence_out import RecurrenceOut # noqa: PLC0415
        from ..models.reminder_out import ReminderOut # noqa: PLC0415
        d = dict(src_dict)
        def _parse_account_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        account_id = _parse_account_id(d.pop("account_id"))


        all_day = d.pop("all_day")

        attendees = []
        _attendees = d.pop("attendees")
        for attendees_item_data in (_attendees):
            attendees_item = Attendee.from_dict(attendees_item_data)



            attendees.append(attendees_item)


        calendar_id = d.pop("calendar_id")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        description = d.pop("description")

        end = d.pop("end")

        end_at = datetime.datetime.fromisoformat(d.pop("end_at"))




        id = d.pop("id")

        is_organizer = d.pop("is_organizer")

        location = d.pop("location")

        def _parse_online_meeting_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        online_meeting_url = _parse_online_meeting_url(d.pop("online_meeting_url"))


        def _parse_organizer(data: object) -> None | Organizer:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                organizer_type_0 = Organizer.from_dict(data)



                return organizer_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Organizer, data)

        organizer = _parse_organizer(d.pop("organizer"))


        def _parse_recurrence(data: object) -> None | RecurrenceOut:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                recurrence_type_0 = RecurrenceOut.from_dict(data)



                return recurrence_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RecurrenceOut, data)

        recurrence = _parse_recurrence(d.pop("recurrence"))


        def _parse_recurrence_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        recurrence_id = _parse_recurrence_id(d.pop("recurrence_id"))


        reminders = []
        _reminders = d.pop("reminders")
        for reminders_item_data in (_reminders):
            reminders_item = ReminderOut.from_dict(reminders_item_data)



            reminders.append(reminders_item)


        response = d.pop("response")

        sequence = d.pop("sequence")

        def _parse_series_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        series_id = _parse_series_id(d.pop("series_id"))


        start = d.pop("start")

        start_at = datetime.datetime.fromisoformat(d.pop("start_at"))




        status = d.pop("status")

        time_zone = d.pop("time_zone")

        title = d.pop("title")

        transparency = d.pop("transparency")

        uid = d.pop("uid")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        is_exception = d.pop("is_exception", UNSET)

        event = cls(
            account_id=account_id,
            all_day=all_day,
            attendees=attendees,
            calendar_id=calendar_id,
            created_at=created_at,
            description=description,
            end=end,
            end_at=end_at,
            id=id,
            is_organizer=is_organizer,
            location=location,
            online_meeting_url=online_meeting_url,
            organizer=organizer,
            recurrence=recurrence,
            recurrence_id=recurrence_id,
            reminders=reminders,
            response=response,
            sequence=sequence,
            series_id=series_id,
            start=start,
            start_at=start_at,
            status=status,
            time_zone=time_zone,
            title=title,
            transparency=transparency,
            uid=uid,
            updated_at=updated_at,
            is_exception=is_exception,
        )


        event.additional_properties = d
        return event

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
