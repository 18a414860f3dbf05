from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="MigrationCounts")



@_attrs_define
class MigrationCounts:
    """ 
        Attributes:
            accounts_cancelled (int | Unset): Accounts cancelled. Default: 0.
            accounts_completed (int | Unset): Accounts finished. Default: 0.
            accounts_failed (int | Unset): Accounts that failed. Default: 0.
            accounts_queued (int | Unset): Accounts waiting. Default: 0.
            accounts_running (int | Unset): Accounts being copied. Default: 0.
            accounts_total (int | Unset): Accounts in all. Default: 0.
            bytes_done (int | Unset): Bytes copied so far. Default: 0.
            bytes_total (int | Unset): Bytes to copy in all. Default: 0.
            messages_done (int | Unset): Imported, skipped as duplicates, or failed. Default: 0.
            messages_failed (int | Unset): Messages that could not be copied. Default: 0.
            messages_imported (int | Unset): Messages imported. Default: 0.
            messages_skipped (int | Unset): Duplicates, and messages deleted at the source meanwhile. Default: 0.
            messages_total (int | Unset): Messages found to import so far. Default: 0.
     """

    accounts_cancelled: int | Unset = 0
    accounts_completed: int | Unset = 0
    accounts_failed: int | Unset = 0
    accounts_queued: int | Unset = 0
    accounts_running: int | Unset = 0
    accounts_total: int | Unset = 0
    bytes_done: int | Unset = 0
    bytes_total: int | Unset = 0
    messages_done: int | Unset = 0
    messages_failed: int | Unset = 0
    messages_imported: int | Unset = 0
    messages_skipped: int | Unset = 0
    messages_total: int | Unset = 0
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        accounts_cancelled = self.accounts_cancelled

        accounts_completed = self.accounts_completed

        accounts_failed = self.accounts_failed

        accounts_queued = self.accounts_queued

        accounts_running = self.accounts_running

        accounts_total = self.accounts_total

        bytes_done = self.bytes_done

        bytes_total = self.bytes_total

        messages_done = self.messages_done

        messages_failed = self.messages_failed

        messages_imported = self.messages_imported

        messages_skipped = self.messages_skipped

        messages_total = self.messages_total


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if accounts_cancelled is not UNSET:
            field_dict["accounts_cancelled"] = accounts_cancelled
        if accounts_completed is not UNSET:
            field_dict["accounts_completed"] = accounts_completed
        if accounts_failed is not UNSET:
            field_dict["accounts_failed"] = accounts_failed
        if accounts_queued is not UNSET:
            field_dict["accounts_queued"] = accounts_queued
        if accounts_running is not UNSET:
            field_dict["accounts_running"] = accounts_running
        if accounts_total is not UNSET:
            field_dict["accounts_total"] = accounts_total
        if bytes_done is not UNSET:
            field_dict["bytes_done"] = bytes_done
        if bytes_total is not UNSET:
            field_dict["bytes_total"] = bytes_total
        if messages_done is not UNSET:
            field_dict["messages_done"] = messages_done
        if messages_failed is not UNSET:
            field_dict["messages_failed"] = messages_failed
        if messages_imported is not UNSET:
            field_dict["messages_imported"] = messages_imported
        if messages_skipped is not UNSET:
            field_dict["messages_skipped"] = messages_skipped
        if messages_total is not UNSET:
            field_dict["messages_total"] = messages_total

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        accounts_cancelled = d.pop("accounts_cancelled", UNSET)

        accounts_completed = d.pop("accounts_completed", UNSET)

        accounts_failed = d.pop("accounts_failed", UNSET)

        accounts_queued = d.pop("accounts_queued", UNSET)

        accounts_running = d.pop("accounts_running", UNSET)

        accounts_total = d.pop("accounts_total", UNSET)

        bytes_done = d.pop("bytes_done", UNSET)

        bytes_total = d.pop("bytes_total", UNSET)

        messages_done = d.pop("messages_done", UNSET)

        messages_failed = d.pop("messages_failed", UNSET)

        messages_imported = d.pop("messages_imported", UNSET)

        messages_skipped = d.pop("messages_skipped", UNSET)

        messages_total = d.pop("messages_total", UNSET)

        migration_counts = cls(
            accounts_cancelled=accounts_cancelled,
            accounts_completed=accounts_completed,
            accounts_failed=accounts_failed,
            accounts_queued=accounts_queued,
            accounts_running=accounts_running,
            accounts_total=accounts_total,
            bytes_done=bytes_done,
            bytes_total=bytes_total,
            messages_done=messages_done,
            messages_failed=messages_failed,
            messages_imported=messages_imported,
            messages_skipped=messages_skipped,
            messages_total=messages_total,
        )


        migration_counts.additional_properties = d
        return migration_counts

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
