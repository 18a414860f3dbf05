"""Async engines and sessions. SQLite runs in WAL mode with `BEGIN IMMEDIATE` for writers,
so concurrent writers queue on the lock instead of failing with SQLITE_BUSY."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from sqlalchemy import event, make_url, text
from sqlalchemy.dialects import registry
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

from api.storage import write_gate
from api.storage.sqlite_driver import OneHopDialect

# `sqlite+aiosqlite` URLs run on the one-hop variant of SQLAlchemy's aiosqlite dialect
registry.register("sqlite.mailplane_aiosqlite", "api.storage.sqlite_driver", "OneHopDialect")


def _engine_url(url: str) -> Any:
    parsed = make_url(url)
    if parsed.drivername == "sqlite+aiosqlite":
        return parsed.set(drivername="sqlite+mailplane_aiosqlite")
    return parsed


class Database:
    """One engine per process, a read session factory and a write session factory."""

    def __init__(self, url: str, *, echo: bool = False, **engine_kw: Any) -> None:
        self.url = url
        self.is_sqlite = url.startswith("sqlite")
        if self.is_sqlite:
            engine_kw.setdefault("connect_args", {"timeout": 30})
            if ":memory:" not in url and "mode=memory" not in url:
                # a connection (and aiosqlite's thread, and SQLite's parse of the schema) per
                # session past the pool's default five cost the SMTP edge about a millisecond
                # of CPU per message: keep as many as a busy process uses at once
                engine_kw.setdefault("pool_size", 32)
                engine_kw.setdefault("max_overflow", 32)
        else:
            engine_kw.setdefault("pool_size", 10)
            engine_kw.setdefault("max_overflow", 20)
            engine_kw.setdefault("pool_pre_ping", True)
            # a database host that stopped answering fails a request (503 / 451) instead of
            # hanging it; generous, since a loaded server can take seconds to accept
            engine_kw.setdefault("connect_args", {"connect_timeout": 15})
        self.engine: AsyncEngine = create_async_engine(_engine_url(url), echo=echo, **engine_kw)
        if self.is_sqlite:
            _configure_sqlite(self.engine)
            writer = self.engine.execution_options(sqlite_immediate=True)
        else:
            writer = self.engine
        self.reader = async_sessionmaker(self.engine, expire_on_commit=False)
        self.writer = async_sessionmaker(writer, expire_on_commit=False)

    @asynccontextmanager
    async def session(self, *, write: bool = True) -> AsyncIterator[AsyncSession]:
        """A unit of work: committed when the block ends cleanly, rolled back otherwise."""
        factory = self.writer if write else self.reader
        async with factory() as session:
            try:
                yield session
                await session.commit()
            except BaseException:
                await session.rollback()
                raise

    async def ping(self) -> None:
        async with self.reader() as session:
            await session.execute(text("SELECT 1"))

    async def dispose(self) -> None:
        await self.engine.dispose()


def _writers_lock_path(database: str | None) -> str | None:
    """The file every process's SQLite writers queue on (write_gate.py), beside the database;
    None for an in-memory database, which no other process can open."""
    if not database or database == ":memory:" or "mode=memory" in database:
        return None
    if database.startswith("file:"):
        database = database[len("file:"):].split("?", 1)[0]
    return f"{database}-writers"


def _configure_sqlite(engine: AsyncEngine) -> None:
    sync_engine = engine.sync_engine

    @event.listens_for(sync_engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # Let us issue BEGIN ourselves (pysqlite's implicit transactions get it wrong).
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=FULL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA busy_timeout=30000")
        cur.close()

    gated = isinstance(sync_engine.dialect, OneHopDialect)
    lock_path = _writers_lock_path(sync_engine.url.database)  # shared by every process

    @event.listens_for(sync_engine, "begin")
    def _on_begin(conn: Any) -> None:
        immediate = conn.get_execution_options().get("sqlite_immediate", False)
        if not immediate:
            conn.exec_driver_sql("BEGIN")
            return
        if gated:  # writers of this process in arrival order (write_gate.py)
            write_gate.enter(conn.connection, lock_path)
        try:
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        except BaseException:
            write_gate.leave(conn.connection)
            raise
