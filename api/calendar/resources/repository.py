"""Room queries, always scoped to the caller's organisation."""

from __future__ import annotations

from sqlalchemy import func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from api.kit.pagination import PageParams, paginate
from api.storage.models import Room
from api.storage.tenancy import scoped


async def get(session: AsyncSession, org_id: str, room_id: str) -> Room | None:
    return await session.scalar(select(Room).where(Room.id == room_id, Room.org_id == org_id))


async def find(session: AsyncSession, org_id: str, ref: str) -> Room | None:
    """A room by id or address."""
    if "@" in ref:
        stmt = select(Room).where(func.lower(Room.address) == ref.strip().lower())
    else:
        stmt = select(Room).where(Room.id == ref)
    return await session.scalar(stmt.where(Room.org_id == org_id))


async def by_addresses(session: AsyncSession, org_id: str, addresses: list[str]) -> dict[str, Room]:
    lowered = [a.lower() for a in addresses if a]
    if not lowered:
        return {}
    rows = await session.execute(
        scoped(Room, org_id).where(func.lower(Room.address).in_(lowered))
    )
    return {r.address.lower(): r for r in rows.scalars().all() if r.address}


async def by_ids(session: AsyncSession, org_id: str, ids: list[str]) -> dict[str, Room]:
    if not ids:
        return {}
    rows = await session.execute(scoped(Room, org_id).where(Room.id.in_(ids)))
    return {r.id: r for r in rows.scalars().all()}


async def page(
    session: AsyncSession,
    org_id: str,
    params: PageParams,
    *,
    q: str | None = None,
    min_capacity: int | None = None,
    building: str | None = None,
    floor: str | None = None,
    kind: str | None = None,
) -> tuple[list[Room], str | None]:
    stmt = scoped(Room, org_id)
    if q:
        like = f"%{q.lower()}%"
        stmt = stmt.where(
            or_(
                func.lower(Room.name).like(like),
                func.lower(Room.building).like(like),
                func.lower(func.coalesce(Room.address, "")).like(like),
                func.lower(Room.description).like(like),
            )
        )
    if min_capacity is not None:
        stmt = stmt.where(Room.capacity >= min_capacity)
    if building:
        stmt = stmt.where(func.lower(Room.building) == building.lower())
    if floor:
        stmt = stmt.where(Room.floor == floor)
    if kind:
        stmt = stmt.where(Room.kind == kind)
    return await paginate(session, stmt, params, [Room.id])
