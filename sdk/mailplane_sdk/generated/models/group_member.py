from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.group_member_kind import GroupMemberKind
from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="GroupMember")



@_attrs_define
class GroupMember:
    """ 
        Attributes:
            created_at (datetime.datetime): When it was created (RFC 3339, UTC).
            id (str): `kind:ref`, for removing the member.
            kind (GroupMemberKind): What kind of object it is (the values are listed by the schema).
            ref (str): An account, department or group (id or address), or an external address.
            role (str): Its role (the values are listed by the schema).
            address (None | str | Unset): An email address.
     """

    created_at: datetime.datetime
    id: str
    kind: GroupMemberKind
    ref: str
    role: str
    address: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        id = self.id

        kind = self.kind.value

        ref = self.ref

        role = self.role

        address: None | str | Unset
        if isinstance(self.address, Unset):
            address = UNSET
        else:
            address = self.address


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "created_at": created_at,
            "id": id,
            "kind": kind,
            "ref": ref,
            "role": role,
        })
        if address is not UNSET:
            field_dict["address"] = address

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        id = d.pop("id")

        kind = GroupMemberKind(d.pop("kind"))




        ref = d.pop("ref")

        role = d.pop("role")

        def _parse_address(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        address = _parse_address(d.pop("address", UNSET))


        group_member = cls(
            created_at=created_at,
            id=id,
            kind=kind,
            ref=ref,
            role=role,
            address=address,
        )


        group_member.additional_properties = d
        return group_member

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
