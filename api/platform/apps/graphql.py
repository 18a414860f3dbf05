"""GraphQL types and resolvers for OAuth apps (the pattern every domain follows)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import strawberry
from strawberry.types import Info

from api.errors import ValidationFailed
from api.graphql_kit import Context, as_graphql_error, checked_page, require, unit_of_work
from api.graphql_kit import validated as _validated
from api.platform.apps import service
from schemas.platform import AppCreate, AppUpdate


@strawberry.type
class AppType:
    id: str
    client_id: str
    name: str
    client_type: str
    redirect_uris: list[str]
    scopes: list[str]
    disabled: bool
    created_at: datetime
    updated_at: datetime

    @classmethod
    def of(cls, row: Any) -> AppType:
        return cls(
            id=row.id, client_id=row.id, name=row.name, client_type=row.client_type,
            redirect_uris=list(row.redirect_uris), scopes=list(row.scopes), disabled=row.disabled,
            created_at=row.created_at, updated_at=row.updated_at,
        )


@strawberry.type
class AppPage:
    data: list[AppType]
    next_cursor: str | None


@strawberry.type
class AppCredentialsType:
    app: AppType
    client_secret: str | None


@strawberry.input
class AppCreateInput:
    name: str
    client_type: str = "confidential"
    redirect_uris: list[str] = strawberry.field(default_factory=list)
    scopes: list[str] = strawberry.field(default_factory=list)


@strawberry.input
class AppUpdateInput:
    name: str | None = strawberry.UNSET
    redirect_uris: list[str] | None = strawberry.UNSET
    scopes: list[str] | None = strawberry.UNSET
    disabled: bool | None = strawberry.UNSET


def _set_fields(data: Any) -> dict[str, Any]:
    return {k: v for k, v in vars(data).items() if v is not strawberry.UNSET}


@strawberry.type
class AppsQuery:
    @strawberry.field(description="The organisation's OAuth apps.")
    async def apps(self, info: Info[Context, Any], limit: int = 50, cursor: str | None = None) -> AppPage:
        principal = require(info, "apps:manage", admin=True)
        async with unit_of_work(info, write=False) as session:
            rows, next_cursor = await service.list_apps(
                session, principal.org_id, checked_page(limit, cursor)
            )
        return AppPage(data=[AppType.of(r) for r in rows], next_cursor=next_cursor)

    @strawberry.field(description="One OAuth app.")
    async def app(self, info: Info[Context, Any], id: strawberry.ID) -> AppType:
        principal = require(info, "apps:manage", admin=True)
        async with unit_of_work(info, write=False) as session:
            return AppType.of(await service.get_app(session, principal.org_id, str(id)))


@strawberry.type
class AppsMutation:
    @strawberry.mutation(description="Register an OAuth app; the secret is returned once.")
    async def create_app(self, info: Info[Context, Any], input: AppCreateInput) -> AppCredentialsType:
        principal = require(info, "apps:manage", admin=True)
        data = _validated(AppCreate, _set_fields(input))
        async with unit_of_work(info, write=True) as session:
            app, secret = await service.create_app(
                session, principal.org_id, data, actor=principal, ip=info.context.ip
            )
            return AppCredentialsType(app=AppType.of(app), client_secret=secret)

    @strawberry.mutation(description="Change an app (merge-patch semantics).")
    async def update_app(self, info: Info[Context, Any], id: strawberry.ID, input: AppUpdateInput) -> AppType:
        principal = require(info, "apps:manage", admin=True)
        data = _validated(AppUpdate, _set_fields(input))
        async with unit_of_work(info, write=True) as session:
            app = await service.get_app(session, principal.org_id, str(id))
            app = await service.update_app(
                session, principal.org_id, app, data, actor=principal, ip=info.context.ip
            )
            return AppType.of(app)

    @strawberry.mutation(description="Delete an app and revoke its tokens.")
    async def delete_app(self, info: Info[Context, Any], id: strawberry.ID) -> bool:
        principal = require(info, "apps:manage", admin=True)
        async with unit_of_work(info, write=True) as session:
            app = await service.get_app(session, principal.org_id, str(id))
            await service.delete_app(session, principal.org_id, app, actor=principal, ip=info.context.ip)
        return True

    @strawberry.mutation(description="Issue a new client secret; the old one lives on for the grace period.")
    async def rotate_app_secret(
        self, info: Info[Context, Any], id: strawberry.ID, grace_seconds: int | None = None
    ) -> AppCredentialsType:
        principal = require(info, "apps:manage", admin=True)
        grace = grace_seconds if grace_seconds is not None else info.context.runtime.settings.secret_rotation_grace
        if not 0 <= grace <= 30 * 24 * 3600:
            raise as_graphql_error(ValidationFailed("grace_seconds out of range", param="grace_seconds"))
        async with unit_of_work(info, write=True) as session:
            app = await service.get_app(session, principal.org_id, str(id))
            secret, _ = await service.rotate_secret(
                session, principal.org_id, app, grace, actor=principal, ip=info.context.ip
            )
            return AppCredentialsType(app=AppType.of(app), client_secret=secret)
