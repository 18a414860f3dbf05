from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.migration_account_status import MigrationAccountStatus
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.migration_folder_progress import MigrationFolderProgress
  from ..models.migration_source_info import MigrationSourceInfo





T = TypeVar("T", bound="MigrationAccount")



@_attrs_define
class MigrationAccount:
    """ 
        Attributes:
            account_id (str): The account it belongs to or acts on.
            address (str): An email address.
            attempts (int): Transient failures in a row (reset by progress).
            bytes_done (int): Bytes copied so far.
            bytes_total (int): Bytes to copy in all.
            error (None | str): Why it could not be done; null when it was.
            error_code (None | str): source_auth_failed, source_unreachable, source_tls_failed, source_blocked,
                source_protocol_error, source_unavailable, source_timeout, target_quota_exceeded, target_unavailable,
                credentials_unavailable, cancelled
            finished_at (datetime.datetime | None): When it finished; null while it runs.
            folders (list[MigrationFolderProgress]): Folders, each with its own state.
            id (str): The object's id: opaque, prefixed by its type (`acc_…`, `msg_…`, `evt_…`).
            messages_done (int): Messages copied so far.
            messages_failed (int): Messages that could not be copied.
            messages_skipped (int): Messages skipped (already there, or too large).
            messages_total (int): Messages to copy in all.
            migration_id (str): The id of the migration.
            next_attempt_at (datetime.datetime | None): When next attempt (RFC 3339, UTC); null if not (yet).
            source (MigrationSourceInfo):
            started_at (datetime.datetime | None): When it started (RFC 3339, UTC).
            status (MigrationAccountStatus): Its current state (the values are listed by the schema).
     """

    account_id: str
    address: str
    attempts: int
    bytes_done: int
    bytes_total: int
    error: None | str
    error_code: None | str
    finished_at: datetime.datetime | None
    folders: list[MigrationFolderProgress]
    id: str
    messages_done: int
    messages_failed: int
    messages_skipped: int
    messages_total: int
    migration_id: str
    next_attempt_at: datetime.datetime | None
    source: MigrationSourceInfo
    started_at: datetime.datetime | None
    status: MigrationAccountStatus
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.migration_folder_progress import MigrationFolderProgress # noqa: PLC0415
        from ..models.migration_source_info import MigrationSourceInfo # noqa: PLC0415
        account_id = self.account_id

        address = self.address

        attempts = self.attempts

        bytes_done = self.bytes_done

        bytes_total = self.bytes_total

        error: None | str
        error = self.error

        error_code: None | str
        error_code = self.error_code

        finished_at: None | str
        if isinstance(self.finished_at, datetime.datetime):
            finished_at = self.finished_at.isoformat()
        else:
            finished_at = self.finished_at

        folders = []
        for folders_item_data in self.folders:
            folders_item = folders_item_data.to_dict()
            folders.append(folders_item)



        id = self.id

        messages_done = self.messages_done

        messages_failed = self.messages_failed

        messages_skipped = self.messages_skipped

        messages_total = self.messages_total

        migration_id = self.migration_id

        next_attempt_at: None | str
        if isinstance(self.next_attempt_at, datetime.datetime):
            next_attempt_at = self.next_attempt_at.isoformat()
        else:
            next_attempt_at = self.next_attempt_at

        source = self.source.to_dict()

        started_at: None | str
        if isinstance(self.started_at, datetime.datetime):
            started_at = self.started_at.isoformat()
        else:
            started_at = self.started_at

        status = self.status.value


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "account_id": account_id,
            "address": address,
            "attempts": attempts,
            "bytes_done": bytes_done,
            "bytes_total": bytes_total,
            "error": error,
            "error_code": error_code,
            "finished_at": finished_at,
            "folders": folders,
            "id": id,
            "messages_done": messages_done,
            "messages_failed": messages_failed,
            "messages_skipped": messages_skipped,
            "messages_total": messages_total,
            "migration_id": migration_id,
            "next_attempt_at": next_attempt_at,
            "source": source,
            "started_at": started_at,
            "status": status,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.migration_folder_progress import MigrationFolderProgress # noqa: PLC0415
        from ..models.migration_source_info import MigrationSourceInfo # noqa: PLC0415
        d = dict(src_dict)
        account_id = d.pop("account_id")

        address = d.pop("address")

        attempts = d.pop("attempts")

        bytes_done = d.pop("bytes_done")

        bytes_total = d.pop("bytes_total")

        def _parse_error(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        error = _parse_error(d.pop("error"))


        def _parse_error_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        error_code = _parse_error_code(d.pop("error_code"))


        def _parse_finished_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                finished_at_type_0 = datetime.datetime.fromisoformat(data)



                return finished_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        finished_at = _parse_finished_at(d.pop("finished_at"))


        folders = []
        _folders = d.pop("folders")
        for folders_item_data in (_folders):
            folders_item = MigrationFolderProgress.from_dict(folders_item_data)



            folders.append(folders_item)


        id = d.pop("id")

        messages_done = d.pop("messages_done")

        messages_failed = d.pop("messages_failed")

        messages_skipped = d.pop("messages_skipped")

        messages_total = d.pop("messages_total")

        migration_id = d.pop("migration_id")

        def _parse_next_attempt_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                next_attempt_at_type_0 = datetime.datetime.fromisoformat(data)



                return next_attempt_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        next_attempt_at = _parse_next_attempt_at(d.pop("next_attempt_at"))


        source = MigrationSourceInfo.from_dict(d.pop("source"))




        def _parse_started_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                started_at_type_0 = datetime.datetime.fromisoformat(data)



                return started_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        started_at = _parse_started_at(d.pop("started_at"))


        status = MigrationAccountStatus(d.pop("status"))




        migration_account = cls(
            account_id=account_id,
            address=address,
            attempts=attempts,
            bytes_done=bytes_done,
            bytes_total=bytes_total,
            error=error,
            error_code=error_code,
            finished_at=finished_at,
            folders=folders,
            id=id,
            messages_done=messages_done,
            messages_failed=messages_failed,
            messages_skipped=messages_skipped,
            messages_total=messages_total,
            migration_id=migration_id,
            next_attempt_at=next_attempt_at,
            source=source,
            started_at=started_at,
            status=status,
        )


        migration_account.additional_properties = d
        return migration_account

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
