"""The live event stream behind SSE, WebSocket and GraphQL subscriptions: read what is
committed after a position, then wait for the next commit (woken in-process, polled across
processes), with heartbeats while nothing happens."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

from api.events import repository
from api.events.service import Audience, read
from api.storage import notify
from api.storage.db import Database
from api.storage.models import Event

BATCH = 200


async def start_position(db: Database, audience: Audience, after: int | None) -> int:
    """Where a new stream starts: `after` when given (410 if purged), else the newest event."""
    async with db.session(write=False) as session:
        if after is None:
            return await repository.head(session, audience.org_id)
        await read(session, audience, [], after, 1)  # raises ResyncRequired when too old
        return after


async def follow(
    db: Database,
    audience: Audience,
    patterns: list[str],
    after: int,
    *,
    heartbeat: float,
    poll: float,
) -> AsyncIterator[Event | None]:
    """Yield visible events after `after` forever; `None` is a heartbeat."""
    token = notify.listen(audience.org_id)
    loop = asyncio.get_running_loop()
    last_sent = loop.time()
    try:
        while True:
            token[1].clear()
            async with db.session(write=False) as session:
                top = await repository.head(session, audience.org_id)
                rows = await repository.after(
                    session,
                    audience.org_id,
                    after,
                    where=audience.clauses(patterns),
                    limit=BATCH,
                    upto=top,
                )
            for event in rows:
                yield event
                last_sent = loop.time()
            # Sequences up to `top` have all committed: skip past invisible ones too.
            after = rows[-1].sequence if len(rows) == BATCH else max(after, top)
            if len(rows) == BATCH:
                continue
            wait = min(poll, max(0.0, heartbeat - (loop.time() - last_sent)))
            try:
                await asyncio.wait_for(token[1].wait(), timeout=wait)
            except TimeoutError:
                pass
            if loop.time() - last_sent >= heartbeat:
                yield None
                last_sent = loop.time()
    finally:
        notify.unlisten(audience.org_id, token)


def event_json(event: Event) -> dict[str, object]:
    return {
        "id": event.id,
        "type": event.type,
        "occurred_at": event.occurred_at.isoformat(),
        "org_id": event.org_id,
        "sequence": event.sequence,
        "data": event.data,
    }
