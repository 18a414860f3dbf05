from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="AddressBook")



@_attrs_define
class AddressBook:
    """ 
        Attributes:
            account_id (str): The account it belongs to or acts on.
            created_at (datetime.datetime): When it was created (RFC 3339, UTC).
            description (str): Free text describing it.
            id (str): The object's id: opaque, prefixed by its type (`acc_…`, `msg_…`, `evt_…`).
            is_default (bool): Whether it iss default.
            name (str): Its name, as people read it.
            updated_at (datetime.datetime): When it last changed (RFC 3339, UTC).
     """

    account_id: str
    created_at: datetime.datetime
    description: str
    id: str
    is_default: bool
    name: str
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        account_id = self.account_id

        created_at = self.created_at.isoformat()

        description = self.description

        id = self.id

        is_default = self.is_default

        name = self.name

        updated_at = self.updated_at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "account_id": account_id,
            "created_at": created_at,
            "description": description,
            "id": id,
            "is_default": is_default,
            "name": name,
            "updated_at": updated_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        account_id = d.pop("account_id")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        description = d.pop("description")

        id = d.pop("id")

        is_default = d.pop("is_default")

        name = d.pop("name")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        address_book = cls(
            account_id=account_id,
            created_at=created_at,
            description=description,
            id=id,
            is_default=is_default,
            name=name,
            updated_at=updated_at,
        )


        address_book.additional_properties = d
        return address_book

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
