"""A deadlock or serialization failure is not an outage: PostgreSQL rolled one transaction
back so another could finish. Every door answers it as "try again" (503 + Retry-After, a
GraphQL `transaction_conflict`, SMTP 451) in words that say what happened, in the reader's
language; a lost connection keeps its own answer."""

from __future__ import annotations

import asyncio

import httpx
import psycopg
import pytest
from sqlalchemy import exc as sa_exc
from sqlalchemy import text

from api.runtime import Runtime
from api.storage.outage import is_database_outage, is_transaction_conflict
from tests.conftest import PG_URL
from tests.factories.platform import OrgHandle


def _wrapped(error: Exception) -> sa_exc.OperationalError:
    """What SQLAlchemy raises around a driver error: the driver's error as `orig`."""
    try:
        raise sa_exc.OperationalError("UPDATE …", {}, error) from error
    except sa_exc.OperationalError as wrapped:
        return wrapped


def test_deadlock_and_serialization_failure_are_conflicts_not_outages() -> None:
    for error in (psycopg.errors.DeadlockDetected("deadlock detected"),
                  psycopg.errors.SerializationFailure("could not serialize access")):
        assert is_transaction_conflict(_wrapped(error))
        assert not is_database_outage(_wrapped(error))
    lost = psycopg.OperationalError("server closed the connection unexpectedly")
    assert is_database_outage(_wrapped(lost))
    assert not is_transaction_conflict(_wrapped(lost))
    assert not is_transaction_conflict(ValueError("not a database error"))


@pytest.mark.skipif(not PG_URL, reason="deadlocks are PostgreSQL's; SQLite has one writer")
async def test_a_real_postgresql_deadlock_is_told_apart_from_an_outage(
    runtime: Runtime, org: OrgHandle, other_org: OrgHandle
) -> None:
    """Two transactions lock two organisations in opposite orders: PostgreSQL breaks the
    cycle by failing one of them, and that failure reads as a conflict."""
    first_locked, second_locked = asyncio.Event(), asyncio.Event()
    rename = text("UPDATE organizations SET name = name WHERE id = :id")

    async def lock(ids: tuple[str, str], mine: asyncio.Event, theirs: asyncio.Event) -> None:
        async with runtime.db.session(write=True) as session:
            await session.execute(rename, {"id": ids[0]})
            mine.set()
            await theirs.wait()
            await session.execute(rename, {"id": ids[1]})

    results = await asyncio.gather(
        lock((org.id, other_org.id), first_locked, second_locked),
        lock((other_org.id, org.id), second_locked, first_locked),
        return_exceptions=True,
    )
    failures = [r for r in results if isinstance(r, BaseException)]
    assert len(failures) == 1, results  # one finished, one was chosen as the victim
    assert is_transaction_conflict(failures[0])
    assert not is_database_outage(failures[0])


@pytest.mark.parametrize(
    ("language", "error", "code", "retry_after", "words"),
    [
        ("zh-CN", psycopg.errors.DeadlockDetected("deadlock"), "transaction_conflict", "1",
         "请重试"),
        ("en", psycopg.errors.SerializationFailure("could not serialize"),
         "transaction_conflict", "1", "Another change to the same data"),
        ("zh-CN", psycopg.OperationalError("connection refused"), "database_unavailable", "5",
         "无法连接数据库"),
    ],
)
async def test_rest_answers_each_in_its_own_words(
    app, client: httpx.AsyncClient, language: str, error: Exception, code: str,  # type: ignore[no-untyped-def]
    retry_after: str, words: str,
) -> None:
    @app.get("/test-only/raise")
    async def _raise() -> None:
        raise _wrapped(error)

    answer = await client.get("/test-only/raise", headers={"Accept-Language": language})
    assert answer.status_code == 503
    assert answer.headers["Retry-After"] == retry_after
    problem = answer.json()
    assert problem["code"] == code
    assert words in problem["detail"]
