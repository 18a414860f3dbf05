"""Contact queries by resource name, always scoped to the caller's organisation."""

from __future__ import annotations

from sqlalchemy import and_, or_
from sqlalchemy.ext.asyncio import AsyncSession

from api.storage.models import AddressBook, Contact
from api.storage.tenancy import scoped

SUFFIX = ".vcf"


async def by_names(
    session: AsyncSession, org_id: str, book_id: str, names: list[str]
) -> list[Contact]:
    """The contacts served under `names` in one address book."""
    if not names:
        return []
    ids = [n[: -len(SUFFIX)] for n in names if n.endswith(SUFFIX)]
    stmt = scoped(Contact, org_id).where(
        Contact.address_book_id == book_id,
        or_(Contact.dav_name.in_(names), and_(Contact.dav_name.is_(None), Contact.id.in_(ids))),
    )
    return list((await session.execute(stmt)).scalars().all())


async def by_uid(session: AsyncSession, org_id: str, book_id: str, uid: str) -> Contact | None:
    return await session.scalar(
        scoped(Contact, org_id).where(
            Contact.address_book_id == book_id, Contact.uid == uid
        )
    )


async def book_by_dav_name(
    session: AsyncSession, org_id: str, account_id: str, dav_name: str
) -> AddressBook | None:
    """One of the account's address books by the collection name its client gave it."""
    return await session.scalar(
        scoped(AddressBook, org_id).where(
            AddressBook.account_id == account_id,
            AddressBook.dav_name == dav_name,
        )
    )
