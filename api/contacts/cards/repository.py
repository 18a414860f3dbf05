"""Contact queries by resource name, always scoped to the caller's organisation."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import and_, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from api.storage.models import AddressBook, Contact, ContactGroup, ContactGroupMember
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


async def groups_by_names(
    session: AsyncSession, org_id: str, book_id: str, names: list[str] | None
) -> list[ContactGroup]:
    """The contact groups served under `names` in one address book (all of them for None)."""
    stmt = select(ContactGroup).where(
        ContactGroup.org_id == org_id, ContactGroup.address_book_id == book_id
    )
    if names is not None:
        if not names:
            return []
        ids = [n[: -len(SUFFIX)] for n in names if n.endswith(SUFFIX)]
        stmt = stmt.where(
            or_(
                ContactGroup.dav_name.in_(names),
                and_(ContactGroup.dav_name.is_(None), ContactGroup.id.in_(ids)),
            )
        )
    return list((await session.execute(stmt.order_by(ContactGroup.id))).scalars().all())


async def group_by_uid(
    session: AsyncSession, org_id: str, book_id: str, uid: str
) -> ContactGroup | None:
    return await session.scalar(
        select(ContactGroup).where(
            ContactGroup.org_id == org_id,
            ContactGroup.address_book_id == book_id,
            ContactGroup.uid == uid,
        )
    )


async def member_uids(session: AsyncSession, group_ids: list[str]) -> dict[str, list[str]]:
    """Each group's members as the UIDs of their cards."""
    out: dict[str, list[str]] = defaultdict(list)
    if not group_ids:
        return out
    rows = await session.execute(
        select(ContactGroupMember.group_id, Contact.uid)
        .join(Contact, Contact.id == ContactGroupMember.contact_id)
        .where(ContactGroupMember.group_id.in_(group_ids))
        .order_by(Contact.uid)
    )
    for gid, uid in rows.all():
        out[gid].append(uid)
    return out


async def contacts_by_uids(
    session: AsyncSession, org_id: str, book_id: str, uids: list[str]
) -> list[Contact]:
    if not uids:
        return []
    stmt = select(Contact).where(
        Contact.org_id == org_id, Contact.address_book_id == book_id, Contact.uid.in_(uids)
    )
    return list((await session.execute(stmt)).scalars().all())
