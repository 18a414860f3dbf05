from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.schedule import Schedule





T = TypeVar("T", bound="FreeBusyResult")



@_attrs_define
class FreeBusyResult:
    """ 
        Attributes:
            end (datetime.datetime): End (RFC 3339 with an offset; exclusive).
            schedules (list[Schedule]): One schedule per attendee, in the order asked.
            start (datetime.datetime): Start (RFC 3339 with an offset).
     """

    end: datetime.datetime
    schedules: list[Schedule]
    start: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.schedule import Schedule # noqa: PLC0415
        end = self.end.isoformat()

        schedules = []
        for schedules_item_data in self.schedules:
            schedules_item = schedules_item_data.to_dict()
            schedules.append(schedules_item)



        start = self.start.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "end": end,
            "schedules": schedules,
            "start": start,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.schedule import Schedule # noqa: PLC0415
        d = dict(src_dict)
        end = datetime.datetime.fromisoformat(d.pop("end"))




        schedules = []
        _schedules = d.pop("schedules")
        for schedules_item_data in (_schedules):
            schedules_item = Schedule.from_dict(schedules_item_data)



            schedules.append(schedules_item)


        start = datetime.datetime.fromisoformat(d.pop("start"))




        free_busy_result = cls(
            end=end,
            schedules=schedules,
            start=start,
        )


        free_busy_result.additional_properties = d
        return free_busy_result

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
