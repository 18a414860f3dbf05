"""Group and group-member queries, always scoped to one organisation."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import delete, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from api.kit.pagination import PageParams, paginate
from api.storage.models import Group, GroupMember
from api.storage.tenancy import scoped


async def get(session: AsyncSession, org_id: str, group_id: str) -> Group | None:
    return await session.scalar(select(Group).where(Group.id == group_id, Group.org_id == org_id))


async def by_address(session: AsyncSession, org_id: str, address: str) -> Group | None:
    return await session.scalar(
        select(Group).where(Group.address == address.lower(), Group.org_id == org_id)
    )


async def by_ids(session: AsyncSession, org_id: str, ids: Iterable[str]) -> list[Group]:
    stmt = scoped(Group, org_id).where(Group.id.in_(list(ids)))
    return list((await session.execute(stmt)).scalars().all())


async def page(
    session: AsyncSession, org_id: str, params: PageParams, q: str | None
) -> tuple[list[Group], str | None]:
    stmt = scoped(Group, org_id)
    if q:
        like = "%" + q.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        stmt = stmt.where(
            or_(
                func.lower(Group.name).like(like, escape="\\"),
                Group.address.like(like, escape="\\"),
            )
        )
    return await paginate(session, stmt, params, [Group.id])


async def members(
    session: AsyncSession, org_id: str, group_ids: Iterable[str]
) -> list[GroupMember]:
    stmt = (
        scoped(GroupMember, org_id)
        .where(GroupMember.group_id.in_(list(group_ids)))
        .order_by(GroupMember.group_id, GroupMember.kind, GroupMember.ref)
    )
    return list((await session.execute(stmt)).scalars().all())


async def members_page(
    session: AsyncSession, org_id: str, group_id: str, params: PageParams
) -> tuple[list[GroupMember], str | None]:
    stmt = scoped(GroupMember, org_id).where(GroupMember.group_id == group_id)
    return await paginate(session, stmt, params, [GroupMember.kind, GroupMember.ref])


async def member(
    session: AsyncSession, org_id: str, group_id: str, kind: str, ref: str
) -> GroupMember | None:
    return await session.scalar(
        scoped(GroupMember, org_id).where(
            GroupMember.group_id == group_id,
            GroupMember.kind == kind,
            GroupMember.ref == ref,
        )
    )


async def group_edges(session: AsyncSession, org_id: str) -> dict[str, list[str]]:
    """group id -> the groups it contains, for cycle detection."""
    rows = await session.execute(
        select(GroupMember.group_id, GroupMember.ref).where(
            GroupMember.org_id == org_id, GroupMember.kind == "group"
        )
    )
    out: dict[str, list[str]] = {}
    for gid, ref in rows.all():
        out.setdefault(gid, []).append(ref)
    return out


async def groups_with_member(session: AsyncSession, org_id: str, kind: str, ref: str) -> list[str]:
    rows = await session.execute(
        select(GroupMember.group_id).where(
            GroupMember.org_id == org_id, GroupMember.kind == kind, GroupMember.ref == ref
        )
    )
    return list(rows.scalars().all())


async def remove_member_everywhere(session: AsyncSession, org_id: str, kind: str, ref: str) -> None:
    await session.execute(
        delete(GroupMember).where(
            GroupMember.org_id == org_id, GroupMember.kind == kind, GroupMember.ref == ref
        )
    )


async def remove_all_members(session: AsyncSession, org_id: str, group_id: str) -> None:
    await session.execute(
        delete(GroupMember).where(GroupMember.org_id == org_id, GroupMember.group_id == group_id)
    )
