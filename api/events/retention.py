"""Event retention: the log keeps `event_retention_days` (default 30) and the purge job
deletes older events as a prefix of each organisation's sequence, so "everything up to
sequence N is gone" is exact and states older than that get 410 `resync_required`."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from api.errors import ResyncRequired
from api.events import repository
from api.i18n import Msg, _
from api.kit.clock import utcnow
from api.storage.db import Database


async def purged_through(session: AsyncSession, org_id: str) -> int:
    """The highest sequence no longer in the log (0 when nothing was ever purged)."""
    first = await repository.first_sequence(session, org_id)
    if first is not None:
        return first - 1
    return await repository.head(session, org_id)


async def check_resumable(
    session: AsyncSession, org_id: str, after: int, *, what: Msg, param: str
) -> None:
    """410 `resync_required` (on query parameter `param`) when events after `after` have
    been purged."""
    gone = await purged_through(session, org_id)
    if after < gone:
        raise ResyncRequired(
            _(
                "Events up to sequence {gone} are past retention; this {what} is too old. Read the "
                "current state again, then continue from the newest sequence.", gone=gone, what=what
            ),
            param=param,
            extra={"purged_through": gone},
        )


async def purge(
    db: Database, *, retention_days: int, now: datetime | None = None, batch: int = 5000
) -> int:
    """Delete events older than the retention period; return how many went."""
    cutoff = (now or utcnow()) - timedelta(days=retention_days)
    async with db.session(write=False) as session:
        heads = await repository.expired_heads(session, cutoff)
    total = 0
    for org_id, sequence in heads:
        while True:
            async with db.session() as session:
                n = await repository.delete_through(session, org_id, sequence, batch)
            total += n
            if n < batch:
                break
    return total
