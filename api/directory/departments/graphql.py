"""GraphQL types and resolvers for departments (same services as REST)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import strawberry
from strawberry.types import Info

from api.directory.accounts import service as accounts
from api.directory.accounts.graphql import AccountPage, AccountType
from api.directory.accounts.router import sees_everything
from api.directory.departments import service
from api.directory.graphql_inputs import set_fields, validated
from api.graphql_kit import Context, checked_page, require, unit_of_work
from schemas import directory as schemas


@strawberry.type
class DepartmentType:
    id: str
    parent_id: str | None
    name: str
    path: str
    sort_order: int
    manager_ids: list[str]
    created_at: datetime
    updated_at: datetime

    @classmethod
    def of(cls, data: schemas.Department) -> DepartmentType:
        return cls(**data.model_dump())


@strawberry.type
class DepartmentPage:
    data: list[DepartmentType]
    next_cursor: str | None


@strawberry.input
class DepartmentCreateInput:
    name: str
    parent_id: str | None = strawberry.UNSET
    sort_order: int | None = strawberry.UNSET
    manager_ids: list[str] | None = strawberry.UNSET


@strawberry.input
class DepartmentUpdateInput:
    name: str | None = strawberry.UNSET
    parent_id: str | None = strawberry.UNSET
    sort_order: int | None = strawberry.UNSET
    manager_ids: list[str] | None = strawberry.UNSET


async def _schema(session: Any, org_id: str, dep: Any) -> DepartmentType:
    return DepartmentType.of((await service.to_schemas(session, org_id, [dep]))[0])


@strawberry.type
class DepartmentsQuery:
    @strawberry.field(description="One department.")
    async def department(self, info: Info[Context, Any], id: strawberry.ID) -> DepartmentType:
        principal = require(info, "directory:read")
        async with unit_of_work(info, write=False) as session:
            dep = await service.get_department(session, principal.org_id, str(id))
            return await _schema(session, principal.org_id, dep)

    @strawberry.field(description="All departments, or one's children in order.")
    async def departments(
        self,
        info: Info[Context, Any],
        limit: int = 50,
        cursor: str | None = None,
        parent_id: str | None = None,
    ) -> DepartmentPage:
        principal = require(info, "directory:read")
        async with unit_of_work(info, write=True) as session:  # may create the root on first use
            rows, next_cursor = await service.list_departments(
                session,
                principal.org_id,
                checked_page(limit, cursor),
                parent_id,
            )
            data = await service.to_schemas(session, principal.org_id, rows)
        return DepartmentPage(data=[DepartmentType.of(d) for d in data], next_cursor=next_cursor)

    @strawberry.field(description="A department's accounts, direct or recursive.")
    async def department_members(
        self,
        info: Info[Context, Any],
        id: strawberry.ID,
        recursive: bool = False,
        limit: int = 50,
        cursor: str | None = None,
    ) -> AccountPage:
        principal = require(info, "directory:read")
        async with unit_of_work(info, write=False) as session:
            await service.get_department(session, principal.org_id, str(id))
            rows, next_cursor = await accounts.list_accounts(
                session,
                principal.org_id,
                checked_page(limit, cursor),
                department_id=str(id),
                recursive=recursive,
                include_hidden=sees_everything(principal),
            )
            data = await accounts.to_schemas(session, principal.org_id, rows)
        return AccountPage(data=[AccountType.of(a) for a in data], next_cursor=next_cursor)


@strawberry.type
class DepartmentsMutation:
    @strawberry.mutation(description="Create a department (default parent: the root).")
    async def create_department(
        self, info: Info[Context, Any], input: DepartmentCreateInput
    ) -> DepartmentType:
        principal = require(info, "directory:write", admin=True)
        data = validated(
            schemas.DepartmentCreate, {k: v for k, v in set_fields(input).items() if v is not None}
        )
        async with unit_of_work(info, write=True) as session:
            dep = await service.create_department(
                session, principal.org_id, data, actor=principal, ip=info.context.ip
            )
            return await _schema(session, principal.org_id, dep)

    @strawberry.mutation(
        description="Rename, move, reorder or set managers (merge-patch semantics)."
    )
    async def update_department(
        self, info: Info[Context, Any], id: strawberry.ID, input: DepartmentUpdateInput
    ) -> DepartmentType:
        principal = require(info, "directory:write", admin=True)
        data = validated(schemas.DepartmentUpdate, set_fields(input))
        async with unit_of_work(info, write=True) as session:
            dep = await service.get_department(session, principal.org_id, str(id))
            dep = await service.update_department(
                session, principal.org_id, dep, data, actor=principal, ip=info.context.ip
            )
            return await _schema(session, principal.org_id, dep)

    @strawberry.mutation(description="Move a department under another (cycles refused).")
    async def move_department(
        self,
        info: Info[Context, Any],
        id: strawberry.ID,
        parent_id: str,
        position: int | None = None,
    ) -> DepartmentType:
        principal = require(info, "directory:write", admin=True)
        data = validated(schemas.DepartmentMove, {"parent_id": parent_id, "position": position})
        async with unit_of_work(info, write=True) as session:
            dep = await service.get_department(session, principal.org_id, str(id))
            dep = await service.move_department(
                session, principal.org_id, dep, data, actor=principal, ip=info.context.ip
            )
            return await _schema(session, principal.org_id, dep)

    @strawberry.mutation(description="Order a department's children.")
    async def reorder_departments(
        self, info: Info[Context, Any], id: strawberry.ID, child_ids: list[str]
    ) -> list[DepartmentType]:
        principal = require(info, "directory:write", admin=True)
        data = validated(schemas.DepartmentReorder, {"child_ids": child_ids})
        async with unit_of_work(info, write=True) as session:
            dep = await service.get_department(session, principal.org_id, str(id))
            kids = await service.reorder_children(
                session, principal.org_id, dep, data, actor=principal, ip=info.context.ip
            )
            return [
                DepartmentType.of(d)
                for d in await service.to_schemas(session, principal.org_id, kids)
            ]

    @strawberry.mutation(description="Delete an empty department.")
    async def delete_department(self, info: Info[Context, Any], id: strawberry.ID) -> bool:
        principal = require(info, "directory:write", admin=True)
        async with unit_of_work(info, write=True) as session:
            dep = await service.get_department(session, principal.org_id, str(id))
            await service.delete_department(
                session, principal.org_id, dep, actor=principal, ip=info.context.ip
            )
        return True
