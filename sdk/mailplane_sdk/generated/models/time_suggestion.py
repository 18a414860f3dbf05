from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="TimeSuggestion")



@_attrs_define
class TimeSuggestion:
    """ 
        Attributes:
            end (datetime.datetime): End (RFC 3339 with an offset; exclusive).
            room_id (None | str): A room's id.
            start (datetime.datetime): Start (RFC 3339 with an offset).
     """

    end: datetime.datetime
    room_id: None | str
    start: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        end = self.end.isoformat()

        room_id: None | str
        room_id = self.room_id

        start = self.start.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "end": end,
            "room_id": room_id,
            "start": start,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        end = datetime.datetime.fromisoformat(d.pop("end"))




        def _parse_room_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        room_id = _parse_room_id(d.pop("room_id"))


        start = datetime.datetime.fromisoformat(d.pop("start"))




        time_suggestion = cls(
            end=end,
            room_id=room_id,
            start=start,
        )


        time_suggestion.additional_properties = d
        return time_suggestion

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
