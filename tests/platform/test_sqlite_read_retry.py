"""A read request that has to write on SQLite and loses the lock is run again as a writer;
anything else (another error, a response already started) is not retried."""

from __future__ import annotations

import sqlite3
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from api.kit.sqlite_retry import WRITE_KEY, SqliteReadRetryMiddleware
from api.storage.db import Database


def _locked() -> OperationalError:
    return OperationalError("INSERT …", {}, sqlite3.OperationalError("database is locked"))


class Script:
    """An ASGI app that fails its first run(s) the way the test says."""

    def __init__(self, failure: BaseException, *, start_first: bool = False) -> None:
        self.failure = failure
        self.start_first = start_first
        self.runs: list[bool] = []

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        self.runs.append(bool(scope.get(WRITE_KEY)))
        if len(self.runs) == 1:
            if self.start_first:
                await send({"type": "http.response.start", "status": 200, "headers": []})
            raise self.failure
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"ok"})


async def _call(app: Any, method: str = "GET") -> list[dict[str, Any]]:
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b""}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    await app({"type": "http", "method": method, "path": "/v1/x", "headers": []}, receive, send)
    return sent


async def test_lost_lock_on_a_read_runs_again_as_writer() -> None:
    inner = Script(_locked())
    sent = await _call(SqliteReadRetryMiddleware(inner, enabled=True))
    assert inner.runs == [False, True]
    assert sent[-1]["body"] == b"ok"


@pytest.mark.parametrize(
    ("failure", "method", "start_first", "enabled"),
    [
        (_locked(), "POST", False, True),  # writers wait for the lock already
        (_locked(), "GET", True, True),  # the response had started: cannot be undone
        (RuntimeError("database is locked"), "GET", False, True),  # not the database's error
        (_locked(), "GET", False, False),  # PostgreSQL: never needed
    ],
)
async def test_other_failures_are_not_retried(
    failure: BaseException, method: str, start_first: bool, enabled: bool
) -> None:
    inner = Script(failure, start_first=start_first)
    with pytest.raises(type(failure)):
        await _call(SqliteReadRetryMiddleware(inner, enabled=enabled), method)
    assert inner.runs == [False]


async def test_a_read_transaction_cannot_write_after_another_commit(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Why the middleware exists: SQLite's answer does not wait for the busy timeout."""
    db = Database(f"sqlite+aiosqlite:///{tmp_path / 'x.db'}")
    async with db.session() as s:
        await s.execute(text("CREATE TABLE t (n INTEGER)"))
    with pytest.raises(OperationalError, match="database is locked"):
        async with db.session(write=False) as reader:
            await reader.execute(text("SELECT count(*) FROM t"))
            async with db.session() as writer:
                await writer.execute(text("INSERT INTO t VALUES (1)"))
            await reader.execute(text("INSERT INTO t VALUES (2)"))
    async with db.session() as s:  # the retry's way: a writer from the start waits and succeeds
        await s.execute(text("INSERT INTO t VALUES (2)"))
        assert (await s.execute(text("SELECT count(*) FROM t"))).scalar() == 2
    await db.dispose()
