"""`MAILPLANE_BLOB_URL` → a blob backend:

- `file:///srv/mailplane/blobs` (default: `<data_dir>/blobs`): a local or shared folder;
- `postgresql:` (the main database) or `postgresql://user@host/db`: chunk rows;
- `s3://bucket/prefix?endpoint=http://host:9000&region=…`: an S3-compatible store
  (credentials as `s3://KEY:SECRET@bucket/…` or the usual `AWS_*` variables); further
  query options `part_size` (bytes), `concurrency`, `create_bucket=1`.

`MAILPLANE_BLOB_FALLBACK_URL` names the previous backend while `mailplane blobs migrate`
moves blobs: reads fall back to it, writes go to the new one.
"""

from __future__ import annotations

from collections.abc import AsyncIterable, AsyncIterator
from datetime import datetime
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

from api.config import normalise_database_url
from api.errors import NotFound
from api.storage.blobs import BlobBackend, BlobRef, LocalBlobBackend
from api.storage.blobs_sql import DatabaseBlobBackend


def open_backend(url: str, *, database_url: str | None = None,
                 spool_dir: Path | None = None) -> BlobBackend:
    """The backend a blob URL names; `database_url` is what `postgresql:` alone means."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme == "file":
        return LocalBlobBackend(Path(unquote(parts.netloc + parts.path)))
    if scheme in ("postgresql", "postgres"):
        target = database_url if not parts.netloc and not parts.path.strip("/") else url
        if not target:
            raise ValueError("postgresql: blob storage needs the database URL")
        return DatabaseBlobBackend(normalise_database_url(target))
    if scheme == "s3":
        # aiobotocore costs a second of import and only S3 deployments use it; same package
        from api.storage.blobs_s3 import S3BlobBackend, S3Location  # noqa: PLC0415

        query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
        prefix = parts.path.lstrip("/")
        if prefix and not prefix.endswith("/"):
            prefix += "/"
        where = S3Location(
            bucket=parts.hostname or "",
            prefix=prefix,
            endpoint_url=query.get("endpoint"),
            region=query.get("region", "us-east-1"),
            access_key=unquote(parts.username) if parts.username else query.get("access_key"),
            secret_key=unquote(parts.password) if parts.password else query.get("secret_key"),
            part_size=int(query.get("part_size", 16 * 1024 * 1024)),
            concurrency=int(query.get("concurrency", 4)),
            create_bucket=query.get("create_bucket", "0") in ("1", "true", "yes"),
        )
        if not where.bucket:
            raise ValueError("s3:// blob URLs name a bucket: s3://bucket/prefix")
        return S3BlobBackend(where, spool_dir)
    raise ValueError(f"Unknown blob URL scheme {scheme!r} (file, postgresql or s3)")


def describe(url: str) -> str:
    """The URL with any secret removed, for logs and command output."""
    parts = urlsplit(url)
    netloc = parts.hostname or ""
    if parts.port:
        netloc += f":{parts.port}"
    query = "&".join(
        p for p in parts.query.split("&") if p and not p.startswith(("secret_key", "access_key"))
    )
    return f"{parts.scheme}://{netloc}{parts.path}" + (f"?{query}" if query else "")


class FallbackBackend:
    """Writes to `primary`; reads from `primary`, else from `previous` (during a move)."""

    def __init__(self, primary: BlobBackend, previous: BlobBackend) -> None:
        self.primary = primary
        self.previous = previous

    async def write(self, chunks: AsyncIterable[bytes], max_size: int | None = None) -> BlobRef:
        return await self.primary.write(chunks, max_size)

    async def open_range(
        self, sha256: str, start: int = 0, end: int | None = None
    ) -> AsyncIterator[bytes]:
        source = self.primary if await self.primary.exists(sha256) else self.previous
        if source is self.previous and not await self.previous.exists(sha256):
            raise NotFound("Blob not found.")
        async for chunk in source.open_range(sha256, start, end):
            yield chunk

    async def exists(self, sha256: str) -> bool:
        return await self.primary.exists(sha256) or await self.previous.exists(sha256)

    async def remove(self, sha256: str) -> None:
        await self.primary.remove(sha256)
        await self.previous.remove(sha256)

    async def keys(self) -> AsyncIterator[tuple[str, datetime]]:
        keys = getattr(self.primary, "keys", None)
        if keys is not None:
            async for item in keys():
                yield item

    async def close(self) -> None:
        for backend in (self.primary, self.previous):
            closer = getattr(backend, "close", None)
            if closer is not None:
                await closer()
