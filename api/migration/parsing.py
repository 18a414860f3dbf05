"""The CPU work on a fetched batch before it is stored: the two hashes dedupe needs, the
MIME parse, the message's search index entry (its tokens) and, for the local blob store,
the bytes' file, off the event loop.

Measured on the benchmark's 20 KB messages, this is about half of the migrating process's
CPU (tokenising 0.8 ms, parsing 0.36 ms, hashing 0.08 ms a message), so on a machine with
a core to spare it runs in worker processes (`PROCESSES`, one less than the cores, at most
four; none on one core), while the event loop stores the previous batch. A small batch,
or a pool that cannot start or broke, is prepared in a thread instead: same result.

Blob files are written here the way `DeferredSyncBackend` writes them (content-addressed,
renamed into place, an existing file reused only when it holds exactly these bytes), not
synced: the migrating process's per-batch `sync()` (syncfs of the blob store's file system)
makes them durable before the batch commits. A file whose message then turns out to be a
duplicate, or whose batch fails, has no reference and is removed by the orphan sweep.
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
from pathlib import Path

import anyio.to_thread

from api.mail import DeferredSyncBackend, ParsedMessage, parse_message
from api.mail import index_entry_made_ahead as made_ahead
from api.migration.sources import Fetched
from api.storage.blobs import BlobRef

log = logging.getLogger("mailplane.migration")

PROCESSES = max(0, min(4, (os.cpu_count() or 1) - 1))
#: fewer messages than this are prepared in a thread (no process started for a handful)
POOL_MIN = 50
_WHITESPACE = frozenset(b" \t\r\n\x0b\x0c")  # what bytes.rstrip() drops
_SLICE = 1024 * 1024

#: what a worker sends back for one message: its SHA-256, its body's digest, the parse,
#: and whether its blob file was written
Made = tuple[str, str, ParsedMessage, bool]


@dataclass
class Prepared:
    """A fetched message made ready to store."""

    fetched: Fetched
    sha: str = ""
    body_sha: str = ""
    parsed: ParsedMessage | None = None
    #: the bytes are in the local blob store already (not yet synced)
    written: bool = False

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


class _Writers:
    """One blob writer per store root in this process: it remembers the directories it made."""

    by_root: dict[str, DeferredSyncBackend] = {}

    @classmethod
    def put(cls, root: str, raw: bytes) -> BlobRef:
        writer = cls.by_root.get(root)
        if writer is None:
            writer = cls.by_root[root] = DeferredSyncBackend(Path(root))
        ref = writer._store(raw)  # the caller syncs: nothing to keep pending here
        writer.pending.clear()
        return ref


def make(
    raws: list[bytes | None], dialect: str, blob_root: str | None = None
) -> list[Made | None]:
    """Hash, parse and index each message (None for the ones without bytes), and write its
    blob file under `blob_root` when given. Runs in a worker process or a thread."""
    out: list[Made | None] = []
    for raw in raws:
        if raw is None:
            out.append(None)
            continue
        sha = (
            _Writers.put(blob_root, raw).sha256 if blob_root is not None  # hashes it too
            else hashlib.sha256(raw).hexdigest()
        )
        out.append((sha, body_digest(raw), made_ahead(parse_message(raw), dialect),
                    blob_root is not None))
    return out


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


async def prepare(
    batch: list[Fetched], dialect: str, blob_root: Path | None = None
) -> list[Prepared]:
    """Hashes, parse and index entry of each fetched message of `batch`; with `blob_root`
    (a local blob store the caller syncs before it commits), its blob file too."""
    root = str(blob_root) if blob_root is not None else None
    raws = [f.raw if f.raw is not None and f.error is None else None for f in batch]
    made: list[Made | None] | None = None
    pool = _Pool.get() if sum(r is not None for r in raws) >= POOL_MIN else None
    if pool is not None:
        loop = asyncio.get_running_loop()
        chunks = _chunks(raws, PROCESSES)
        futures: list[asyncio.Future[list[Made | None]]] = []
        try:
            for chunk in chunks:
                futures.append(loop.run_in_executor(pool, make, chunk, dialect, root))
        except BrokenProcessPool:
            _Pool.broken()
        except (OSError, RuntimeError):  # no process can be started here: threads from now on
            log.warning("migration: parsing processes unavailable", exc_info=True)
            _Pool.failed = True
            _Pool.broken()
        try:
            parts = await asyncio.gather(*futures)
            if len(parts) == len(chunks):  # else a submit failed: the thread does it all
                made = [m for part in parts for m in part]
        except BrokenProcessPool:
            log.warning("migration: a parsing process died; this batch is parsed in a thread")
            _Pool.broken()
    if made is None:
        made = await anyio.to_thread.run_sync(make, raws, dialect, root)
    return [
        Prepared(fetched) if m is None else Prepared(fetched, *m)
        for fetched, m in zip(batch, made, strict=True)
    ]
