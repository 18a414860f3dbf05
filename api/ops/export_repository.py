"""The reads behind an organisation export, each scoped to one organisation."""

from __future__ import annotations

from collections.abc import AsyncIterator

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from api.storage.db import Database
from api.storage.models import Account, AddressBook, Calendar, MailFolder, MailMessage

PAGE = 500


async def accounts(session: AsyncSession, org_id: str) -> list[Account]:
    return list((await session.execute(
        select(Account).where(Account.org_id == org_id, Account.status != "deleted")
        .order_by(Account.address)
    )).scalars().all())


async def folders(session: AsyncSession, org_id: str, account_id: str) -> list[MailFolder]:
    return list((await session.execute(
        select(MailFolder).where(MailFolder.org_id == org_id, MailFolder.account_id == account_id)
        .order_by(MailFolder.name)
    )).scalars().all())


async def messages(
    db: Database, org_id: str, account_id: str, folder_id: str
) -> AsyncIterator[MailMessage]:
    """A folder's messages in arrival order, a page per short read transaction."""
    after = 0
    while True:
        async with db.session(write=False) as session:
            page = list((await session.execute(
                select(MailMessage).where(
                    MailMessage.org_id == org_id, MailMessage.account_id == account_id,
                    MailMessage.folder_id == folder_id, MailMessage.seq > after,
                ).order_by(MailMessage.seq).limit(PAGE)
            )).scalars().all())
        if not page:
            return
        for message in page:
            yield message
        after = page[-1].seq


async def calendars(session: AsyncSession, org_id: str, account_id: str) -> list[Calendar]:
    return list((await session.execute(
        select(Calendar).where(Calendar.org_id == org_id, Calendar.account_id == account_id)
        .order_by(Calendar.name)
    )).scalars().all())


async def address_books(session: AsyncSession, org_id: str, account_id: str
                        ) -> list[AddressBook]:
    return list((await session.execute(
        select(AddressBook).where(AddressBook.org_id == org_id,
                                  AddressBook.account_id == account_id)
        .order_by(AddressBook.name)
    )).scalars().all())
