"""Contact and group rows rendered as API models, shared by REST and GraphQL."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from api.contacts.contacts import repository
from api.storage.models import Contact as ContactRow
from api.storage.models import ContactGroup as GroupRow
from schemas.contacts import Contact, ContactGroup


def contact_out(c: ContactRow, group_ids: list[str]) -> Contact:
    return Contact(
        id=c.id,
        account_id=c.account_id,
        address_book_id=c.address_book_id,
        uid=c.uid,
        display_name=c.display_name,
        given_name=c.given_name,
        family_name=c.family_name,
        middle_name=c.middle_name,
        prefix=c.prefix,
        suffix=c.suffix,
        nickname=c.nickname,
        emails=c.emails or [],
        phones=c.phones or [],
        addresses=c.addresses or [],  # type: ignore[arg-type]
        urls=c.urls or [],
        organization=c.organization,
        department=c.department,
        title=c.title,
        birthday=c.birthday,
        notes=c.notes,
        categories=c.categories or [],
        has_photo=c.photo_sha256 is not None,
        group_ids=group_ids,
        created_at=c.created_at,
        updated_at=c.updated_at,
    )


async def contacts_out(session: AsyncSession, rows: list[ContactRow]) -> list[Contact]:
    groups = await repository.groups_of(session, [c.id for c in rows])
    return [contact_out(c, groups.get(c.id, [])) for c in rows]


async def group_out(session: AsyncSession, g: GroupRow) -> ContactGroup:
    members = await repository.members(session, [g.id])
    return ContactGroup(
        id=g.id,
        account_id=g.account_id,
        address_book_id=g.address_book_id,
        uid=g.uid,
        name=g.name,
        member_ids=members.get(g.id, []),
        created_at=g.created_at,
        updated_at=g.updated_at,
    )
