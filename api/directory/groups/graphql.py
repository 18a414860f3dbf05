"""GraphQL types and resolvers for groups (same services as REST)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import strawberry
from strawberry.types import Info

from api.directory.graphql_inputs import set_fields, validated
from api.directory.groups import service
from api.graphql_kit import Context, checked_page, require, unit_of_work
from schemas import directory as schemas


@strawberry.type
class GroupType:
    id: str
    address: str
    name: str
    description: str
    send_policy: str
    hidden_from_address_book: bool
    created_at: datetime
    updated_at: datetime

    @classmethod
    def of(cls, row: Any) -> GroupType:
        return cls(**schemas.Group.model_validate(row).model_dump())


@strawberry.type
class GroupPage:
    data: list[GroupType]
    next_cursor: str | None


@strawberry.type
class GroupMemberType:
    id: str
    kind: str
    ref: str
    role: str
    address: str | None
    created_at: datetime


@strawberry.type
class GroupMemberPage:
    data: list[GroupMemberType]
    next_cursor: str | None


@strawberry.type
class ExpandedAccountType:
    id: str
    address: str


@strawberry.type
class GroupExpansionType:
    accounts: list[ExpandedAccountType]
    external: list[str]


@strawberry.input
class GroupMemberInput:
    kind: str
    ref: str
    role: str | None = strawberry.UNSET


@strawberry.input
class GroupCreateInput:
    address: str
    name: str
    description: str | None = strawberry.UNSET
    send_policy: str | None = strawberry.UNSET
    hidden_from_address_book: bool | None = strawberry.UNSET
    members: list[GroupMemberInput] | None = strawberry.UNSET


@strawberry.input
class GroupUpdateInput:
    name: str | None = strawberry.UNSET
    description: str | None = strawberry.UNSET
    send_policy: str | None = strawberry.UNSET
    hidden_from_address_book: bool | None = strawberry.UNSET


def _no_nulls(data: dict[str, Any]) -> dict[str, Any]:
    return {
        k: ([_no_nulls(x) if isinstance(x, dict) else x for x in v] if isinstance(v, list) else v)
        for k, v in data.items()
        if v is not None
    }


@strawberry.type
class GroupsQuery:
    @strawberry.field(description="A group by id or address.")
    async def group(self, info: Info[Context, Any], id: strawberry.ID) -> GroupType:
        principal = require(info, "directory:read")
        async with unit_of_work(info, write=False) as session:
            return GroupType.of(await service.get_group(session, principal.org_id, str(id)))

    @strawberry.field(description="The organisation's groups.")
    async def groups(
        self,
        info: Info[Context, Any],
        limit: int = 50,
        cursor: str | None = None,
        q: str | None = None,
    ) -> GroupPage:
        principal = require(info, "directory:read")
        async with unit_of_work(info, write=False) as session:
            rows, next_cursor = await service.list_groups(
                session,
                principal.org_id,
                checked_page(limit, cursor),
                q,
            )
        return GroupPage(data=[GroupType.of(g) for g in rows], next_cursor=next_cursor)

    @strawberry.field(description="A group's direct members.")
    async def group_members(
        self,
        info: Info[Context, Any],
        id: strawberry.ID,
        limit: int = 50,
        cursor: str | None = None,
    ) -> GroupMemberPage:
        principal = require(info, "directory:read")
        async with unit_of_work(info, write=False) as session:
            group = await service.get_group(session, principal.org_id, str(id))
            data, next_cursor = await service.list_members(
                session,
                principal.org_id,
                group,
                checked_page(limit, cursor),
            )
        return GroupMemberPage(
            data=[GroupMemberType(**m.model_dump()) for m in data], next_cursor=next_cursor
        )

    @strawberry.field(description="Everyone mail to the group reaches.")
    async def group_expansion(
        self, info: Info[Context, Any], id: strawberry.ID
    ) -> GroupExpansionType:
        principal = require(info, "directory:read")
        async with unit_of_work(info, write=False) as session:
            group = await service.get_group(session, principal.org_id, str(id))
            out = await service.expand(session, principal.org_id, [group.id])
        return GroupExpansionType(
            accounts=[ExpandedAccountType(id=i, address=a) for i, a in out.accounts.items()],
            external=out.external,
        )


@strawberry.type
class GroupsMutation:
    @strawberry.mutation(description="Create a group.")
    async def create_group(self, info: Info[Context, Any], input: GroupCreateInput) -> GroupType:
        principal = require(info, "directory:write", admin=True)
        data = validated(schemas.GroupCreate, _no_nulls(set_fields(input)))
        async with unit_of_work(info, write=True) as session:
            return GroupType.of(
                await service.create_group(
                    session, principal.org_id, data, actor=principal, ip=info.context.ip
                )
            )

    @strawberry.mutation(description="Change a group (merge-patch semantics).")
    async def update_group(
        self, info: Info[Context, Any], id: strawberry.ID, input: GroupUpdateInput
    ) -> GroupType:
        principal = require(info, "directory:write", admin=True)
        data = validated(schemas.GroupUpdate, set_fields(input))
        async with unit_of_work(info, write=True) as session:
            group = await service.get_group(session, principal.org_id, str(id))
            return GroupType.of(
                await service.update_group(
                    session, principal.org_id, group, data, actor=principal, ip=info.context.ip
                )
            )

    @strawberry.mutation(description="Delete a group.")
    async def delete_group(self, info: Info[Context, Any], id: strawberry.ID) -> bool:
        principal = require(info, "directory:write", admin=True)
        async with unit_of_work(info, write=True) as session:
            group = await service.get_group(session, principal.org_id, str(id))
            await service.delete_group(
                session, principal.org_id, group, actor=principal, ip=info.context.ip
            )
        return True

    @strawberry.mutation(description="Add a member (cycles refused).")
    async def add_group_member(
        self, info: Info[Context, Any], id: strawberry.ID, input: GroupMemberInput
    ) -> GroupMemberType:
        principal = require(info, "directory:write", admin=True)
        data = validated(schemas.GroupMemberCreate, _no_nulls(set_fields(input)))
        async with unit_of_work(info, write=True) as session:
            group = await service.get_group(session, principal.org_id, str(id))
            member = await service.add_member(
                session, principal.org_id, group, data, actor=principal, ip=info.context.ip
            )
            out = (await service.member_schemas(session, principal.org_id, [member]))[0]
        return GroupMemberType(**out.model_dump())

    @strawberry.mutation(description="Remove a member by its id (`kind:ref`).")
    async def remove_group_member(
        self, info: Info[Context, Any], id: strawberry.ID, member_id: str
    ) -> bool:
        principal = require(info, "directory:write", admin=True)
        async with unit_of_work(info, write=True) as session:
            group = await service.get_group(session, principal.org_id, str(id))
            await service.remove_member(
                session, principal.org_id, group, member_id, actor=principal, ip=info.context.ip
            )
        return True
