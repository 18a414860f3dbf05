"""Move every blob the database references from one backend to another while the service
runs: resumable (what the target holds already is skipped, or checked with `verify`), and
every copy verified by its SHA-256 as it is written.

The online procedure (docs/scaling.md): copy with the service on the old backend; switch
the service to `MAILPLANE_BLOB_URL=<new>` with `MAILPLANE_BLOB_FALLBACK_URL=<old>` (reads of
blobs written meanwhile fall back); copy again to pick those up; drop the fallback.
"""

from __future__ import annotations

import hashlib
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field

from sqlalchemy import select

from api.errors import NotFound
from api.storage.blobs import BlobBackend
from api.storage.db import Database
from api.storage.models import BlobRecord

PAGE = 500


@dataclass
class MoveReport:
    copied: int = 0
    present: int = 0
    repaired: int = 0
    bytes_copied: int = 0
    missing: list[str] = field(default_factory=list)
    corrupt: list[str] = field(default_factory=list)
    last: str = ""

    def as_dict(self) -> dict[str, object]:
        return {"copied": self.copied, "present": self.present, "repaired": self.repaired,
                "bytes_copied": self.bytes_copied, "missing": self.missing,
                "corrupt": self.corrupt, "last": self.last}


async def _digest(backend: BlobBackend, sha: str) -> tuple[str, int]:
    h = hashlib.sha256()
    size = 0
    async for chunk in backend.open_range(sha):
        h.update(chunk)
        size += len(chunk)
    return h.hexdigest(), size


async def _referenced(db: Database, after: str) -> AsyncIterator[tuple[str, int]]:
    while True:
        async with db.session(write=False) as session:
            rows = (await session.execute(
                select(BlobRecord.sha256, BlobRecord.size)
                .where(BlobRecord.sha256 > after).order_by(BlobRecord.sha256).limit(PAGE)
            )).all()
        if not rows:
            return
        for sha, size in rows:
            yield str(sha), int(size)
        after = str(rows[-1][0])


async def move_blobs(
    db: Database,
    source: BlobBackend,
    target: BlobBackend,
    *,
    verify: bool = False,
    after: str = "",
    progress: Callable[[MoveReport], None] | None = None,
) -> MoveReport:
    """Copy every referenced blob (name order, from after `after`) into `target`."""
    report = MoveReport(last=after)
    async for sha, size in _referenced(db, after):
        if await target.exists(sha):
            if not verify:
                report.present += 1
                report.last = sha
                continue
            if await _digest(target, sha) == (sha, size):
                report.present += 1
                report.last = sha
                continue
            await target.remove(sha)  # wrong bytes under this name: copy it again
            report.repaired += 1
        try:
            if not await source.exists(sha):
                raise NotFound("Blob not found.")
            ref = await target.write(source.open_range(sha), None)
        except NotFound:
            report.missing.append(sha)
            report.last = sha
            continue
        if (ref.sha256, ref.size) != (sha, size):
            # the source holds other bytes under this name; what was written is named by
            # its own hash, so nothing of the target is damaged
            report.corrupt.append(sha)
        else:
            report.copied += 1
            report.bytes_copied += size
        report.last = sha
        if progress is not None:
            progress(report)
    return report
