"""Address books as DAV collections: found by id or by the name a client gave with MKCOL,
created, renamed and deleted through the address books service."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from api.contacts.address_books import service as books
from api.contacts.cards import repository
from api.errors import AlreadyExists, NotFound, ValidationFailed
from api.i18n import _
from api.runtime import Runtime
from api.storage.models import AddressBook
from schemas.contacts import AddressBookCreate, AddressBookUpdate


def segment_of(book: AddressBook) -> str:
    return book.dav_name or book.id


async def find_book(
    session: AsyncSession, org_id: str, account_id: str, segment: str
) -> AddressBook:
    found = await repository.book_by_dav_name(session, org_id, account_id, segment)
    if found is not None:
        return found
    if not segment.startswith("abk_"):
        raise NotFound(_("No address book {segment}.", segment=segment), param="address_book_id")
    return await books.get_book(session, org_id, account_id, segment)


async def list_books(session: AsyncSession, org_id: str, account_id: str) -> list[AddressBook]:
    return await books.list_books(session, org_id, account_id)


async def create_named(
    session: AsyncSession, org_id: str, account_id: str, segment: str, *, name: str | None
) -> AddressBook:
    if not segment or len(segment) > 255 or segment.startswith("abk_") or segment == "gal":
        raise ValidationFailed("That collection name is not available.", param="name")
    if await repository.book_by_dav_name(session, org_id, account_id, segment) is not None:
        raise AlreadyExists(_(
            "A collection {segment} already exists.", segment=segment
        ), param="name")
    book = await books.create_book(
        session, org_id, account_id, AddressBookCreate(name=(name or segment)[:200])
    )
    book.dav_name = segment
    return book


async def rename(session: AsyncSession, book: AddressBook, name: str) -> AddressBook:
    try:
        data = AddressBookUpdate(name=name[:200])
    except ValueError as exc:
        raise ValidationFailed(_("displayname is invalid: {exc}", exc=exc), param="prop") from None
    return await books.update_book(session, book, data)


async def delete(session: AsyncSession, runtime: Runtime, book: AddressBook) -> None:
    await books.delete_book(session, runtime, book)
