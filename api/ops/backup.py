"""`mailplane backup` / `mailplane restore`: a consistent online snapshot of the database
and of exactly the blobs it references, and its restoration into an empty installation.

Consistency: the database is copied as of one instant (SQLite's online backup API; on
PostgreSQL an exported snapshot that `pg_dump --snapshot` and our own read of the `blobs`
table share), then the blobs that snapshot names are copied, each verified by its SHA-256.
A blob the snapshot names cannot vanish meanwhile: the collector keeps unreferenced blobs
for `MAILPLANE_BLOB_RELEASE_GRACE` seconds (1 hour), longer than a backup takes to copy them
(the manifest records the duration; a run past the grace period fails and says so).

Layout of a backup folder: `manifest.json`, `database.sqlite` or `database.pgdump`
(pg_dump's custom format), `blobs/ab/cd/<sha256>`.
"""

from __future__ import annotations

import asyncio
import glob
import json
import sqlite3
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psycopg
from sqlalchemy import make_url

from api.config import Settings
from api.errors import ValidationFailed
from api.i18n import Msg
from api.kit.clock import utcnow
from api.storage.blob_url import open_backend
from api.storage.blobs import BlobBackend, LocalBlobBackend
from api.storage.migrate import upgrade_async

FORMAT = 1


@dataclass
class BackupReport:
    database: str
    blobs: int
    blob_bytes: int
    seconds: float

    def as_dict(self) -> dict[str, Any]:
        return {"database": self.database, "blobs": self.blobs, "blob_bytes": self.blob_bytes,
                "seconds": round(self.seconds, 3)}


def pg_tool(name: str) -> str:
    """Debian's newest client binary (`pg_dump` must be at least the server's version)."""
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return found[-1] if found else name


def _plain(url: str) -> str:
    parsed = make_url(url)
    return parsed.set(drivername="postgresql").render_as_string(hide_password=False)


def _sqlite_path(url: str) -> Path:
    return Path(str(make_url(url).database))


def _sqlite_snapshot(source: Path, target: Path) -> list[tuple[str, int]]:
    src = sqlite3.connect(source, timeout=30)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)  # one step: a consistent copy under a read transaction
        return [(str(s), int(n)) for s, n in dst.execute("SELECT sha256, size FROM blobs")]
    finally:
        src.close()
        dst.close()


def _pg_snapshot(url: str, target: Path) -> list[tuple[str, int]]:
    with psycopg.connect(_plain(url)) as conn:
        conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        snapshot = conn.execute("SELECT pg_export_snapshot()").fetchone()[0]  # type: ignore[index]
        # pg_dump reads the database as this open transaction sees it
        subprocess.run(
            [pg_tool("pg_dump"), "--snapshot", snapshot, "-Fc", "--no-owner", "-f", str(target),
             "-d", _plain(url)],
            check=True, capture_output=True,
        )
        rows = conn.execute("SELECT sha256, size FROM blobs").fetchall()
    return [(str(s), int(n)) for s, n in rows]


async def _copy(source: BlobBackend, target: BlobBackend, sha: str, size: int) -> None:
    if await target.exists(sha):
        return
    ref = await target.write(source.open_range(sha), None)
    if (ref.sha256, ref.size) != (sha, size):
        await target.remove(ref.sha256)
        raise RuntimeError(f"blob {sha} does not hash to its name")


async def backup(settings: Settings, out: Path, *, source: BlobBackend | None = None
                 ) -> BackupReport:
    """Write a backup of the installation `settings` describes into the empty folder `out`."""
    started = time.monotonic()
    out.mkdir(parents=True, exist_ok=True)
    if any(out.iterdir()):
        raise ValidationFailed(Msg("{out} is not empty.", out=out), param="out")
    url = settings.effective_database_url
    if settings.is_sqlite:
        kind = "sqlite"
        shas = await asyncio.to_thread(_sqlite_snapshot, _sqlite_path(url), out / "database.sqlite")
    else:
        kind = "postgresql"
        shas = await asyncio.to_thread(_pg_snapshot, url, out / "database.pgdump")
    blobs = source or open_backend(settings.effective_blob_url, database_url=url,
                                   spool_dir=settings.data_dir)
    target = LocalBlobBackend(out / "blobs")
    try:
        for sha, size in shas:
            await _copy(blobs, target, sha, size)
    finally:
        if source is None:
            await blobs.close()  # type: ignore[attr-defined]
    seconds = time.monotonic() - started
    if seconds > settings.blob_release_grace:
        raise RuntimeError("The backup took longer than the blob grace period; run it again.")
    report = BackupReport(kind, len(shas), sum(n for _, n in shas), seconds)
    (out / "manifest.json").write_text(json.dumps(
        {"format": FORMAT, "created_at": utcnow().isoformat(), **report.as_dict()}, indent=2))
    return report


def _pg_is_empty(url: str) -> bool:
    with psycopg.connect(_plain(url)) as conn:
        row = conn.execute(
            "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()").fetchone()
    return row is not None and row[0] == 0


async def restore(settings: Settings, source: Path) -> BackupReport:
    """Restore the backup in `source` into the empty installation `settings` describes."""
    started = time.monotonic()
    manifest = json.loads((source / "manifest.json").read_text())
    if manifest.get("format") != FORMAT:
        raise ValidationFailed("Unknown backup format.", param="source")
    url = settings.effective_database_url
    if manifest["database"] == "sqlite":
        if not settings.is_sqlite:
            raise ValidationFailed("A SQLite backup restores into a SQLite installation.")
        path = _sqlite_path(url)
        if path.exists() and path.stat().st_size > 0:
            raise ValidationFailed(Msg(
                "{path} exists: restore needs an empty installation.", path=path
            ))
        path.parent.mkdir(parents=True, exist_ok=True)
        await asyncio.to_thread(_sqlite_copy, source / "database.sqlite", path)
    else:
        if settings.is_sqlite:
            raise ValidationFailed("A PostgreSQL backup restores into PostgreSQL.")
        if not await asyncio.to_thread(_pg_is_empty, url):
            raise ValidationFailed("The target database has tables: restore needs it empty.")
        await asyncio.to_thread(subprocess.run, [
            pg_tool("pg_restore"), "--no-owner", "--exit-on-error", "-d", _plain(url),
            str(source / "database.pgdump")], check=True, capture_output=True)
    await upgrade_async(url)  # a backup from an older release gets this one's schema
    backup_blobs = LocalBlobBackend(source / "blobs")
    target = open_backend(settings.effective_blob_url, database_url=url,
                          spool_dir=settings.data_dir)
    count = size = 0
    try:
        async for sha, _ in backup_blobs.keys():
            length = backup_blobs.path(sha).stat().st_size
            await _copy(backup_blobs, target, sha, length)
            count += 1
            size += length
    finally:
        await target.close()  # type: ignore[attr-defined]
    return BackupReport(manifest["database"], count, size, time.monotonic() - started)


def _sqlite_copy(source: Path, target: Path) -> None:
    src = sqlite3.connect(source)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()
