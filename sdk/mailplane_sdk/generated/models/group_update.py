from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.group_update_send_policy_type_0 import GroupUpdateSendPolicyType0
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="GroupUpdate")



@_attrs_define
class GroupUpdate:
    """ 
        Attributes:
            description (None | str | Unset): Free text describing it.
            hidden_from_address_book (bool | None | Unset): Left out of the address book and autocomplete.
            name (None | str | Unset): Its name, as people read it.
            send_policy (GroupUpdateSendPolicyType0 | None | Unset): Who may send to the group.
     """

    description: None | str | Unset = UNSET
    hidden_from_address_book: bool | None | Unset = UNSET
    name: None | str | Unset = UNSET
    send_policy: GroupUpdateSendPolicyType0 | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        hidden_from_address_book: bool | None | Unset
        if isinstance(self.hidden_from_address_book, Unset):
            hidden_from_address_book = UNSET
        else:
            hidden_from_address_book = self.hidden_from_address_book

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        send_policy: None | str | Unset
        if isinstance(self.send_policy, Unset):
            send_policy = UNSET
        elif isinstance(self.send_policy, GroupUpdateSendPolicyType0):
            send_policy = self.send_policy.value
        else:
            send_policy = self.send_policy


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if description is not UNSET:
            field_dict["description"] = description
        if hidden_from_address_book is not UNSET:
            field_dict["hidden_from_address_book"] = hidden_from_address_book
        if name is not UNSET:
            field_dict["name"] = name
        if send_policy is not UNSET:
            field_dict["send_policy"] = send_policy

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))


        def _parse_hidden_from_address_book(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        hidden_from_address_book = _parse_hidden_from_address_book(d.pop("hidden_from_address_book", UNSET))


        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))


        def _parse_send_policy(data: object) -> GroupUpdateSendPolicyType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                send_policy_type_0 = GroupUpdateSendPolicyType0(data)



                return send_policy_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(GroupUpdateSendPolicyType0 | None | Unset, data)

        send_policy = _parse_send_policy(d.pop("send_policy", UNSET))


        group_update = cls(
            description=description,
            hidden_from_address_book=hidden_from_address_book,
            name=name,
            send_policy=send_policy,
        )

        return group_update

