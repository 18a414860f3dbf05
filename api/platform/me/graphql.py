"""GraphQL `me` (who is calling) and `updateMe` (a person's own profile), over the same
service as `/v1/me`."""

from __future__ import annotations

from typing import Any

import strawberry
from strawberry.types import Info

from api.graphql_kit import Context, require, unit_of_work, validated
from api.platform.me.service import change_profile, describe, own_account
from schemas.platform import MeUpdate


@strawberry.type
class MeType:
    kind: str
    org_id: str
    org_name: str
    scopes: list[str]
    app_id: str | None
    app_name: str | None
    account_id: str | None
    address: str | None
    display_name: str | None
    role: str | None
    time_zone: str | None
    locale: str | None


@strawberry.input
class MeUpdateInput:
    display_name: str | None = strawberry.UNSET
    time_zone: str | None = strawberry.UNSET
    locale: str | None = strawberry.UNSET


@strawberry.type
class MeQuery:
    @strawberry.field(description="Who is calling.")
    async def me(self, info: Info[Context, Any]) -> MeType:
        return MeType(**describe(require(info)).model_dump())


@strawberry.type
class MeMutation:
    @strawberry.mutation(
        description="Change your own display name, time zone or language (merge-patch "
        "semantics; scope profile:write, as PATCH /v1/me)."
    )
    async def update_me(self, info: Info[Context, Any], input: MeUpdateInput) -> MeType:
        principal = require(info, "profile:write")
        fields = {k: v for k, v in vars(input).items() if v is not strawberry.UNSET}
        data = validated(MeUpdate, fields)
        async with unit_of_work(info, write=True) as session:
            account = await own_account(session, principal)
            me = await change_profile(session, principal, account, data, ip=info.context.ip)
        info.context.runtime.tokens.clear()
        return MeType(**me.model_dump())
