from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="FreeBusyRequest")



@_attrs_define
class FreeBusyRequest:
    """ 
        Attributes:
            attendees (list[str]): Account ids or addresses, room ids or addresses.
            end (datetime.datetime): End (RFC 3339 with an offset; exclusive).
            start (datetime.datetime): Start (RFC 3339 with an offset).
     """

    attendees: list[str]
    end: datetime.datetime
    start: datetime.datetime





    def to_dict(self) -> dict[str, Any]:
        attendees = self.attendees



        end = self.end.isoformat()

        start = self.start.isoformat()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "attendees": attendees,
            "end": end,
            "start": start,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        attendees = cast(list[str], d.pop("attendees"))


        end = datetime.datetime.fromisoformat(d.pop("end"))




        start = datetime.datetime.fromisoformat(d.pop("start"))




        free_busy_request = cls(
            attendees=attendees,
            end=end,
            start=start,
        )

        return free_busy_request

