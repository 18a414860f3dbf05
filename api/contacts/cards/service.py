"""Rules for address object resources (RFC 6352 §5.1): one vCard per contact, named by the
client that wrote it (or `<contact id>.vcf`), written through the same rules and events as
the API's contacts (`contacts.contact.*`)."""

from __future__ import annotations

import hashlib
import uuid
from typing import Any

from sqlalchemy import ColumnElement
from sqlalchemy.ext.asyncio import AsyncSession

from api.calendar.ics.service import decode
from api.contacts.cards import groups, repository
from api.contacts.cards.groups import GroupCard
from api.contacts.contacts import repository as contacts_repository
from api.contacts.contacts import vcard
from api.contacts.contacts.service import data, delete_contact, finish, set_photo
from api.contacts.contacts.transfer import contact_vcard
from api.contacts.errors import UidConflict
from api.errors import PreconditionFailed, ValidationFailed
from api.events import emit
from api.events.sync import CollectionChanges, collection_changes, collection_state
from api.i18n import _
from api.kit.clock import utcnow
from api.kit.ids import new_id
from api.runtime import Runtime
from api.storage.models import AddressBook, Contact, Event
from schemas.contacts import ContactCreate

MAX_NAME = 255
FIELDS = [f for f in ContactCreate.model_fields if f != "address_book_id"]
LIST_FIELDS = {"emails", "phones", "addresses", "urls", "categories"}


def name_of(contact: Contact) -> str:
    return contact.dav_name or f"{contact.id}.vcf"


def etag_of(contact: Contact) -> str:
    digest = hashlib.sha256(f"{contact.id}:{contact.version}".encode()).hexdigest()
    return f'"{digest[:24]}"'


async def list_cards(session: AsyncSession, book: AddressBook) -> list[Contact]:
    return await contacts_repository.contacts_in_book(session, book.org_id, book.id)


async def get_cards(session: AsyncSession, book: AddressBook, names: list[str]) -> list[Contact]:
    return await repository.by_names(session, book.org_id, book.id, names)


async def get_card(session: AsyncSession, book: AddressBook, name: str) -> Contact | None:
    found = await get_cards(session, book, [name])
    return found[0] if found else None


async def render(runtime: Runtime, contact: Contact, version: str = "3.0") -> str:
    return await contact_vcard(runtime, contact, version)


def _href_of(values: dict[str, Any], _type: str) -> str | None:
    if values.get("dav_name"):
        return str(values["dav_name"])
    return f"{values['id']}.vcf" if values.get("id") else None


TYPES = ["contacts.contact.*", "contacts.group.*"]


def _in(book: AddressBook) -> list[ColumnElement[bool]]:
    return [Event.data["address_book_id"].as_string() == book.id]


async def sync_state(session: AsyncSession, book: AddressBook) -> str:
    """This book's own state in the event log: it moves only when this book changes."""
    return await collection_state(session, book.org_id, types=TYPES, where=_in(book))


async def changes(session: AsyncSession, book: AddressBook, since: str) -> CollectionChanges:
    """Card names (contacts and groups) created, updated and deleted in this book since
    one of its states."""
    return await collection_changes(
        session, book.org_id, types=TYPES, since=since, where=_in(book), id_of=_href_of
    )


def _check(etag: str | None, if_match: str | None, if_none_match: str | None) -> None:
    if if_none_match is not None:
        tags = [t.strip() for t in if_none_match.split(",")]
        if etag is not None and ("*" in tags or etag in tags):
            raise PreconditionFailed("The card already exists.", param="If-None-Match")
    if if_match is not None:
        tags = [t.strip() for t in if_match.split(",")]
        if etag is None or not ("*" in tags or etag in tags):
            raise PreconditionFailed("The card has changed since you read it.", param="If-Match")


async def put_card(
    session: AsyncSession,
    runtime: Runtime,
    book: AddressBook,
    name: str,
    body: bytes,
    *,
    if_match: str | None = None,
    if_none_match: str | None = None,
) -> tuple[Contact | GroupCard, bool]:
    """Create or replace the card `name` from vCard 3.0/4.0 text: a person's card is a
    contact, a group card (`KIND:group`, Apple's `X-ADDRESSBOOKSERVER-KIND:group`) a contact
    group; (contact or group, created)."""
    if not name or len(name) > MAX_NAME or "/" in name:
        raise ValidationFailed("A card name is 1-255 characters without '/'.", param="name")
    parsed = vcard.parse(decode(body))
    if len(parsed) != 1:
        raise ValidationFailed("An address object holds exactly one vCard.", param="body")
    card = parsed[0]
    if card.kind not in ("individual", "group"):
        raise ValidationFailed("Cards of people and groups are stored here.", param="KIND")
    current = await get_card(session, book, name)
    found = await groups.get_groups(session, book, [name])
    current_group = found[0] if found else None
    _check(
        etag_of(current) if current else current_group.etag if current_group else None,
        if_match,
        if_none_match,
    )
    if card.kind == "group":
        if current is not None:
            raise UidConflict("A person's card cannot become a group.")
        return await groups.put_group(session, book, name, card, current_group), (
            current_group is None
        )
    if current_group is not None:
        raise UidConflict("A group's card cannot become a person's.")
    uid = (card.uid or f"urn:uuid:{uuid.uuid4()}")[:255]
    if current is None:
        if await repository.by_uid(session, book.org_id, book.id, uid) is not None or (
            await repository.group_by_uid(session, book.org_id, book.id, uid) is not None
        ):
            raise UidConflict(_("A card with UID {uid} is already in this book.", uid=uid))
        contact = Contact(
            id=new_id("con"),
            org_id=book.org_id,
            account_id=book.account_id,
            address_book_id=book.id,
            uid=uid,
            dav_name=name,
            version=1,
        )
        session.add(contact)
    else:
        if current.uid != uid:
            raise UidConflict("A card's UID cannot change.")
        contact = current
        contact.version += 1
        contact.updated_at = utcnow()
    for key in FIELDS:  # a PUT replaces the whole card
        value = card.fields.get(key)
        if value is None:
            value = [] if key in LIST_FIELDS else (None if key == "birthday" else "")
        setattr(contact, key, value)
    finish(contact)
    if not contact.display_name:
        raise ValidationFailed("A card needs FN, N, ORG or EMAIL.", param="FN")
    if card.photo is not None:
        await set_photo(session, runtime, contact, card.photo, emit_event=False)
    await session.flush()
    verb = "created" if current is None else "updated"
    extra = {"changed": ["dav"]} if current else {}
    await emit(session, book.org_id, f"contacts.contact.{verb}", data(contact, **extra))
    if current is None:
        await groups.join_waiting(session, book, contact)
    return contact, current is None


async def delete_card(
    session: AsyncSession,
    runtime: Runtime,
    book: AddressBook,
    name: str,
    *,
    if_match: str | None = None,
) -> bool:
    current = await get_card(session, book, name)
    if current is None:
        found = await groups.get_groups(session, book, [name])
        _check(found[0].etag if found else None, if_match, None)
        if not found:
            return False
        await groups.delete(session, found[0])
        return True
    _check(etag_of(current), if_match, None)
    await groups.left(session, book, current)
    await delete_contact(session, runtime, current)
    return True
