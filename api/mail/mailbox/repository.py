"""Queries on mailbox state: the per-account row, system folders, counters."""

from __future__ import annotations

from sqlalchemy import bindparam, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from api.storage.models import Mailbox, MailFolder


async def insert_mailbox(session: AsyncSession, account_id: str, org_id: str) -> bool:
    """Create the mailbox row unless it exists; True when this call created it."""
    dialect = session.get_bind().dialect.name
    insert = sqlite.insert if dialect == "sqlite" else postgresql.insert
    stmt = (
        insert(Mailbox)
        .values(account_id=account_id, org_id=org_id, modseq=0, used_bytes=0, message_count=0)
        .on_conflict_do_nothing(index_elements=["account_id"])
    )
    result = await session.execute(stmt)
    return bool(result.rowcount)  # type: ignore[attr-defined]


async def mailbox_exists(session: AsyncSession, account_id: str) -> bool:
    found = await session.scalar(select(Mailbox.account_id).where(Mailbox.account_id == account_id))
    return found is not None


async def get_mailbox(session: AsyncSession, account_id: str) -> Mailbox | None:
    return await session.get(Mailbox, account_id)


async def bump(
    session: AsyncSession, account_id: str, *, bytes_delta: int = 0, count_delta: int = 0
) -> tuple[int, int]:
    """Take the next modseq (row-locking the mailbox) and move the usage counters."""
    result = await session.execute(
        update(Mailbox)
        .where(Mailbox.account_id == account_id)
        .values(
            modseq=Mailbox.modseq + 1,
            used_bytes=Mailbox.used_bytes + bytes_delta,
            message_count=Mailbox.message_count + count_delta,
        )
        .returning(Mailbox.modseq, Mailbox.used_bytes)
        .execution_options(synchronize_session=False)
    )
    modseq, used = result.one()
    return int(modseq), int(used)


async def bump_many(
    session: AsyncSession, account_ids: list[str], *, bytes_delta: int, count_delta: int
) -> dict[str, tuple[int, int]]:
    """`bump` for many mailboxes moved by the same amounts, in one statement:
    account id -> (its new modseq, its usage)."""
    result = await session.execute(
        update(Mailbox)
        .where(Mailbox.account_id.in_(account_ids))
        .values(
            modseq=Mailbox.modseq + 1,
            used_bytes=Mailbox.used_bytes + bytes_delta,
            message_count=Mailbox.message_count + count_delta,
        )
        .returning(Mailbox.account_id, Mailbox.modseq, Mailbox.used_bytes)
        .execution_options(synchronize_session=False)
    )
    return {a: (int(m), int(u)) for a, m, u in result.tuples().all()}


async def unuse(session: AsyncSession, account_id: str, bytes_delta: int, count_delta: int) -> None:
    await session.execute(
        update(Mailbox)
        .where(Mailbox.account_id == account_id)
        .values(
            used_bytes=Mailbox.used_bytes - bytes_delta,
            message_count=Mailbox.message_count - count_delta,
        )
        .execution_options(synchronize_session=False)
    )


async def folder_by_role(session: AsyncSession, account_id: str, role: str) -> MailFolder | None:
    return await session.scalar(
        select(MailFolder).where(MailFolder.account_id == account_id, MailFolder.role == role)
    )


async def folders_by_role(
    session: AsyncSession, account_ids: list[str], role: str
) -> list[MailFolder]:
    """The `role` system folder of each of many accounts (those whose mailbox exists)."""
    found: list[MailFolder] = []
    for start in range(0, len(account_ids), 500):
        rows = await session.scalars(
            select(MailFolder).where(
                MailFolder.account_id.in_(account_ids[start : start + 500]),
                MailFolder.role == role,
            )
        )
        found.extend(rows.all())
    return found


async def move_many_folder_counts(
    session: AsyncSession, deltas: list[tuple[str, int, int, int]]
) -> None:
    """`move_folder_counts` for many folders in one executemany: (folder id, total, unread,
    size) each."""
    if not deltas:
        return
    table = MailFolder.__table__  # Core: an executemany, not the ORM's bulk update by key
    await session.execute(
        update(table)
        .where(table.c.id == bindparam("fid"))
        .values(
            total_count=table.c.total_count + bindparam("dt"),
            unread_count=table.c.unread_count + bindparam("du"),
            size_bytes=table.c.size_bytes + bindparam("ds"),
        ),
        [{"fid": f, "dt": t, "du": u, "ds": s} for f, t, u, s in deltas],
    )


async def move_folder_counts(
    session: AsyncSession, folder_id: str, *, total: int = 0, unread: int = 0, size: int = 0
) -> None:
    if total or unread or size:
        await session.execute(
            update(MailFolder)
            .where(MailFolder.id == folder_id)
            .values(
                total_count=MailFolder.total_count + total,
                unread_count=MailFolder.unread_count + unread,
                size_bytes=MailFolder.size_bytes + size,
            )
            .execution_options(synchronize_session=False)
        )


async def take_uids(session: AsyncSession, folder_id: str, count: int) -> int:
    """Reserve `count` IMAP UIDs in a folder (row-locking it until commit, so UIDs become
    visible in the order they were taken); returns the first."""
    result = await session.execute(
        update(MailFolder)
        .where(MailFolder.id == folder_id)
        .values(uid_next=MailFolder.uid_next + count)
        .returning(MailFolder.uid_next)
        .execution_options(synchronize_session=False)
    )
    return int(result.scalar_one()) - count
