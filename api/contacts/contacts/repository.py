"""Address book, contact and group queries, always scoped to the caller's organisation."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from api.kit.pagination import PageParams, paginate
from api.storage.models import AddressBook, Contact, ContactGroup, ContactGroupMember
from api.storage.tenancy import scoped


async def book(
    session: AsyncSession, org_id: str, account_id: str, book_id: str
) -> AddressBook | None:
    return await session.scalar(
        select(AddressBook).where(
            AddressBook.id == book_id,
            AddressBook.org_id == org_id,
            AddressBook.account_id == account_id,
        )
    )


async def books(session: AsyncSession, org_id: str, account_id: str) -> list[AddressBook]:
    stmt = scoped(AddressBook, org_id).where(
        AddressBook.account_id == account_id
    )
    return list(
        (await session.execute(stmt.order_by(AddressBook.is_default.desc(), AddressBook.id)))
        .scalars()
        .all()
    )


async def default_book(session: AsyncSession, org_id: str, account_id: str) -> AddressBook | None:
    return await session.scalar(
        scoped(AddressBook, org_id).where(
            AddressBook.account_id == account_id,
            AddressBook.is_default.is_(True),
        )
    )


async def contact(
    session: AsyncSession, org_id: str, account_id: str, contact_id: str
) -> Contact | None:
    return await session.scalar(
        select(Contact).where(
            Contact.id == contact_id, Contact.org_id == org_id, Contact.account_id == account_id
        )
    )


async def contacts_by_ids(
    session: AsyncSession, org_id: str, account_id: str, ids: list[str]
) -> list[Contact]:
    if not ids:
        return []
    stmt = scoped(Contact, org_id).where(
        Contact.account_id == account_id, Contact.id.in_(ids)
    )
    return list((await session.execute(stmt)).scalars().all())


async def contacts_in_book(session: AsyncSession, org_id: str, book_id: str) -> list[Contact]:
    stmt = scoped(Contact, org_id).where(Contact.address_book_id == book_id)
    return list((await session.execute(stmt.order_by(Contact.id))).scalars().all())


async def page(
    session: AsyncSession,
    org_id: str,
    account_id: str,
    params: PageParams,
    *,
    q: str | None = None,
    book_id: str | None = None,
    group_id: str | None = None,
) -> tuple[list[Contact], str | None]:
    stmt = scoped(Contact, org_id).where(Contact.account_id == account_id)
    if book_id:
        stmt = stmt.where(Contact.address_book_id == book_id)
    if group_id:
        stmt = stmt.where(
            Contact.id.in_(
                select(ContactGroupMember.contact_id).where(ContactGroupMember.group_id == group_id)
            )
        )
    if q:
        stmt = stmt.where(Contact.search_text.like(f"%{_escape(q.lower())}%", escape="\\"))
    return await paginate(session, stmt, params, [Contact.id])


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


async def search(
    session: AsyncSession, org_id: str, account_id: str, q: str, limit: int
) -> list[Contact]:
    stmt = (
        scoped(Contact, org_id)
        .where(
            Contact.account_id == account_id,
            Contact.search_text.like(f"%{_escape(q.lower())}%", escape="\\"),
        )
        .limit(limit)
    )
    return list((await session.execute(stmt)).scalars().all())


async def group(
    session: AsyncSession, org_id: str, account_id: str, group_id: str
) -> ContactGroup | None:
    return await session.scalar(
        select(ContactGroup).where(
            ContactGroup.id == group_id,
            ContactGroup.org_id == org_id,
            ContactGroup.account_id == account_id,
        )
    )


async def groups(
    session: AsyncSession, org_id: str, account_id: str, book_id: str | None = None
) -> list[ContactGroup]:
    stmt = scoped(ContactGroup, org_id).where(
        ContactGroup.account_id == account_id
    )
    if book_id:
        stmt = stmt.where(ContactGroup.address_book_id == book_id)
    return list((await session.execute(stmt.order_by(ContactGroup.id))).scalars().all())


async def members(session: AsyncSession, group_ids: list[str]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = defaultdict(list)
    if not group_ids:
        return out
    rows = await session.execute(
        select(ContactGroupMember.group_id, ContactGroupMember.contact_id)
        .where(ContactGroupMember.group_id.in_(group_ids))
        .order_by(ContactGroupMember.contact_id)
    )
    for gid, cid in rows.all():
        out[gid].append(cid)
    return out


async def groups_of(session: AsyncSession, contact_ids: list[str]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = defaultdict(list)
    if not contact_ids:
        return out
    rows = await session.execute(
        select(ContactGroupMember.contact_id, ContactGroupMember.group_id)
        .where(ContactGroupMember.contact_id.in_(contact_ids))
        .order_by(ContactGroupMember.group_id)
    )
    for cid, gid in rows.all():
        out[cid].append(gid)
    return out


async def set_members(
    session: AsyncSession, org_id: str, group_id: str, contact_ids: list[str]
) -> None:
    await session.execute(delete(ContactGroupMember).where(ContactGroupMember.group_id == group_id))
    for cid in dict.fromkeys(contact_ids):
        session.add(ContactGroupMember(group_id=group_id, contact_id=cid, org_id=org_id))
    await session.flush()
