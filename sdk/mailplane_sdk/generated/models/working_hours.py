from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="WorkingHours")



@_attrs_define
class WorkingHours:
    """ 
        Attributes:
            days (list[int] | Unset): ISO weekdays 1-7.
            end (str | Unset): End (RFC 3339 with an offset; exclusive). Default: '18:00'.
            start (str | Unset): Start (RFC 3339 with an offset). Default: '09:00'.
            time_zone (None | str | Unset): IANA zone of `start`/`end`. Default: the asking person's time zone, else the
                organisation's, else the server's `MAILPLANE_DEFAULT_TIME_ZONE` (UTC).
     """

    days: list[int] | Unset = UNSET
    end: str | Unset = '18:00'
    start: str | Unset = '09:00'
    time_zone: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        days: list[int] | Unset = UNSET
        if not isinstance(self.days, Unset):
            days = self.days



        end = self.end

        start = self.start

        time_zone: None | str | Unset
        if isinstance(self.time_zone, Unset):
            time_zone = UNSET
        else:
            time_zone = self.time_zone


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if days is not UNSET:
            field_dict["days"] = days
        if end is not UNSET:
            field_dict["end"] = end
        if start is not UNSET:
            field_dict["start"] = start
        if time_zone is not UNSET:
            field_dict["time_zone"] = time_zone

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        days = cast(list[int], d.pop("days", UNSET))


        end = d.pop("end", UNSET)

        start = d.pop("start", UNSET)

        def _parse_time_zone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        time_zone = _parse_time_zone(d.pop("time_zone", UNSET))


        working_hours = cls(
            days=days,
            end=end,
            start=start,
            time_zone=time_zone,
        )

        return working_hours

