"""SQLite's writer gate (api/storage/write_gate.py): writers of one process take SQLite's
write lock in the order they asked for it, and the gate passes on however a transaction
ends (commit, rollback, an error inside it), so no writer waits for ever."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from sqlalchemy import text

from api.storage import write_gate
from api.storage.db import Database


@pytest.fixture
async def db(tmp_path: Path):  # type: ignore[no-untyped-def]
    database = Database(f"sqlite+aiosqlite:///{tmp_path / 'gate.db'}")
    async with database.session() as session:
        await session.execute(text("CREATE TABLE log (n INTEGER, at INTEGER)"))
    yield database
    await database.dispose()


def _at_the_gate() -> int:
    """Writers holding or queued at this loop's gate."""
    gate = write_gate._gates.get(asyncio.get_running_loop())
    if gate is None:
        return 0
    return int(gate.locked()) + len(gate._waiters or ())  # type: ignore[attr-defined]


async def test_writers_go_in_arrival_order_and_all_commit(db: Database) -> None:
    order: list[int] = []
    finished = 0

    async def writer(n: int) -> None:
        nonlocal finished
        # arrive in order 0..7: each sets out once the ones before it reached the gate (a
        # fixed stagger is not enough on a loaded machine: opening a session hops threads)
        async with asyncio.timeout(10):
            while _at_the_gate() + finished < n:
                await asyncio.sleep(0.002)
        async with db.session() as session:
            await session.execute(text("INSERT INTO log (n) VALUES (:n)"), {"n": n})
            order.append(n)
            await asyncio.sleep(0.05)  # hold the write lock a while
        finished += 1

    await asyncio.gather(*(writer(n) for n in range(8)))
    assert order == list(range(8))
    async with db.session(write=False) as session:
        rows = (await session.execute(text("SELECT n FROM log ORDER BY rowid"))).scalars().all()
    assert rows == list(range(8))
    assert not write_gate._held


async def test_the_gate_passes_on_after_an_error_and_a_rollback(db: Database) -> None:
    with pytest.raises(RuntimeError):
        async with db.session() as session:
            await session.execute(text("INSERT INTO log (n) VALUES (1)"))
            raise RuntimeError("the request failed")
    async with db.writer() as session:  # rolled back by closing, never committed
        await session.execute(text("INSERT INTO log (n) VALUES (2)"))
    with pytest.raises(Exception, match="no such table"):
        async with db.session() as session:
            await session.execute(text("INSERT INTO nowhere (n) VALUES (3)"))
    # each of those let go of the gate: the next writer goes straight in
    async with asyncio.timeout(5):
        async with db.session() as session:
            await session.execute(text("INSERT INTO log (n) VALUES (4)"))
    async with db.session(write=False) as session:
        rows = (await session.execute(text("SELECT n FROM log"))).scalars().all()
    assert rows == [4]
    assert not write_gate._held


async def test_readers_do_not_wait_for_a_writer(db: Database) -> None:
    async with db.session() as writer:
        await writer.execute(text("INSERT INTO log (n) VALUES (1)"))
        async with asyncio.timeout(5), db.session(write=False) as reader:
            assert (await reader.execute(text("SELECT count(*) FROM log"))).scalar() == 0
