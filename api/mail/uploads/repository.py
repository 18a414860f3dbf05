"""Upload-session queries, scoped to an account or an organisation."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from api.storage.models import MailUpload
from api.storage.tenancy import scoped


async def get(session: AsyncSession, account_id: str, upload_id: str) -> MailUpload | None:
    return await session.scalar(
        select(MailUpload).where(MailUpload.id == upload_id, MailUpload.account_id == account_id)
    )


async def get_in_org(
    session: AsyncSession, org_id: str, upload_id: str, *, lock: bool = False
) -> MailUpload | None:
    stmt = scoped(MailUpload, org_id).where(MailUpload.id == upload_id)
    if lock and session.get_bind().dialect.name != "sqlite":
        stmt = stmt.with_for_update()
    return await session.scalar(stmt.execution_options(populate_existing=True))


async def expired(session: AsyncSession, now: datetime, limit: int = 500) -> list[MailUpload]:
    rows = await session.execute(select(MailUpload).where(MailUpload.expires_at < now).limit(limit))
    return list(rows.scalars().all())
