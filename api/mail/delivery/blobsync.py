"""Blob writes for group commit: files are written and renamed into place without an fsync
each, and the whole batch is made durable by one `sync()` (Linux `syncfs`, else an fsync
per file and directory) just before the batch's database commit.

A file that already exists is reused only when it holds exactly the new bytes: a crash
between rename and sync can leave a short file that no committed row refers to.
"""

from __future__ import annotations

import ctypes
import hashlib
import os
import sys
import tempfile
from collections.abc import AsyncIterable
from pathlib import Path
from typing import Any

import anyio

from api.errors import PayloadTooLarge
from api.i18n import _
from api.storage.blobs import BlobRef, LocalBlobBackend

INLINE_LIMIT = 1024 * 1024  # smaller blobs are written on the event loop, no thread hop


def _syncfs_function() -> Any:
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return libc.syncfs
    except (OSError, AttributeError):
        return None


_SYNCFS = _syncfs_function()


class DeferredSyncBackend(LocalBlobBackend):
    """A LocalBlobBackend (same layout) whose writes become durable at `sync()`."""

    def __init__(self, root: Path) -> None:
        super().__init__(root)
        self.pending: list[Path] = []

    async def write(self, chunks: AsyncIterable[bytes], max_size: int | None = None) -> BlobRef:
        parts: list[bytes] = []
        size = 0
        async for chunk in chunks:
            size += len(chunk)
            if max_size is not None and size > max_size:
                raise PayloadTooLarge(_(
                    "The content is larger than {max_size} bytes.", max_size=max_size
                ))
            parts.append(chunk)
        data = b"".join(parts)
        if size <= INLINE_LIMIT:
            return self._store(data)
        return await anyio.to_thread.run_sync(self._store, data)

    async def write_many(self, datas: list[bytes]) -> list[BlobRef]:
        """`write` for a batch held in memory (`append_many`): no fsync per file either;
        the batch becomes durable at `sync()` like every other write here."""
        return await anyio.to_thread.run_sync(lambda: [self._store(d) for d in datas])

    def _store(self, data: bytes) -> BlobRef:
        sha = hashlib.sha256(data).hexdigest()
        final = self.path(sha)
        if final.exists() and final.stat().st_size == len(data) and (
            len(data) > INLINE_LIMIT or final.read_bytes() == data
        ):
            self.pending.append(final)
            return BlobRef(sha, len(data))
        self._dir_for(final)
        fd, tmp_name = tempfile.mkstemp(dir=self.root / "tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(tmp_name, final)
        except BaseException:
            Path(tmp_name).unlink(missing_ok=True)
            raise
        self.pending.append(final)
        return BlobRef(sha, len(data))

    async def sync(self) -> None:
        """Make every blob written since the last sync durable."""
        if not self.pending:
            return
        paths, self.pending = self.pending, []
        await anyio.to_thread.run_sync(self._sync, paths)

    def _sync(self, paths: list[Path]) -> None:
        if _SYNCFS is not None:
            fd = os.open(self.root, os.O_RDONLY)
            try:
                if _SYNCFS(fd) == 0:
                    return
            finally:
                os.close(fd)
        dirs: set[Path] = set()
        for path in paths:
            fd = os.open(path, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
            dirs.update((path.parent, path.parent.parent))
        for folder in dirs:
            fd = os.open(folder, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
