from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.group_member_create_kind import GroupMemberCreateKind
from ..models.group_member_create_role import GroupMemberCreateRole
from ..types import UNSET, Unset






T = TypeVar("T", bound="GroupMemberCreate")



@_attrs_define
class GroupMemberCreate:
    """ 
        Attributes:
            kind (GroupMemberCreateKind): What kind of object it is (the values are listed by the schema).
            ref (str): Account id or address, department id, group id or address, external address.
            role (GroupMemberCreateRole | Unset): Its role (the values are listed by the schema). Default:
                GroupMemberCreateRole.MEMBER.
     """

    kind: GroupMemberCreateKind
    ref: str
    role: GroupMemberCreateRole | Unset = GroupMemberCreateRole.MEMBER





    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        ref = self.ref

        role: str | Unset = UNSET
        if not isinstance(self.role, Unset):
            role = self.role.value



        field_dict: dict[str, Any] = {}

        field_dict.update({
            "kind": kind,
            "ref": ref,
        })
        if role is not UNSET:
            field_dict["role"] = role

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = GroupMemberCreateKind(d.pop("kind"))




        ref = d.pop("ref")

        _role = d.pop("role", UNSET)
        role: GroupMemberCreateRole | Unset
        if isinstance(_role,  Unset):
            role = UNSET
        else:
            role = GroupMemberCreateRole(_role)




        group_member_create = cls(
            kind=kind,
            ref=ref,
            role=role,
        )

        return group_member_create

