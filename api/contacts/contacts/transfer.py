"""vCard import into an address book (all or nothing, matched by UID) and export from it."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from api.calendar.ics.lines import malformed
from api.calendar.ics.service import decode
from api.contacts.contacts import repository, vcard
from api.contacts.contacts.service import data, finish, set_photo
from api.errors import AppError
from api.events import emit
from api.kit.clock import utcnow
from api.kit.ids import new_id
from api.runtime import Runtime
from api.storage.models import AddressBook, Contact, ContactGroup


async def import_vcards(
    session: AsyncSession, runtime: Runtime, book: AddressBook, body: bytes
) -> dict[str, Any]:
    cards = vcard.parse(decode(body))
    existing = {c.uid: c for c in await repository.contacts_in_book(session, book.org_id, book.id)}
    groups = {
        g.uid: g for g in await repository.groups(session, book.org_id, book.account_id, book.id)
    }
    created: list[Contact] = []
    updated: list[Contact] = []
    by_uid: dict[str, Contact] = dict(existing)
    for card in cards:
        if card.kind == "group":
            continue
        contact = existing.get(card.uid or "")
        if contact is None:
            contact = Contact(
                id=new_id("con"),
                org_id=book.org_id,
                account_id=book.account_id,
                address_book_id=book.id,
                uid=(card.uid or f"urn:uuid:{uuid.uuid4()}")[:255],
                version=1,
            )
            session.add(contact)
            created.append(contact)
        else:
            contact.version += 1
            contact.updated_at = utcnow()
            updated.append(contact)
        for key, value in card.fields.items():
            setattr(contact, key, value)
        finish(contact)
        if not contact.display_name:
            raise malformed(card.line, "the card has no FN, N, ORG or EMAIL")
        if card.photo is not None:
            try:
                await set_photo(session, runtime, contact, card.photo, emit_event=False)
            except AppError as exc:
                raise malformed(card.line, f"PHOTO: {exc.detail}") from None
        by_uid[contact.uid] = contact
    await session.flush()
    group_count = 0
    for card in cards:
        if card.kind != "group":
            continue
        g = groups.get(card.uid or "")
        if g is None:
            g = ContactGroup(
                id=new_id("cgr"),
                org_id=book.org_id,
                account_id=book.account_id,
                address_book_id=book.id,
                uid=(card.uid or f"urn:uuid:{uuid.uuid4()}")[:255],
                name=str(card.fields.get("name", "Group"))[:200],
                version=1,
            )
            session.add(g)
            await session.flush()
        else:
            g.name = str(card.fields.get("name", g.name))[:200]
            g.version += 1
        members = []
        for ref in card.members:
            target = (
                by_uid.get(ref)
                or by_uid.get(ref.removeprefix("urn:uuid:"))
                or by_uid.get("urn:uuid:" + ref.removeprefix("urn:uuid:"))
            )
            if target is not None:
                members.append(target.id)
        await repository.set_members(session, book.org_id, g.id, members)
        group_count += 1
    for c in created:
        await emit(session, book.org_id, "contacts.contact.created", data(c))
    for c in updated:
        await emit(session, book.org_id, "contacts.contact.updated", data(c, changed=["import"]))
    return {
        "created": len(created),
        "updated": len(updated),
        "groups": group_count,
        "contact_ids": [c.id for c in created + updated],
    }


async def contact_vcard(runtime: Runtime, contact: Contact, version: str) -> str:
    photo = await runtime.blobs.read_all(contact.photo_sha256) if contact.photo_sha256 else None
    return vcard.serialize(contact, version=vcard.check_version(version), photo=photo)


async def export_vcards(
    session: AsyncSession, runtime: Runtime, book: AddressBook, version: str
) -> str:
    vcard.check_version(version)
    contacts = await repository.contacts_in_book(session, book.org_id, book.id)
    parts = [await contact_vcard(runtime, c, version) for c in contacts]
    groups = await repository.groups(session, book.org_id, book.account_id, book.id)
    members = await repository.members(session, [g.id for g in groups])
    uid_of = {c.id: c.uid for c in contacts}
    for g in groups:
        parts.append(
            vcard.serialize_group(
                g.uid,
                g.name,
                [uid_of[m] for m in members.get(g.id, []) if m in uid_of],
                version=version,
            )
        )
    return "".join(parts)
