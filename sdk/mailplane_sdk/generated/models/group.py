from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.group_send_policy import GroupSendPolicy
from typing import cast
import datetime






T = TypeVar("T", bound="Group")



@_attrs_define
class Group:
    """ 
        Attributes:
            address (str): An email address.
            created_at (datetime.datetime): When it was created (RFC 3339, UTC).
            description (str): Free text describing it.
            hidden_from_address_book (bool): Left out of the address book and autocomplete.
            id (str): The object's id: opaque, prefixed by its type (`acc_…`, `msg_…`, `evt_…`).
            name (str): Its name, as people read it.
            send_policy (GroupSendPolicy): Who may send to the group.
            updated_at (datetime.datetime): When it last changed (RFC 3339, UTC).
     """

    address: str
    created_at: datetime.datetime
    description: str
    hidden_from_address_book: bool
    id: str
    name: str
    send_policy: GroupSendPolicy
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        address = self.address

        created_at = self.created_at.isoformat()

        description = self.description

        hidden_from_address_book = self.hidden_from_address_book

        id = self.id

        name = self.name

        send_policy = self.send_policy.value

        updated_at = self.updated_at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "address": address,
            "created_at": created_at,
            "description": description,
            "hidden_from_address_book": hidden_from_address_book,
            "id": id,
            "name": name,
            "send_policy": send_policy,
            "updated_at": updated_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        address = d.pop("address")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        description = d.pop("description")

        hidden_from_address_book = d.pop("hidden_from_address_book")

        id = d.pop("id")

        name = d.pop("name")

        send_policy = GroupSendPolicy(d.pop("send_policy"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        group = cls(
            address=address,
            created_at=created_at,
            description=description,
            hidden_from_address_book=hidden_from_address_book,
            id=id,
            name=name,
            send_policy=send_policy,
            updated_at=updated_at,
        )


        group.additional_properties = d
        return group

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
