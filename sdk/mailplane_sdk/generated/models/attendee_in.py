from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.attendee_in_role import AttendeeInRole
from ..models.attendee_in_type import AttendeeInType
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="AttendeeIn")



@_attrs_define
class AttendeeIn:
    """ 
        Attributes:
            address (None | str | Unset): An email address.
            name (None | str | Unset): Its name, as people read it.
            role (AttendeeInRole | Unset): Its role (the values are listed by the schema). Default: AttendeeInRole.REQUIRED.
            room_id (None | str | Unset): A room's id.
            type_ (AttendeeInType | Unset): What kind (the values are listed by the schema). Default: AttendeeInType.PERSON.
     """

    address: None | str | Unset = UNSET
    name: None | str | Unset = UNSET
    role: AttendeeInRole | Unset = AttendeeInRole.REQUIRED
    room_id: None | str | Unset = UNSET
    type_: AttendeeInType | Unset = AttendeeInType.PERSON





    def to_dict(self) -> dict[str, Any]:
        address: None | str | Unset
        if isinstance(self.address, Unset):
            address = UNSET
        else:
            address = self.address

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        role: str | Unset = UNSET
        if not isinstance(self.role, Unset):
            role = self.role.value


        room_id: None | str | Unset
        if isinstance(self.room_id, Unset):
            room_id = UNSET
        else:
            room_id = self.room_id

        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_.value



        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if address is not UNSET:
            field_dict["address"] = address
        if name is not UNSET:
            field_dict["name"] = name
        if role is not UNSET:
            field_dict["role"] = role
        if room_id is not UNSET:
            field_dict["room_id"] = room_id
        if type_ is not UNSET:
            field_dict["type"] = type_

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_address(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        address = _parse_address(d.pop("address", UNSET))


        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))


        _role = d.pop("role", UNSET)
        role: AttendeeInRole | Unset
        if isinstance(_role,  Unset):
            role = UNSET
        else:
            role = AttendeeInRole(_role)




        def _parse_room_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        room_id = _parse_room_id(d.pop("room_id", UNSET))


        _type_ = d.pop("type", UNSET)
        type_: AttendeeInType | Unset
        if isinstance(_type_,  Unset):
            type_ = UNSET
        else:
            type_ = AttendeeInType(_type_)




        attendee_in = cls(
            address=address,
            name=name,
            role=role,
            room_id=room_id,
            type_=type_,
        )

        return attendee_in

