"""The CPU work on a fetched batch before it is stored: the two hashes dedupe needs, the
MIME parse and the message's search index entry (its tokens), off the event loop.

Measured on the benchmark's 20 KB messages, this is about half of the migrating process's
CPU (tokenising 0.8 ms, parsing 0.36 ms, hashing 0.08 ms a message), so on a machine with
a core to spare it runs in worker processes (`PROCESSES`, one less than the cores, at most
four; none on one core), while the event loop stores the previous batch. A small batch,
or a pool that cannot start or broke, is prepared in a thread instead: same result.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass

import anyio.to_thread

from api.mail.mime import ParsedMessage, parse_message
from api.mail.search.index import made_ahead
from api.migration.sources import Fetched

log = logging.getLogger("mailplane.migration")

PROCESSES = max(0, min(4, (os.cpu_count() or 1) - 1))
#: fewer messages than this are prepared in a thread (no process started for a handful)
POOL_MIN = 50
_WHITESPACE = frozenset(b" \t\r\n\x0b\x0c")  # what bytes.rstrip() drops
_SLICE = 1024 * 1024

#: what a worker sends back for one message: its SHA-256, its body's digest, the parse
Made = tuple[str, str, ParsedMessage]


@dataclass
class Prepared:
    """A fetched message made ready to store."""

    fetched: Fetched
    sha: str = ""
    body_sha: str = ""
    parsed: ParsedMessage | None = None

    @property
    def message_id(self) -> str:
        return (self.parsed.message_id if self.parsed else "")[:500]


def body_digest(raw: bytes) -> str:
    """SHA-256 of the body (after the header block), line endings normalised and trailing
    whitespace dropped; hashed in slices, so a 50 MB message is not copied whole."""
    cut = raw.find(b"\r\n\r\n")
    cut2 = raw.find(b"\n\n")
    if cut < 0 or (0 <= cut2 < cut):
        start = cut2 + 2 if cut2 >= 0 else len(raw)
    else:
        start = cut + 4
    end = len(raw)
    while end > start and raw[end - 1] in _WHITESPACE:
        end -= 1
    digest = hashlib.sha256()
    view = memoryview(raw)
    at = start
    while at < end:
        stop = min(end, at + _SLICE)
        while stop < end and raw[stop - 1] == 13:  # never split a CRLF between two slices
            stop += 1
        digest.update(bytes(view[at:stop]).replace(b"\r\n", b"\n"))
        at = stop
    return digest.hexdigest()


def make(raws: list[bytes | None], dialect: str) -> list[Made | None]:
    """Hash, parse and index each message (None for the ones without bytes). Runs in a
    worker process or a thread."""
    return [
        None if raw is None
        else (hashlib.sha256(raw).hexdigest(), body_digest(raw),
              made_ahead(parse_message(raw), dialect))
        for raw in raws
    ]


class _Pool:
    """The process's parsing processes, started on first use and shared by its migrations."""

    executor: ProcessPoolExecutor | None = None
    failed = False

    @classmethod
    def get(cls) -> ProcessPoolExecutor | None:
        if PROCESSES == 0 or cls.failed:
            return None
        if cls.executor is None:
            try:
                # spawn, not fork: the migrating process runs an event loop and threads
                cls.executor = ProcessPoolExecutor(
                    PROCESSES, mp_context=multiprocessing.get_context("spawn")
                )
            except (OSError, ValueError):
                log.warning("migration: no parsing processes; parsing in a thread", exc_info=True)
                cls.failed = True
                return None
        return cls.executor

    @classmethod
    def broken(cls) -> None:
        """Drop a broken pool (a worker was killed); the next batch starts a new one."""
        executor, cls.executor = cls.executor, None
        if executor is not None:
            executor.shutdown(wait=False, cancel_futures=True)


def _chunks(raws: list[bytes | None], parts: int) -> list[list[bytes | None]]:
    size = -(-len(raws) // parts)
    return [raws[i:i + size] for i in range(0, len(raws), size)]


async def prepare(batch: list[Fetched], dialect: str) -> list[Prepared]:
    """Hashes, parse and index entry of each fetched message of `batch`."""
    raws = [f.raw if f.raw is not None and f.error is None else None for f in batch]
    made: list[Made | None] | None = None
    pool = _Pool.get() if sum(r is not None for r in raws) >= POOL_MIN else None
    if pool is not None:
        loop = asyncio.get_running_loop()
        try:
            parts = await asyncio.gather(*(
                loop.run_in_executor(pool, make, chunk, dialect)
                for chunk in _chunks(raws, PROCESSES)
            ))
            made = [m for part in parts for m in part]
        except BrokenProcessPool:
            log.warning("migration: a parsing process died; this batch is parsed in a thread")
            _Pool.broken()
    if made is None:
        made = await anyio.to_thread.run_sync(make, raws, dialect)
    return [
        Prepared(fetched) if m is None else Prepared(fetched, m[0], m[1], m[2])
        for fetched, m in zip(batch, made, strict=True)
    ]
