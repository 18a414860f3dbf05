"""Queries of the web sessions and of each organisation's first-party web app."""

from __future__ import annotations

from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from api.identity.token_strings import digest
from api.storage.models import Account, App, Domain, Token, WebSession
from api.storage.tenancy import scoped


async def org_of_domain(session: AsyncSession, domain: str) -> str | None:
    return await session.scalar(select(Domain.org_id).where(Domain.name == domain))


async def first_party_app(session: AsyncSession, org_id: str) -> App | None:
    return await session.scalar(
        scoped(App, org_id)
        .where(App.first_party.is_(True), App.disabled.is_(False))
        .order_by(App.created_at)
        .limit(1)
    )


async def by_cookie(session: AsyncSession, cookie_hash: str) -> WebSession | None:
    return await session.scalar(select(WebSession).where(WebSession.cookie_hash == cookie_hash))


async def account_of(session: AsyncSession, account_id: str) -> Account | None:
    return await session.get(Account, account_id)


async def replace_tokens(
    session: AsyncSession,
    row: WebSession,
    *,
    access: str,
    refresh: str | None,
    access_expires_at,  # type: ignore[no-untyped-def]
) -> bool:
    """Store refreshed tokens unless another request already did (optimistic version)."""
    done = await session.execute(
        update(WebSession)
        .where(WebSession.id == row.id, WebSession.version == row.version)
        .values(
            access_token_sealed=access,
            refresh_token_sealed=refresh,
            access_expires_at=access_expires_at,
            version=row.version + 1,
        )
    )
    return bool(done.rowcount)  # type: ignore[attr-defined]


async def remove(session: AsyncSession, session_id: str) -> None:
    await session.execute(delete(WebSession).where(WebSession.id == session_id))


async def token_account(session: AsyncSession, access_token: str) -> str | None:
    """The account an access token acts for."""
    return await session.scalar(
        select(Token.account_id).where(Token.access_token_hash == digest(access_token))
    )
