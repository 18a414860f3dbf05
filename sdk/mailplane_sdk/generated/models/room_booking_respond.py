from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.room_booking_respond_response import RoomBookingRespondResponse
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="RoomBookingRespond")



@_attrs_define
class RoomBookingRespond:
    """ 
        Attributes:
            response (RoomBookingRespondResponse): The attendee's answer.
            comment (None | str | Unset): A note for the people involved.
     """

    response: RoomBookingRespondResponse
    comment: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        response = self.response.value

        comment: None | str | Unset
        if isinstance(self.comment, Unset):
            comment = UNSET
        else:
            comment = self.comment


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "response": response,
        })
        if comment is not UNSET:
            field_dict["comment"] = comment

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        response = RoomBookingRespondResponse(d.pop("response"))




        def _parse_comment(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        comment = _parse_comment(d.pop("comment", UNSET))


        room_booking_respond = cls(
            response=response,
            comment=comment,
        )

        return room_booking_respond

