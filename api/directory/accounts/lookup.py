"""Resolve the `{account}` path segment: an account id, an address, or `me`.

Every per-person route (`/v1/accounts/{account}/mail/…`) goes through `resolve_account`,
so the tenancy rule lives in one place: an app acting for its organisation may address any
account of that organisation; an app acting for a user may address only that user; any
other organisation's account is a 404, never a 403.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from api.errors import NotFound, ValidationFailed
from api.platform.principal import Principal
from api.storage.models import Account


async def find_account(session: AsyncSession, org_id: str, ref: str) -> Account | None:
    """An account of `org_id` by id or address (aliases and other keys join in the directory)."""
    if "@" in ref:
        stmt = select(Account).where(func.lower(Account.address) == ref.strip().lower())
    else:
        stmt = select(Account).where(Account.id == ref)
    account = await session.scalar(stmt.where(Account.org_id == org_id))
    return account


async def resolve_account(session: AsyncSession, principal: Principal, ref: str) -> Account:
    if ref == "me":
        if principal.account_id is None:
            raise ValidationFailed(
                "`me` needs a token acting for a user; an app token must name the account.",
                param="account",
            )
        ref = principal.account_id
    account = await find_account(session, principal.org_id, ref)
    if account is None:
        raise NotFound(f"No account {ref}.", param="account")
    if principal.kind != "app" and principal.account_id != account.id:
        # A token acting for one user never reaches another user's data.
        raise NotFound(f"No account {ref}.", param="account")
    return account
