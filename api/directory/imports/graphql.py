"""GraphQL reads of bulk imports (uploads go through REST: GraphQL has no file type here)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import strawberry
from strawberry.types import Info

from api.directory.imports import service
from api.directory.imports.router import import_schema
from api.graphql_kit import Context, checked_page, require, unit_of_work


@strawberry.type
class ImportCountsType:
    created: int
    updated: int
    unchanged: int
    error: int


@strawberry.type
class DirectoryImportType:
    id: str
    status: str
    dry_run: bool
    format: str
    filename: str
    size: int
    total_rows: int
    processed_rows: int
    counts: ImportCountsType
    error: str | None
    created_at: datetime
    started_at: datetime | None
    finished_at: datetime | None


@strawberry.type
class DirectoryImportRowType:
    row: int
    status: str
    address: str | None
    account_id: str | None
    reason: str | None
    changed: list[str]


@strawberry.type
class DirectoryImportRowPage:
    data: list[DirectoryImportRowType]
    next_cursor: str | None


@strawberry.type
class DirectoryImportsQuery:
    @strawberry.field(description="A bulk import's state and totals.")
    async def directory_import(
        self, info: Info[Context, Any], id: strawberry.ID
    ) -> DirectoryImportType:
        principal = require(info, "directory:write", admin=True)
        async with unit_of_work(info, write=False) as session:
            data = import_schema(await service.get_import(session, principal.org_id, str(id)))
        dump = data.model_dump()
        dump["counts"] = ImportCountsType(**dump["counts"])
        return DirectoryImportType(**dump)

    @strawberry.field(description="Per-row results of a bulk import.")
    async def directory_import_rows(
        self,
        info: Info[Context, Any],
        id: strawberry.ID,
        status: str | None = None,
        limit: int = 50,
        cursor: str | None = None,
    ) -> DirectoryImportRowPage:
        principal = require(info, "directory:write", admin=True)
        async with unit_of_work(info, write=False) as session:
            await service.get_import(session, principal.org_id, str(id))
            rows, next_cursor = await service.list_rows(
                session,
                principal.org_id,
                str(id),
                checked_page(limit, cursor),
                status,
            )
        return DirectoryImportRowPage(
            data=[
                DirectoryImportRowType(
                    row=r.row,
                    status=r.status,
                    address=r.address,
                    account_id=r.account_id,
                    reason=r.reason,
                    changed=list(r.changed or []),
                )
                for r in rows
            ],
            next_cursor=next_cursor,
        )
