"""Account and alias queries, always scoped to one organisation."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import delete, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from api.kit.clock import utcnow
from api.kit.pagination import PageParams, paginate
from api.storage.models import (
    Account,
    AccountDepartment,
    AccountSearchTerm,
    AuthorizationCode,
    DirectoryAddress,
    Token,
)
from api.storage.models.account_search import prefix_bounds
from api.storage.tenancy import scoped


async def page(
    session: AsyncSession,
    org_id: str,
    params: PageParams,
    *,
    statuses: list[str],
    department_ids: set[str] | None = None,
    q: str | None = None,
    employee_number: str | None = None,
    mobile: str | None = None,
    role: str | None = None,
    include_hidden: bool = True,
) -> tuple[list[Account], str | None]:
    """Keyset pages by id. Every filter is an index: (org_id, status, id), (org_id, role, id),
    the unique HR keys,
    department memberships, and `q` as a range over the search terms (account_search.py)."""
    stmt = scoped(Account, org_id).where(Account.status.in_(statuses))
    if employee_number is not None:
        stmt = stmt.where(Account.employee_number == employee_number)
    if mobile is not None:
        stmt = stmt.where(Account.mobile == mobile)
    if role is not None:
        stmt = stmt.where(Account.role == role)
    if department_ids is not None:
        stmt = stmt.where(
            Account.id.in_(
                select(AccountDepartment.account_id).where(
                    AccountDepartment.org_id == org_id,
                    AccountDepartment.department_id.in_(list(department_ids)),
                )
            )
        )
    if not include_hidden:
        stmt = stmt.where(Account.hidden_from_address_book.is_(False))
    bounds = prefix_bounds(q) if q else None
    if bounds is not None:
        low, high = bounds
        stmt = stmt.where(
            Account.id.in_(
                select(AccountSearchTerm.account_id).where(
                    AccountSearchTerm.org_id == org_id,
                    AccountSearchTerm.term >= low,
                    AccountSearchTerm.term < high,
                )
            )
        )
    return await paginate(session, stmt, params, [Account.id])


async def by_key(session: AsyncSession, org_id: str, column: str, value: str) -> Account | None:
    col = {"employee_number": Account.employee_number, "mobile": Account.mobile}[column]
    return await session.scalar(scoped(Account, org_id).where(col == value))


async def by_addresses(
    session: AsyncSession, org_id: str, addresses: Iterable[str]
) -> dict[str, Account]:
    wanted = [a.lower() for a in addresses]
    if not wanted:
        return {}
    rows = await session.execute(
        scoped(Account, org_id).where(func.lower(Account.address).in_(wanted))
    )
    return {a.address.lower(): a for a in rows.scalars().all()}


async def by_employee_numbers(
    session: AsyncSession, org_id: str, numbers: Iterable[str]
) -> dict[str, Account]:
    wanted = list(numbers)
    if not wanted:
        return {}
    rows = await session.execute(
        scoped(Account, org_id).where(Account.employee_number.in_(wanted))
    )
    return {a.employee_number: a for a in rows.scalars().all() if a.employee_number}


async def aliases_of(
    session: AsyncSession, org_id: str, account_ids: Iterable[str]
) -> dict[str, list[DirectoryAddress]]:
    ids = list(account_ids)
    out: dict[str, list[DirectoryAddress]] = {i: [] for i in ids}
    if not ids:
        return out
    rows = await session.execute(
        scoped(DirectoryAddress, org_id)
        .where(
            DirectoryAddress.kind == "alias",
            DirectoryAddress.target_id.in_(ids),
        )
        .order_by(DirectoryAddress.address)
    )
    for row in rows.scalars().all():
        out[row.target_id].append(row)
    return out


async def alias(
    session: AsyncSession, org_id: str, account_id: str, address: str
) -> DirectoryAddress | None:
    return await session.scalar(
        scoped(DirectoryAddress, org_id).where(
            DirectoryAddress.kind == "alias",
            DirectoryAddress.target_id == account_id,
            DirectoryAddress.address == address.lower(),
        )
    )


async def count_active_admins(session: AsyncSession, org_id: str) -> int:
    value = await session.scalar(
        select(func.count())
        .select_from(Account)
        .where(
            Account.org_id == org_id,
            Account.status == "active",
            Account.role.in_(["admin", "operator"]),
        )
    )
    return int(value or 0)


async def manager_of(session: AsyncSession, org_id: str, account_id: str) -> str | None:
    return await session.scalar(
        select(Account.manager_id).where(Account.org_id == org_id, Account.id == account_id)
    )


async def revoke_tokens(session: AsyncSession, org_id: str, account_id: str) -> int:
    """Revoke every live token acting for the account and void its unused codes."""
    now = utcnow()
    result = await session.execute(
        update(Token)
        .where(Token.org_id == org_id, Token.account_id == account_id, Token.revoked_at.is_(None))
        .values(revoked_at=now)
    )
    await session.execute(
        update(AuthorizationCode)
        .where(
            AuthorizationCode.org_id == org_id,
            AuthorizationCode.account_id == account_id,
            AuthorizationCode.used_at.is_(None),
        )
        .values(used_at=now)
    )
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


async def due_for_purge(session: AsyncSession, limit: int = 100) -> list[Account]:
    stmt = (
        select(Account)
        .where(Account.status == "deleted", Account.purge_after <= utcnow())
        .order_by(Account.purge_after)
        .limit(limit)
    )
    return list((await session.execute(stmt)).scalars().all())


async def erase(session: AsyncSession, org_id: str, account_id: str) -> None:
    """Delete the account row and what hangs off it in the platform and directory tables."""
    await session.execute(
        delete(AccountSearchTerm).where(AccountSearchTerm.account_id == account_id)
    )
    await session.execute(
        delete(DirectoryAddress).where(
            DirectoryAddress.org_id == org_id,
            DirectoryAddress.kind == "alias",
            DirectoryAddress.target_id == account_id,
        )
    )
    await session.execute(
        delete(Token).where(Token.org_id == org_id, Token.account_id == account_id)
    )
    await session.execute(
        delete(AuthorizationCode).where(
            AuthorizationCode.org_id == org_id, AuthorizationCode.account_id == account_id
        )
    )
    await session.execute(
        update(Account)
        .where(Account.org_id == org_id, Account.manager_id == account_id)
        .values(manager_id=None)
    )
    await session.execute(delete(Account).where(Account.org_id == org_id, Account.id == account_id))
