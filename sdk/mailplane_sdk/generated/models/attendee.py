from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.attendee_response import AttendeeResponse
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="Attendee")



@_attrs_define
class Attendee:
    """ 
        Attributes:
            address (str): An email address.
            account_id (None | str | Unset): The account it belongs to or acts on.
            comment (None | str | Unset): A note for the people involved.
            name (None | str | Unset): Its name, as people read it.
            response (AttendeeResponse | Unset): The attendee's answer. Default: AttendeeResponse.NEEDS_ACTION.
            role (str | Unset): Its role (the values are listed by the schema). Default: 'required'.
            room_id (None | str | Unset): A room's id.
            rsvp (bool | Unset): An answer is asked for. Default: True.
            type_ (str | Unset): What kind (the values are listed by the schema). Default: 'person'.
     """

    address: str
    account_id: None | str | Unset = UNSET
    comment: None | str | Unset = UNSET
    name: None | str | Unset = UNSET
    response: AttendeeResponse | Unset = AttendeeResponse.NEEDS_ACTION
    role: str | Unset = 'required'
    room_id: None | str | Unset = UNSET
    rsvp: bool | Unset = True
    type_: str | Unset = 'person'
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        address = self.address

        account_id: None | str | Unset
        if isinstance(self.account_id, Unset):
            account_id = UNSET
        else:
            account_id = self.account_id

        comment: None | str | Unset
        if isinstance(self.comment, Unset):
            comment = UNSET
        else:
            comment = self.comment

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        response: str | Unset = UNSET
        if not isinstance(self.response, Unset):
            response = self.response.value


        role = self.role

        room_id: None | str | Unset
        if isinstance(self.room_id, Unset):
            room_id = UNSET
        else:
            room_id = self.room_id

        rsvp = self.rsvp

        type_ = self.type_


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "address": address,
        })
        if account_id is not UNSET:
            field_dict["account_id"] = account_id
        if comment is not UNSET:
            field_dict["comment"] = comment
        if name is not UNSET:
            field_dict["name"] = name
        if response is not UNSET:
            field_dict["response"] = response
        if role is not UNSET:
            field_dict["role"] = role
        if room_id is not UNSET:
            field_dict["room_id"] = room_id
        if rsvp is not UNSET:
            field_dict["rsvp"] = rsvp
        if type_ is not UNSET:
            field_dict["type"] = type_

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        address = d.pop("address")

        def _parse_account_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        account_id = _parse_account_id(d.pop("account_id", UNSET))


        def _parse_comment(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        comment = _parse_comment(d.pop("comment", UNSET))


        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))


        _response = d.pop("response", UNSET)
        response: AttendeeResponse | Unset
        if isinstance(_response,  Unset):
            response = UNSET
        else:
            response = AttendeeResponse(_response)




        role = d.pop("role", UNSET)

        def _parse_room_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        room_id = _parse_room_id(d.pop("room_id", UNSET))


        rsvp = d.pop("rsvp", UNSET)

        type_ = d.pop("type", UNSET)

        attendee = cls(
            address=address,
            account_id=account_id,
            comment=comment,
            name=name,
            response=response,
            role=role,
            room_id=room_id,
            rsvp=rsvp,
            type_=type_,
        )


        attendee.additional_properties = d
        return attendee

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
