"""A short-lived, per-process copy of what scoring needs from an organisation's settings:
its allow/block entries, its domains and its learned totals. SMTP classifies every inbound
message, and these rarely change, so they are read at most once per SNAPSHOT_TTL seconds
per organisation instead of three queries per message.

Changes made in this process take effect at once (`forget`); other processes see them
within SNAPSHOT_TTL seconds.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from api.storage.models import Domain, SpamListEntry, SpamToken
from api.storage.models.spam import TOTALS_TOKEN

SNAPSHOT_TTL = 10.0
MAX_ORGS = 10_000


@dataclass
class OrgSnapshot:
    entries: list[tuple[str, str, str]] = field(default_factory=list)  # (id, kind, value)
    domains: frozenset[str] = frozenset()
    spam_messages: int = 0
    ham_messages: int = 0
    fetched_at: float = 0.0

    @property
    def learned(self) -> bool:
        return self.spam_messages > 0 or self.ham_messages > 0


_cache: OrderedDict[str, OrgSnapshot] = OrderedDict()


def forget(org_id: str) -> None:
    _cache.pop(org_id, None)


async def _load(session: AsyncSession, org_id: str) -> OrgSnapshot:
    entries = await session.execute(
        select(SpamListEntry.id, SpamListEntry.kind, SpamListEntry.value)
        .where(SpamListEntry.org_id == org_id)
    )
    domains = await session.execute(select(Domain.name).where(Domain.org_id == org_id))
    totals = (await session.execute(
        select(SpamToken.spam, SpamToken.ham).where(SpamToken.org_id == org_id,
                                                    SpamToken.token == TOTALS_TOKEN)
    )).first()
    return OrgSnapshot(
        entries=[(i, k, v) for i, k, v in entries],
        domains=frozenset(str(d).lower() for d in domains.scalars()),
        spam_messages=int(totals[0]) if totals else 0,
        ham_messages=int(totals[1]) if totals else 0,
        fetched_at=time.monotonic(),
    )


async def snapshot(session: AsyncSession, org_id: str) -> OrgSnapshot:
    found = _cache.get(org_id)
    if found is not None and time.monotonic() - found.fetched_at < SNAPSHOT_TTL:
        _cache.move_to_end(org_id)
        return found
    fresh = await _load(session, org_id)
    _cache[org_id] = fresh
    _cache.move_to_end(org_id)
    while len(_cache) > MAX_ORGS:
        _cache.popitem(last=False)
    return fresh
