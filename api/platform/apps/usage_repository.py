"""SQL for an app's tokens: counts for its usage card and the recent tokens list."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from api.kit.pagination import PageParams, paginate
from api.storage.models import Account, Token


async def token_counts(session: AsyncSession, app_id: str, now: datetime) -> dict[str, Any]:
    live = Token.revoked_at.is_(None)
    row = (await session.execute(
        select(
            func.count().filter(live, Token.expires_at > now),
            func.count().filter(live, Token.refresh_token_hash.is_not(None),
                                Token.refresh_expires_at > now, Token.refresh_used_at.is_(None)),
            func.count().filter(Token.issued_at > now - timedelta(hours=24)),
            func.max(Token.issued_at),
        ).where(Token.app_id == app_id)
    )).one()
    return {"active": row[0], "refresh": row[1], "issued_24h": row[2], "last": row[3]}


async def tokens_page(
    session: AsyncSession, app_id: str, params: PageParams
) -> tuple[list[Token], str | None]:
    """The app's tokens, newest first (ids are time-ordered)."""
    stmt: Select[Any] = select(Token).where(Token.app_id == app_id)
    return await paginate(session, stmt, params, [Token.id], descending=True)


async def addresses(session: AsyncSession, account_ids: set[str]) -> dict[str, str]:
    if not account_ids:
        return {}
    rows = await session.execute(
        select(Account.id, Account.address).where(Account.id.in_(account_ids))
    )
    return {i: a for i, a in rows.all()}
