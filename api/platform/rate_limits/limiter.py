"""Fixed-window counters: in memory for one process, in the database to share them across
processes (PostgreSQL: one `INSERT … ON CONFLICT DO UPDATE … RETURNING` per check)."""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Protocol

from sqlalchemy import delete
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from api.config import Settings
from api.storage.db import Database
from api.storage.models import RateLimitWindow

WINDOW = 60


@dataclass(frozen=True)
class Verdict:
    allowed: bool
    limit: int
    remaining: int
    reset: int  # seconds until the window ends


class RateLimiter(Protocol):
    async def hit(self, bucket: str, limit: int) -> Verdict: ...


def _window() -> tuple[int, int]:
    now = time.time()
    window = int(now // WINDOW)
    return window, max(1, int((window + 1) * WINDOW - now))


class MemoryRateLimiter:
    def __init__(self) -> None:
        self._counts: dict[tuple[str, int], int] = {}
        self._window = 0

    async def hit(self, bucket: str, limit: int) -> Verdict:
        window, reset = _window()
        if window != self._window:
            self._counts.clear()
            self._window = window
        count = self._counts.get((bucket, window), 0) + 1
        self._counts[(bucket, window)] = count
        return Verdict(count <= limit, limit, max(0, limit - count), reset)


class DatabaseRateLimiter:
    def __init__(self, db: Database) -> None:
        self.db = db
        self._last_cleanup = 0

    async def hit(self, bucket: str, limit: int) -> Verdict:
        window, reset = _window()
        insert = pg_insert if not self.db.is_sqlite else sqlite_insert
        stmt = (
            insert(RateLimitWindow)
            .values(bucket=bucket, window=window, count=1)
            .on_conflict_do_update(
                index_elements=["bucket", "window"],
                set_={"count": RateLimitWindow.count + 1},
            )
            .returning(RateLimitWindow.count)
        )
        async with self.db.session() as session:
            count = int((await session.execute(stmt)).scalar_one())
            if window != self._last_cleanup:
                self._last_cleanup = window
                await session.execute(delete(RateLimitWindow).where(RateLimitWindow.window < window - 1))
        return Verdict(count <= limit, limit, max(0, limit - count), reset)


def make_limiter(settings: Settings, db: Database) -> RateLimiter:
    backend = settings.rate_limit_backend
    if backend == "auto":
        backend = "memory" if db.is_sqlite else "database"
    return DatabaseRateLimiter(db) if backend == "database" else MemoryRateLimiter()
