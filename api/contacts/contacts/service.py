"""Rules for contacts: one default address book per account, search text kept in step,
photos in the blob store, and an event for every change."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from api.contacts.contacts import repository
from api.errors import NotFound, PayloadTooLarge, ValidationFailed
from api.events import emit
from api.i18n import _
from api.kit import merge_patch
from api.kit.clock import utcnow
from api.kit.ids import new_id
from api.runtime import Runtime
from api.storage.models import AddressBook, Contact
from schemas.contacts import ContactCreate, ContactUpdate

PHOTO_TYPES = {"image/jpeg", "image/png", "image/gif", "image/webp"}
MAX_PHOTO = 512 * 1024
NAME_FIELDS = ("prefix", "given_name", "middle_name", "family_name", "suffix")


def search_text(c: Contact) -> str:
    parts = [
        c.display_name,
        c.given_name,
        c.family_name,
        c.middle_name,
        c.nickname,
        c.organization,
        *(e["address"] for e in c.emails or []),
    ]
    return " ".join(p for p in parts if p).lower()


def _display_name(c: Contact) -> str:
    if c.display_name:
        return c.display_name
    name = " ".join(getattr(c, f) for f in NAME_FIELDS if getattr(c, f))
    if name:
        return name
    if c.organization:
        return c.organization
    return c.emails[0]["address"] if c.emails else ""


def _normalise_emails(emails: list[dict[str, Any]]) -> list[dict[str, Any]]:
    seen: set[str] = set()
    out = []
    for e in emails:
        if e["address"].lower() in seen:
            continue
        seen.add(e["address"].lower())
        out.append(
            {
                "address": e["address"],
                "type": e.get("type", "other"),
                "primary": bool(e.get("primary")),
            }
        )
    if out and not any(e["primary"] for e in out):
        out[0]["primary"] = True
    return out


def finish(c: Contact) -> None:
    """Derived fields: display name fallback, one primary email, search text."""
    c.emails = _normalise_emails(c.emails or [])
    c.display_name = _display_name(c)
    c.search_text = search_text(c)


def data(c: Contact, **extra: Any) -> dict[str, Any]:
    return {
        "id": c.id,
        "account_id": c.account_id,
        "address_book_id": c.address_book_id,
        **({"dav_name": c.dav_name} if c.dav_name else {}),
        **extra,
    }


async def ensure_default_book(session: AsyncSession, org_id: str, account_id: str) -> AddressBook:
    found = await repository.default_book(session, org_id, account_id)
    if found is not None:
        return found
    book = AddressBook(
        id=new_id("abk"),
        org_id=org_id,
        account_id=account_id,
        name="Contacts",
        description="",
        is_default=True,
        default_for=account_id,
    )
    try:
        async with session.begin_nested():
            session.add(book)
    except IntegrityError:  # a concurrent first request made it
        found = await repository.default_book(session, org_id, account_id)
        assert found is not None
        return found
    return book


async def book_for(
    session: AsyncSession, org_id: str, account_id: str, book_id: str | None
) -> AddressBook:
    if book_id is None:
        return await ensure_default_book(session, org_id, account_id)
    found = await repository.book(session, org_id, account_id, book_id)
    if found is None:
        raise NotFound(_("No address book {book_id}.", book_id=book_id), param="address_book_id")
    return found


async def get_contact(
    session: AsyncSession, org_id: str, account_id: str, contact_id: str
) -> Contact:
    found = await repository.contact(session, org_id, account_id, contact_id)
    if found is None:
        raise NotFound(_("No contact {contact_id}.", contact_id=contact_id), param="contact_id")
    return found


async def create_contact(
    session: AsyncSession, org_id: str, account_id: str, body: ContactCreate
) -> Contact:
    book = await book_for(session, org_id, account_id, body.address_book_id)
    values = body.model_dump(exclude={"address_book_id"})
    contact = Contact(
        id=new_id("con"),
        org_id=org_id,
        account_id=account_id,
        address_book_id=book.id,
        uid=f"urn:uuid:{uuid.uuid4()}",
        version=1,
        **values,
    )
    finish(contact)
    if not contact.display_name:
        raise ValidationFailed(
            "A contact needs a name, an organisation or an email.", param="display_name"
        )
    session.add(contact)
    await session.flush()
    await emit(session, org_id, "contacts.contact.created", data(contact))
    return contact


async def update_contact(session: AsyncSession, contact: Contact, body: ContactUpdate) -> Contact:
    values = merge_patch.changes(body)
    for key, value in list(values.items()):
        if value is None and key != "birthday":
            values[key] = (
                [] if key in ("emails", "phones", "addresses", "urls", "categories") else ""
            )
    if "display_name" in values and not values["display_name"]:
        values["display_name"] = ""
        contact.display_name = ""
    changed = merge_patch.apply(contact, values)
    if not changed:
        return contact
    finish(contact)
    contact.version += 1
    contact.updated_at = utcnow()
    await emit(
        session, contact.org_id, "contacts.contact.updated", data(contact, changed=sorted(changed))
    )
    return contact


async def delete_contact(session: AsyncSession, runtime: Runtime, contact: Contact) -> None:
    if contact.photo_sha256:
        await runtime.blobs.decref(session, contact.photo_sha256)
    await session.delete(contact)
    await session.flush()
    await emit(session, contact.org_id, "contacts.contact.deleted", data(contact))


def sniff_image(data: bytes) -> str | None:
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return "image/gif"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    return None


async def set_photo(
    session: AsyncSession,
    runtime: Runtime,
    contact: Contact,
    data_bytes: bytes,
    *,
    emit_event: bool = True,
) -> None:
    if len(data_bytes) > MAX_PHOTO:
        raise PayloadTooLarge(_(
            "A contact photo is at most {MAX_PHOTO} bytes.", MAX_PHOTO=MAX_PHOTO
        ), param="photo")
    media = sniff_image(data_bytes)
    if media is None:
        raise ValidationFailed("The photo must be a JPEG, PNG, GIF or WebP image.", param="photo")
    blob = await runtime.blobs.put_bytes(session, data_bytes)
    if contact.photo_sha256:
        await runtime.blobs.decref(session, contact.photo_sha256)
    contact.photo_sha256 = blob.sha256
    contact.photo_media_type = media
    contact.version += 1
    contact.updated_at = utcnow()
    if emit_event:
        await emit(
            session, contact.org_id, "contacts.contact.updated", data(contact, changed=["photo"])
        )


async def clear_photo(session: AsyncSession, runtime: Runtime, contact: Contact) -> None:
    if not contact.photo_sha256:
        raise NotFound("This contact has no photo.", param="contact_id")
    await runtime.blobs.decref(session, contact.photo_sha256)
    contact.photo_sha256 = None
    contact.photo_media_type = None
    contact.version += 1
    await emit(
        session, contact.org_id, "contacts.contact.updated", data(contact, changed=["photo"])
    )
