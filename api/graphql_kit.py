"""What every GraphQL resolver shares: the context, scope checks, AppError → GraphQL errors."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from graphql import GraphQLError
from pydantic import BaseModel, ValidationError
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.requests import HTTPConnection
from strawberry.fastapi import BaseContext
from strawberry.types import Info

from api.deps import RequireScopes
from api.errors import AppError, Unauthorized, ValidationFailed, request_locale
from api.i18n import current_locale, localise, use_locale
from api.identity.principal import Principal
from api.kit.pagination import PageParams
from api.runtime import Runtime
from api.storage.outage import (
    DatabaseUnavailable,
    TransactionConflict,
    is_database_outage,
    is_transaction_conflict,
)


class Context(BaseContext):
    # An HTTPConnection, so the same context serves queries and websocket subscriptions.
    def __init__(self, request: HTTPConnection) -> None:
        super().__init__()
        self.req = request
        self.runtime: Runtime = request.app.state.runtime
        self.principal: Principal | None = getattr(request.state, "principal", None)
        self.ip = request.client.host if request.client else None
        # Error messages follow Accept-Language, else the person's or organisation's language.
        self.locale = request_locale(request.headers, self.principal)
        use_locale(self.locale)


async def get_context(request: HTTPConnection) -> Context:
    return Context(request)


def as_graphql_error(error: AppError) -> GraphQLError:
    ext: dict[str, Any] = {"code": error.code, "status": error.status}
    if error.param:
        ext["param"] = error.param
    return GraphQLError(localise(error.message, current_locale()), extensions=ext)


def require(info: Info[Context, Any], *scopes: str, admin: bool = False) -> Principal:
    """The caller, holding `scopes`; raises the same errors REST does."""
    principal = info.context.principal
    try:
        if principal is None:
            raise Unauthorized("An access token is required.")
        return RequireScopes(*scopes, admin=admin).check(principal)
    except AppError as error:
        raise as_graphql_error(error) from None


@asynccontextmanager
async def unit_of_work(info: Info[Context, Any], *, write: bool) -> AsyncIterator[AsyncSession]:
    """One transaction per resolver; AppErrors become GraphQL errors with their `code`."""
    try:
        async with info.context.runtime.db.session(write=write) as session:
            yield session
    except AppError as error:
        raise as_graphql_error(error) from None
    except Exception as error:
        if is_database_outage(error):  # the same `database_unavailable` REST answers 503 with
            raise as_graphql_error(DatabaseUnavailable()) from None
        if is_transaction_conflict(error):  # REST's 503 `transaction_conflict`
            raise as_graphql_error(TransactionConflict()) from None
        raise


def validated(model: type[BaseModel], data: dict[str, Any]) -> Any:
    """Validate resolver input with the same pydantic model REST uses; the first problem
    becomes a `validation_failed` GraphQL error naming its field, as REST's 422 does."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        raise as_graphql_error(
            ValidationFailed(first["msg"], param=".".join(str(p) for p in first["loc"]))
        ) from None


def checked_page(limit: int, cursor: str | None) -> PageParams:
    """Page arguments checked by the one model REST's `?limit=&cursor=` uses: `limit: -5` is
    the same `validation_failed` (param `limit`) over both APIs, never quietly clamped."""
    return validated(PageParams, {"limit": limit, "cursor": cursor})  # type: ignore[no-any-return]
