from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="WorkingHoursUsed")



@_attrs_define
class WorkingHoursUsed:
    """ 
        Attributes:
            days (list[int]): ISO weekdays 1 (Monday) to 7.
            end (str): Closing time, `HH:MM`.
            start (str): Opening time, `HH:MM`.
            time_zone (str): The IANA zone the hours were read in.
     """

    days: list[int]
    end: str
    start: str
    time_zone: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        days = self.days



        end = self.end

        start = self.start

        time_zone = self.time_zone


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "days": days,
            "end": end,
            "start": start,
            "time_zone": time_zone,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        days = cast(list[int], d.pop("days"))


        end = d.pop("end")

        start = d.pop("start")

        time_zone = d.pop("time_zone")

        working_hours_used = cls(
            days=days,
            end=end,
            start=start,
            time_zone=time_zone,
        )


        working_hours_used.additional_properties = d
        return working_hours_used

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
