"""GraphQL for an app's usage and tokens (the same service as `/v1/apps/{id}/usage|tokens`)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import strawberry
from strawberry.types import Info

from api.graphql_kit import Context, checked_page, require, unit_of_work
from api.platform.apps import usage


@strawberry.type
class AppUsageType:
    app_id: str
    active_tokens: int
    active_refresh_tokens: int
    tokens_issued_24h: int
    last_token_at: datetime | None
    requests_this_minute: int
    requests_last_hour: int
    requests_last_day: int
    rate_limit: int
    rate_limit_remaining: int
    rate_limit_reset_seconds: int


@strawberry.type
class AppTokenType:
    id: str
    grant_type: str
    account_id: str | None
    address: str | None
    scope: str
    issued_at: datetime
    expires_at: datetime
    revoked: bool
    active: bool


@strawberry.type
class AppTokenPage:
    data: list[AppTokenType]
    next_cursor: str | None


@strawberry.type
class AppUsageQuery:
    @strawberry.field(description="An app's live tokens, request counts and rate-limit state.")
    async def app_usage(self, info: Info[Context, Any], id: strawberry.ID) -> AppUsageType:
        principal = require(info, "apps:manage", admin=True)
        runtime = info.context.runtime
        async with unit_of_work(info, write=False) as session:
            out = await usage.app_usage(
                session, principal.org_id, str(id), runtime.limiter,
                runtime.settings.rate_limit_app_per_minute,
            )
        return AppUsageType(**out.model_dump())

    @strawberry.field(description="The tokens issued to an app, newest first.")
    async def app_tokens(
        self, info: Info[Context, Any], id: strawberry.ID, limit: int = 50,
        cursor: str | None = None,
    ) -> AppTokenPage:
        principal = require(info, "apps:manage", admin=True)
        page = checked_page(limit, cursor)
        async with unit_of_work(info, write=False) as session:
            rows, next_cursor = await usage.app_tokens(session, principal.org_id, str(id), page)
        return AppTokenPage(
            data=[AppTokenType(**r.model_dump()) for r in rows], next_cursor=next_cursor
        )
