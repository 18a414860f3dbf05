"""Queries on mailbox state: the per-account row, system folders, counters."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import bindparam, case, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from api.kit.clock import utcnow
from api.kit.ids import new_id
from api.storage.models import Mailbox, MailFolder, new_uid_validity


def _insert(session: AsyncSession) -> Any:
    """The dialect's INSERT (it has ON CONFLICT … DO NOTHING on both engines)."""
    return sqlite.insert if session.get_bind().dialect.name == "sqlite" else postgresql.insert


async def insert_mailbox(session: AsyncSession, account_id: str, org_id: str) -> bool:
    """Create the mailbox row unless it exists; True when this call created it. On
    PostgreSQL a racing insert of the same row waits for the other transaction and then
    does nothing. Told by RETURNING, not by the rowcount: psycopg reports -1 for an
    INSERT … ON CONFLICT DO NOTHING, which read as "created" in every racer."""
    stmt = (
        _insert(session)(Mailbox)
        .values(account_id=account_id, org_id=org_id, modseq=0, used_bytes=0, message_count=0,
                created_at=utcnow())
        .on_conflict_do_nothing(index_elements=["account_id"])
        .returning(Mailbox.account_id)
    )
    return (await session.execute(stmt)).first() is not None


async def insert_system_folders(
    session: AsyncSession, account_id: str, org_id: str, folders: Sequence[tuple[str, str]]
) -> None:
    """Insert (role, name) system folders of an account, skipping any role it already has
    (the unique index on (account_id, role) WHERE role IS NOT NULL): a racing first use
    waits for the other transaction and then inserts nothing."""
    if not folders:
        return
    now = utcnow()
    rows = [
        {
            "id": new_id("fld"), "org_id": org_id, "account_id": account_id, "parent_id": None,
            "name": name, "role": role, "total_count": 0, "unread_count": 0, "size_bytes": 0,
            "version": 1, "uid_validity": new_uid_validity(), "uid_next": 1,
            "subscribed": True, "created_at": now, "updated_at": now,
        }
        for role, name in folders
    ]
    await session.execute(
        _insert(session)(MailFolder)
        .values(rows)
        # no conflict target: besides (account_id, role) a top-level custom folder already
        # named like the system folder (account, parent, lower(name)) makes it skip, not fail
        .on_conflict_do_nothing()
    )


async def roles_of(session: AsyncSession, account_id: str) -> set[str]:
    rows = await session.scalars(
        select(MailFolder.role).where(MailFolder.account_id == account_id,
                                      MailFolder.role.isnot(None))
    )
    return {r for r in rows.all() if r}


async def mailbox_exists(session: AsyncSession, account_id: str) -> bool:
    found = await session.scalar(select(Mailbox.account_id).where(Mailbox.account_id == account_id))
    return found is not None


async def get_mailbox(session: AsyncSession, account_id: str) -> Mailbox | None:
    return await session.get(Mailbox, account_id)


async def bump(
    session: AsyncSession, account_id: str, *, bytes_delta: int = 0, count_delta: int = 0
) -> tuple[int, int]:
    """Take the next modseq (row-locking the mailbox) and move the usage counters.

    The mailbox row is the first lock a change to a mailbox takes, before any of its message
    rows: the statement runs without autoflush, so flags already set on loaded messages are
    written after it, not before. (With autoflush, marking a message read locked the message
    and then waited for the mailbox, while a reply being sent held the mailbox and waited
    for the same message to be marked answered: a deadlock PostgreSQL broke with an error.)"""
    with session.no_autoflush:
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
    account id -> (its new modseq, its usage). Locks before flushing, as `bump` does."""
    with session.no_autoflush:
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


async def take_uids_and_count(
    session: AsyncSession, deltas: list[tuple[str, int, int, int]]
) -> dict[str, int]:
    """`take_uids` and `move_many_folder_counts` for many folders in one statement: (folder
    id, new messages, unread among them, their size) each; returns folder id -> its first
    reserved UID. The folder rows stay locked until commit, taken in folder-id order on
    PostgreSQL (a `SELECT … FOR UPDATE` inside the UPDATE), so two batches never wait on
    each other the wrong way round (SQLite has one writer at a time)."""
    if not deltas:
        return {}
    ids = sorted(f for f, *_ in deltas)
    table = MailFolder.__table__
    by_id = {f: (n, u, s) for f, n, u, s in deltas}

    def amounts(column: Any, index: int) -> Any:
        return column + case({f: by_id[f][index] for f in ids}, value=table.c.id, else_=0)

    stmt = update(table).where(table.c.id.in_(ids))
    if session.get_bind().dialect.name == "postgresql":
        # the rows locked in id order by a sub-select, in the same statement
        locked = (select(table.c.id).where(table.c.id.in_(ids)).order_by(table.c.id)
                  .with_for_update().subquery())
        stmt = update(table).where(table.c.id == locked.c.id)
    result = await session.execute(
        stmt
        .values(
            uid_next=amounts(table.c.uid_next, 0),
            total_count=amounts(table.c.total_count, 0),
            unread_count=amounts(table.c.unread_count, 1),
            size_bytes=amounts(table.c.size_bytes, 2),
        )
        .returning(table.c.id, table.c.uid_next)
    )
    return {f: int(after) - by_id[f][0] for f, after in result.tuples().all()}
