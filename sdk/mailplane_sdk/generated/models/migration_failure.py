from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="MigrationFailure")



@_attrs_define
class MigrationFailure:
    """ 
        Attributes:
            account_id (str): The account it belongs to or acts on.
            code (str): fetch_failed, too_large, store_failed.
            created_at (datetime.datetime): When it was created (RFC 3339, UTC).
            folder (str): A folder.
            id (str): The object's id: opaque, prefixed by its type (`acc_…`, `msg_…`, `evt_…`).
            migration_account_id (str): The id of the migration account.
            reason (str): Why.
            size (int | None): Size in bytes.
            uid (str): The IMAP UID, or the POP3 UIDL.
     """

    account_id: str
    code: str
    created_at: datetime.datetime
    folder: str
    id: str
    migration_account_id: str
    reason: str
    size: int | None
    uid: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        account_id = self.account_id

        code = self.code

        created_at = self.created_at.isoformat()

        folder = self.folder

        id = self.id

        migration_account_id = self.migration_account_id

        reason = self.reason

        size: int | None
        size = self.size

        uid = self.uid


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "account_id": account_id,
            "code": code,
            "created_at": created_at,
            "folder": folder,
            "id": id,
            "migration_account_id": migration_account_id,
            "reason": reason,
            "size": size,
            "uid": uid,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        account_id = d.pop("account_id")

        code = d.pop("code")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        folder = d.pop("folder")

        id = d.pop("id")

        migration_account_id = d.pop("migration_account_id")

        reason = d.pop("reason")

        def _parse_size(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        size = _parse_size(d.pop("size"))


        uid = d.pop("uid")

        migration_failure = cls(
            account_id=account_id,
            code=code,
            created_at=created_at,
            folder=folder,
            id=id,
            migration_account_id=migration_account_id,
            reason=reason,
            size=size,
            uid=uid,
        )


        migration_failure.additional_properties = d
        return migration_failure

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
