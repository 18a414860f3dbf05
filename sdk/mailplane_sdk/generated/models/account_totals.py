from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="AccountTotals")



@_attrs_define
class AccountTotals:
    """ 
        Attributes:
            active (int): Active accounts.
            admins (int): Administrators and operators among the accounts not deleted.
            deleted (int): Deleted accounts still inside the restore window.
            frozen (int): Frozen accounts (cannot sign in or receive).
            must_change_password (int): Accounts not deleted that must set a new password at their next sign-in.
            total (int): Accounts not deleted (active and frozen).
     """

    active: int
    admins: int
    deleted: int
    frozen: int
    must_change_password: int
    total: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        active = self.active

        admins = self.admins

        deleted = self.deleted

        frozen = self.frozen

        must_change_password = self.must_change_password

        total = self.total


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "active": active,
            "admins": admins,
            "deleted": deleted,
            "frozen": frozen,
            "must_change_password": must_change_password,
            "total": total,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        active = d.pop("active")

        admins = d.pop("admins")

        deleted = d.pop("deleted")

        frozen = d.pop("frozen")

        must_change_password = d.pop("must_change_password")

        total = d.pop("total")

        account_totals = cls(
            active=active,
            admins=admins,
            deleted=deleted,
            frozen=frozen,
            must_change_password=must_change_password,
            total=total,
        )


        account_totals.additional_properties = d
        return account_totals

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
