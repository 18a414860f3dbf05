"""What a process derives from an event row, kept for as long as the row stays as it was.

A row's state is named by its stamp, `(id, version, updated_at)`: every change to an event
bumps its version and moves `updated_at` (set by hand, or by the column's `onupdate`), and
with `updated_at` in the stamp a rolled-back change cannot come back under the same name.
Windows (listing, free/busy) read the stamps of the rows they touch on every request, fetch
whole rows only for stamps this process has not seen, and reuse the rest: the row itself,
its series, the series' instances over a window, its rendered JSON. Nothing needs
invalidating, in this process or any other: an edited row has a new stamp for every reader
at once, a deleted row is no longer read, and stale entries age out (oldest first).
"""

from __future__ import annotations

import threading
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from api.calendar.events import repository
from api.calendar.events.occurrences import (
    MAX_WINDOW_INSTANCES,
    Occurrence,
    is_recurring,
    series_of,
    single,
    too_many_instances,
)
from api.calendar.events.recurrence import Series
from api.calendar.events.timing import instance_key

#: (id, version, updated_at as the driver returns it)
Stamp = tuple[str, int, Any]
#: One instance of a series in a window: (instance key, local start, UTC start, UTC end).
Instance = tuple[str, datetime, datetime, datetime]

#: Rows kept per process (a few KB each with their derived values).
MAX_ROWS = 20_000
#: Windows kept per row: calendar views and free/busy ask the same few windows again.
MAX_WINDOWS = 4


class Entry:
    """One row at one stamp, and what was derived from it."""

    __slots__ = ("row", "series", "windows", "rendered", "busy")

    def __init__(self, row: Any) -> None:
        self.row = row
        # The series a recurring master expands (None for one-offs and overrides).
        self.series: Series | None = (
            series_of(row) if not row.recurrence_id and is_recurring(row) else None
        )
        self.windows: dict[tuple[datetime, datetime], tuple[Instance, ...]] = {}
        self.rendered: Any = None  # set by the JSON renderer
        self.busy: Any = None  # set by free/busy

    def instances(self, lo: datetime, hi: datetime) -> tuple[Instance, ...]:
        """The series' instances overlapping [lo, hi), in order (a recurring master only)."""
        found = self.windows.get((lo, hi))
        if found is None:
            assert self.series is not None
            all_day = self.series.all_day
            found = tuple(
                (instance_key(start, all_day=all_day, local=local), local, start, end)
                for local, start, end in self.series.occurrences(lo, hi)
            )
            if len(self.windows) >= MAX_WINDOWS:
                self.windows.clear()
            self.windows[(lo, hi)] = found
        return found


class RowCache:
    """Entries by stamp. Reads are plain dict lookups (atomic under the GIL); when full, the
    oldest quarter by insertion goes (a hot row that goes is read again once)."""

    def __init__(self, size: int = MAX_ROWS) -> None:
        self.size = size
        self._entries: dict[Stamp, Entry] = {}
        self._lock = threading.Lock()

    def get(self, stamp: Stamp) -> Entry | None:
        return self._entries.get(stamp)

    def put(self, stamp: Stamp, row: Any) -> Entry:
        entry = Entry(row)
        with self._lock:
            if len(self._entries) >= self.size:
                for old in list(self._entries)[: max(1, self.size // 4)]:
                    del self._entries[old]
            self._entries[stamp] = entry
        return entry

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()

    def __len__(self) -> int:
        return len(self._entries)


ROWS = RowCache()


async def window_entries(
    session: AsyncSession,
    org_id: str,
    calendar_ids: list[str],
    lo: datetime,
    hi: datetime,
    *,
    busy_only: bool = False,
) -> list[Entry]:
    """The rows whose series may touch [lo, hi) (see `repository.in_window`), each at its
    current stamp: read from this process's cache, or fetched (in one query) when new."""
    stamps = await repository.stamps_in_window(
        session, org_id, calendar_ids, lo, hi, busy_only=busy_only
    )
    out: list[Entry] = []
    missing: list[str] = []
    get = ROWS.get
    for stamp in stamps:
        entry = get(stamp)
        if entry is None:
            missing.append(stamp[0])
        else:
            out.append(entry)
    if missing:
        for row in await repository.rows_by_id(session, org_id, missing):
            # Keyed by the stamp read with the row itself, so an entry always holds the
            # row as it was at its stamp, even when it changed between the two reads.
            out.append(ROWS.put((row.id, row.version, row.stamped_at), row))
    return out


def expand_entries(
    entries: list[Entry],
    lo: datetime,
    hi: datetime,
    overridden: dict[tuple[str, str], set[str]],
) -> list[Occurrence]:
    """`occurrences.expand` over cached rows: every occurrence overlapping [lo, hi) in
    (start, id) order, generated instances minus overridden keys, cancelled ones left out."""
    out: list[Occurrence] = []
    for entry in entries:
        row = entry.row
        if row.status == "cancelled":
            continue
        if entry.series is None:
            if row.start_at < hi and (row.end_at > lo or row.end_at == row.start_at >= lo):
                occ = single(row)
                occ.cached = entry
                out.append(occ)
            continue
        skip = overridden.get((row.calendar_id, row.uid), ())
        for key, local, start, end in entry.instances(lo, hi):
            if key not in skip:
                out.append(Occurrence(row, key, row.id, local, start, end, entry))
        if len(out) > MAX_WINDOW_INSTANCES:
            raise too_many_instances()
    out.sort(key=lambda o: (o.start_at, o.id))
    return out
