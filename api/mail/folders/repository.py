"""Folder queries, scoped to one account."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from api.storage.models import MailFolder

ROLE_ORDER = ("inbox", "drafts", "sent", "outbox", "archive", "junk", "trash")


async def all_of(session: AsyncSession, account_id: str) -> list[MailFolder]:
    """System folders in their fixed order, then custom folders by name."""
    rows = await session.execute(
        select(MailFolder)
        .where(MailFolder.account_id == account_id)
        .execution_options(populate_existing=True)
    )
    return sorted(
        rows.scalars().all(),
        key=lambda f: (
            ROLE_ORDER.index(f.role) if f.role in ROLE_ORDER else len(ROLE_ORDER),
            f.name.lower(),
            f.id,
        ),
    )


async def get(session: AsyncSession, account_id: str, folder_id: str) -> MailFolder | None:
    return await session.scalar(
        select(MailFolder)
        .where(MailFolder.id == folder_id, MailFolder.account_id == account_id)
        .execution_options(populate_existing=True)
    )


async def get_in_org(session: AsyncSession, org_id: str, folder_id: str) -> MailFolder | None:
    return await session.scalar(
        select(MailFolder)
        .where(MailFolder.id == folder_id, MailFolder.org_id == org_id)
        .execution_options(populate_existing=True)
    )


async def sibling_named(
    session: AsyncSession, account_id: str, parent_id: str | None, name: str
) -> MailFolder | None:
    parent = (
        MailFolder.parent_id.is_(None) if parent_id is None else MailFolder.parent_id == parent_id
    )
    return await session.scalar(
        select(MailFolder)
        .where(
            MailFolder.account_id == account_id,
            parent,
            func.lower(MailFolder.name) == name.lower(),
        )
        .limit(1)
    )


async def children(session: AsyncSession, account_id: str, parent_id: str) -> list[MailFolder]:
    rows = await session.execute(
        select(MailFolder).where(
            MailFolder.account_id == account_id, MailFolder.parent_id == parent_id
        )
    )
    return list(rows.scalars().all())
