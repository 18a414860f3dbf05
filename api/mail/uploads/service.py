"""Resumable upload sessions for attachments of any size, with flat memory, resumable on
any process of the installation.

create (declared size and type) → PUT chunks with `Content-Range` (any order; each chunk
streams straight into the shared blob store as a blob of its own, held by one reference)
→ GET shows the ranges held → commit (the parts are read back in order into one blob; a
single part already is that blob; the parts' references are dropped). Nothing is kept on
the disk of the process that received a chunk, so the next chunk or the commit can land on
any other process or machine (behind a load balancer, after a failure).

A chunk first reserves its range in a short transaction, so concurrent chunks never
overlap and no database lock is held while bytes stream. The reservation is a lease,
renewed while the chunk streams: a chunk whose process died frees its range a lease later
(`mail_upload_chunk_lease`), and its bytes, never referenced, go with the orphan sweep.
Sessions expire after 24 h; the sweep drops their parts' references.
"""

from __future__ import annotations

import asyncio
import contextlib
import re
from collections.abc import AsyncIterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from api.errors import NotFound, PayloadTooLarge, ValidationFailed
from api.i18n import Msg
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
from api.storage.blobs import BlobRef, BlobVanished
from api.storage.models import Account, MailUpload
from schemas.mail import Upload, UploadCreate

_CONTENT_RANGE = re.compile(r"^\s*bytes\s+(\d+)-(\d+)/(\d+)\s*$", re.IGNORECASE)


def _legacy_parts(runtime: Runtime, upload_id: str) -> list[Path]:
    """Where sessions before revision 0017i20 kept their chunks (removed with them)."""
    settings = runtime.settings
    return [root / "uploads" / f"{upload_id}.part" for root in (settings.blob_dir,
                                                               settings.data_dir)]


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
        raise PayloadTooLarge(
            Msg("Uploads are limited to {limit} bytes.", limit=limit), param="size"
        )
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
    upload.parts = []
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
        raise NotFound(Msg("No upload {upload_id}.", upload_id=upload_id), param="upload_id")
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
            Msg(
                "The upload was declared as {size} bytes, not {total}.", size=size, total=total
            ), param="Content-Range"
        )
    if last < start or last >= size:
        raise RangeNotSatisfiable(
            Msg(
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
    """Store one chunk. Manages its own short transactions (none held while streaming)."""
    lease = timedelta(seconds=runtime.settings.mail_upload_chunk_lease)
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
            raise _overlap()
        upload.pending = [*live, [start, end, (now + lease).isoformat()]]
    renewer = asyncio.create_task(_renew(runtime, principal, upload_id, start, end, lease))
    try:
        ref = await runtime.blobs.backend.write(_exactly(body, end - start), None)
    except BaseException:
        renewer.cancel()
        with contextlib.suppress(BaseException):
            await renewer
        with contextlib.suppress(Exception):
            await _release(runtime, principal, upload_id, start, end)
        raise
    renewer.cancel()
    with contextlib.suppress(BaseException):
        await renewer
    async with runtime.db.session() as session:
        upload = await get_upload(session, principal, upload_id, lock=True)
        _drop_reservation(upload, start, end)
        if upload.state != "open":
            raise UploadCommitted("This upload is already committed.", param="upload_id")
        if _overlaps(start, end, upload.received or []):  # our lease lapsed and was retaken
            raise _overlap()
        if await runtime.blobs.incref(session, ref) and not await runtime.blobs.backend.exists(
            ref.sha256
        ):
            raise BlobVanished("The content was removed while it was stored; try again.")
        upload.parts = [*(upload.parts or []), [start, end, ref.sha256]]
        upload.received = _merge(upload.received or [], start, end)
        upload.received_bytes = sum(b - a for a, b in upload.received)
        upload.version += 1
        upload.updated_at = utcnow()
        return view(upload)


def _overlap() -> RangeOverlap:
    return RangeOverlap(
        "This range overlaps bytes already received; GET the upload "
        "to see which ranges it holds.",
        param="Content-Range",
    )


def _drop_reservation(upload: MailUpload, start: int, end: int) -> None:
    upload.pending = [
        p for p in upload.pending or [] if not (int(p[0]) == start and int(p[1]) == end)
    ]


async def _renew(
    runtime: Runtime, principal: Principal, upload_id: str, start: int, end: int,
    lease: timedelta,
) -> None:
    """Keep a chunk's reservation alive while its bytes stream (a third of the lease)."""
    while True:
        await asyncio.sleep(lease.total_seconds() / 3)
        with contextlib.suppress(Exception):  # a missed renewal is retried; the lease is 3×
            async with runtime.db.session() as session:
                upload = await repository.get_in_org(
                    session, principal.org_id, upload_id, lock=True
                )
                if upload is None:
                    return
                until = (utcnow() + lease).isoformat()
                upload.pending = [
                    [p[0], p[1], until] if int(p[0]) == start and int(p[1]) == end else p
                    for p in upload.pending or []
                ]


async def _release(
    runtime: Runtime, principal: Principal, upload_id: str, start: int, end: int
) -> None:
    async with runtime.db.session() as session:
        upload = await repository.get_in_org(session, principal.org_id, upload_id, lock=True)
        if upload is not None:
            _drop_reservation(upload, start, end)


async def _exactly(body: AsyncIterator[bytes], length: int) -> AsyncIterator[bytes]:
    """`body`, which must hold exactly `length` bytes (422 otherwise)."""
    seen = 0
    async for chunk in body:
        seen += len(chunk)
        if seen > length:
            raise ValidationFailed(
                "The body is longer than its Content-Range.", param="Content-Range"
            )
        yield chunk
    if seen != length:
        raise ValidationFailed(
            Msg(
                "The body has {seen} bytes; Content-Range says {length}.", seen=seen, length=length
            ), param="Content-Range"
        )


def _ordered_parts(upload: MailUpload) -> list[tuple[int, int, str]]:
    return sorted((int(p[0]), int(p[1]), str(p[2])) for p in upload.parts or [])


async def commit_upload(
    runtime: Runtime, principal: Principal, upload_id: str, sha256: str | None
) -> Upload:
    """Join the parts into one blob (outside any transaction), then swap the references."""
    async with runtime.db.session(write=False) as session:
        upload = await get_upload(session, principal, upload_id)
        if upload.state == "committed":
            return view(upload)
        parts = _ordered_parts(upload)
        covered = 0
        for start, end, _ in parts:
            covered = end if start == covered else -1
        if upload.received_bytes != upload.size or covered != upload.size:
            raise UploadIncomplete(
                Msg(
                    "{received_bytes} of {size} bytes received.",
                    received_bytes=upload.received_bytes,
                    size=upload.size,
                ),
                param="upload_id",
                extra={"received": upload.received},
            )
    backend = runtime.blobs.backend
    if len(parts) == 1:
        ref = BlobRef(parts[0][2], upload.size)  # one chunk: the part is the whole file
    else:

        async def joined() -> AsyncIterator[bytes]:
            for _, _, part in parts:
                async for chunk in backend.open_range(part):
                    yield chunk

        ref = await backend.write(joined(), upload.size)
    if ref.size != upload.size:
        raise UploadIncomplete(
            Msg(
                "{size} of {size2} bytes could be read back.", size=ref.size, size2=upload.size
            ), param="upload_id"
        )
    if sha256 is not None and sha256.lower() != ref.sha256:
        raise ChecksumMismatch("The content does not match the sha256 you sent.", param="sha256")
    async with runtime.db.session() as session:
        upload = await get_upload(session, principal, upload_id, lock=True)
        if upload.state == "committed":
            return view(upload)
        if _ordered_parts(upload) != parts:
            raise UploadIncomplete("The upload changed while it was committed; try again.",
                                   param="upload_id")
        if await runtime.blobs.incref(session, ref) and not await backend.exists(ref.sha256):
            raise BlobVanished("The content was removed while it was stored; try again.")
        for _, _, part in parts:
            await runtime.blobs.decref(session, part)
        upload.parts = []
        upload.state = "committed"
        upload.blob_sha256 = ref.sha256
        upload.pending = []
        upload.version += 1
        upload.updated_at = utcnow()
        return view(upload)


async def delete_upload(session: AsyncSession, runtime: Runtime, upload: MailUpload) -> None:
    if upload.state == "committed" and upload.blob_sha256:
        await runtime.blobs.decref(session, upload.blob_sha256)
    for _, _, part in _ordered_parts(upload):
        await runtime.blobs.decref(session, part)
    for legacy in _legacy_parts(runtime, upload.id):
        legacy.unlink(missing_ok=True)
    await session.delete(upload)


async def purge_expired(runtime: Runtime) -> int:
    """Drop sessions past their expiry; their parts' (and committed blob's) references go,
    and the collector removes the bytes after its grace period."""
    async with runtime.db.session() as session:
        doomed = await repository.expired(session, utcnow())
        for upload in doomed:
            await delete_upload(session, runtime, upload)
        return len(doomed)
