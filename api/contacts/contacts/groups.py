"""Contact groups: named sets of contacts of one address book."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from api.contacts.contacts import repository
from api.contacts.contacts.service import book_for
from api.errors import NotFound, ValidationFailed
from api.events import emit
from api.i18n import _
from api.kit.clock import utcnow
from api.kit.ids import new_id
from api.storage.models import ContactGroup
from schemas.contacts import ContactGroupCreate, ContactGroupUpdate


def data(g: ContactGroup, **extra: Any) -> dict[str, Any]:
    return {
        "id": g.id,
        "account_id": g.account_id,
        "address_book_id": g.address_book_id,
        **({"dav_name": g.dav_name} if g.dav_name else {}),
        **extra,
    }


async def _check_members(session: AsyncSession, g: ContactGroup, ids: list[str]) -> list[str]:
    wanted = list(dict.fromkeys(ids))
    found = await repository.contacts_by_ids(session, g.org_id, g.account_id, wanted)
    in_book = {c.id for c in found if c.address_book_id == g.address_book_id}
    missing = [i for i in wanted if i not in in_book]
    if missing:
        raise ValidationFailed(
            _(
                "Not contacts of this address book: {values}.", values=', '.join(missing[:5])
            ), param="member_ids"
        )
    return wanted


async def get_group(
    session: AsyncSession, org_id: str, account_id: str, group_id: str
) -> ContactGroup:
    found = await repository.group(session, org_id, account_id, group_id)
    if found is None:
        raise NotFound(_("No contact group {group_id}.", group_id=group_id), param="group_id")
    return found


async def create_group(
    session: AsyncSession, org_id: str, account_id: str, body: ContactGroupCreate
) -> ContactGroup:
    book = await book_for(session, org_id, account_id, body.address_book_id)
    g = ContactGroup(
        id=new_id("cgr"),
        org_id=org_id,
        account_id=account_id,
        address_book_id=book.id,
        uid=f"urn:uuid:{uuid.uuid4()}",
        name=body.name,
        version=1,
    )
    members = await _check_members(session, g, body.member_ids)
    session.add(g)
    await session.flush()
    await repository.set_members(session, org_id, g.id, members)
    await emit(session, org_id, "contacts.group.created", data(g))
    return g


async def update_group(
    session: AsyncSession, g: ContactGroup, body: ContactGroupUpdate
) -> ContactGroup:
    changed = []
    if body.name is not None and body.name != g.name:
        g.name = body.name
        changed.append("name")
    if body.member_ids is not None:
        await repository.set_members(
            session, g.org_id, g.id, await _check_members(session, g, body.member_ids)
        )
        changed.append("members")
    if changed:
        g.version += 1
        g.updated_at = utcnow()
        await emit(session, g.org_id, "contacts.group.updated", data(g, changed=changed))
    return g


async def delete_group(session: AsyncSession, g: ContactGroup) -> None:
    await repository.set_members(session, g.org_id, g.id, [])
    await session.delete(g)
    await session.flush()
    await emit(session, g.org_id, "contacts.group.deleted", data(g))
