"""SQLite's writer gate (api/storage/write_gate.py): writers of one process take SQLite's
write lock in the order they asked for it, writers of other processes queue on a file lock
the kernel hands over (the `flock` command stands in for another process here), and the
gate passes on however a transaction ends (commit, rollback, an error inside it, a writer
cancelled while it waits), so no writer waits for ever."""

from __future__ import annotations

import asyncio
import subprocess
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
    gates = write_gate._gates.get(asyncio.get_running_loop(), {})
    return sum(
        int(g.lock.locked()) + len(g.lock._waiters or ())  # type: ignore[attr-defined]
        for g in gates.values()
    )


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


def _free_for_another_process(lock: Path) -> bool:
    """Whether another process could take the writers' file lock right now."""
    return subprocess.run(["flock", "--nonblock", str(lock), "true"], check=False).returncode == 0


async def test_a_writer_holds_the_file_lock_other_processes_queue_on(
    db: Database, tmp_path: Path
) -> None:
    lock = tmp_path / "gate.db-writers"
    async with db.session() as session:
        await session.execute(text("INSERT INTO log (n) VALUES (1)"))
        assert not await asyncio.to_thread(_free_for_another_process, lock)
    assert await asyncio.to_thread(_free_for_another_process, lock)
    async with db.session(write=False) as reader:  # readers never take it
        await reader.execute(text("SELECT count(*) FROM log"))
        assert await asyncio.to_thread(_free_for_another_process, lock)


class _OtherProcess:
    """A process holding the writers' file lock (`flock`) until told to let go."""

    def __init__(self, lock: Path) -> None:
        self.lock = lock
        self.process: asyncio.subprocess.Process | None = None

    async def take(self) -> None:
        self.process = await asyncio.create_subprocess_exec(
            "flock", str(self.lock), "sh", "-c", "echo held; read line",
            stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE,
        )
        assert self.process.stdout is not None
        assert await self.process.stdout.readline() == b"held\n"

    async def let_go(self) -> None:
        assert self.process is not None and self.process.stdin is not None
        self.process.stdin.write(b"go\n")
        await self.process.stdin.drain()
        await self.process.wait()


async def _queued_writer(db: Database, tmp_path: Path) -> tuple[_OtherProcess, asyncio.Task[None]]:
    """Row 0 written (which makes the lock file), the lock held by another process, and a
    writer of row 1 started behind it."""
    async with db.session() as session:
        await session.execute(text("INSERT INTO log (n) VALUES (0)"))
    other = _OtherProcess(tmp_path / "gate.db-writers")
    await other.take()

    async def write() -> None:
        async with db.session() as session:
            await session.execute(text("INSERT INTO log (n) VALUES (1)"))

    writer = asyncio.create_task(write())
    await asyncio.sleep(0.3)
    return other, writer


async def _rows(db: Database) -> list[int]:
    async with db.session(write=False) as session:
        return list((await session.execute(text("SELECT n FROM log ORDER BY n"))).scalars())


async def test_a_writer_waits_for_another_process_and_goes_in_when_it_lets_go(
    db: Database, tmp_path: Path
) -> None:
    other, writer = await _queued_writer(db, tmp_path)
    assert not writer.done()  # queued behind the other process, not polling SQLite
    async with asyncio.timeout(5):
        await other.let_go()
        await writer
    assert await _rows(db) == [0, 1]
    assert await asyncio.to_thread(_free_for_another_process, other.lock)
    assert not write_gate._held


async def test_a_writer_cancelled_while_it_waits_gives_the_file_lock_back(
    db: Database, tmp_path: Path
) -> None:
    other, writer = await _queued_writer(db, tmp_path)
    writer.cancel()
    with pytest.raises(asyncio.CancelledError):
        await writer
    await other.let_go()
    # the abandoned wait got the lock once the other process let go, and gave it back
    async with asyncio.timeout(5):
        while not await asyncio.to_thread(_free_for_another_process, other.lock):
            await asyncio.sleep(0.05)
        async with db.session() as session:
            await session.execute(text("INSERT INTO log (n) VALUES (2)"))
    assert await _rows(db) == [0, 2]
    assert not write_gate._held
