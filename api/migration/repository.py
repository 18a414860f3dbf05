"""Migration queries, each scoped to the caller's organisation, plus the two leases that
keep one account's migration in one worker and cap connections per source host."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

from sqlalchemy import func, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from api.kit.clock import utcnow
from api.kit.pagination import PageParams, paginate
from api.storage.models import (
    MailMessage,
    Migration,
    MigrationAccount,
    MigrationCursor,
    MigrationFailure,
    MigrationFolder,
    MigrationHostSlot,
    MigrationMessage,
    Organization,
)
from api.storage.tenancy import scoped

ACTIVE = ("queued", "running")
TERMINAL = ("completed", "failed", "cancelled")

# --- jobs ------------------------------------------------------------------------------


async def get(session: AsyncSession, org_id: str, migration_id: str) -> Migration | None:
    return await session.scalar(
        select(Migration)
        .where(Migration.id == migration_id, Migration.org_id == org_id)
        .execution_options(populate_existing=True)
    )


async def page(
    session: AsyncSession, org_id: str, params: PageParams, status: str | None = None
) -> tuple[list[Migration], str | None]:
    stmt = scoped(Migration, org_id)
    if status:
        stmt = stmt.where(Migration.status == status)
    return await paginate(session, stmt, params, [Migration.id], descending=True)


async def counts(
    session: AsyncSession, org_id: str, migration_ids: Iterable[str]
) -> dict[str, dict[str, int]]:
    """Per-job totals summed over its accounts (one query for a page of jobs)."""
    ids = list(migration_ids)
    out: dict[str, dict[str, int]] = {i: {} for i in ids}
    if not ids:
        return out
    A = MigrationAccount
    rows = await session.execute(
        select(
            A.migration_id,
            A.status,
            func.count(),
            func.sum(A.messages_total),
            func.sum(A.messages_done),
            func.sum(A.messages_skipped),
            func.sum(A.messages_failed),
            func.sum(A.bytes_total),
            func.sum(A.bytes_done),
        )
        .where(A.org_id == org_id, A.migration_id.in_(ids))
        .group_by(A.migration_id, A.status)
    )
    for mid, status, n, m_total, m_done, m_skip, m_fail, b_total, b_done in rows.all():
        c = out[mid]
        c["accounts_total"] = c.get("accounts_total", 0) + int(n)
        c[f"accounts_{status}"] = c.get(f"accounts_{status}", 0) + int(n)
        for key, value in (
            ("messages_total", m_total),
            ("messages_done", m_done),
            ("messages_skipped", m_skip),
            ("messages_failed", m_fail),
            ("bytes_total", b_total),
            ("bytes_done", b_done),
        ):
            c[key] = c.get(key, 0) + int(value or 0)
    for c in out.values():
        c["messages_imported"] = max(
            0,
            c.get("messages_done", 0) - c.get("messages_skipped", 0) - c.get("messages_failed", 0),
        )
    return out


# --- accounts of a job -----------------------------------------------------------------


async def items_page(
    session: AsyncSession, org_id: str, migration_id: str, params: PageParams
) -> tuple[list[MigrationAccount], str | None]:
    stmt = scoped(MigrationAccount, org_id).where(
        MigrationAccount.migration_id == migration_id
    )
    return await paginate(session, stmt, params, [MigrationAccount.position, MigrationAccount.id])


async def items_of(session: AsyncSession, org_id: str, migration_id: str) -> list[MigrationAccount]:
    rows = await session.execute(
        scoped(MigrationAccount, org_id)
        .where(MigrationAccount.migration_id == migration_id)
        .order_by(MigrationAccount.position)
        .execution_options(populate_existing=True)
    )
    return list(rows.scalars().all())


async def item(session: AsyncSession, item_id: str) -> MigrationAccount | None:
    """An account row by id (the worker's own lookup: the job names the row)."""
    return await session.scalar(
        select(MigrationAccount)
        .where(MigrationAccount.id == item_id)
        .execution_options(populate_existing=True)
    )


async def active_for_accounts(
    session: AsyncSession, org_id: str, account_ids: list[str]
) -> list[MigrationAccount]:
    found: list[MigrationAccount] = []
    for start in range(0, len(account_ids), 500):
        rows = await session.execute(
            scoped(MigrationAccount, org_id).where(
                MigrationAccount.account_id.in_(account_ids[start : start + 500]),
                MigrationAccount.status.in_(ACTIVE),
            )
        )
        found.extend(rows.scalars().all())
    return found


async def folders_of(
    session: AsyncSession, org_id: str, item_ids: list[str]
) -> dict[str, list[MigrationFolder]]:
    out: dict[str, list[MigrationFolder]] = {i: [] for i in item_ids}
    if not item_ids:
        return out
    rows = await session.execute(
        scoped(MigrationFolder, org_id)
        .where(MigrationFolder.item_id.in_(item_ids))
        .order_by(MigrationFolder.item_id, MigrationFolder.position)
        .execution_options(populate_existing=True)
    )
    for folder in rows.scalars().all():
        out[folder.item_id].append(folder)
    return out


async def failures_page(
    session: AsyncSession, org_id: str, migration_id: str, params: PageParams
) -> tuple[list[MigrationFailure], str | None]:
    stmt = scoped(MigrationFailure, org_id).where(
        MigrationFailure.migration_id == migration_id
    )
    return await paginate(session, stmt, params, [MigrationFailure.id])


# --- incremental state and dedupe ------------------------------------------------------


async def cursor(
    session: AsyncSession, account_id: str, source_key: str, folder_key: str
) -> MigrationCursor | None:
    return await session.scalar(
        select(MigrationCursor)
        .where(
            MigrationCursor.account_id == account_id,
            MigrationCursor.source_key == source_key,
            MigrationCursor.folder_key == folder_key,
        )
        .execution_options(populate_existing=True)
    )


async def imported_shas(
    session: AsyncSession, account_id: str, folder_id: str, shas: list[str]
) -> set[str]:
    if not shas:
        return set()
    rows = await session.execute(
        select(MigrationMessage.content_sha).where(
            MigrationMessage.account_id == account_id,
            MigrationMessage.folder_id == folder_id,
            MigrationMessage.content_sha.in_(shas),
        )
    )
    return set(rows.scalars().all())


async def imported_refs(
    session: AsyncSession, account_id: str, source_key: str, refs: list[str]
) -> set[str]:
    out: set[str] = set()
    for start in range(0, len(refs), 500):
        rows = await session.execute(
            select(MigrationMessage.source_ref).where(
                MigrationMessage.account_id == account_id,
                MigrationMessage.source_key == source_key,
                MigrationMessage.source_ref.in_(refs[start : start + 500]),
            )
        )
        out.update(rows.scalars().all())
    return out


async def failed_refs(session: AsyncSession, item_id: str, refs: list[str]) -> set[str]:
    out: set[str] = set()
    for start in range(0, len(refs), 500):
        rows = await session.execute(
            select(MigrationFailure.uid).where(
                MigrationFailure.item_id == item_id,
                MigrationFailure.uid.in_(refs[start : start + 500]),
            )
        )
        out.update(rows.scalars().all())
    return out


async def same_message_id(
    session: AsyncSession, account_id: str, folder_id: str, message_ids: list[str]
) -> list[tuple[str, str, str | None]]:
    """(Message-ID, blob sha, body sha when a migration put it there) of messages already in
    the folder with one of `message_ids`."""
    if not message_ids:
        return []
    rows = await session.execute(
        select(MailMessage.message_id_header, MailMessage.blob_sha256).where(
            MailMessage.account_id == account_id,
            MailMessage.folder_id == folder_id,
            MailMessage.message_id_header.in_(message_ids),
        )
    )
    found = [(str(a), str(b)) for a, b in rows.all()]
    if not found:
        return []
    ledger = await session.execute(
        select(MigrationMessage.content_sha, MigrationMessage.body_sha).where(
            MigrationMessage.account_id == account_id,
            MigrationMessage.folder_id == folder_id,
            MigrationMessage.content_sha.in_([b for _, b in found]),
        )
    )
    bodies = dict(ledger.all())
    return [(mid, sha, bodies.get(sha)) for mid, sha in found]


# --- leases ----------------------------------------------------------------------------


async def take_item_lease(session: AsyncSession, item_id: str, owner: str, until: datetime) -> bool:
    now = utcnow()
    result = await session.execute(
        update(MigrationAccount)
        .where(
            MigrationAccount.id == item_id,
            MigrationAccount.status.in_(ACTIVE),
            or_(
                MigrationAccount.lease_until.is_(None),
                MigrationAccount.lease_until < now,
                MigrationAccount.lease_owner == owner,
            ),
        )
        .values(lease_owner=owner, lease_until=until)
        .execution_options(synchronize_session=False)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


async def renew_item_lease(
    session: AsyncSession, item_id: str, owner: str, until: datetime
) -> bool:
    result = await session.execute(
        update(MigrationAccount)
        .where(MigrationAccount.id == item_id, MigrationAccount.lease_owner == owner)
        .values(lease_until=until)
        .execution_options(synchronize_session=False)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


async def drop_item_lease(session: AsyncSession, item_id: str, owner: str) -> None:
    await session.execute(
        update(MigrationAccount)
        .where(MigrationAccount.id == item_id, MigrationAccount.lease_owner == owner)
        .values(lease_owner=None, lease_until=None)
        .execution_options(synchronize_session=False)
    )


async def take_host_slot(
    session: AsyncSession, host: str, owner: str, until: datetime, slots: int
) -> int | None:
    """One of `slots` connection slots for `host`, or None when all are held."""
    now = utcnow()
    S = MigrationHostSlot
    for slot in range(max(1, slots)):
        result = await session.execute(
            update(S)
            .where(
                S.host == host,
                S.slot == slot,
                or_(S.lease_until.is_(None), S.lease_until < now, S.holder == owner),
            )
            .values(holder=owner, lease_until=until)
            .execution_options(synchronize_session=False)
        )
        if result.rowcount:  # type: ignore[attr-defined]
            return slot
        exists = await session.scalar(select(S.slot).where(S.host == host, S.slot == slot))
        if exists is None:
            try:
                async with session.begin_nested():
                    session.add(S(host=host, slot=slot, holder=owner, lease_until=until))
                return slot
            except IntegrityError:
                continue  # another worker created it first
    return None


async def renew_host_slot(session: AsyncSession, host: str, owner: str, until: datetime) -> None:
    await session.execute(
        update(MigrationHostSlot)
        .where(MigrationHostSlot.host == host, MigrationHostSlot.holder == owner)
        .values(lease_until=until)
        .execution_options(synchronize_session=False)
    )


async def drop_host_slot(session: AsyncSession, host: str, owner: str) -> None:
    await session.execute(
        update(MigrationHostSlot)
        .where(MigrationHostSlot.host == host, MigrationHostSlot.holder == owner)
        .values(holder=None, lease_until=None)
        .execution_options(synchronize_session=False)
    )


def lease_until(seconds: float) -> datetime:
    return utcnow() + timedelta(seconds=seconds)


async def item_statuses(session: AsyncSession, migration_id: str) -> dict[str, int]:
    rows = await session.execute(
        select(MigrationAccount.status, func.count())
        .where(MigrationAccount.migration_id == migration_id)
        .group_by(MigrationAccount.status)
    )
    return {str(s): int(n) for s, n in rows.all()}


async def cancel_items(session: AsyncSession, org_id: str, migration_id: str) -> int:
    now = utcnow()
    result = await session.execute(
        update(MigrationAccount)
        .where(
            MigrationAccount.org_id == org_id,
            MigrationAccount.migration_id == migration_id,
            MigrationAccount.status.in_(ACTIVE),
        )
        .values(
            status="cancelled",
            secret=None,
            error_code="cancelled",
            error="Cancelled by an administrator.",
            finished_at=now,
            updated_at=now,
        )
        .execution_options(synchronize_session=False)
    )
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


async def org_networks(session: AsyncSession, org_id: str) -> list[str]:
    """The private networks (CIDRs) the organisation lets its migrations reach."""
    value = await session.scalar(
        select(Organization.migration_private_networks).where(Organization.id == org_id)
    )
    return list(value or [])
