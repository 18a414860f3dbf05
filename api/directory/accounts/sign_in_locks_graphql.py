"""GraphQL for sign-in locks (the same service as `/v1/directory/sign-in-locks`)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import strawberry
from strawberry.types import Info

from api.directory.accounts import sign_in_locks
from api.graphql_kit import Context, checked_page, require, unit_of_work


@strawberry.type
class SignInLockType:
    id: str
    kind: str
    address: str | None
    ip: str | None
    failures: int
    last_failure_at: datetime
    locked_until: datetime | None
    locked: bool


@strawberry.type
class SignInLockPage:
    data: list[SignInLockType]
    next_cursor: str | None


@strawberry.type
class SignInLocksQuery:
    @strawberry.field(description="Sign-in throttling state of the organisation (admins).")
    async def sign_in_locks(
        self, info: Info[Context, Any], limit: int = 50, cursor: str | None = None,
        locked_only: bool = False,
    ) -> SignInLockPage:
        principal = require(info, "directory:read", admin=True)
        page = checked_page(limit, cursor)
        async with unit_of_work(info, write=False) as session:
            rows, next_cursor = await sign_in_locks.list_locks(
                session, principal.org_id, page, locked_only=locked_only
            )
        return SignInLockPage(
            data=[SignInLockType(**r.model_dump()) for r in rows], next_cursor=next_cursor
        )


@strawberry.type
class SignInLocksMutation:
    @strawberry.mutation(description="Clear a sign-in lock (its `lck_…` id or the address).")
    async def clear_sign_in_lock(self, info: Info[Context, Any], id: str) -> bool:
        principal = require(info, "directory:write", admin=True)
        async with unit_of_work(info, write=True) as session:
            await sign_in_locks.clear_lock(
                session, principal.org_id, id, actor=principal, ip=info.context.ip
            )
        return True
