"""Emit events into the outbox in the caller's transaction, with a per-organisation sequence.

`emit` only adds the row; the session's next flush (a query's autoflush, or the commit)
numbers every event emitted since the last one: per organisation one `UPDATE … RETURNING`
of the sequence row reserves the block, and the rows go in as one multi-row INSERT. A
transaction that emits a burst (an import, a bulk change, a batch of deliveries) therefore
costs two statements, not two per event. The sequence row's lock, taken in the transaction
and held to its commit, still orders concurrent writers of one organisation: sequence
order is commit order, and `after=<sequence>` readers never skip an event that commits
late. Code that needs an event's `sequence` before the commit flushes first.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import event as sa_event
from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Session

from api.kit.clock import utcnow
from api.kit.ids import new_id
from api.storage.models import Event, OrgSequence

PENDING = "mp_unnumbered_events"


def _reserve(session: Session, org_id: str, count: int) -> int:
    """Reserve `count` consecutive sequence numbers; returns the last of them."""
    value = session.execute(
        update(OrgSequence)
        .where(OrgSequence.org_id == org_id)
        .values(value=OrgSequence.value + count)
        .returning(OrgSequence.value)
    ).scalar_one_or_none()
    if value is None:
        session.add(OrgSequence(org_id=org_id, value=count))
        return count
    return int(value)


@sa_event.listens_for(Session, "before_flush")
def _number_events(session: Session, _context: Any, _instances: Any) -> None:
    pending: list[Event] | None = session.info.pop(PENDING, None)
    if not pending:
        return
    by_org: dict[str, list[Event]] = {}
    new = session.new  # a fresh set of every pending object at each access: once, not per event
    for ev in pending:
        if ev in new:  # not expunged since
            by_org.setdefault(ev.org_id, []).append(ev)
    for org_id, events in by_org.items():
        first = _reserve(session, org_id, len(events)) - len(events) + 1
        for n, ev in enumerate(events):
            ev.sequence = first + n


@sa_event.listens_for(Session, "after_soft_rollback")
def _forget_events(session: Session, _previous: Any) -> None:
    session.info.pop(PENDING, None)


async def next_sequence(session: AsyncSession, org_id: str, count: int = 1) -> int:
    """Reserve `count` consecutive sequence numbers now; returns the last of them."""
    return await session.run_sync(_reserve, org_id, count)


async def emit(session: AsyncSession, org_id: str, type_: str, data: dict[str, Any]) -> Event:
    """Append one event; numbered at the session's next flush, visible when the caller's
    transaction commits."""
    return (await emit_many(session, org_id, type_, [data]))[0]


async def emit_many(
    session: AsyncSession, org_id: str, type_: str, payloads: list[dict[str, Any]]
) -> list[Event]:
    """`emit` for many events of one type: they take consecutive numbers in order."""
    if not payloads:
        return []
    now = utcnow()
    events = [
        Event(id=new_id("evt"), org_id=org_id, type=type_, occurred_at=now, data=data)
        for data in payloads
    ]
    session.sync_session.info.setdefault(PENDING, []).extend(events)
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
