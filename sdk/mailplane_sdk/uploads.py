"""Chunked, resumable uploads of attachments of any size (the upload-session endpoints).

The file is read one chunk at a time, never whole. When a chunk fails (connection lost, 5xx,
or a range the server already holds because only its answer was lost), the flow asks the server
which byte ranges it holds (`GET /v1/uploads/{id}`) and sends only what is missing, then commits
with the file's SHA-256 so the server verifies what it assembled. (With `AsyncMailplane` the
chunk reads are ordinary blocking reads of a local file, one chunk at a time.)
"""

from __future__ import annotations

import contextlib
import hashlib
import mimetypes
import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

import httpx

from mailplane_sdk import errors
from mailplane_sdk.generated.models import Upload

if TYPE_CHECKING:
    from mailplane_sdk.resources.mail import Mail
    from mailplane_sdk.runners import Flow

DEFAULT_CHUNK = 8 * 1024 * 1024
READ_BLOCK = 1024 * 1024

# Failures after which the server may hold some bytes: look, then send what is missing.
RESUMABLE: tuple[type[Exception], ...] = (
    httpx.TransportError,
    errors.ServerError,
    errors.RateLimited,
    errors.IdempotencyInProgress,
    errors.UploadIncomplete,
)
RESUMABLE_CODES = frozenset({"range_overlap"})


def missing(received: Sequence[Sequence[int]], size: int) -> list[tuple[int, int]]:
    """The [start, end) ranges of a `size`-byte file not in `received`."""
    gaps: list[tuple[int, int]] = []
    at = 0
    for start, end in sorted((int(r[0]), int(r[1])) for r in received):
        if start > at:
            gaps.append((at, min(start, size)))
        at = max(at, end)
    if at < size:
        gaps.append((at, size))
    return [g for g in gaps if g[1] > g[0]]


class _Digest:
    """SHA-256 of the file, fed in order: chunks as they are sent, and any bytes the server
    already had (from an earlier session) read in passing."""

    def __init__(self, fh: BinaryIO) -> None:
        self.fh = fh
        self.sha = hashlib.sha256()
        self.upto = 0

    def sent(self, start: int, chunk: bytes) -> None:
        self._catch_up(start)
        if start == self.upto:
            self.sha.update(chunk)
            self.upto += len(chunk)

    def finish(self, size: int) -> str:
        self._catch_up(size)
        return self.sha.hexdigest()

    def _catch_up(self, to: int) -> None:
        while self.upto < to:
            length = min(READ_BLOCK, to - self.upto)
            self.sha.update(_read(self.fh, self.upto, length))
            self.upto += length


def _read(fh: BinaryIO, offset: int, length: int) -> bytes:
    fh.seek(offset)
    data = fh.read(length)
    if len(data) != length:
        raise OSError(
            f"The file changed while uploading: {len(data)} bytes at {offset}, wanted {length}."
        )
    return data


@contextlib.contextmanager
def _opened(file: str | os.PathLike[str] | BinaryIO) -> Iterator[tuple[BinaryIO, str]]:
    if isinstance(file, str | os.PathLike):
        with open(file, "rb") as fh:
            yield fh, Path(file).name
    else:
        yield file, Path(str(getattr(file, "name", "upload.bin"))).name


def _resumable(exc: Exception) -> bool:
    if isinstance(exc, RESUMABLE):
        return True
    return isinstance(exc, errors.MailplaneError) and exc.code in RESUMABLE_CODES


def upload_flow(
    mail: Mail[Any],
    account: str,
    file: str | os.PathLike[str] | BinaryIO,
    *,
    filename: str | None,
    content_type: str | None,
    chunk_size: int,
    upload_id: str | None,
    max_resumes: int,
) -> Flow[Upload]:
    """The steps of `mp.mail.upload` (driven by the client's runner)."""
    if chunk_size <= 0:
        raise ValueError("chunk_size must be positive")
    uploads = type(mail.uploads)
    with _opened(file) as (fh, default_name):
        size = fh.seek(0, os.SEEK_END)
        name = filename or default_name
        kind = content_type or mimetypes.guess_type(name)[0] or "application/octet-stream"
        if upload_id is None:
            upload: Upload = yield uploads.create.call(
                mail.uploads, account, filename=name, content_type=kind, size=size
            )
        else:
            upload = yield uploads.get.call(mail.uploads, upload_id)
            if upload.size != size:
                raise ValueError(
                    f"Upload {upload_id} is for {upload.size} bytes; the file has {size}."
                )
        digest = _Digest(fh)
        resumes = 0
        while True:
            try:
                for start, end in missing(upload.received, size):
                    for offset in range(start, end, chunk_size):
                        chunk = _read(fh, offset, min(chunk_size, end - offset))
                        upload = yield uploads.put.call(
                            mail.uploads, upload.id, chunk, start=offset, total=size
                        )
                        digest.sent(offset, chunk)
                if upload.state == "committed":
                    return upload
                committed: Upload = yield uploads.commit.call(
                    mail.uploads, upload.id, sha256=digest.finish(size)
                )
                return committed
            except Exception as exc:
                if not _resumable(exc) or resumes >= max_resumes:
                    raise
                resumes += 1
                upload = yield uploads.get.call(mail.uploads, upload.id)
