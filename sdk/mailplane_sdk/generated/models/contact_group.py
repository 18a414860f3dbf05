from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="ContactGroup")



@_attrs_define
class ContactGroup:
    """ 
        Attributes:
            account_id (str): The account it belongs to or acts on.
            address_book_id (str): The id of the address book.
            created_at (datetime.datetime): When it was created (RFC 3339, UTC).
            id (str): The object's id: opaque, prefixed by its type (`acc_…`, `msg_…`, `evt_…`).
            member_ids (list[str]): The ids of the members.
            name (str): Its name, as people read it.
            uid (str): The iCalendar UID, the same in every attendee's copy.
            updated_at (datetime.datetime): When it last changed (RFC 3339, UTC).
     """

    account_id: str
    address_book_id: str
    created_at: datetime.datetime
    id: str
    member_ids: list[str]
    name: str
    uid: str
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        account_id = self.account_id

        address_book_id = self.address_book_id

        created_at = self.created_at.isoformat()

        id = self.id

        member_ids = self.member_ids



        name = self.name

        uid = self.uid

        updated_at = self.updated_at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "account_id": account_id,
            "address_book_id": address_book_id,
            "created_at": created_at,
            "id": id,
            "member_ids": member_ids,
            "name": name,
            "uid": uid,
            "updated_at": updated_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        account_id = d.pop("account_id")

        address_book_id = d.pop("address_book_id")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        id = d.pop("id")

        member_ids = cast(list[str], d.pop("member_ids"))


        name = d.pop("name")

        uid = d.pop("uid")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        contact_group = cls(
            account_id=account_id,
            address_book_id=address_book_id,
            created_at=created_at,
            id=id,
            member_ids=member_ids,
            name=name,
            uid=uid,
            updated_at=updated_at,
        )


        contact_group.additional_properties = d
        return contact_group

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
