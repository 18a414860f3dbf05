"""Mailbox migration throughput from a real Dovecot, side by side with the ceiling: a plain
imaplib loop fetching the same messages (same UID batches, `BODY.PEEK[]`, flags and
INTERNALDATE) and throwing them away.

    .venv/bin/python benchmarks/migration.py [--messages 10000] [--size 20000] [--profile F]

Prints one JSON object. Needs root (the Dovecot peer: tests/peers/postfix-dovecot.sh).
The migration runs exactly as the worker runs it (run_slice: fetch thread, parsing
processes, dedupe, the mail store's store_many, checkpoint per batch) on SQLite, or
PostgreSQL when MAILPLANE_TEST_DATABASE_URL is set.

CPU is reported for the migrating process and, apart, for its parsing processes
(`api/migration/parsing.py`); the pool is started (its imports paid) before the clock
starts, as a worker process keeps it from one migration to the next.
"""

from __future__ import annotations

import sys  # noqa: I001
from pathlib import Path

# the repository root instead of benchmarks/ (whose module names would shadow the stdlib)
sys.path[0] = str(Path(__file__).resolve().parent.parent)

import argparse  # noqa: E402
import asyncio  # noqa: E402
import imaplib  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import shutil  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402

from api.config import Settings  # noqa: E402
from api.storage.migrate import upgrade  # noqa: E402
from tests.migration.dovecot import Dovecot  # noqa: E402

#: CPU time of this process (all its threads) while migrating: a figure that holds up when
#: the machine is shared, unlike wall-clock rates
CPU_SECONDS: dict[str, float] = {}


def pool_cpu() -> float:
    """User + system CPU seconds of the parsing processes so far (0 without a pool)."""
    from api.migration import parsing

    executor = parsing._Pool.executor
    total = 0.0
    for pid in list(getattr(executor, "_processes", None) or {}):
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


async def warm_pool() -> None:
    from api.migration import parsing

    executor = parsing._Pool.get()
    if executor is not None:
        loop = asyncio.get_running_loop()
        await asyncio.gather(*(loop.run_in_executor(executor, parsing.make, [], "sqlite")
                               for _ in range(parsing.PROCESSES)))


def seed(peer: Dovecot, user: str, count: int, size: int) -> int:
    total = 0
    line = ("Lorem ipsum dolor sit amet, 中文内容 consectetur adipiscing elit.\r\n").encode()
    for i in range(count):
        head = (f"From: Sender {i % 97} <s{i % 97}@example.org>\r\nTo: {user}\r\n"
                f"Subject: Benchmark message {i}\r\nMessage-ID: <bench{i}@example.org>\r\n"
                "Date: Tue, 02 Jan 2018 09:30:00 +0800\r\nMIME-Version: 1.0\r\n"
                "Content-Type: text/plain; charset=utf-8\r\n\r\n").encode()
        body = (line * (size // len(line) + 1))[: max(0, size - len(head))]
        raw = head + body
        total += len(raw)
        peer.add(user, raw, flags="S" if i % 3 else "")
    peer.own(user)
    return total


def ceiling(peer: Dovecot, user: str, batch: int) -> tuple[int, int, float]:
    imap = imaplib.IMAP4("127.0.0.1", peer.imap_port)
    imap.login(user, "secret")
    start = time.perf_counter()
    imap.select("INBOX", readonly=True)
    _, data = imap.uid("FETCH", "1:*", "(UID RFC822.SIZE)")
    uids = sorted(int(d.split(b"UID ")[1].split()[0]) for d in data if isinstance(d, bytes))
    count = size = 0
    for i in range(0, len(uids), batch):
        chunk = uids[i:i + batch]
        _, data = imap.uid("FETCH", f"{chunk[0]}:{chunk[-1]}",
                           "(UID FLAGS INTERNALDATE BODY.PEEK[])")
        for item in data:
            if isinstance(item, tuple):
                count += 1
                size += len(item[1])
    elapsed = time.perf_counter() - start
    imap.logout()
    return count, size, elapsed


async def migrate(settings: Settings, peer: Dovecot, user: str) -> tuple[int, int, float]:
    from sqlalchemy import select

    from api.bootstrap import create_organization
    from api.migration import service
    from api.migration.transfer import run_slice
    from api.runtime import Runtime
    from api.storage.models import MigrationAccount
    from schemas.migration import MigrationCreate

    runtime = Runtime.build(settings)
    async with runtime.db.session() as session:
        made = await create_organization(session, name="Bench", domain="bench.test",
                                         admin="admin", password="bench-password-123")
    async with runtime.db.session() as session:
        migration = await service.create_migration(
            session, runtime, made.org.id,
            MigrationCreate.model_validate({"accounts": [{"account": made.admin.address, "source": {
                "host": "127.0.0.1", "port": peer.imap_port, "security": "none",
                "username": user, "password": "secret"}}]}),
            actor=None,
        )
        item = await session.scalar(select(MigrationAccount).where(
            MigrationAccount.migration_id == migration.id))
        assert item is not None
    await warm_pool()
    CPU_SECONDS["pool_start"] = pool_cpu()
    start, cpu = time.perf_counter(), time.process_time()
    while True:
        result = await run_slice(runtime, item.id, slice_seconds=3600, schedule=False)
        if result.state in ("done", "gone"):
            break
        await asyncio.sleep(0.1)
    elapsed, CPU_SECONDS["migration"] = time.perf_counter() - start, time.process_time() - cpu
    CPU_SECONDS["pool"] = pool_cpu() - CPU_SECONDS["pool_start"]
    async with runtime.db.session(write=False) as session:
        done = await session.get(MigrationAccount, item.id)
        assert done is not None
        imported = done.messages_done - done.messages_skipped - done.messages_failed
        status, nbytes = done.status, done.bytes_done
    await runtime.db.dispose()
    assert status == "completed", status
    return imported, nbytes, elapsed


def own_schema(url: str, schema: str) -> str:
    """A fresh PostgreSQL schema for this run (the shared database stays untouched)."""
    import psycopg

    from api.config import normalise_database_url

    plain = url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(plain, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
        conn.execute(f"CREATE SCHEMA {schema}")
    sep = "&" if "?" in url else "?"
    return normalise_database_url(f"{url}{sep}options=-csearch_path%3D{schema}")


def drop_schema(url: str, schema: str) -> None:
    import psycopg

    plain = url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(plain, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--messages", type=int, default=10_000)
    parser.add_argument("--size", type=int, default=20_000, help="bytes per message")
    parser.add_argument("--profile", type=Path, help="write cProfile stats of the migration")
    args = parser.parse_args()
    schema = f"mig_bench_{os.getpid()}"
    root = Path(tempfile.mkdtemp(prefix="mig-bench-peer-"))
    root.chmod(0o755)
    data = Path(tempfile.mkdtemp(prefix="mig-bench-data-"))
    peer = Dovecot(root)
    reason = peer.start()
    if reason:
        raise SystemExit(f"no Dovecot: {reason}")
    try:
        user = peer.new_user("bench")
        seeded = seed(peer, user, args.messages, args.size)
        url = os.environ.get("MAILPLANE_TEST_DATABASE_URL")
        if url:
            url = own_schema(url, schema)
        settings = Settings(data_dir=data, database_url=url, secret_key="bench-secret",
                            migration_allow_private=True, log_json=True, access_log=False)
        upgrade(settings.effective_database_url)
        ceiling(peer, user, settings.migration_batch_messages)  # warm Dovecot's index and cache
        c_count, c_bytes, c_time = ceiling(peer, user, settings.migration_batch_messages)
        if args.profile:
            import cProfile

            with cProfile.Profile() as prof:
                m_count, m_bytes, m_time = asyncio.run(migrate(settings, peer, user))
            prof.dump_stats(str(args.profile))
        else:
            m_count, m_bytes, m_time = asyncio.run(migrate(settings, peer, user))
        c2_count, c2_bytes, c2_time = ceiling(peer, user, settings.migration_batch_messages)
        c_rate = (c_count + c2_count) / (c_time + c2_time)
        c_mb = (c_bytes + c2_bytes) / (c_time + c2_time) / 1e6
        m_rate, m_mb = m_count / m_time, m_bytes / m_time / 1e6
        print(json.dumps({
            "benchmark": "migration", "database": "postgresql" if url else "sqlite",
            "messages": args.messages, "bytes_seeded": seeded,
            "migration": {"messages": m_count, "seconds": round(m_time, 2),
                          "cpu_seconds": round(CPU_SECONDS["migration"], 2),
                          "messages_per_cpu_s": round(m_count / CPU_SECONDS["migration"], 1),
                          "cpu_ms_per_message": round(CPU_SECONDS["migration"] / m_count * 1e3, 3),
                          "parsing_processes_cpu_seconds": round(CPU_SECONDS["pool"], 2),
                          "parsing_processes_cpu_ms_per_message":
                              round(CPU_SECONDS["pool"] / m_count * 1e3, 3),
                          "parsing_processes_start_cpu_seconds":
                              round(CPU_SECONDS["pool_start"], 2),
                          "messages_per_s": round(m_rate, 1), "mb_per_s": round(m_mb, 2)},
            "ceiling_imaplib": {"messages": c_count, "seconds": round((c_time + c2_time) / 2, 2),
                                "messages_per_s": round(c_rate, 1), "mb_per_s": round(c_mb, 2)},
            "ratio": round(m_rate / c_rate, 3),
            "load_average_1min": round(os.getloadavg()[0], 2),
        }))
    finally:
        if os.environ.get("MAILPLANE_TEST_DATABASE_URL"):
            drop_schema(os.environ["MAILPLANE_TEST_DATABASE_URL"], schema)
        peer.stop()
        shutil.rmtree(root, ignore_errors=True)
        shutil.rmtree(data, ignore_errors=True)


if __name__ == "__main__":
    main()
