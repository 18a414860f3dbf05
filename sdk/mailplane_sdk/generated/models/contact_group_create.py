from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="ContactGroupCreate")



@_attrs_define
class ContactGroupCreate:
    """ 
        Attributes:
            name (str): Its name, as people read it.
            address_book_id (None | str | Unset): The id of the address book.
            member_ids (list[str] | Unset): The ids of the members.
     """

    name: str
    address_book_id: None | str | Unset = UNSET
    member_ids: list[str] | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        name = self.name

        address_book_id: None | str | Unset
        if isinstance(self.address_book_id, Unset):
            address_book_id = UNSET
        else:
            address_book_id = self.address_book_id

        member_ids: list[str] | Unset = UNSET
        if not isinstance(self.member_ids, Unset):
            member_ids = self.member_ids




        field_dict: dict[str, Any] = {}

        field_dict.update({
            "name": name,
        })
        if address_book_id is not UNSET:
            field_dict["address_book_id"] = address_book_id
        if member_ids is not UNSET:
            field_dict["member_ids"] = member_ids

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        def _parse_address_book_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        address_book_id = _parse_address_book_id(d.pop("address_book_id", UNSET))


        member_ids = cast(list[str], d.pop("member_ids", UNSET))


        contact_group_create = cls(
            name=name,
            address_book_id=address_book_id,
            member_ids=member_ids,
        )

        return contact_group_create

