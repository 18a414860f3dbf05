"""Queries over an import's outcome rows that the activation hand-out needs."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from api.storage.models import Account, DirectoryImportRow


async def created_without_password(
    session: AsyncSession, org_id: str, import_id: str, *, after_row: int, limit: int
) -> list[tuple[int, Account]]:
    """Rows of the import that created an account still without a password (active ones),
    in row order after `after_row`."""
    stmt = (
        select(DirectoryImportRow.row, Account)
        .join(Account, Account.id == DirectoryImportRow.account_id)
        .where(
            DirectoryImportRow.org_id == org_id,
            DirectoryImportRow.import_id == import_id,
            DirectoryImportRow.status == "created",
            DirectoryImportRow.row > after_row,
            Account.org_id == org_id,
            Account.status == "active",
            Account.password_hash.is_(None),
        )
        .order_by(DirectoryImportRow.row)
        .limit(limit)
    )
    return [(int(row), account) for row, account in (await session.execute(stmt)).tuples()]
