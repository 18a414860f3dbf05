"""Purging a deleted account once its restore window has passed: other domains register
hooks (`@on_purge`) that remove their data for the account, then the directory forgets it."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from sqlalchemy.ext.asyncio import AsyncSession

from api.directory.accounts import repository
from api.directory.departments import service as departments
from api.directory.groups import service as groups
from api.events import emit
from api.identity.audit import record
from api.kit.clock import utcnow
from api.storage.models import Account

PurgeHook = Callable[[AsyncSession, str, str], Awaitable[None]]  # (session, org_id, account_id)
PURGE_HOOKS: list[PurgeHook] = []


def on_purge(fn: PurgeHook) -> PurgeHook:
    """Register a domain's clean-up for purged accounts (mail, calendars, contacts …)."""
    PURGE_HOOKS.append(fn)
    return fn


async def purge_account(session: AsyncSession, account: Account) -> bool:
    """Remove a deleted account whose restore window has passed; False when it is not due."""
    if account.status != "deleted" or account.purge_after is None or account.purge_after > utcnow():
        return False
    org_id, account_id, address = account.org_id, account.id, account.address
    for hook in PURGE_HOOKS:
        await hook(session, org_id, account_id)
    await departments.forget_account(session, org_id, account_id)
    await groups.forget_member(session, org_id, "account", account_id)
    session.expunge(account)
    await repository.erase(session, org_id, account_id)
    await record(
        session,
        org_id=org_id,
        action="account.purged",
        actor_type="system",
        target_type="account",
        target_id=account_id,
        details={"address": address},
    )
    await emit(
        session,
        org_id,
        "directory.account.purged",
        {"id": account_id, "account_id": account_id, "address": address},
    )
    return True
