"""Resumable upload sessions for attachments of any size, with flat memory.

create (declared size and type) → PUT chunks with `Content-Range` (any order, streamed
straight to a sparse file at their offset) → GET shows the ranges held → commit (hashed
into the blob store; the file is moved in, not copied). A chunk first reserves its range in
a short transaction, so concurrent chunks never overlap and no database lock is held while
bytes stream. Sessions expire after 24 h; a sweep removes their files.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import AsyncIterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import anyio
from sqlalchemy.ext.asyncio import AsyncSession

from api.data_dir import private_dir
from api.errors import NotFound, PayloadTooLarge, ValidationFailed
from api.i18n import _
from api.identity.principal import Principal
from api.kit.clock import utcnow
from api.kit.ids import new_id
from api.mail.access import may_reach
from api.mail.errors import (
    ChecksumMismatch,
    RangeNotSatisfiable,
    RangeOverlap,
    UploadCommitted,
    UploadIncomplete,
    UploadSizeMismatch,
)
from api.mail.sending import validation
from api.mail.uploads import repository
from api.runtime import Runtime
from api.storage.blobs import BlobRef, LocalBlobBackend
from api.storage.models import Account, MailUpload
from schemas.mail import Upload, UploadCreate

RESERVATION = timedelta(hours=1)  # a chunk whose request died frees its range after this
WRITE_BUFFER = 4 * 1024 * 1024
HASH_CHUNK = 4 * 1024 * 1024
_CONTENT_RANGE = re.compile(r"^\s*bytes\s+(\d+)-(\d+)/(\d+)\s*$", re.IGNORECASE)


def upload_dir(runtime: Runtime) -> Path:
    backend = runtime.blobs.backend
    root = backend.root if isinstance(backend, LocalBlobBackend) else runtime.settings.data_dir
    path = root / "uploads"
    private_dir(path)
    return path


def part_path(runtime: Runtime, upload_id: str) -> Path:
    return upload_dir(runtime) / f"{upload_id}.part"


def view(upload: MailUpload) -> Upload:
    return Upload(
        id=upload.id,
        account_id=upload.account_id,
        filename=upload.filename,
        content_type=upload.content_type,
        size=upload.size,
        received=[list(r) for r in upload.received or []],
        received_bytes=upload.received_bytes,
        state=upload.state,  # type: ignore[arg-type]
        upload_url=f"/v1/uploads/{upload.id}",
        sha256=upload.blob_sha256,
        expires_at=upload.expires_at,
        created_at=upload.created_at,
    )


async def create_upload(
    session: AsyncSession, runtime: Runtime, account: Account, data: UploadCreate
) -> MailUpload:
    limit = runtime.settings.mail_max_upload_bytes
    if data.size > limit:
        raise PayloadTooLarge(_("Uploads are limited to {limit} bytes.", limit=limit), param="size")
    name = validation.filename(data.filename, "filename")
    ctype = validation.content_type(data.content_type, name, "content_type")
    now = utcnow()
    upload = MailUpload(
        id=new_id("upl"),
        org_id=account.org_id,
        account_id=account.id,
        filename=name,
        content_type=ctype,
        size=data.size,
        received=[],
        pending=[],
        received_bytes=0,
        state="open",
        version=1,
        expires_at=now + timedelta(seconds=runtime.settings.mail_upload_ttl),
        created_at=now,
        updated_at=now,
    )
    path = part_path(runtime, upload.id)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)  # mail: the owner's only
    with os.fdopen(fd, "wb") as fh:
        fh.truncate(data.size)  # sparse: chunks land at their offsets
    session.add(upload)
    return upload


async def get_upload(
    session: AsyncSession, principal: Principal, upload_id: str, *, lock: bool = False
) -> MailUpload:
    upload = await repository.get_in_org(session, principal.org_id, upload_id, lock=lock)
    if (
        upload is None
        or not may_reach(principal, upload.account_id)
        or upload.expires_at <= utcnow()
    ):
        raise NotFound(_("No upload {upload_id}.", upload_id=upload_id), param="upload_id")
    return upload


def parse_content_range(header: str | None, size: int) -> tuple[int, int]:
    """[start, end) from `bytes start-end/total`; 422 for a wrong total, 416 outside."""
    match = _CONTENT_RANGE.match(header or "")
    if match is None:
        raise ValidationFailed(
            "Send Content-Range: bytes <start>-<end>/<total>.", param="Content-Range"
        )
    start, last, total = (int(g) for g in match.groups())
    if total != size:
        raise UploadSizeMismatch(
            _(
                "The upload was declared as {size} bytes, not {total}.", size=size, total=total
            ), param="Content-Range"
        )
    if last < start or last >= size:
        raise RangeNotSatisfiable(
            _(
                "The range must lie within 0-{value}.", value=size - 1
            ), headers={"Content-Range": f"bytes */{size}"}
        )
    return start, last + 1


def _overlaps(start: int, end: int, ranges: list[list[Any]]) -> bool:
    return any(start < int(r[1]) and int(r[0]) < end for r in ranges)


def _merge(ranges: list[list[int]], start: int, end: int) -> list[list[int]]:
    merged: list[list[int]] = []
    for a, b in sorted([*([int(x), int(y)] for x, y in ranges), [start, end]]):
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    return merged


def _live(pending: list[list[Any]], now: datetime) -> list[list[Any]]:
    return [p for p in pending or [] if datetime.fromisoformat(str(p[2])) > now]


async def put_chunk(
    runtime: Runtime,
    principal: Principal,
    upload_id: str,
    content_range: str | None,
    content_length: str | None,
    body: AsyncIterator[bytes],
) -> Upload:
    """Write one chunk. Manages its own short transactions (none held while streaming)."""
    async with runtime.db.session() as session:
        upload = await get_upload(session, principal, upload_id, lock=True)
        if upload.state != "open":
            raise UploadCommitted("This upload is already committed.", param="upload_id")
        start, end = parse_content_range(content_range, upload.size)
        if (
            content_length is not None
            and content_length.isdigit()
            and int(content_length) != end - start
        ):
            raise ValidationFailed(
                "Content-Length does not match Content-Range.", param="Content-Length"
            )
        now = utcnow()
        live = _live(upload.pending, now)
        if _overlaps(start, end, upload.received or []) or _overlaps(start, end, live):
            raise RangeOverlap(
                "This range overlaps bytes already received; GET the upload "
                "to see which ranges it holds.",
                param="Content-Range",
            )
        upload.pending = [*live, [start, end, (now + RESERVATION).isoformat()]]
    try:
        await _write_at(part_path(runtime, upload_id), start, end - start, body)
    except BaseException:
        await _release(runtime, principal, upload_id, start, end)
        raise
    async with runtime.db.session() as session:
        upload = await get_upload(session, principal, upload_id, lock=True)
        upload.pending = [
            p for p in upload.pending or [] if not (int(p[0]) == start and int(p[1]) == end)
        ]
        upload.received = _merge(upload.received or [], start, end)
        upload.received_bytes = sum(b - a for a, b in upload.received)
        upload.version += 1
        upload.updated_at = utcnow()
        return view(upload)


async def _release(
    runtime: Runtime, principal: Principal, upload_id: str, start: int, end: int
) -> None:
    async with runtime.db.session() as session:
        upload = await repository.get_in_org(session, principal.org_id, upload_id, lock=True)
        if upload is not None:
            upload.pending = [
                p for p in upload.pending or [] if not (int(p[0]) == start and int(p[1]) == end)
            ]


async def _write_at(path: Path, offset: int, length: int, body: AsyncIterator[bytes]) -> None:
    """Stream `body` into `path` at `offset`; exactly `length` bytes or 422."""
    fd = os.open(path, os.O_WRONLY)
    try:
        written = 0
        buffer = bytearray()
        async for chunk in body:
            if written + len(buffer) + len(chunk) > length:
                raise ValidationFailed(
                    "The body is longer than its Content-Range.", param="Content-Range"
                )
            buffer += chunk
            if len(buffer) >= WRITE_BUFFER:
                data = bytes(buffer)
                buffer.clear()
                await anyio.to_thread.run_sync(_pwrite_all, fd, data, offset + written)
                written += len(data)
        if buffer:
            data = bytes(buffer)
            await anyio.to_thread.run_sync(_pwrite_all, fd, data, offset + written)
            written += len(data)
        if written != length:
            raise ValidationFailed(
                _(
                    "The body has {written} bytes; Content-Range says {length}.",
                    written=written,
                    length=length,
                ), param="Content-Range"
            )
    finally:
        os.close(fd)


def _pwrite_all(fd: int, data: bytes, offset: int) -> None:
    view_ = memoryview(data)
    while view_:
        n = os.pwrite(fd, view_, offset)
        view_ = view_[n:]
        offset += n


def _hash_and_sync(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb", buffering=0) as fh:
        while chunk := fh.read(HASH_CHUNK):
            digest.update(chunk)
        os.fsync(fh.fileno())
    return digest.hexdigest()


async def commit_upload(
    runtime: Runtime, principal: Principal, upload_id: str, sha256: str | None
) -> Upload:
    """Move the finished file into the blob store (hashed outside any transaction)."""
    async with runtime.db.session(write=False) as session:
        upload = await get_upload(session, principal, upload_id)
        if upload.state == "committed":
            return view(upload)
        if upload.received_bytes != upload.size or (
            upload.size and upload.received != [[0, upload.size]]
        ):
            raise UploadIncomplete(
                _(
                    "{received_bytes} of {size} bytes received.",
                    received_bytes=upload.received_bytes,
                    size=upload.size,
                ),
                param="upload_id",
                extra={"received": upload.received},
            )
    path = part_path(runtime, upload_id)
    digest = await anyio.to_thread.run_sync(_hash_and_sync, path)
    if sha256 is not None and sha256.lower() != digest:
        raise ChecksumMismatch("The content does not match the sha256 you sent.", param="sha256")
    await _adopt(runtime, path, digest)
    async with runtime.db.session() as session:
        upload = await get_upload(session, principal, upload_id, lock=True)
        if upload.state == "committed":
            return view(upload)
        await runtime.blobs.incref(session, BlobRef(digest, upload.size))
        upload.state = "committed"
        upload.blob_sha256 = digest
        upload.pending = []
        upload.version += 1
        upload.updated_at = utcnow()
        return view(upload)


async def _adopt(runtime: Runtime, path: Path, digest: str) -> None:
    backend = runtime.blobs.backend
    if isinstance(backend, LocalBlobBackend):
        final = backend.path(digest)
        if final.exists():
            path.unlink(missing_ok=True)
            return
        private_dir(final.parent)
        os.replace(path, final)
        return

    async def chunks() -> AsyncIterator[bytes]:
        async with await anyio.open_file(path, "rb") as fh:
            while chunk := await fh.read(HASH_CHUNK):
                yield chunk

    await backend.write(chunks(), None)
    path.unlink(missing_ok=True)


async def delete_upload(session: AsyncSession, runtime: Runtime, upload: MailUpload) -> None:
    if upload.state == "committed" and upload.blob_sha256:
        await runtime.blobs.decref(session, upload.blob_sha256)
    part_path(runtime, upload.id).unlink(missing_ok=True)
    await session.delete(upload)


async def purge_expired(runtime: Runtime) -> int:
    """Drop sessions past their expiry with their files (committed ones free their blob)."""
    async with runtime.db.session() as session:
        doomed = await repository.expired(session, utcnow())
        for upload in doomed:
            await delete_upload(session, runtime, upload)
        return len(doomed)
