"""Department, membership and manager queries, always scoped to one organisation."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from api.kit.pagination import PageParams, paginate
from api.storage.models import AccountDepartment, Department, DepartmentManager
from api.storage.tenancy import scoped


async def get(session: AsyncSession, org_id: str, dep_id: str) -> Department | None:
    return await session.scalar(
        select(Department).where(Department.id == dep_id, Department.org_id == org_id)
    )


async def all_of(session: AsyncSession, org_id: str) -> list[Department]:
    stmt = scoped(Department, org_id)
    return list((await session.execute(stmt)).scalars().all())


async def root(session: AsyncSession, org_id: str) -> Department | None:
    return await session.scalar(
        scoped(Department, org_id).where(Department.parent_id.is_(None))
    )


async def page(
    session: AsyncSession, org_id: str, params: PageParams, parent_id: str | None
) -> tuple[list[Department], str | None]:
    stmt = scoped(Department, org_id)
    if parent_id is not None:
        stmt = stmt.where(Department.parent_id == parent_id)
        return await paginate(session, stmt, params, [Department.sort_order, Department.id])
    return await paginate(session, stmt, params, [Department.id])


async def children(session: AsyncSession, org_id: str, dep_id: str) -> list[Department]:
    stmt = (
        scoped(Department, org_id)
        .where(Department.parent_id == dep_id)
        .order_by(Department.sort_order, Department.id)
    )
    return list((await session.execute(stmt)).scalars().all())


async def max_sort_order(session: AsyncSession, org_id: str, parent_id: str) -> int:
    value = await session.scalar(
        select(func.max(Department.sort_order)).where(
            Department.org_id == org_id, Department.parent_id == parent_id
        )
    )
    return int(value) if value is not None else -1


async def member_count(session: AsyncSession, org_id: str, dep_id: str) -> int:
    value = await session.scalar(
        select(func.count())
        .select_from(AccountDepartment)
        .where(AccountDepartment.org_id == org_id, AccountDepartment.department_id == dep_id)
    )
    return int(value or 0)


async def managers_of(
    session: AsyncSession, org_id: str, dep_ids: Iterable[str]
) -> dict[str, list[str]]:
    ids = list(dep_ids)
    out: dict[str, list[str]] = {i: [] for i in ids}
    if not ids:
        return out
    rows = await session.execute(
        select(DepartmentManager.department_id, DepartmentManager.account_id)
        .where(DepartmentManager.org_id == org_id, DepartmentManager.department_id.in_(ids))
        .order_by(DepartmentManager.account_id)
    )
    for dep_id, acc_id in rows.all():
        out[dep_id].append(acc_id)
    return out


async def set_managers(
    session: AsyncSession, org_id: str, dep_id: str, account_ids: list[str]
) -> None:
    await session.execute(
        delete(DepartmentManager).where(
            DepartmentManager.org_id == org_id, DepartmentManager.department_id == dep_id
        )
    )
    for acc_id in dict.fromkeys(account_ids):
        session.add(DepartmentManager(department_id=dep_id, account_id=acc_id, org_id=org_id))


async def memberships(
    session: AsyncSession, org_id: str, account_ids: Iterable[str]
) -> dict[str, list[str]]:
    ids = list(account_ids)
    out: dict[str, list[str]] = {i: [] for i in ids}
    if not ids:
        return out
    # By the primary key (account_id, department_id) alone: with `org_id = ?` beside it SQLite
    # chose an org_id index and read every membership of the organisation (35 ms at 100,000
    # accounts). The organisation is checked on the rows instead.
    rows = await session.execute(
        select(
            AccountDepartment.account_id, AccountDepartment.department_id, AccountDepartment.org_id
        )
        .where(AccountDepartment.account_id.in_(ids))
        .order_by(AccountDepartment.department_id)
    )
    for acc_id, dep_id, row_org in rows.all():
        if row_org == org_id:
            out[acc_id].append(dep_id)
    return out


async def member_ids(session: AsyncSession, org_id: str, dep_ids: Iterable[str]) -> set[str]:
    rows = await session.execute(
        select(AccountDepartment.account_id).where(
            AccountDepartment.org_id == org_id, AccountDepartment.department_id.in_(list(dep_ids))
        )
    )
    return set(rows.scalars().all())


async def add_membership(session: AsyncSession, org_id: str, account_id: str, dep_id: str) -> None:
    session.add(AccountDepartment(account_id=account_id, department_id=dep_id, org_id=org_id))


async def remove_memberships(
    session: AsyncSession, org_id: str, account_id: str, dep_ids: Iterable[str] | None = None
) -> None:
    stmt = delete(AccountDepartment).where(
        AccountDepartment.org_id == org_id, AccountDepartment.account_id == account_id
    )
    if dep_ids is not None:
        stmt = stmt.where(AccountDepartment.department_id.in_(list(dep_ids)))
    await session.execute(stmt)


async def forget_account(session: AsyncSession, org_id: str, account_id: str) -> None:
    """Drop every membership and manager role of an account being purged."""
    await remove_memberships(session, org_id, account_id)
    await session.execute(
        delete(DepartmentManager).where(
            DepartmentManager.org_id == org_id, DepartmentManager.account_id == account_id
        )
    )
