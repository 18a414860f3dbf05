"""One SQLite writer at a time per process, in arrival order, in front of SQLite's own lock.

A write transaction starts with `BEGIN IMMEDIATE`; a second writer that finds the lock taken
waits in SQLite's busy handler, which sleeps and retries (up to 100 ms a sleep) whatever the
order of arrival. Under concurrent API sends the lock was often free while every writer
slept, and an unlucky request waited seconds behind later ones. Here writers of one process
queue on an `asyncio.Lock` (FIFO) taken just before `BEGIN IMMEDIATE` and released once the
transaction's COMMIT or ROLLBACK has run, so the lock passes straight to the next writer.
Writers in other processes still meet SQLite's busy handler, as before.

The gate only orders what SQLite would serialise anyway: it is held exactly while the
connection holds SQLite's write lock. A writer that waits longer than the busy timeout goes
on to SQLite's own handling (and its error), so nothing can wait here for ever.
"""

from __future__ import annotations

import asyncio
import weakref
from typing import Any

from sqlalchemy.util.concurrency import await_, in_greenlet

#: as long as SQLite's busy timeout: past it a writer meets SQLite's own answer
WAIT_SECONDS = 30.0

_gates: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Lock] = (
    weakref.WeakKeyDictionary()
)
# raw DBAPI connection (by id) -> the gate it holds
_held: dict[int, asyncio.Lock] = {}


def _raw(connection: Any) -> Any:
    """The DBAPI connection under a pool's proxy, or the connection itself."""
    return getattr(connection, "dbapi_connection", None) or connection


def enter(connection: Any) -> None:
    """Take the process's writer gate for `connection` (called on the event loop's greenlet
    just before `BEGIN IMMEDIATE`); a no-op outside the asyncio engine."""
    if not in_greenlet():
        return
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:
        return
    raw = _raw(connection)
    if id(raw) in _held:
        return
    gate = _gates.get(loop)
    if gate is None:
        gate = _gates[loop] = asyncio.Lock()
    try:
        await_(asyncio.wait_for(gate.acquire(), WAIT_SECONDS))
    except TimeoutError:
        return  # SQLite's busy handler decides, as without the gate
    _held[id(raw)] = gate


def leave(connection: Any) -> None:
    """Pass the gate on: `connection` committed, rolled back or closed."""
    gate = _held.pop(id(_raw(connection)), None)
    if gate is not None and gate.locked():
        gate.release()
