"""Domain and DKIM-key queries. Every query on behalf of a caller filters on its organisation;
the installation-wide ones (`by_name_any`, `due_for_check`) serve uniqueness and the worker."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from api.kit.pagination import PageParams, paginate
from api.storage.models import Account, DirectoryAddress, DkimKey, Domain, Group
from api.storage.tenancy import scoped


async def get(session: AsyncSession, org_id: str, domain_id: str) -> Domain | None:
    return await session.scalar(
        select(Domain).where(Domain.id == domain_id, Domain.org_id == org_id)
    )


async def by_name(session: AsyncSession, org_id: str, name: str) -> Domain | None:
    return await session.scalar(select(Domain).where(Domain.name == name, Domain.org_id == org_id))


async def by_name_any(session: AsyncSession, name: str) -> Domain | None:
    """A hosted domain of any organisation (names are unique across the installation)."""
    return await session.scalar(select(Domain).where(Domain.name == name))


async def page(
    session: AsyncSession, org_id: str, params: PageParams, *, kind: str | None, status: str | None
) -> tuple[list[Domain], str | None]:
    stmt = scoped(Domain, org_id)
    if kind:
        stmt = stmt.where(Domain.kind == kind)
    if status:
        stmt = stmt.where(Domain.status == status)
    return await paginate(session, stmt, params, [Domain.id])


async def aliases_of(session: AsyncSession, org_id: str, domain_id: str) -> list[Domain]:
    stmt = scoped(Domain, org_id).where(Domain.alias_of == domain_id)
    return list((await session.execute(stmt)).scalars().all())


async def usage(session: AsyncSession, org_id: str, domain_id: str) -> dict[str, int]:
    """How many accounts, aliases and groups have addresses in the domain."""
    counts = {}
    for label, model in (("accounts", Account), ("aliases", DirectoryAddress), ("groups", Group)):
        counts[label] = int(
            await session.scalar(
                select(func.count())
                .select_from(model)
                .where(model.org_id == org_id, model.domain_id == domain_id)
            )
            or 0
        )
    return counts


async def keys_of(
    session: AsyncSession, org_id: str, domain_id: str, *, statuses: tuple[str, ...] | None = None
) -> list[DkimKey]:
    stmt = scoped(DkimKey, org_id).where(DkimKey.domain_id == domain_id)
    if statuses:
        stmt = stmt.where(DkimKey.status.in_(statuses))
    return list(
        (await session.execute(stmt.order_by(DkimKey.created_at, DkimKey.id))).scalars().all()
    )


async def active_key_by_domain_name(session: AsyncSession, name: str) -> DkimKey | None:
    stmt = (
        select(DkimKey)
        .join(Domain, Domain.id == DkimKey.domain_id)
        .where(Domain.name == name, DkimKey.status == "active")
        .order_by(DkimKey.activated_at.desc())
        .limit(1)
    )
    return await session.scalar(stmt)


async def active_selectors(
    session: AsyncSession, org_id: str, domain_ids: list[str]
) -> dict[str, str]:
    if not domain_ids:
        return {}
    rows = await session.execute(
        select(DkimKey.domain_id, DkimKey.selector).where(
            DkimKey.org_id == org_id, DkimKey.domain_id.in_(domain_ids), DkimKey.status == "active"
        )
    )
    return {domain_id: selector for domain_id, selector in rows.all()}


async def due_for_check(
    session: AsyncSession, now: datetime, limit: int, *, lock: bool
) -> list[Domain]:
    """Domains of every organisation whose periodic DNS check is due, oldest first."""
    stmt = (
        select(Domain)
        .where((Domain.next_check_at.is_(None)) | (Domain.next_check_at <= now))
        .order_by(Domain.next_check_at.is_(None).desc(), Domain.next_check_at, Domain.id)
        .limit(limit)
    )
    if lock:
        stmt = stmt.with_for_update(skip_locked=True)
    return list((await session.execute(stmt)).scalars().all())
