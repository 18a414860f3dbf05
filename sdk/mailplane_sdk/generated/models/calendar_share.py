from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.calendar_share_level import CalendarShareLevel
from typing import cast
import datetime






T = TypeVar("T", bound="CalendarShare")



@_attrs_define
class CalendarShare:
    """ 
        Attributes:
            account_id (str): The account it belongs to or acts on.
            address (str): An email address.
            calendar_id (str): The calendar it is in.
            created_at (datetime.datetime): When it was created (RFC 3339, UTC).
            id (str): The object's id: opaque, prefixed by its type (`acc_…`, `msg_…`, `evt_…`).
            level (CalendarShareLevel): Access level granted.
     """

    account_id: str
    address: str
    calendar_id: str
    created_at: datetime.datetime
    id: str
    level: CalendarShareLevel
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        account_id = self.account_id

        address = self.address

        calendar_id = self.calendar_id

        created_at = self.created_at.isoformat()

        id = self.id

        level = self.level.value


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "account_id": account_id,
            "address": address,
            "calendar_id": calendar_id,
            "created_at": created_at,
            "id": id,
            "level": level,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        account_id = d.pop("account_id")

        address = d.pop("address")

        calendar_id = d.pop("calendar_id")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        id = d.pop("id")

        level = CalendarShareLevel(d.pop("level"))




        calendar_share = cls(
            account_id=account_id,
            address=address,
            calendar_id=calendar_id,
            created_at=created_at,
            id=id,
            level=level,
        )


        calendar_share.additional_properties = d
        return calendar_share

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
