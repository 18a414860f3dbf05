from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.directory_import_format import DirectoryImportFormat
from ..models.directory_import_status import DirectoryImportStatus
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.import_counts import ImportCounts





T = TypeVar("T", bound="DirectoryImport")



@_attrs_define
class DirectoryImport:
    """ 
        Attributes:
            counts (ImportCounts):
            created_at (datetime.datetime): When it was created (RFC 3339, UTC).
            dry_run (bool): Only reported what would happen; nothing changed.
            error (None | str): Why it could not be done; null when it was.
            filename (str): The file's name.
            finished_at (datetime.datetime | None): When it finished; null while it runs.
            format_ (DirectoryImportFormat): The file format.
            id (str): The object's id: opaque, prefixed by its type (`acc_…`, `msg_…`, `evt_…`).
            processed_rows (int): Rows processed so far.
            size (int): Size in bytes.
            started_at (datetime.datetime | None): When it started (RFC 3339, UTC).
            status (DirectoryImportStatus): Its current state (the values are listed by the schema).
            total_rows (int): Rows in the file.
     """

    counts: ImportCounts
    created_at: datetime.datetime
    dry_run: bool
    error: None | str
    filename: str
    finished_at: datetime.datetime | None
    format_: DirectoryImportFormat
    id: str
    processed_rows: int
    size: int
    started_at: datetime.datetime | None
    status: DirectoryImportStatus
    total_rows: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.import_counts import ImportCounts # noqa: PLC0415
        counts = self.counts.to_dict()

        created_at = self.created_at.isoformat()

        dry_run = self.dry_run

        error: None | str
        error = self.error

        filename = self.filename

        finished_at: None | str
        if isinstance(self.finished_at, datetime.datetime):
            finished_at = self.finished_at.isoformat()
        else:
            finished_at = self.finished_at

        format_ = self.format_.value

        id = self.id

        processed_rows = self.processed_rows

        size = self.size

        started_at: None | str
        if isinstance(self.started_at, datetime.datetime):
            started_at = self.started_at.isoformat()
        else:
            started_at = self.started_at

        status = self.status.value

        total_rows = self.total_rows


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "counts": counts,
            "created_at": created_at,
            "dry_run": dry_run,
            "error": error,
            "filename": filename,
            "finished_at": finished_at,
            "format": format_,
            "id": id,
            "processed_rows": processed_rows,
            "size": size,
            "started_at": started_at,
            "status": status,
            "total_rows": total_rows,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.import_counts import ImportCounts # noqa: PLC0415
        d = dict(src_dict)
        counts = ImportCounts.from_dict(d.pop("counts"))




        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        dry_run = d.pop("dry_run")

        def _parse_error(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        error = _parse_error(d.pop("error"))


        filename = d.pop("filename")

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


        format_ = DirectoryImportFormat(d.pop("format"))




        id = d.pop("id")

        processed_rows = d.pop("processed_rows")

        size = d.pop("size")

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


        status = DirectoryImportStatus(d.pop("status"))




        total_rows = d.pop("total_rows")

        directory_import = cls(
            counts=counts,
            created_at=created_at,
            dry_run=dry_run,
            error=error,
            filename=filename,
            finished_at=finished_at,
            format_=format_,
            id=id,
            processed_rows=processed_rows,
            size=size,
            started_at=started_at,
            status=status,
            total_rows=total_rows,
        )


        directory_import.additional_properties = d
        return directory_import

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
