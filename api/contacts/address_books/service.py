"""Rules for address books: a default per account that cannot be deleted, others freely."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from api.contacts.contacts import repository
from api.contacts.contacts.service import book_for, data, ensure_default_book
from api.contacts.errors import DefaultAddressBook
from api.errors import ValidationFailed
from api.events import emit
from api.kit import merge_patch
from api.kit.clock import utcnow
from api.kit.ids import new_id
from api.runtime import Runtime
from api.storage.models import AddressBook
from schemas.contacts import AddressBookCreate, AddressBookUpdate


async def provision(runtime: Runtime, org_id: str, account_id: str) -> AddressBook | None:
    """Make the default address book in a unit of work of its own, for read-only requests;
    returns it when it was just made (the caller's snapshot may predate it)."""
    async with runtime.db.session(write=False) as session:
        if await repository.default_book(session, org_id, account_id) is not None:
            return None
    async with runtime.db.session(write=True) as session:
        return await ensure_default_book(session, org_id, account_id)


async def list_books(session: AsyncSession, org_id: str, account_id: str) -> list[AddressBook]:
    return await repository.books(session, org_id, account_id)


async def get_book(
    session: AsyncSession, org_id: str, account_id: str, book_id: str
) -> AddressBook:
    return await book_for(session, org_id, account_id, book_id)


async def create_book(
    session: AsyncSession, org_id: str, account_id: str, body: AddressBookCreate
) -> AddressBook:
    await ensure_default_book(session, org_id, account_id)
    book = AddressBook(
        id=new_id("abk"),
        org_id=org_id,
        account_id=account_id,
        name=body.name,
        description=body.description,
        is_default=False,
    )
    session.add(book)
    await session.flush()
    await emit(
        session, org_id, "contacts.address_book.created", {"id": book.id, "account_id": account_id}
    )
    return book


async def update_book(
    session: AsyncSession, book: AddressBook, body: AddressBookUpdate
) -> AddressBook:
    values = merge_patch.changes(body)
    if "name" in values and values["name"] is None:
        raise ValidationFailed("name cannot be null.", param="name")
    if values.get("description", "") is None:
        values["description"] = ""
    changed = merge_patch.apply(book, values)
    if changed:
        book.version += 1
        book.updated_at = utcnow()
        await emit(
            session,
            book.org_id,
            "contacts.address_book.updated",
            {"id": book.id, "account_id": book.account_id, "changed": changed},
        )
    return book


async def delete_book(session: AsyncSession, runtime: Runtime, book: AddressBook) -> None:
    if book.is_default:
        raise DefaultAddressBook("The default address book cannot be deleted.")
    for g in await repository.groups(session, book.org_id, book.account_id, book.id):
        await repository.set_members(session, book.org_id, g.id, [])
        await session.delete(g)
    for c in await repository.contacts_in_book(session, book.org_id, book.id):
        if c.photo_sha256:
            await runtime.blobs.decref(session, c.photo_sha256)
        await session.delete(c)
        await emit(session, book.org_id, "contacts.contact.deleted", data(c))
    await session.delete(book)
    await session.flush()
    await emit(
        session,
        book.org_id,
        "contacts.address_book.deleted",
        {"id": book.id, "account_id": book.account_id},
    )
