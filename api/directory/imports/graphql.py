"""GraphQL reads of bulk imports (uploads go through REST: GraphQL has no file type here)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import strawberry
from strawberry.types import Info

from api.directory.imports import activation, service
from api.directory.imports.router import import_schema
from api.directory.notices import send_activation_mail
from api.graphql_kit import Context, checked_page, require, unit_of_work, validated
from api.kit.pagination import PageParams
from schemas import directory as schemas


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


@strawberry.type
class ImportActivationLinkType:
    row: int
    account_id: str
    address: str
    url: str
    expires_at: datetime
    sent_to: str | None


@strawberry.type
class ImportActivationLinkPage:
    data: list[ImportActivationLinkType]
    next_cursor: str | None


@strawberry.type
class DirectoryImportsMutation:
    @strawberry.mutation(
        description="Set-password links for the accounts an import created without a password "
        "(as POST /v1/directory/imports/{id}/activation-links); each URL is shown once."
    )
    async def create_import_activation_links(
        self,
        info: Info[Context, Any],
        id: strawberry.ID,
        limit: int = 50,
        cursor: str | None = None,
        expires_in: int | None = None,
        send_to_recovery_email: bool = False,
    ) -> ImportActivationLinkPage:
        principal = require(info, "directory:write", admin=True)
        values: dict[str, Any] = {"send_to_recovery_email": send_to_recovery_email}
        if expires_in is not None:
            values["expires_in"] = expires_in
        data = validated(schemas.ImportActivationLinksCreate, values)
        runtime = info.context.runtime
        async with unit_of_work(info, write=True) as session:
            issued, next_cursor = await activation.issue_for_import(
                session, principal.org_id, str(id), data,
                PageParams(limit=max(1, min(limit, 500)), cursor=cursor),
                issuer=runtime.settings.issuer, actor=principal, ip=info.context.ip,
            )
            for item in issued:
                if item.sent_to:
                    await send_activation_mail(
                        session, runtime, item.account, item.link.url, item.link.expires_at
                    )
        return ImportActivationLinkPage(
            data=[
                ImportActivationLinkType(
                    row=i.row, account_id=i.account.id, address=i.account.address,
                    url=i.link.url, expires_at=i.link.expires_at, sent_to=i.sent_to,
                )
                for i in issued
            ],
            next_cursor=next_cursor,
        )
