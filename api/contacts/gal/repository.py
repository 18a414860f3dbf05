"""Company directory queries, always scoped to one organisation."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from api.storage.models import Account
from api.storage.tenancy import scoped


async def listed_accounts(session: AsyncSession, org_id: str) -> list[Account]:
    """Active accounts not hidden from the address book, by address."""
    stmt = (
        scoped(Account, org_id)
        .where(
            Account.status == "active",
            Account.hidden_from_address_book.is_(False),
        )
        .order_by(Account.address)
    )
    return list((await session.execute(stmt)).scalars().all())
