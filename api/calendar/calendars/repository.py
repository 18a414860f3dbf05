"""Calendar and share queries, always scoped to the caller's organisation."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from api.storage.models import Account, Calendar, CalendarShare
from api.storage.tenancy import scoped


async def get(session: AsyncSession, org_id: str, calendar_id: str) -> Calendar | None:
    return await session.scalar(
        select(Calendar).where(Calendar.id == calendar_id, Calendar.org_id == org_id)
    )


async def owned_by(session: AsyncSession, org_id: str, account_id: str) -> list[Calendar]:
    stmt = (
        scoped(Calendar, org_id)
        .where(Calendar.account_id == account_id)
        .order_by(Calendar.is_default.desc(), Calendar.id)
    )
    return list((await session.execute(stmt)).scalars().all())


async def owned_ids(session: AsyncSession, org_id: str, account_id: str) -> list[str]:
    stmt = select(Calendar.id).where(Calendar.org_id == org_id, Calendar.account_id == account_id)
    return list((await session.execute(stmt)).scalars().all())


async def default_of(session: AsyncSession, org_id: str, account_id: str) -> Calendar | None:
    return await session.scalar(
        scoped(Calendar, org_id).where(
            Calendar.account_id == account_id,
            Calendar.is_default.is_(True),
        )
    )


async def defaults_of(
    session: AsyncSession, org_id: str, account_ids: list[str]
) -> dict[str, Calendar]:
    if not account_ids:
        return {}
    rows = await session.execute(
        scoped(Calendar, org_id).where(
            Calendar.account_id.in_(account_ids),
            Calendar.is_default.is_(True),
        )
    )
    return {c.account_id: c for c in rows.scalars().all() if c.account_id}


async def shared_with(
    session: AsyncSession, org_id: str, account_id: str
) -> list[tuple[Calendar, str]]:
    stmt = (
        select(Calendar, CalendarShare.level)
        .join(CalendarShare, CalendarShare.calendar_id == Calendar.id)
        .where(CalendarShare.org_id == org_id, CalendarShare.account_id == account_id)
        .order_by(Calendar.id)
    )
    return [(c, level) for c, level in (await session.execute(stmt)).all()]


async def share_of(
    session: AsyncSession, calendar_id: str, account_id: str
) -> CalendarShare | None:
    return await session.scalar(
        select(CalendarShare).where(
            CalendarShare.calendar_id == calendar_id, CalendarShare.account_id == account_id
        )
    )


async def shares(
    session: AsyncSession, org_id: str, calendar_id: str
) -> list[tuple[CalendarShare, str]]:
    stmt = (
        select(CalendarShare, Account.address)
        .join(Account, Account.id == CalendarShare.account_id)
        .where(CalendarShare.org_id == org_id, CalendarShare.calendar_id == calendar_id)
        .order_by(CalendarShare.created_at, CalendarShare.id)
    )
    return [(s, a) for s, a in (await session.execute(stmt)).all()]


async def by_feed_token(session: AsyncSession, token_hash: str) -> Calendar | None:
    """The one cross-organisation lookup: a feed URL's secret names its calendar."""
    return await session.scalar(select(Calendar).where(Calendar.feed_token_hash == token_hash))
