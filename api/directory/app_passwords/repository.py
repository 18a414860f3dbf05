"""App password queries, always scoped to one organisation and account."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from api.kit.pagination import PageParams, paginate
from api.storage.models import AppPassword
from api.storage.tenancy import scoped


async def page(
    session: AsyncSession, org_id: str, account_id: str, params: PageParams
) -> tuple[list[AppPassword], str | None]:
    stmt = scoped(AppPassword, org_id).where(
        AppPassword.account_id == account_id
    )
    return await paginate(session, stmt, params, [AppPassword.id])  # ids sort by creation time


async def get(
    session: AsyncSession, org_id: str, account_id: str, app_password_id: str
) -> AppPassword | None:
    return await session.scalar(
        select(AppPassword).where(
            AppPassword.id == app_password_id,
            AppPassword.org_id == org_id,
            AppPassword.account_id == account_id,
        )
    )


async def count(session: AsyncSession, account_id: str) -> int:
    value = await session.scalar(
        select(func.count()).select_from(AppPassword).where(AppPassword.account_id == account_id)
    )
    return int(value or 0)


async def hashes(session: AsyncSession, account_id: str) -> list[tuple[str, str]]:
    """(id, argon2 hash) of every app password of the account."""
    rows = await session.execute(
        select(AppPassword.id, AppPassword.password_hash)
        .where(AppPassword.account_id == account_id)
        .order_by(AppPassword.id)
    )
    return [(row[0], row[1]) for row in rows.all()]


async def remove(session: AsyncSession, app_password_id: str) -> None:
    await session.execute(delete(AppPassword).where(AppPassword.id == app_password_id))


async def touch(
    session: AsyncSession, app_password_id: str, account_id: str, when: datetime, ip: str | None
) -> bool:
    """Record a use; False when the app password is gone (revoked meanwhile)."""
    result = await session.execute(
        update(AppPassword)
        .where(AppPassword.id == app_password_id, AppPassword.account_id == account_id)
        .values(last_used_at=when, last_used_ip=(ip or None) and ip[:64])
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]
