"""App and app-secret queries, always scoped to the caller's organisation."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from api.kit.pagination import PageParams, paginate
from api.storage.models import App, AppSecret
from api.storage.tenancy import Tenant, scoped


async def get(session: AsyncSession, org_id: str, app_id: str) -> App | None:
    return await Tenant(session, App, org_id).get(app_id)


async def page(session: AsyncSession, org_id: str, params: PageParams) -> tuple[list[App], str | None]:
    return await paginate(session, scoped(App, org_id), params, [App.id])


async def secrets_of(session: AsyncSession, app_id: str) -> list[AppSecret]:
    stmt = select(AppSecret).where(AppSecret.app_id == app_id).order_by(AppSecret.created_at)
    return list((await session.execute(stmt)).scalars().all())


async def get_any(session: AsyncSession, app_id: str) -> App | None:
    """Look an app up by client id across organisations (only the token endpoint does this)."""
    return await session.get(App, app_id)
