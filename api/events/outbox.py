"""Emit events into the outbox in the caller's transaction, with a per-organisation sequence.

The sequence row is updated first (`UPDATE … RETURNING`), so its row lock orders concurrent
writers of one organisation: sequence order is commit order, and `after=<sequence>` readers
never skip an event that commits late.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from api.kit.clock import utcnow
from api.kit.ids import new_id
from api.storage.models import Event, OrgSequence


async def next_sequence(session: AsyncSession, org_id: str, count: int = 1) -> int:
    """Reserve `count` consecutive sequence numbers; returns the last of them."""
    result = await session.execute(
        update(OrgSequence)
        .where(OrgSequence.org_id == org_id)
        .values(value=OrgSequence.value + count)
        .returning(OrgSequence.value)
    )
    value = result.scalar_one_or_none()
    if value is None:
        session.add(OrgSequence(org_id=org_id, value=count))
        await session.flush()
        return count
    return int(value)


async def emit(session: AsyncSession, org_id: str, type_: str, data: dict[str, Any]) -> Event:
    """Append one event; it becomes visible when the caller's transaction commits."""
    return (await emit_many(session, org_id, type_, [data]))[0]


async def emit_many(
    session: AsyncSession, org_id: str, type_: str, payloads: list[dict[str, Any]]
) -> list[Event]:
    """`emit` for many events of one type: the sequence moves once by their number (the same
    row lock orders concurrent writers) and they take consecutive numbers in order."""
    if not payloads:
        return []
    first = await next_sequence(session, org_id, len(payloads)) - len(payloads) + 1
    now = utcnow()
    events = [
        Event(id=new_id("evt"), org_id=org_id, sequence=first + n, type=type_,
              occurred_at=now, data=data)
        for n, data in enumerate(payloads)
    ]
    session.add_all(events)
    return events


async def list_events(
    session: AsyncSession, org_id: str, *, after: int = 0, types: list[str] | None = None,
    limit: int = 100,
) -> list[Event]:
    stmt = select(Event).where(Event.org_id == org_id, Event.sequence > after)
    if types:
        stmt = stmt.where(Event.type.in_(types))
    stmt = stmt.order_by(Event.sequence).limit(limit)
    return list((await session.execute(stmt)).scalars().all())
