"""The account a REST path's `{account}` segment names, as a FastAPI dependency.

Handlers of an account's own resources (mail, calendars, contacts) take `owner: Owner`
after their scope dependency, so a missing scope answers 403 before an unreachable account
answers 404. GraphQL resolvers resolve the same way with `resolve_account`."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends

from api.deps import DbSession, Principal
from api.directory.accounts.lookup import resolve_account
from api.storage.models import Account


async def path_account(account: str, principal: Principal, session: DbSession) -> Account:
    """The `{account}` path segment (an id, an address or `me`) the caller may reach."""
    return await resolve_account(session, principal, account)


Owner = Annotated[Account, Depends(path_account)]
