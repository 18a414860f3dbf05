from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.event_respond_response import EventRespondResponse
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="EventRespond")



@_attrs_define
class EventRespond:
    """ 
        Attributes:
            response (EventRespondResponse): The attendee's answer.
            comment (None | str | Unset): A note for the people involved.
            send_response (bool | Unset): Mail the organizer the answer. Default: True.
     """

    response: EventRespondResponse
    comment: None | str | Unset = UNSET
    send_response: bool | Unset = True





    def to_dict(self) -> dict[str, Any]:
        response = self.response.value

        comment: None | str | Unset
        if isinstance(self.comment, Unset):
            comment = UNSET
        else:
            comment = self.comment

        send_response = self.send_response


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "response": response,
        })
        if comment is not UNSET:
            field_dict["comment"] = comment
        if send_response is not UNSET:
            field_dict["send_response"] = send_response

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        response = EventRespondResponse(d.pop("response"))




        def _parse_comment(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        comment = _parse_comment(d.pop("comment", UNSET))


        send_response = d.pop("send_response", UNSET)

        event_respond = cls(
            response=response,
            comment=comment,
            send_response=send_response,
        )

        return event_respond

