"""Content-addressed blob store: SHA-256 names, streamed writes, fsync + atomic rename,
reference counts in the database so identical bytes are stored once.

Refcounts live in the `blobs` table and change in the caller's transaction. A file can
exist with no row (a crash between rename and commit); `sweep_orphans` removes those.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections import Counter
from collections.abc import AsyncIterable, AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import anyio
from sqlalchemy import delete, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from api.errors import NotFound, PayloadTooLarge
from api.kit.clock import utcnow
from api.storage.data_dir import private_dir
from api.storage.models import BlobRecord

ROWS_PER_STATEMENT = 500  # multi-row VALUES under both backends' parameter limits

CHUNK = 1024 * 1024


@dataclass(frozen=True)
class BlobRef:
    sha256: str
    size: int


class BlobBackend(Protocol):
    async def write(self, chunks: AsyncIterable[bytes], max_size: int | None) -> BlobRef: ...
    def open_range(self, sha256: str, start: int = 0, end: int | None = None) -> AsyncIterator[bytes]: ...
    async def exists(self, sha256: str) -> bool: ...
    async def remove(self, sha256: str) -> None: ...


class LocalBlobBackend:
    """Files under `root/ab/cd/<sha256>`; writes go to `root/tmp` first."""

    def __init__(self, root: Path) -> None:
        self.root = root
        private_dir(root / "tmp")

    def path(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256[2:4] / sha256

    async def write(self, chunks: AsyncIterable[bytes], max_size: int | None = None) -> BlobRef:
        digest = hashlib.sha256()
        size = 0
        fd, tmp_name = tempfile.mkstemp(dir=self.root / "tmp")
        tmp = Path(tmp_name)
        try:
            with os.fdopen(fd, "wb") as fh:
                async for chunk in chunks:
                    size += len(chunk)
                    if max_size is not None and size > max_size:
                        raise PayloadTooLarge(f"The content is larger than {max_size} bytes.")
                    digest.update(chunk)
                    await anyio.to_thread.run_sync(fh.write, chunk)
                await anyio.to_thread.run_sync(fh.flush)
                await anyio.to_thread.run_sync(os.fsync, fh.fileno())
            sha = digest.hexdigest()
            final = self.path(sha)
            if final.exists():
                tmp.unlink()
            else:
                private_dir(final.parent)
                os.replace(tmp, final)
                _fsync_dir(final.parent)
            return BlobRef(sha, size)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise

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

    async def exists(self, sha256: str) -> bool:
        return self.path(sha256).exists()

    async def remove(self, sha256: str) -> None:
        self.path(sha256).unlink(missing_ok=True)


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class BlobStore:
    """The store other domains use: backend bytes plus database reference counts."""

    def __init__(self, backend: BlobBackend) -> None:
        self.backend = backend

    async def put(
        self, session: AsyncSession, chunks: AsyncIterable[bytes], *, max_size: int | None = None
    ) -> BlobRef:
        """Store bytes and take one reference to them, in the caller's transaction."""
        ref = await self.backend.write(chunks, max_size)
        await self.incref(session, ref)
        return ref

    async def put_bytes(self, session: AsyncSession, data: bytes) -> BlobRef:
        async def one() -> AsyncIterator[bytes]:
            yield data

        return await self.put(session, one())

    async def incref(self, session: AsyncSession, ref: BlobRef) -> None:
        result = await session.execute(
            update(BlobRecord)
            .where(BlobRecord.sha256 == ref.sha256)
            .values(refcount=BlobRecord.refcount + 1)
        )
        if result.rowcount == 0:  # type: ignore[attr-defined]
            session.add(BlobRecord(sha256=ref.sha256, size=ref.size, refcount=1))
            await session.flush()

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
                set_={"refcount": BlobRecord.refcount + stmt.excluded.refcount},
            )
            await session.execute(stmt)

    async def decref(self, session: AsyncSession, sha256: str) -> int:
        """Drop one reference; the row goes at zero and `collect` removes the file later."""
        await session.execute(
            update(BlobRecord)
            .where(BlobRecord.sha256 == sha256)
            .values(refcount=BlobRecord.refcount - 1)
        )
        left = await session.scalar(select(BlobRecord.refcount).where(BlobRecord.sha256 == sha256))
        return int(left or 0)

    async def collect(self, session: AsyncSession) -> int:
        """Remove blobs nobody references (run by a job, after the decref committed)."""
        dead = list(
            (await session.execute(select(BlobRecord.sha256).where(BlobRecord.refcount <= 0)))
            .scalars()
            .all()
        )
        for sha in dead:
            await self.backend.remove(sha)
        if dead:
            await session.execute(delete(BlobRecord).where(BlobRecord.sha256.in_(dead)))
        return len(dead)

    def read(self, sha256: str, start: int = 0, end: int | None = None) -> AsyncIterator[bytes]:
        return self.backend.open_range(sha256, start, end)

    async def read_all(self, sha256: str) -> bytes:
        return b"".join([chunk async for chunk in self.read(sha256)])
