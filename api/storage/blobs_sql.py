"""Blob bytes in the database itself (`MAILPLANE_BLOB_URL=postgresql:`), for installations
that have only PostgreSQL: fixed-size chunk rows under a staged object that takes its
SHA-256 name in one transaction once every chunk is in.

The backend keeps its own small connection pool: a caller may hold a pooled connection in
an open transaction while its blob is written, and must not starve the pool doing so.
"""

from __future__ import annotations

import hashlib
from collections.abc import AsyncIterable, AsyncIterator
from datetime import datetime

from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from api.errors import NotFound, PayloadTooLarge
from api.i18n import _
from api.kit.clock import utcnow
from api.storage.blobs import CHUNK, BlobRef
from api.storage.models import BlobChunk, BlobObject

ROWS_PER_TRANSACTION = 8  # chunks written per short transaction while streaming
READ_AHEAD = 4  # chunks fetched per query while reading


class DatabaseBlobBackend:
    """Chunk rows in `blob_objects` / `blob_chunks` of a PostgreSQL database."""

    def __init__(self, url: str, *, chunk_size: int = CHUNK, pool_size: int = 5) -> None:
        if url.startswith("sqlite"):
            # SQLite has one writer: a blob written on a second connection while the
            # caller's transaction holds the lock would wait for ever.
            raise ValueError("The database blob backend needs PostgreSQL.")
        self.engine: AsyncEngine = create_async_engine(
            url, pool_size=pool_size, max_overflow=pool_size * 2, pool_pre_ping=True
        )
        self.chunk_size = chunk_size

    async def write(self, chunks: AsyncIterable[bytes], max_size: int | None = None) -> BlobRef:
        async with self.engine.begin() as conn:
            object_id = (await conn.execute(
                BlobObject.__table__.insert()
                .values(size=0, chunk_size=self.chunk_size, complete=False, created_at=utcnow())
                .returning(BlobObject.__table__.c.id)
            )).scalar_one()
        digest = hashlib.sha256()
        size = 0
        seq = 0
        buffer = bytearray()
        rows: list[dict[str, object]] = []
        try:
            async for chunk in chunks:
                size += len(chunk)
                if max_size is not None and size > max_size:
                    raise PayloadTooLarge(_(
                        "The content is larger than {max_size} bytes.", max_size=max_size
                    ))
                digest.update(chunk)
                buffer += chunk
                while len(buffer) >= self.chunk_size:
                    rows.append({"object_id": object_id, "seq": seq,
                                 "data": bytes(buffer[: self.chunk_size])})
                    del buffer[: self.chunk_size]
                    seq += 1
                    if len(rows) >= ROWS_PER_TRANSACTION:
                        await self._insert(rows)
                        rows = []
            if buffer or seq == 0:
                rows.append({"object_id": object_id, "seq": seq, "data": bytes(buffer)})
            await self._insert(rows)
            sha = digest.hexdigest()
            await self._name(object_id, sha, size)
            return BlobRef(sha, size)
        except BaseException:
            await self._drop(object_id)
            raise

    async def _insert(self, rows: list[dict[str, object]]) -> None:
        if rows:
            async with self.engine.begin() as conn:
                await conn.execute(BlobChunk.__table__.insert(), rows)

    async def _name(self, object_id: int, sha: str, size: int) -> None:
        """Give the staged object its name, unless another writer stored the same bytes."""
        objects = BlobObject.__table__
        try:
            async with self.engine.begin() as conn:
                existing = (await conn.execute(
                    select(objects.c.id).where(objects.c.sha256 == sha).with_for_update()
                )).scalar_one_or_none()
                if existing is not None:
                    await conn.execute(
                        update(objects).where(objects.c.id == existing).values(created_at=utcnow())
                    )
                else:
                    await conn.execute(
                        update(objects).where(objects.c.id == object_id)
                        .values(sha256=sha, size=size, complete=True, created_at=utcnow())
                    )
                    return
        except IntegrityError:
            pass  # a concurrent writer named the same bytes first
        await self._drop(object_id)

    async def _drop(self, object_id: int) -> None:
        async with self.engine.begin() as conn:
            await conn.execute(delete(BlobChunk.__table__).where(
                BlobChunk.__table__.c.object_id == object_id))
            await conn.execute(delete(BlobObject.__table__).where(
                BlobObject.__table__.c.id == object_id))

    async def _locate(self, sha256: str) -> tuple[int, int, int] | None:
        objects = BlobObject.__table__
        async with self.engine.connect() as conn:
            row = (await conn.execute(
                select(objects.c.id, objects.c.size, objects.c.chunk_size)
                .where(objects.c.sha256 == sha256, objects.c.complete.is_(True))
            )).first()
        return None if row is None else (int(row[0]), int(row[1]), int(row[2]))

    async def open_range(
        self, sha256: str, start: int = 0, end: int | None = None
    ) -> AsyncIterator[bytes]:
        """Yield bytes [start, end) of a blob, reading only the chunk rows they fall in."""
        found = await self._locate(sha256)
        if found is None:
            raise NotFound("Blob not found.")
        object_id, size, chunk_size = found
        end = size if end is None else min(end, size)
        if start >= end:
            return
        chunks = BlobChunk.__table__
        seq = start // chunk_size
        last = (end - 1) // chunk_size
        while seq <= last:
            upto = min(last, seq + READ_AHEAD - 1)
            async with self.engine.connect() as conn:
                rows = (await conn.execute(
                    select(chunks.c.seq, chunks.c.data)
                    .where(chunks.c.object_id == object_id,
                           chunks.c.seq >= seq, chunks.c.seq <= upto)
                    .order_by(chunks.c.seq)
                )).all()
            if len(rows) != upto - seq + 1:
                raise NotFound("Blob not found.")  # removed while it was being read
            for n, data in rows:
                base = int(n) * chunk_size
                lo = max(start - base, 0)
                hi = min(end - base, len(data))
                yield bytes(data[lo:hi])
            seq = upto + 1

    async def exists(self, sha256: str) -> bool:
        return await self._locate(sha256) is not None

    async def remove(self, sha256: str) -> None:
        found = await self._locate(sha256)
        if found is not None:
            await self._drop(found[0])

    async def keys(self) -> AsyncIterator[tuple[str, datetime]]:
        objects = BlobObject.__table__
        after = ""
        while True:
            async with self.engine.connect() as conn:
                rows = (await conn.execute(
                    select(objects.c.sha256, objects.c.created_at)
                    .where(objects.c.complete.is_(True), objects.c.sha256 > after)
                    .order_by(objects.c.sha256).limit(1000)
                )).all()
            if not rows:
                return
            for sha, created in rows:
                yield str(sha), created
            after = str(rows[-1][0])

    async def sweep_partial(self, cutoff: datetime) -> int:
        """Drop objects staged before `cutoff` and never named (their writer died)."""
        objects = BlobObject.__table__
        async with self.engine.connect() as conn:
            stale = (await conn.execute(
                select(objects.c.id)
                .where(objects.c.complete.is_(False), objects.c.created_at < cutoff)
            )).scalars().all()
        for object_id in stale:
            await self._drop(int(object_id))
        return len(stale)

    async def close(self) -> None:
        await self.engine.dispose()
