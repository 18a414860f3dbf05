from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.group_create_send_policy import GroupCreateSendPolicy
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.group_member_create import GroupMemberCreate





T = TypeVar("T", bound="GroupCreate")



@_attrs_define
class GroupCreate:
    """ 
        Attributes:
            address (str): An email address.
            name (str): Its name, as people read it.
            description (str | Unset): Free text describing it. Default: ''.
            hidden_from_address_book (bool | Unset): Left out of the address book and autocomplete. Default: False.
            members (list[GroupMemberCreate] | Unset): The members.
            send_policy (GroupCreateSendPolicy | Unset): Who may send to the group. Default:
                GroupCreateSendPolicy.ORGANIZATION.
     """

    address: str
    name: str
    description: str | Unset = ''
    hidden_from_address_book: bool | Unset = False
    members: list[GroupMemberCreate] | Unset = UNSET
    send_policy: GroupCreateSendPolicy | Unset = GroupCreateSendPolicy.ORGANIZATION





    def to_dict(self) -> dict[str, Any]:
        from ..models.group_member_create import GroupMemberCreate # noqa: PLC0415
        address = self.address

        name = self.name

        description = self.description

        hidden_from_address_book = self.hidden_from_address_book

        members: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.members, Unset):
            members = []
            for members_item_data in self.members:
                members_item = members_item_data.to_dict()
                members.append(members_item)



        send_policy: str | Unset = UNSET
        if not isinstance(self.send_policy, Unset):
            send_policy = self.send_policy.value



        field_dict: dict[str, Any] = {}

        field_dict.update({
            "address": address,
            "name": name,
        })
        if description is not UNSET:
            field_dict["description"] = description
        if hidden_from_address_book is not UNSET:
            field_dict["hidden_from_address_book"] = hidden_from_address_book
        if members is not UNSET:
            field_dict["members"] = members
        if send_policy is not UNSET:
            field_dict["send_policy"] = send_policy

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.group_member_create import GroupMemberCreate # noqa: PLC0415
        d = dict(src_dict)
        address = d.pop("address")

        name = d.pop("name")

        description = d.pop("description", UNSET)

        hidden_from_address_book = d.pop("hidden_from_address_book", UNSET)

        _members = d.pop("members", UNSET)
        members: list[GroupMemberCreate] | Unset = UNSET
        if _members is not UNSET:
            members = []
            for members_item_data in _members:
                members_item = GroupMemberCreate.from_dict(members_item_data)



                members.append(members_item)


        _send_policy = d.pop("send_policy", UNSET)
        send_policy: GroupCreateSendPolicy | Unset
        if isinstance(_send_policy,  Unset):
            send_policy = UNSET
        else:
            send_policy = GroupCreateSendPolicy(_send_policy)




        group_create = cls(
            address=address,
            name=name,
            description=description,
            hidden_from_address_book=hidden_from_address_book,
            members=members,
            send_policy=send_policy,
        )

        return group_create

