"""Content-addressed blob store: SHA-256 names, streamed writes, reference counts in the
database so identical bytes are stored once, whichever process or machine stored them.

The bytes live in a backend chosen by `MAILPLANE_BLOB_URL` (see `blob_url.py`): a local
folder (the embedded default), the database itself, or an S3-compatible object store.
Refcounts live in the `blobs` table and change in the caller's transaction.

Failure design, across processes:
- a backend write can land with no row (a crash between write and commit):
  `sweep_orphans` removes such bytes once they are older than the grace period;
- a writer that finds the bytes already stored touches them, so the sweep leaves them;
- a count that falls to zero records `released_at`; `collect` removes a blob only a grace
  period later, under the row's lock (`FOR UPDATE SKIP LOCKED` on PostgreSQL, the write
  lock on SQLite), deleting the bytes before it commits. A writer whose `incref` waited on
  that lock then finds no row, inserts one, and `put` sees the bytes are gone: it fails
  (retryable) rather than commit a reference to nothing.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections import Counter
from collections.abc import AsyncIterable, AsyncIterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Protocol

import anyio
from sqlalchemy import case, delete, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from api.data_dir import private_dir
from api.errors import NotFound, PayloadTooLarge, ServiceUnavailable
from api.i18n import _
from api.kit.clock import utcnow
from api.storage.models import BlobRecord

ROWS_PER_STATEMENT = 500  # multi-row VALUES under both backends' parameter limits
COLLECT_BATCH = 500

CHUNK = 1024 * 1024
DEFAULT_GRACE = timedelta(hours=1)


@dataclass(frozen=True)
class BlobRef:
    sha256: str
    size: int


class BlobVanished(ServiceUnavailable):
    """The collector removed bytes this writer meant to reuse; the work may be retried."""

    code = "blob_vanished"  # type: ignore[misc]


class BlobBackend(Protocol):
    """Where blob bytes live. Names are SHA-256 hex digests; writes are all or nothing."""

    async def write(self, chunks: AsyncIterable[bytes], max_size: int | None) -> BlobRef: ...
    def open_range(
        self, sha256: str, start: int = 0, end: int | None = None
    ) -> AsyncIterator[bytes]: ...
    async def exists(self, sha256: str) -> bool: ...
    async def remove(self, sha256: str) -> None: ...


class ListableBackend(BlobBackend, Protocol):
    """A backend that can enumerate what it holds (orphan sweep, migration, backup)."""

    def keys(self) -> AsyncIterator[tuple[str, datetime]]:
        """Every stored name with the time it was last written or touched."""
        ...

    async def close(self) -> None: ...


class LocalBlobBackend:
    """Files under `root/ab/cd/<sha256>`; writes go to `root/tmp` first."""

    def __init__(self, root: Path) -> None:
        self.root = root
        private_dir(root / "tmp")
        # `ab/cd` directories made (or checked) already: nothing here removes them, so each
        # costs its exists/stat/chmod once per process instead of once per blob
        self._dirs: set[Path] = set()

    def _dir_for(self, final: Path) -> None:
        parent = final.parent
        if parent not in self._dirs:
            private_dir(parent)
            self._dirs.add(parent)

    def path(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256[2:4] / sha256

    async def write(self, chunks: AsyncIterable[bytes], max_size: int | None = None) -> BlobRef:
        """Each chunk but the last is written on a worker thread as it comes; the last one,
        the fsync, the rename into place and the directory's fsync go in one more trip, so a
        message in memory (one chunk) costs one thread hop and the event loop never waits on
        the disk."""
        digest = hashlib.sha256()
        size = 0
        fd, tmp_name = tempfile.mkstemp(dir=self.root / "tmp")
        tmp = Path(tmp_name)
        open_fd: list[int] = [fd]  # emptied by whoever closes it
        try:
            last: bytes | None = None
            async for chunk in chunks:
                size += len(chunk)
                if max_size is not None and size > max_size:
                    raise PayloadTooLarge(_(
                        "The content is larger than {max_size} bytes.", max_size=max_size
                    ))
                digest.update(chunk)
                if last is not None:
                    await anyio.to_thread.run_sync(_write_all, fd, last)
                last = chunk
            sha = digest.hexdigest()
            await anyio.to_thread.run_sync(self._finish, open_fd, last, tmp, sha)
            return BlobRef(sha, size)
        except BaseException:
            if open_fd:
                os.close(open_fd.pop())
            tmp.unlink(missing_ok=True)
            raise

    def _finish(self, open_fd: list[int], last: bytes | None, tmp: Path, sha: str) -> None:
        fd = open_fd[0]
        if last:
            _write_all(fd, last)
        os.fsync(fd)
        os.close(open_fd.pop())
        final = self.path(sha)
        if final.exists():
            tmp.unlink()
            os.utime(final)  # seen again: the orphan sweep's grace starts over
        else:
            self._dir_for(final)
            os.replace(tmp, final)
            _fsync_dir(final.parent)

    async def write_many(self, datas: list[bytes]) -> list[BlobRef]:
        """`write` for a batch of whole blobs held in memory (an import's batch), in one
        trip to a worker thread instead of three per blob; each as durable as `write`."""
        return await anyio.to_thread.run_sync(lambda: [self._write_now(d) for d in datas])

    def _write_now(self, data: bytes) -> BlobRef:
        sha = hashlib.sha256(data).hexdigest()
        final = self.path(sha)
        if final.exists():
            os.utime(final)  # seen again: the orphan sweep's grace starts over
            return BlobRef(sha, len(data))
        fd, tmp_name = tempfile.mkstemp(dir=self.root / "tmp")
        tmp = Path(tmp_name)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            self._dir_for(final)
            os.replace(tmp, final)
            _fsync_dir(final.parent)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        return BlobRef(sha, len(data))

    async def open_range(
        self, sha256: str, start: int = 0, end: int | None = None
    ) -> AsyncIterator[bytes]:
        """Yield bytes [start, end) of a blob in 1 MiB chunks."""
        path = self.path(sha256)
        if not path.exists():
            raise NotFound("Blob not found.")
        async with await anyio.open_file(path, "rb") as fh:
            await fh.seek(start)
            remaining = None if end is None else end - start
            while remaining is None or remaining > 0:
                want = CHUNK if remaining is None else min(CHUNK, remaining)
                chunk = await fh.read(want)
                if not chunk:
                    break
                if remaining is not None:
                    remaining -= len(chunk)
                yield chunk

    async def read_many(self, sha256s: list[str]) -> list[bytes]:
        """Whole blobs in one trip to a worker thread (mail clients fetch hundreds at once)."""

        def read() -> list[bytes]:
            out = []
            for sha in sha256s:
                try:
                    out.append(self.path(sha).read_bytes())
                except FileNotFoundError:
                    raise NotFound("Blob not found.") from None
            return out

        return await anyio.to_thread.run_sync(read)

    async def exists(self, sha256: str) -> bool:
        return self.path(sha256).exists()

    async def remove(self, sha256: str) -> None:
        self.path(sha256).unlink(missing_ok=True)

    async def keys(self) -> AsyncIterator[tuple[str, datetime]]:
        for first in sorted(self.root.glob("[0-9a-f][0-9a-f]")):
            found = await anyio.to_thread.run_sync(_files_under, first)
            for sha, mtime in found:
                yield sha, datetime.fromtimestamp(mtime).astimezone()

    async def close(self) -> None:
        return None


def _files_under(folder: Path) -> list[tuple[str, float]]:
    out = []
    for path in sorted(folder.glob("*/*")):
        if len(path.name) == 64:
            try:
                out.append((path.name, path.stat().st_mtime))
            except FileNotFoundError:
                continue
    return out


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class BlobStore:
    """The store other domains use: backend bytes plus database reference counts."""

    def __init__(self, backend: BlobBackend, *, grace: timedelta = DEFAULT_GRACE) -> None:
        self.backend = backend
        self.grace = grace

    async def put(
        self, session: AsyncSession, chunks: AsyncIterable[bytes], *, max_size: int | None = None
    ) -> BlobRef:
        """Store bytes and take one reference to them, in the caller's transaction."""
        ref = await self.backend.write(chunks, max_size)
        if await self.incref(session, ref) and not await self.backend.exists(ref.sha256):
            raise BlobVanished("The content was removed while it was stored; try again.")
        return ref

    async def put_bytes(self, session: AsyncSession, data: bytes) -> BlobRef:
        async def one() -> AsyncIterator[bytes]:
            yield data

        return await self.put(session, one())

    async def incref(self, session: AsyncSession, ref: BlobRef) -> bool:
        """Take one reference; True when this made the blob's row (it had none)."""
        result = await session.execute(
            update(BlobRecord)
            .where(BlobRecord.sha256 == ref.sha256)
            .values(refcount=BlobRecord.refcount + 1, released_at=None)
        )
        if result.rowcount == 0:  # type: ignore[attr-defined]
            session.add(BlobRecord(sha256=ref.sha256, size=ref.size, refcount=1))
            await session.flush()
            return True
        return False

    async def incref_many(self, session: AsyncSession, refs: list[BlobRef]) -> None:
        """One reference per entry of `refs` (a blob may repeat), as many `incref`s would
        take them: an upsert per statement of up to ROWS_PER_STATEMENT blobs."""
        counts = Counter(r.sha256 for r in refs)
        sizes = {r.sha256: r.size for r in refs}
        insert = sqlite.insert if session.get_bind().dialect.name == "sqlite" else postgresql.insert
        shas = list(counts)
        now = utcnow()
        for start in range(0, len(shas), ROWS_PER_STATEMENT):
            stmt = insert(BlobRecord).values([
                {"sha256": sha, "size": sizes[sha], "refcount": counts[sha], "created_at": now}
                for sha in shas[start : start + ROWS_PER_STATEMENT]
            ])
            stmt = stmt.on_conflict_do_update(
                index_elements=[BlobRecord.sha256],
                set_={"refcount": BlobRecord.refcount + stmt.excluded.refcount,
                      "released_at": None},
            )
            await session.execute(stmt)

    async def decref(self, session: AsyncSession, sha256: str) -> int:
        """Drop one reference; at zero the row records when, and `collect` removes the bytes
        a grace period later."""
        await session.execute(
            update(BlobRecord)
            .where(BlobRecord.sha256 == sha256)
            .values(
                refcount=BlobRecord.refcount - 1,
                released_at=case((BlobRecord.refcount <= 1, utcnow()), else_=None),
            )
        )
        left = await session.scalar(select(BlobRecord.refcount).where(BlobRecord.sha256 == sha256))
        return int(left or 0)

    async def collect(self, session: AsyncSession, *, grace: timedelta | None = None) -> int:
        """Remove blobs nobody has referenced for the grace period (run by a job, after the
        decref committed). The bytes go while the rows are locked, before the commit."""
        cutoff = utcnow() - (self.grace if grace is None else grace)
        stmt = (
            select(BlobRecord.sha256)
            .where(BlobRecord.refcount <= 0)
            .where((BlobRecord.released_at.is_(None)) | (BlobRecord.released_at <= cutoff))
            .limit(COLLECT_BATCH)
        )
        if session.get_bind().dialect.name != "sqlite":
            stmt = stmt.with_for_update(skip_locked=True)
        dead = list((await session.execute(stmt)).scalars().all())
        for sha in dead:
            await self.backend.remove(sha)
        if dead:
            await session.execute(
                delete(BlobRecord)
                .where(BlobRecord.sha256.in_(dead))
                .where(BlobRecord.refcount <= 0)
            )
        return len(dead)

    async def sweep_orphans(
        self, session: AsyncSession, *, grace: timedelta | None = None
    ) -> int:
        """Remove stored bytes that no row names and nobody wrote or touched for the grace
        period (a crash between a backend write and its commit leaves those)."""
        keys = getattr(self.backend, "keys", None)
        if keys is None:
            return 0
        cutoff = utcnow() - (self.grace if grace is None else grace)
        removed = 0
        batch: list[str] = []

        async def check(shas: list[str]) -> int:
            known = set(
                (await session.execute(
                    select(BlobRecord.sha256).where(BlobRecord.sha256.in_(shas))
                )).scalars().all()
            )
            gone = 0
            for sha in shas:
                if sha not in known:
                    await self.backend.remove(sha)
                    gone += 1
            return gone

        async for sha, touched in keys():
            if touched > cutoff:
                continue
            batch.append(sha)
            if len(batch) >= ROWS_PER_STATEMENT:
                removed += await check(batch)
                batch = []
        if batch:
            removed += await check(batch)
        partial = getattr(self.backend, "sweep_partial", None)
        if partial is not None:  # staged objects, multipart uploads of dead writers
            await partial(cutoff)
        return removed

    def read(self, sha256: str, start: int = 0, end: int | None = None) -> AsyncIterator[bytes]:
        return self.backend.open_range(sha256, start, end)

    async def read_all(self, sha256: str) -> bytes:
        return b"".join([chunk async for chunk in self.read(sha256)])

    async def close(self) -> None:
        closer = getattr(self.backend, "close", None)
        if closer is not None:
            await closer()

    async def read_many(self, sha256s: list[str]) -> list[bytes]:
        """Several whole blobs, in one worker-thread trip when the backend can."""
        many = getattr(self.backend, "read_many", None)
        if many is not None:
            return await many(sha256s)  # type: ignore[no-any-return]
        return [await self.read_all(sha) for sha in sha256s]

