from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="StorageTotals")



@_attrs_define
class StorageTotals:
    """ 
        Attributes:
            accounts_near_quota (int): Accounts using 90 % or more of their quota.
            message_count (int): Messages stored in the organisation's mailboxes.
            quota_bytes (int): Sum of the quotas of accounts that have one.
            unlimited_accounts (int): Accounts not deleted without a quota.
            used_bytes (int): Bytes stored in the organisation's mailboxes.
     """

    accounts_near_quota: int
    message_count: int
    quota_bytes: int
    unlimited_accounts: int
    used_bytes: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        accounts_near_quota = self.accounts_near_quota

        message_count = self.message_count

        quota_bytes = self.quota_bytes

        unlimited_accounts = self.unlimited_accounts

        used_bytes = self.used_bytes


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "accounts_near_quota": accounts_near_quota,
            "message_count": message_count,
            "quota_bytes": quota_bytes,
            "unlimited_accounts": unlimited_accounts,
            "used_bytes": used_bytes,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        accounts_near_quota = d.pop("accounts_near_quota")

        message_count = d.pop("message_count")

        quota_bytes = d.pop("quota_bytes")

        unlimited_accounts = d.pop("unlimited_accounts")

        used_bytes = d.pop("used_bytes")

        storage_totals = cls(
            accounts_near_quota=accounts_near_quota,
            message_count=message_count,
            quota_bytes=quota_bytes,
            unlimited_accounts=unlimited_accounts,
            used_bytes=used_bytes,
        )


        storage_totals.additional_properties = d
        return storage_totals

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
