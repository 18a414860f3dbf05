"""GraphQL types and resolvers for app passwords (same service and rules as REST)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import strawberry
from strawberry.types import Info

from api.directory.app_passwords import service
from api.directory.graphql_inputs import set_fields, validated
from api.graphql_kit import Context, checked_page, require, unit_of_work
from schemas import app_passwords as schemas


@strawberry.type
class AppPasswordType:
    id: str
    account_id: str
    name: str
    created_at: datetime
    last_used_at: datetime | None
    last_used_ip: str | None

    @classmethod
    def of(cls, data: schemas.AppPassword) -> AppPasswordType:
        return cls(**data.model_dump(include=set(schemas.AppPassword.model_fields)))


@strawberry.type
class AppPasswordPage:
    data: list[AppPasswordType]
    next_cursor: str | None


@strawberry.type
class AppPasswordCreatedType:
    app_password: AppPasswordType
    password: str = strawberry.field(description="The secret, shown only in this response.")


@strawberry.input
class AppPasswordCreateInput:
    name: str


@strawberry.type
class AppPasswordsQuery:
    @strawberry.field(
        description="An account's app passwords (never their secrets): `directory:read` as an "
        "administrator, `mail:send` for your own."
    )
    async def app_passwords(
        self,
        info: Info[Context, Any],
        account: str,
        limit: int = 50,
        cursor: str | None = None,
    ) -> AppPasswordPage:
        principal = require(info)
        async with unit_of_work(info, write=False) as session:
            row = await service.target_account(session, principal, account, write=False)
            rows, next_cursor = await service.list_app_passwords(
                session, row, checked_page(limit, cursor)
            )
            data = [AppPasswordType.of(service.to_schema(r)) for r in rows]
        return AppPasswordPage(data=data, next_cursor=next_cursor)


@strawberry.type
class AppPasswordsMutation:
    @strawberry.mutation(
        description="Create an app password for SMTP submission; its secret is returned once."
    )
    async def create_app_password(
        self, info: Info[Context, Any], account: str, input: AppPasswordCreateInput
    ) -> AppPasswordCreatedType:
        principal = require(info)
        data = validated(schemas.AppPasswordCreate, set_fields(input))
        async with unit_of_work(info, write=True) as session:
            row = await service.target_account(session, principal, account, write=True)
            created = await service.create_app_password(
                session, row, data, actor=principal, ip=info.context.ip
            )
        return AppPasswordCreatedType(
            app_password=AppPasswordType.of(created), password=created.password
        )

    @strawberry.mutation(description="Revoke an app password: SMTP sign-ins with it fail.")
    async def revoke_app_password(
        self, info: Info[Context, Any], account: str, id: strawberry.ID
    ) -> bool:
        principal = require(info)
        async with unit_of_work(info, write=True) as session:
            row = await service.target_account(session, principal, account, write=True)
            await service.revoke_app_password(
                session, row, str(id), actor=principal, ip=info.context.ip
            )
        return True
