"""Fixed-window counters: in memory for one process, in the database to share them across
processes (PostgreSQL: one `INSERT … ON CONFLICT DO UPDATE … RETURNING` per check).

A day of one-minute windows is kept, so `usage` can tell the developer portal how many
requests an app made in the last minute, hour and day."""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Protocol

from sqlalchemy import delete, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from api.config import Settings
from api.storage.db import Database
from api.storage.models import RateLimitWindow

WINDOW = 60
KEEP_WINDOWS = 24 * 60  # a day of one-minute windows, for `usage`


@dataclass(frozen=True)
class Verdict:
    allowed: bool
    limit: int
    remaining: int
    reset: int  # seconds until the window ends


@dataclass(frozen=True)
class Usage:
    this_window: int
    last_hour: int  # the current window and the 59 before it
    last_day: int  # the current window and the 1,439 before it
    reset: int


class RateLimiter(Protocol):
    async def hit(self, bucket: str, limit: int) -> Verdict: ...

    async def hit_many(self, hits: tuple[tuple[str, int], ...]) -> list[Verdict]:
        """Count one request in every `(bucket, limit)` of `hits` (distinct buckets) at once,
        as `hit` on each would: an app's and its organisation's on every authenticated
        request, with one clock read and one database session."""
        ...

    async def usage(self, bucket: str) -> Usage: ...


def _usage(counts: dict[int, int], window: int, reset: int) -> Usage:
    return Usage(
        this_window=counts.get(window, 0),
        last_hour=sum(c for w, c in counts.items() if w > window - 60),
        last_day=sum(c for w, c in counts.items() if w > window - KEEP_WINDOWS),
        reset=reset,
    )


def _window() -> tuple[int, int]:
    now = time.time()
    window = int(now // WINDOW)
    return window, max(1, int((window + 1) * WINDOW - now))


class MemoryRateLimiter:
    def __init__(self) -> None:
        self._counts: dict[str, dict[int, int]] = {}
        self._window = 0

    async def hit(self, bucket: str, limit: int) -> Verdict:
        return (await self.hit_many(((bucket, limit),)))[0]

    async def hit_many(self, hits: tuple[tuple[str, int], ...]) -> list[Verdict]:
        window, reset = _window()
        if window != self._window:
            self._window = window
            self._forget(window)
        verdicts = []
        for bucket, limit in hits:
            windows = self._counts.get(bucket)
            if windows is None:
                windows = self._counts[bucket] = {}
            count = windows.get(window, 0) + 1
            windows[window] = count
            verdicts.append(Verdict(count <= limit, limit, max(0, limit - count), reset))
        return verdicts

    async def usage(self, bucket: str) -> Usage:
        window, reset = _window()
        return _usage(self._counts.get(bucket, {}), window, reset)

    def _forget(self, window: int) -> None:
        for bucket, windows in list(self._counts.items()):
            for old in [w for w in windows if w <= window - KEEP_WINDOWS]:
                del windows[old]
            if not windows:
                del self._counts[bucket]


class DatabaseRateLimiter:
    def __init__(self, db: Database) -> None:
        self.db = db
        self._last_cleanup = 0

    async def hit(self, bucket: str, limit: int) -> Verdict:
        return (await self.hit_many(((bucket, limit),)))[0]

    async def hit_many(self, hits: tuple[tuple[str, int], ...]) -> list[Verdict]:
        """One session for all of `hits`: an upsert per bucket (a multi-row upsert would
        touch the buckets in whatever order the caller names them, and two callers naming
        them differently could deadlock on PostgreSQL; one statement each keeps the order
        fixed by sorting)."""
        window, reset = _window()
        insert = pg_insert if not self.db.is_sqlite else sqlite_insert
        counts: dict[str, int] = {}
        async with self.db.session() as session:
            for bucket in sorted({bucket for bucket, _ in hits}):
                stmt = (
                    insert(RateLimitWindow)
                    .values(bucket=bucket, window=window, count=1)
                    .on_conflict_do_update(
                        index_elements=["bucket", "window"],
                        set_={"count": RateLimitWindow.count + 1},
                    )
                    .returning(RateLimitWindow.count)
                )
                counts[bucket] = int((await session.execute(stmt)).scalar_one())
            if window != self._last_cleanup:
                self._last_cleanup = window
                await session.execute(
                    delete(RateLimitWindow).where(RateLimitWindow.window <= window - KEEP_WINDOWS)
                )
        return [Verdict(counts[b] <= limit, limit, max(0, limit - counts[b]), reset)
                for b, limit in hits]

    async def usage(self, bucket: str) -> Usage:
        window, reset = _window()
        stmt = select(RateLimitWindow.window, RateLimitWindow.count).where(
            RateLimitWindow.bucket == bucket, RateLimitWindow.window > window - KEEP_WINDOWS
        )
        async with self.db.session(write=False) as session:
            rows = (await session.execute(stmt)).all()
        return _usage({int(w): int(c) for w, c in rows}, window, reset)


def make_limiter(settings: Settings, db: Database) -> RateLimiter:
    backend = settings.rate_limit_backend
    if backend == "auto":
        backend = "memory" if db.is_sqlite else "database"
    return DatabaseRateLimiter(db) if backend == "database" else MemoryRateLimiter()
