"""Group cards (RFC 6350 `KIND:group` with `MEMBER`, and Apple's 3.0
`X-ADDRESSBOOKSERVER-KIND:group` with `X-ADDRESSBOOKSERVER-MEMBER`) as the address book's
contact groups, both ways: a group card a client PUTs is a contact group the API lists, and
a group made through the API is a card the client syncs.

Members are named by card UID (`urn:uuid:<uid>`). A client may upload a group before its
members; references that name no card of the book yet are kept with the group, written
back as they came, and become members when a card with that UID arrives.
"""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from api.contacts.cards import repository
from api.contacts.contacts import repository as contacts_repository
from api.contacts.contacts import vcard
from api.contacts.contacts.groups import data, delete_group
from api.contacts.contacts.vcard import ParsedCard
from api.contacts.errors import UidConflict
from api.events import emit
from api.i18n import _
from api.kit.clock import utcnow
from api.kit.ids import new_id
from api.storage.models import AddressBook, Contact, ContactGroup

URN = "urn:uuid:"


@dataclass
class GroupCard:
    """A contact group as a card: its members' UIDs, then references not resolved yet."""

    group: ContactGroup
    members: list[str]

    @property
    def refs(self) -> list[str]:
        return self.members + [r for r in self.group.pending_members or [] if r]

    @property
    def name(self) -> str:
        return self.group.dav_name or f"{self.group.id}.vcf"

    @property
    def etag(self) -> str:
        raw = f"{self.group.id}:{self.group.version}:{self.group.name}:" + "\n".join(self.refs)
        return f'"g{hashlib.sha256(raw.encode()).hexdigest()[:23]}"'


def render(card: GroupCard, version: str = "3.0") -> str:
    """3.0 with Apple's properties (what iOS, macOS and DAVx5 read), 4.0 with KIND:group."""
    refs = [r.removeprefix(URN) if r.startswith(URN) else r for r in card.refs]
    return vcard.serialize_group(card.group.uid, card.group.name, refs, version=version)


async def _cards(session: AsyncSession, groups: list[ContactGroup]) -> list[GroupCard]:
    members = await repository.member_uids(session, [g.id for g in groups])
    return [GroupCard(g, members.get(g.id, [])) for g in groups]


async def list_groups(session: AsyncSession, book: AddressBook) -> list[GroupCard]:
    return await _cards(
        session, await repository.groups_by_names(session, book.org_id, book.id, None)
    )


async def get_groups(session: AsyncSession, book: AddressBook, names: list[str]) -> list[GroupCard]:
    return await _cards(
        session, await repository.groups_by_names(session, book.org_id, book.id, names)
    )


def _candidates(ref: str) -> list[str]:
    bare = ref.removeprefix(URN)
    return list(dict.fromkeys([ref, bare, URN + bare]))


async def _resolve(
    session: AsyncSession, book: AddressBook, refs: list[str]
) -> tuple[list[str], list[str]]:
    """(contact ids of the cards named, references that name no card of the book)."""
    wanted = [c for ref in refs for c in _candidates(ref)]
    by_uid = {
        c.uid: c
        for c in await repository.contacts_by_uids(session, book.org_id, book.id, wanted)
    }
    ids: list[str] = []
    pending: list[str] = []
    for ref in dict.fromkeys(refs):
        found = next((by_uid[c] for c in _candidates(ref) if c in by_uid), None)
        if found is None:
            pending.append(ref[:1000])
        elif found.id not in ids:
            ids.append(found.id)
    return ids, pending


async def put_group(
    session: AsyncSession,
    book: AddressBook,
    name: str,
    card: ParsedCard,
    current: GroupCard | None,
) -> GroupCard:
    """Create or replace the group card `name`; emits `contacts.group.created|updated`."""
    uid = (card.uid or f"{URN}{uuid.uuid4()}")[:255]
    if current is None:
        taken = await repository.group_by_uid(session, book.org_id, book.id, uid)
        if taken is not None or await repository.by_uid(session, book.org_id, book.id, uid):
            raise UidConflict(_("A card with UID {uid} is already in this book.", uid=uid))
        group = ContactGroup(
            id=new_id("cgr"),
            org_id=book.org_id,
            account_id=book.account_id,
            address_book_id=book.id,
            uid=uid,
            dav_name=name,
            version=1,
        )
        session.add(group)
    else:
        group = current.group
        if group.uid != uid:
            raise UidConflict("A card's UID cannot change.")
        group.version += 1
        group.updated_at = utcnow()
    group.name = str(card.fields.get("name") or "Group")[:200]
    ids, pending = await _resolve(session, book, card.members)
    group.pending_members = pending
    await session.flush()
    await contacts_repository.set_members(session, book.org_id, group.id, ids)
    verb = "updated" if current else "created"
    extra = {"changed": ["dav"]} if current else {}
    await emit(session, book.org_id, f"contacts.group.{verb}", data(group, **extra))
    members = await repository.member_uids(session, [group.id])
    return GroupCard(group, members.get(group.id, []))


async def join_waiting(session: AsyncSession, book: AddressBook, contact: Contact) -> None:
    """A card just arrived: groups of the book that named its UID before it was there take
    it as a member now."""
    groups = await repository.groups_by_names(session, book.org_id, book.id, None)
    names = set(_candidates(contact.uid))
    for group in groups:
        waiting = [r for r in group.pending_members or [] if set(_candidates(r)) & names]
        if not waiting:
            continue
        members = await contacts_repository.members(session, [group.id])
        await contacts_repository.set_members(
            session, book.org_id, group.id, [*members.get(group.id, []), contact.id]
        )
        group.pending_members = [r for r in group.pending_members if r not in waiting]
        group.version += 1
        group.updated_at = utcnow()
        await emit(session, book.org_id, "contacts.group.updated", data(group, changed=["members"]))


async def left(session: AsyncSession, book: AddressBook, contact: Contact) -> None:
    """A card is being deleted: the groups it is in lose it and are changed cards too
    (their MEMBER lines), so the next sync-collection names them."""
    for group in await repository.groups_by_names(session, book.org_id, book.id, None):
        members = await contacts_repository.members(session, [group.id])
        if contact.id in members.get(group.id, []):
            await contacts_repository.set_members(
                session, book.org_id, group.id,
                [m for m in members[group.id] if m != contact.id],
            )
            group.version += 1
            group.updated_at = utcnow()
            await emit(
                session, book.org_id, "contacts.group.updated", data(group, changed=["members"])
            )


async def delete(session: AsyncSession, card: GroupCard) -> None:
    await delete_group(session, card.group)
