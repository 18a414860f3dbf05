"""One SQLite writer at a time, in arrival order within a process and woken at once across
processes, in front of SQLite's own lock.

A write transaction starts with `BEGIN IMMEDIATE`; a second writer that finds the lock taken
waits in SQLite's busy handler, which sleeps and retries (up to 100 ms a sleep) whatever the
order of arrival. Under concurrent API sends the lock was often free while every writer
slept, and an unlucky request waited seconds behind later ones. So writers queue twice:

- within a process, on an `asyncio.Lock` (FIFO) taken just before `BEGIN IMMEDIATE`;
- across processes (the API, the MX and the worker on one SQLite file), the gate's holder
  also takes an OS file lock (`flock`) on `<database>-writers`. A process that finds it
  taken waits for it in a thread, and the kernel wakes it the moment the holder lets go,
  instead of its writers sleeping in SQLite's busy handler while another process takes
  the lock again and again (a busy webhook dispatcher kept an API process's events out
  that way).

Both are released once the transaction's COMMIT or ROLLBACK has run. The gate only orders
what SQLite would serialise anyway: it is held exactly while the connection holds (or is
about to take) SQLite's write lock. A writer that waits longer than the busy timeout goes on
to SQLite's own handling (and its error), so nothing can wait here for ever; a writer
cancelled while it waits for the file lock gives it back as soon as it would have had it.
"""

from __future__ import annotations

import asyncio
import fcntl
import os
import threading
import weakref
from typing import Any

from sqlalchemy.util.concurrency import await_, in_greenlet

#: as long as SQLite's busy timeout: past it a writer meets SQLite's own answer
WAIT_SECONDS = 30.0


class _Gate:
    """One event loop's writers of one database file."""

    def __init__(self, lock_path: str | None) -> None:
        self.lock = asyncio.Lock()
        self.pid = os.getpid()
        # opened per gate, never shared: flock belongs to an open file, so two event loops
        # (or a forked child) must not hold it through the same one
        self.fd: int | None = None
        if lock_path:
            try:
                self.fd = os.open(lock_path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
            except OSError:  # a read-only directory: SQLite's busy handler orders processes
                self.fd = None


class _FileWait:
    """A blocking `flock` in a thread whose waiter may give up before it returns."""

    def __init__(self, fd: int) -> None:
        self.fd = fd
        self.mutex = threading.Lock()
        self.acquired = False
        self.abandoned = False

    def block(self) -> None:
        fcntl.flock(self.fd, fcntl.LOCK_EX)
        with self.mutex:
            if self.abandoned:
                fcntl.flock(self.fd, fcntl.LOCK_UN)
            else:
                self.acquired = True

    def abandon(self) -> None:
        with self.mutex:
            if self.acquired:
                fcntl.flock(self.fd, fcntl.LOCK_UN)
            self.abandoned = True


_gates: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, dict[str | None, _Gate]] = (
    weakref.WeakKeyDictionary()
)
# raw DBAPI connection (by id) -> the gate it holds
_held: dict[int, _Gate] = {}


def _raw(connection: Any) -> Any:
    """The DBAPI connection under a pool's proxy, or the connection itself."""
    return getattr(connection, "dbapi_connection", None) or connection


def _gate(loop: asyncio.AbstractEventLoop, lock_path: str | None) -> _Gate:
    gates = _gates.get(loop)
    if gates is None:
        gates = _gates[loop] = {}
    gate = gates.get(lock_path)
    if gate is None or gate.pid != os.getpid():
        gate = gates[lock_path] = _Gate(lock_path)
    return gate


async def _take_file_lock(loop: asyncio.AbstractEventLoop, fd: int) -> bool:
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # free: no thread needed
        return True
    except BlockingIOError:
        pass
    wait = _FileWait(fd)
    blocked = loop.run_in_executor(None, wait.block)
    try:
        await asyncio.wait_for(asyncio.shield(blocked), WAIT_SECONDS)
    except TimeoutError:
        wait.abandon()
        return False
    except BaseException:
        wait.abandon()
        raise
    return True


def enter(connection: Any, lock_path: str | None = None) -> None:
    """Take the writer gate for `connection` (called on the event loop's greenlet just before
    `BEGIN IMMEDIATE`), and the file lock at `lock_path` shared with other processes; a
    no-op outside the asyncio engine."""
    if not in_greenlet():
        return
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:
        return
    raw = _raw(connection)
    if id(raw) in _held:
        return
    gate = _gate(loop, lock_path)
    try:
        await_(asyncio.wait_for(gate.lock.acquire(), WAIT_SECONDS))
    except TimeoutError:
        return  # SQLite's busy handler decides, as without the gate
    if gate.fd is not None:
        try:
            taken = await_(_take_file_lock(loop, gate.fd))
        except BaseException:
            gate.lock.release()
            raise
        if not taken:
            gate.lock.release()
            return
    _held[id(raw)] = gate


def leave(connection: Any) -> None:
    """Pass the gate on: `connection` committed, rolled back or closed."""
    gate = _held.pop(id(_raw(connection)), None)
    if gate is None:
        return
    if gate.fd is not None:
        fcntl.flock(gate.fd, fcntl.LOCK_UN)
    if gate.lock.locked():
        gate.lock.release()
