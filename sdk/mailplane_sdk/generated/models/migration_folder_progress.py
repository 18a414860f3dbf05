from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.migration_folder_progress_role_type_0 import MigrationFolderProgressRoleType0
from ..models.migration_folder_progress_status import MigrationFolderProgressStatus
from typing import cast






T = TypeVar("T", bound="MigrationFolderProgress")



@_attrs_define
class MigrationFolderProgress:
    """ 
        Attributes:
            bytes_done (int): Bytes copied so far.
            bytes_total (int): Bytes to copy in all.
            last_uid (int): The last IMAP UID copied.
            messages_done (int): Messages copied so far.
            messages_failed (int): Messages that could not be copied.
            messages_skipped (int): Messages skipped (already there, or too large).
            messages_total (int): Messages to copy in all.
            role (MigrationFolderProgressRoleType0 | None): Its role (the values are listed by the schema).
            skip_reason (None | str): Why it was skipped.
            source (str): The source folder's decoded name.
            status (MigrationFolderProgressStatus): Its current state (the values are listed by the schema).
            target (str): Where it goes: a role, or a folder path.
            target_folder_id (None | str): The id of the target folder.
            uidvalidity (int | None): The IMAP UIDVALIDITY seen.
     """

    bytes_done: int
    bytes_total: int
    last_uid: int
    messages_done: int
    messages_failed: int
    messages_skipped: int
    messages_total: int
    role: MigrationFolderProgressRoleType0 | None
    skip_reason: None | str
    source: str
    status: MigrationFolderProgressStatus
    target: str
    target_folder_id: None | str
    uidvalidity: int | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        bytes_done = self.bytes_done

        bytes_total = self.bytes_total

        last_uid = self.last_uid

        messages_done = self.messages_done

        messages_failed = self.messages_failed

        messages_skipped = self.messages_skipped

        messages_total = self.messages_total

        role: None | str
        if isinstance(self.role, MigrationFolderProgressRoleType0):
            role = self.role.value
        else:
            role = self.role

        skip_reason: None | str
        skip_reason = self.skip_reason

        source = self.source

        status = self.status.value

        target = self.target

        target_folder_id: None | str
        target_folder_id = self.target_folder_id

        uidvalidity: int | None
        uidvalidity = self.uidvalidity


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "bytes_done": bytes_done,
            "bytes_total": bytes_total,
            "last_uid": last_uid,
            "messages_done": messages_done,
            "messages_failed": messages_failed,
            "messages_skipped": messages_skipped,
            "messages_total": messages_total,
            "role": role,
            "skip_reason": skip_reason,
            "source": source,
            "status": status,
            "target": target,
            "target_folder_id": target_folder_id,
            "uidvalidity": uidvalidity,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        bytes_done = d.pop("bytes_done")

        bytes_total = d.pop("bytes_total")

        last_uid = d.pop("last_uid")

        messages_done = d.pop("messages_done")

        messages_failed = d.pop("messages_failed")

        messages_skipped = d.pop("messages_skipped")

        messages_total = d.pop("messages_total")

        def _parse_role(data: object) -> MigrationFolderProgressRoleType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                role_type_0 = MigrationFolderProgressRoleType0(data)



                return role_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MigrationFolderProgressRoleType0 | None, data)

        role = _parse_role(d.pop("role"))


        def _parse_skip_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        skip_reason = _parse_skip_reason(d.pop("skip_reason"))


        source = d.pop("source")

        status = MigrationFolderProgressStatus(d.pop("status"))




        target = d.pop("target")

        def _parse_target_folder_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        target_folder_id = _parse_target_folder_id(d.pop("target_folder_id"))


        def _parse_uidvalidity(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        uidvalidity = _parse_uidvalidity(d.pop("uidvalidity"))


        migration_folder_progress = cls(
            bytes_done=bytes_done,
            bytes_total=bytes_total,
            last_uid=last_uid,
            messages_done=messages_done,
            messages_failed=messages_failed,
            messages_skipped=messages_skipped,
            messages_total=messages_total,
            role=role,
            skip_reason=skip_reason,
            source=source,
            status=status,
            target=target,
            target_folder_id=target_folder_id,
            uidvalidity=uidvalidity,
        )


        migration_folder_progress.additional_properties = d
        return migration_folder_progress

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
