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
  from ..models.working_hours import WorkingHours





T = TypeVar("T", bound="FindTimeRequest")



@_attrs_define
class FindTimeRequest:
    """ 
        Attributes:
            attendees (list[str]): The people and rooms invited.
            duration_minutes (int): Duration, in minutes.
            end (datetime.datetime): End (RFC 3339 with an offset; exclusive).
            start (datetime.datetime): Start (RFC 3339 with an offset).
            max_results (int | Unset): Most suggestions to return. Default: 10.
            rooms (list[str] | Unset): Candidate rooms; one is picked per slot.
            step_minutes (int | Unset): Step, in minutes. Default: 30.
            working_hours (WorkingHours | Unset):
     """

    attendees: list[str]
    duration_minutes: int
    end: datetime.datetime
    start: datetime.datetime
    max_results: int | Unset = 10
    rooms: list[str] | Unset = UNSET
    step_minutes: int | Unset = 30
    working_hours: WorkingHours | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.working_hours import WorkingHours # noqa: PLC0415
        attendees = self.attendees



        duration_minutes = self.duration_minutes

        end = self.end.isoformat()

        start = self.start.isoformat()

        max_results = self.max_results

        rooms: list[str] | Unset = UNSET
        if not isinstance(self.rooms, Unset):
            rooms = self.rooms



        step_minutes = self.step_minutes

        working_hours: dict[str, Any] | Unset = UNSET
        if not isinstance(self.working_hours, Unset):
            working_hours = self.working_hours.to_dict()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "attendees": attendees,
            "duration_minutes": duration_minutes,
            "end": end,
            "start": start,
        })
        if max_results is not UNSET:
            field_dict["max_results"] = max_results
        if rooms is not UNSET:
            field_dict["rooms"] = rooms
        if step_minutes is not UNSET:
            field_dict["step_minutes"] = step_minutes
        if working_hours is not UNSET:
            field_dict["working_hours"] = working_hours

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.working_hours import WorkingHours # noqa: PLC0415
        d = dict(src_dict)
        attendees = cast(list[str], d.pop("attendees"))


        duration_minutes = d.pop("duration_minutes")

        end = datetime.datetime.fromisoformat(d.pop("end"))




        start = datetime.datetime.fromisoformat(d.pop("start"))




        max_results = d.pop("max_results", UNSET)

        rooms = cast(list[str], d.pop("rooms", UNSET))


        step_minutes = d.pop("step_minutes", UNSET)

        _working_hours = d.pop("working_hours", UNSET)
        working_hours: WorkingHours | Unset
        if isinstance(_working_hours,  Unset):
            working_hours = UNSET
        else:
            working_hours = WorkingHours.from_dict(_working_hours)




        find_time_request = cls(
            attendees=attendees,
            duration_minutes=duration_minutes,
            end=end,
            start=start,
            max_results=max_results,
            rooms=rooms,
            step_minutes=step_minutes,
            working_hours=working_hours,
        )

        return find_time_request

