"""Blob bytes in an S3-compatible object store (MinIO, Ceph RGW, Alibaba OSS, AWS S3)
through aiobotocore: `MAILPLANE_BLOB_URL=s3://bucket/prefix?endpoint=…&region=…`.

Writes hash while spooling to a temporary file (the name is the SHA-256, known only at the
end), skip the upload when the object exists (touching it for the orphan sweep), and upload
large blobs in parts, aborting the multipart upload on any failure; `sweep_partial` aborts
uploads a dead process left behind. Reads are ranged GETs that resume where a dropped
connection stopped. botocore retries each call with backoff ("standard" mode); part uploads
and reads add their own retries on top, since they hold bytes a single call cannot replay.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import os
import tempfile
from collections.abc import AsyncIterable, AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar

from aiobotocore.config import AioConfig
from aiobotocore.session import get_session
from botocore.exceptions import BotoCoreError, ClientError

from api.errors import NotFound, PayloadTooLarge
from api.i18n import Msg
from api.storage.blobs import CHUNK, BlobRef

T = TypeVar("T")

MIN_PART = 5 * 1024 * 1024  # S3's smallest part but the last
ATTEMPTS = 5
TOUCH_AFTER = timedelta(minutes=10)


@dataclass(frozen=True)
class S3Location:
    bucket: str
    prefix: str = ""
    endpoint_url: str | None = None
    region: str = "us-east-1"
    access_key: str | None = None
    secret_key: str | None = None
    part_size: int = 16 * 1024 * 1024
    concurrency: int = 4
    create_bucket: bool = False


def _transient(exc: BaseException) -> bool:
    if isinstance(exc, ClientError):
        status = exc.response.get("ResponseMetadata", {}).get("HTTPStatusCode", 0)
        return status >= 500 or status in (408, 429)
    return isinstance(exc, BotoCoreError | OSError | asyncio.TimeoutError) or (
        type(exc).__module__.startswith("aiohttp")
    )


async def _retrying(call: Callable[[], Awaitable[T]], attempts: int = ATTEMPTS) -> T:
    delay = 0.2
    for attempt in range(attempts):
        try:
            return await call()
        except Exception as exc:
            if attempt == attempts - 1 or not _transient(exc):
                raise
            await asyncio.sleep(delay)
            delay = min(delay * 2, 5.0)
    raise AssertionError("unreachable")


class S3BlobBackend:
    """Objects named `<prefix>ab/cd/<sha256>` in one bucket."""

    def __init__(self, where: S3Location, spool_dir: Path | None = None) -> None:
        if where.part_size < MIN_PART:
            raise ValueError(f"part_size must be at least {MIN_PART} bytes")
        self.where = where
        self.spool_dir = spool_dir
        self._clients: dict[asyncio.AbstractEventLoop, tuple[Any, contextlib.AsyncExitStack]] = {}
        self._bucket_ready = False

    # -- client, one per event loop (aiohttp sessions belong to a loop) --------------------

    async def client(self) -> Any:
        loop = asyncio.get_running_loop()
        found = self._clients.get(loop)
        if found is not None:
            return found[0]
        stack = contextlib.AsyncExitStack()
        where = self.where
        config = AioConfig(
            retries={"max_attempts": ATTEMPTS, "mode": "standard"},
            connect_timeout=10, read_timeout=120, max_pool_connections=32,
            s3={"addressing_style": "path"} if where.endpoint_url else None,
            request_checksum_calculation="when_required",
            response_checksum_validation="when_required",
        )
        client = await stack.enter_async_context(get_session().create_client(
            "s3", region_name=where.region, endpoint_url=where.endpoint_url,
            aws_access_key_id=where.access_key, aws_secret_access_key=where.secret_key,
            config=config,
        ))
        self._clients[loop] = (client, stack)
        if where.create_bucket and not self._bucket_ready:
            with contextlib.suppress(ClientError):
                await client.create_bucket(Bucket=where.bucket)
            self._bucket_ready = True
        return client

    async def close(self) -> None:
        loop = asyncio.get_running_loop()
        found = self._clients.pop(loop, None)
        if found is not None:
            await found[1].aclose()

    def key(self, sha256: str) -> str:
        return f"{self.where.prefix}{sha256[:2]}/{sha256[2:4]}/{sha256}"

    # -- writes ----------------------------------------------------------------------------

    async def write(self, chunks: AsyncIterable[bytes], max_size: int | None = None) -> BlobRef:
        digest = hashlib.sha256()
        size = 0
        fd, name = tempfile.mkstemp(prefix="mp-s3-", dir=self.spool_dir)
        try:
            with os.fdopen(fd, "wb") as spool:
                async for chunk in chunks:
                    size += len(chunk)
                    if max_size is not None and size > max_size:
                        raise PayloadTooLarge(Msg(
                            "The content is larger than {max_size} bytes.", max_size=max_size
                        ))
                    digest.update(chunk)
                    await asyncio.to_thread(spool.write, chunk)
            sha = digest.hexdigest()
            head = await self._head(sha)
            if head is not None:
                await self._touch(sha, head)
            elif size <= self.where.part_size:
                data = await asyncio.to_thread(Path(name).read_bytes)
                client = await self.client()
                await _retrying(lambda: client.put_object(
                    Bucket=self.where.bucket, Key=self.key(sha), Body=data))
            else:
                await self._multipart(Path(name), sha, size)
            return BlobRef(sha, size)
        finally:
            Path(name).unlink(missing_ok=True)

    async def _multipart(self, path: Path, sha: str, size: int) -> None:
        client = await self.client()
        bucket, key, part_size = self.where.bucket, self.key(sha), self.where.part_size
        upload_id = (await _retrying(lambda: client.create_multipart_upload(
            Bucket=bucket, Key=key)))["UploadId"]
        count = (size + part_size - 1) // part_size
        gate = asyncio.Semaphore(self.where.concurrency)
        etags: dict[int, str] = {}

        async def one(number: int) -> None:
            async with gate:
                offset = (number - 1) * part_size
                data = await asyncio.to_thread(_read_at, path, offset, part_size)
                answer = await _retrying(lambda: client.upload_part(
                    Bucket=bucket, Key=key, UploadId=upload_id, PartNumber=number, Body=data))
                etags[number] = answer["ETag"]

        try:
            await _gather_all([one(n) for n in range(1, count + 1)])
            await _retrying(lambda: client.complete_multipart_upload(
                Bucket=bucket, Key=key, UploadId=upload_id,
                MultipartUpload={"Parts": [
                    {"PartNumber": n, "ETag": etags[n]} for n in range(1, count + 1)]},
            ))
        except BaseException:
            # shielded: a cancelled writer must still not leave parts billed in the bucket
            with contextlib.suppress(Exception):
                await asyncio.shield(client.abort_multipart_upload(
                    Bucket=bucket, Key=key, UploadId=upload_id))
            raise

    async def _head(self, sha: str) -> dict[str, Any] | None:
        client = await self.client()
        try:
            return dict(await _retrying(lambda: client.head_object(
                Bucket=self.where.bucket, Key=self.key(sha))))
        except ClientError as exc:
            if exc.response.get("ResponseMetadata", {}).get("HTTPStatusCode") == 404:
                return None
            raise

    async def _touch(self, sha: str, head: dict[str, Any]) -> None:
        """Refresh LastModified (a copy onto itself) so the orphan sweep's grace restarts."""
        modified = head.get("LastModified")
        if modified is not None and datetime.now(UTC) - modified < TOUCH_AFTER:
            return
        client = await self.client()
        key = self.key(sha)
        await _retrying(lambda: client.copy_object(
            Bucket=self.where.bucket, Key=key, CopySource={"Bucket": self.where.bucket, "Key": key},
            MetadataDirective="REPLACE", Metadata={"touched": datetime.now(UTC).isoformat()},
        ))

    # -- reads -----------------------------------------------------------------------------

    async def open_range(
        self, sha256: str, start: int = 0, end: int | None = None
    ) -> AsyncIterator[bytes]:
        """Yield bytes [start, end); a dropped connection resumes with a ranged GET."""
        if end is not None and end <= start:
            return
        client = await self.client()
        pos = start
        failures = 0
        while True:
            kw: dict[str, Any] = {"Bucket": self.where.bucket, "Key": self.key(sha256)}
            if pos > 0 or end is not None:
                kw["Range"] = f"bytes={pos}-{'' if end is None else end - 1}"
            try:
                answer = await _retrying(lambda kw=kw: client.get_object(**kw))
            except ClientError as exc:
                code = exc.response.get("Error", {}).get("Code")
                if code in ("NoSuchKey", "404"):
                    raise NotFound("Blob not found.") from None
                if code == "InvalidRange":  # start at or past the end
                    return
                raise
            body = answer["Body"]
            try:
                while True:
                    chunk = await body.read(CHUNK)
                    if not chunk:
                        return
                    pos += len(chunk)
                    failures = 0
                    yield chunk
            except Exception as exc:
                failures += 1
                if failures >= ATTEMPTS or not _transient(exc):
                    raise
                await asyncio.sleep(0.2 * 2**failures)
            finally:
                body.close()

    async def exists(self, sha256: str) -> bool:
        return await self._head(sha256) is not None

    async def remove(self, sha256: str) -> None:
        client = await self.client()
        await _retrying(lambda: client.delete_object(
            Bucket=self.where.bucket, Key=self.key(sha256)))

    async def keys(self) -> AsyncIterator[tuple[str, datetime]]:
        client = await self.client()
        paginator = client.get_paginator("list_objects_v2")
        async for page in paginator.paginate(Bucket=self.where.bucket, Prefix=self.where.prefix):
            for item in page.get("Contents", []):
                name = item["Key"].rsplit("/", 1)[-1]
                if len(name) == 64:
                    yield name, item["LastModified"]

    async def pending_uploads(self) -> list[tuple[str, str, datetime]]:
        """Multipart uploads begun and neither completed nor aborted: (key, id, initiated)."""
        client = await self.client()
        out = []
        paginator = client.get_paginator("list_multipart_uploads")
        async for page in paginator.paginate(Bucket=self.where.bucket, Prefix=self.where.prefix):
            for item in page.get("Uploads", []):
                out.append((item["Key"], item["UploadId"], item["Initiated"]))
        return out

    async def sweep_partial(self, cutoff: datetime) -> int:
        """Abort multipart uploads begun before `cutoff` (their writer died)."""
        client = await self.client()
        stale = [u for u in await self.pending_uploads() if u[2] < cutoff]
        for key, upload_id, _ in stale:
            await _retrying(lambda key=key, upload_id=upload_id: client.abort_multipart_upload(
                Bucket=self.where.bucket, Key=key, UploadId=upload_id))
        return len(stale)


def _read_at(path: Path, offset: int, length: int) -> bytes:
    with path.open("rb") as fh:
        fh.seek(offset)
        return fh.read(length)


async def _gather_all(jobs: list[Awaitable[None]]) -> None:
    """Run all; on the first failure cancel the rest and raise it."""
    tasks = [asyncio.ensure_future(j) for j in jobs]
    try:
        await asyncio.gather(*tasks)
    except BaseException:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        raise
