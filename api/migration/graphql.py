"""GraphQL for mailbox migrations: the same service calls as REST."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import strawberry
from pydantic import ValidationError
from strawberry.scalars import JSON
from strawberry.types import Info

from api.errors import ValidationFailed
from api.graphql_kit import Context, as_graphql_error, checked_page, require, unit_of_work
from api.kit.pagination import PageParams
from api.migration import service
from schemas import migration as schemas


@strawberry.type
class MigrationType:
    id: str
    status: str
    counts: JSON
    folders: JSON
    error: str | None
    created_at: datetime
    started_at: datetime | None
    finished_at: datetime | None

    @classmethod
    def of(cls, m: schemas.Migration) -> MigrationType:
        return cls(
            id=m.id,
            status=m.status,
            counts=m.counts.model_dump(),
            folders=[f.model_dump(exclude_none=True) for f in m.folders],
            error=m.error,
            created_at=m.created_at,
            started_at=m.started_at,
            finished_at=m.finished_at,
        )


@strawberry.type
class MigrationPage:
    data: list[MigrationType]
    next_cursor: str | None


@strawberry.type
class MigrationAccountPage:
    data: JSON = strawberry.field(
        description="Accounts as REST returns them (progress per folder)."
    )
    next_cursor: str | None


def _page(limit: int, cursor: str | None) -> PageParams:
    return checked_page(limit, cursor)


async def _one(session: Any, org_id: str, migration_id: str) -> MigrationType:
    migration = await service.get_migration(session, org_id, migration_id)
    counts = await service.counts_of(session, org_id, [migration])
    return MigrationType.of(service.migration_schema(migration, counts[migration.id]))


@strawberry.type
class MigrationQuery:
    @strawberry.field(description="The organisation's mailbox migrations, newest first.")
    async def directory_migrations(
        self, info: Info[Context, Any], limit: int = 50, cursor: str | None = None
    ) -> MigrationPage:
        principal = require(info, "directory:write", admin=True)
        async with unit_of_work(info, write=False) as session:
            rows, next_cursor = await service.list_migrations(
                session, principal.org_id, _page(limit, cursor)
            )
            counts = await service.counts_of(session, principal.org_id, rows)
        return MigrationPage(
            data=[MigrationType.of(service.migration_schema(r, counts[r.id])) for r in rows],
            next_cursor=next_cursor,
        )

    @strawberry.field(description="One mailbox migration with its totals.")
    async def directory_migration(
        self, info: Info[Context, Any], id: strawberry.ID
    ) -> MigrationType:
        principal = require(info, "directory:write", admin=True)
        async with unit_of_work(info, write=False) as session:
            return await _one(session, principal.org_id, str(id))

    @strawberry.field(description="A migration's accounts with per-folder progress.")
    async def directory_migration_accounts(
        self,
        info: Info[Context, Any],
        id: strawberry.ID,
        limit: int = 50,
        cursor: str | None = None,
    ) -> MigrationAccountPage:
        principal = require(info, "directory:write", admin=True)
        async with unit_of_work(info, write=False) as session:
            rows, next_cursor = await service.list_accounts(
                session, principal.org_id, str(id), _page(limit, cursor)
            )
        return MigrationAccountPage(
            data=[service.account_schema(i, f).model_dump(mode="json") for i, f in rows],
            next_cursor=next_cursor,
        )


@strawberry.type
class MigrationMutation:
    @strawberry.mutation(
        description="Start a mailbox migration (input as the REST body: "
        "accounts or csv, and folder rules)."
    )
    async def create_directory_migration(
        self, info: Info[Context, Any], input: JSON
    ) -> MigrationType:
        principal = require(info, "directory:write", admin=True)
        try:
            data = schemas.MigrationCreate.model_validate(input)
        except ValidationError as exc:
            first = exc.errors()[0]
            raise as_graphql_error(
                ValidationFailed(first["msg"], param=".".join(str(p) for p in first["loc"]))
            ) from None
        async with unit_of_work(info, write=True) as session:
            migration = await service.create_migration(
                session,
                info.context.runtime,
                principal.org_id,
                data,
                actor=principal,
                ip=info.context.ip,
            )
            return await _one(session, principal.org_id, migration.id)

    @strawberry.mutation(description="Cancel a mailbox migration; source passwords are wiped.")
    async def cancel_directory_migration(
        self, info: Info[Context, Any], id: strawberry.ID
    ) -> MigrationType:
        principal = require(info, "directory:write", admin=True)
        async with unit_of_work(info, write=True) as session:
            await service.cancel_migration(
                session, principal.org_id, str(id), actor=principal, ip=info.context.ip
            )
            return await _one(session, principal.org_id, str(id))
