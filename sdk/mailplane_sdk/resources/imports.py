"""`mp.imports`: CSV/XLSX directory import and export."""

from __future__ import annotations

import os
from pathlib import Path
from typing import BinaryIO

from typing_extensions import Unpack

from mailplane_sdk.calls import Spec, model, raw
from mailplane_sdk.endpoints import Namespace, R, endpoint, paged
from mailplane_sdk.generated import params
from mailplane_sdk.generated.models import (
    DirectoryImport,
    DirectoryImportRow,
    ImportActivationLink,
)
from mailplane_sdk.pagination import Page, page_of

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _file_part(
    file: str | os.PathLike[str] | bytes | BinaryIO, filename: str | None
) -> tuple[str, bytes, str]:
    if isinstance(file, bytes):
        content, name = file, filename or "import.csv"
    elif isinstance(file, str | os.PathLike):
        content, name = Path(file).read_bytes(), filename or Path(file).name
    else:
        content, name = file.read(), filename or Path(getattr(file, "name", "import.csv")).name
    kind = XLSX if name.lower().endswith(".xlsx") else "text/csv"
    return name, content, kind


class Imports(Namespace[R]):
    """`mp.imports`."""

    @endpoint("POST", "/v1/directory/imports", "create_import")
    def create(
        self,
        file: str | os.PathLike[str] | bytes | BinaryIO,
        *,
        dry_run: bool = False,
        format: str | None = None,
        filename: str | None = None,
    ) -> Spec[DirectoryImport]:
        """Import accounts from a CSV (UTF-8 or GB18030) or XLSX file; a job to poll (202)."""
        part = _file_part(file, filename)
        return Spec(
            model(DirectoryImport),
            files={"file": part},
            params={"dry_run": dry_run, "format": format, "filename": filename},
        )

    @endpoint("GET", "/v1/directory/imports/{import_id}", "get_import")
    def get(self, import_id: str) -> Spec[DirectoryImport]:
        return Spec(model(DirectoryImport), path={"import_id": import_id})

    @paged("GET", "/v1/directory/imports/{import_id}/rows", "list_import_rows")
    def rows(
        self, import_id: str, /, **query: Unpack[params.ListImportRowsQuery]
    ) -> Spec[Page[DirectoryImportRow]]:
        """Per-row outcome (filter `status`)."""
        return Spec(
            page_of(DirectoryImportRow.from_dict), path={"import_id": import_id}, params=query
        )

    @endpoint(
        "POST", "/v1/directory/imports/{import_id}/activation-links",
        "create_import_activation_links",
    )
    def activation_links(
        self, import_id: str, /, *, limit: int = 50, cursor: str | None = None,
        **body: Unpack[params.ImportActivationLinksCreate],
    ) -> Spec[Page[ImportActivationLink]]:
        """One-time set-password links for the accounts the import created without a
        password (one page; follow `next_cursor`). Body: `expires_in`,
        `send_to_recovery_email`. Each URL is shown once."""
        return Spec(
            page_of(ImportActivationLink.from_dict), path={"import_id": import_id},
            params={"limit": limit, "cursor": cursor}, json=body,
        )

    @endpoint("GET", "/v1/directory/import-template", "get_import_template")
    def template(self, /, **query: Unpack[params.GetImportTemplateQuery]) -> Spec[bytes]:
        """A file with the columns an import reads and one example row (`format`: csv or
        xlsx; `lang`: en or zh-CN for the Chinese header names)."""
        return Spec(raw, params=query)

    @endpoint("GET", "/v1/directory/export", "export_accounts")
    def export(self, /, **query: Unpack[params.ExportAccountsQuery]) -> Spec[bytes]:
        """Every account as a file (`format`: csv or xlsx, `encoding`: utf-8, gb18030 or gbk,
        `lang`: en or zh-CN headers)."""
        return Spec(raw, params=query)
