"""Queries for one-time account links, scoped to the organisation or found by token hash."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from api.storage.models import AccountLink


async def by_token_hash(session: AsyncSession, kind: str, token_hash: str) -> AccountLink | None:
    return await session.scalar(
        select(AccountLink).where(AccountLink.token_hash == token_hash, AccountLink.kind == kind)
    )


async def mark_used(session: AsyncSession, link_id: str, now: datetime) -> bool:
    """Use a link once: True only for the one caller whose update found it unused."""
    result = await session.execute(
        update(AccountLink)
        .where(AccountLink.id == link_id, AccountLink.used_at.is_(None))
        .values(used_at=now)
        .execution_options(synchronize_session=False)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


async def retire_unused(
    session: AsyncSession, org_id: str, account_id: str, kind: str, now: datetime
) -> int:
    """End every unused link of `kind` for the account (a new one replaces them)."""
    result = await session.execute(
        update(AccountLink)
        .where(
            AccountLink.org_id == org_id,
            AccountLink.account_id == account_id,
            AccountLink.kind == kind,
            AccountLink.used_at.is_(None),
        )
        .values(used_at=now)
        .execution_options(synchronize_session=False)
    )
    return int(result.rowcount or 0)  # type: ignore[attr-defined]
