"""A person's language and time zone: their own, else their organisation's."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from api.i18n import pick_locale
from api.storage.models import Account, Organization


async def organization_locale(session: AsyncSession, org_id: str) -> str:
    org = await session.get(Organization, org_id)
    return pick_locale(org.locale if org is not None else None)


async def account_locale(session: AsyncSession, account: Account) -> str:
    if account.locale:
        return pick_locale(account.locale)
    return await organization_locale(session, account.org_id)


async def account_zone(session: AsyncSession, account: Account) -> str:
    if account.time_zone:
        return account.time_zone
    org = await session.get(Organization, account.org_id)
    return (org.time_zone if org is not None else None) or "UTC"
