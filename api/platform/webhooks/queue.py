"""The delivery queue's queries: fan-out of new events into deliveries, claiming due
deliveries under a lease (`FOR UPDATE SKIP LOCKED` on PostgreSQL), and recording attempts.

A claim bumps `attempts`; recording a result only touches the delivery when the lease is
still ours (`locked_by` and `attempts` unchanged), so a worker that lost its lease can never
overwrite the outcome of the worker that took over.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import and_, bindparam, func, or_, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from api.storage.models import (
    AccountDepartment,
    App,
    Department,
    Event,
    OrgSequence,
    WebhookAttempt,
    WebhookDelivery,
    WebhookEndpoint,
    WebhookSecret,
)

D = WebhookDelivery
E = WebhookEndpoint


@dataclass
class Claimed:
    id: str
    org_id: str
    endpoint_id: str
    event_id: str
    event_sequence: int
    attempt: int
    retry_step: int


def _is_pg(session: AsyncSession) -> bool:
    return session.bind.dialect.name == "postgresql"


# -- fan-out -------------------------------------------------------------------------------


async def endpoints_behind(session: AsyncSession, limit: int) -> list[tuple[WebhookEndpoint, int]]:
    """Enabled endpoints whose cursor is behind their organisation's newest event (locked)."""
    stmt = (
        select(E, OrgSequence.value)
        .join(OrgSequence, OrgSequence.org_id == E.org_id)
        .where(E.status == "enabled", E.cursor < OrgSequence.value)
        .order_by(E.org_id, E.id)
        .limit(limit)
    )
    if _is_pg(session):
        stmt = stmt.with_for_update(skip_locked=True, of=E)
    return [(ep, int(head)) for ep, head in (await session.execute(stmt)).all()]


async def events_between(
    session: AsyncSession, org_id: str, after: int, upto: int, limit: int
) -> list[Event]:
    stmt = (
        select(Event)
        .where(Event.org_id == org_id, Event.sequence > after, Event.sequence <= upto)
        .order_by(Event.sequence)
        .limit(limit)
    )
    return list((await session.execute(stmt)).scalars().all())


async def app_scopes(session: AsyncSession, app_ids: Iterable[str]) -> dict[str, frozenset[str]]:
    """Current scopes of live apps (a disabled or deleted app maps to nothing)."""
    ids = sorted(set(app_ids))
    if not ids:
        return {}
    rows = await session.execute(select(App.id, App.scopes, App.disabled).where(App.id.in_(ids)))
    return {i: frozenset(s) for i, s, disabled in rows.all() if not disabled}


async def department_closure(session: AsyncSession, org_id: str, roots: Iterable[str]) -> set[str]:
    """The departments `roots` and every department below them."""
    rows = await session.execute(
        select(Department.id, Department.parent_id).where(Department.org_id == org_id)
    )
    children: dict[str | None, list[str]] = {}
    for dep_id, parent in rows.all():
        children.setdefault(parent, []).append(dep_id)
    out: set[str] = set()
    todo = list(roots)
    while todo:
        dep = todo.pop()
        if dep in out:
            continue
        out.add(dep)
        todo.extend(children.get(dep, []))
    return out


async def members_of(session: AsyncSession, org_id: str, departments: set[str]) -> set[str]:
    if not departments:
        return set()
    rows = await session.execute(
        select(AccountDepartment.account_id).where(
            AccountDepartment.org_id == org_id,
            AccountDepartment.department_id.in_(sorted(departments)),
        )
    )
    return set(rows.scalars().all())


async def insert_deliveries(session: AsyncSession, rows: list[dict[str, Any]]) -> None:
    if not rows:
        return
    table = D.__table__
    ins = pg_insert(table) if _is_pg(session) else sqlite_insert(table)
    for start in range(0, len(rows), 1000):
        await session.execute(
            ins.on_conflict_do_nothing(index_elements=["endpoint_id", "event_id"]),
            rows[start : start + 1000],
        )


async def advance_cursors(session: AsyncSession, cursors: dict[str, int]) -> None:
    if not cursors:
        return
    table = E.__table__
    await session.execute(
        update(table).where(table.c.id == bindparam("b_id")).values(cursor=bindparam("b_cursor")),
        [{"b_id": k, "b_cursor": v} for k, v in sorted(cursors.items())],
    )


# -- claiming ------------------------------------------------------------------------------


def _due(now: datetime) -> Any:
    return and_(
        D.status == "pending",
        D.next_attempt_at <= now,
        or_(D.lease_until.is_(None), D.lease_until < now),
    )


async def claim(
    session: AsyncSession, *, now: datetime, lease_until: datetime, worker: str, limit: int
) -> list[Claimed]:
    """Lease up to `limit` due deliveries: any of unordered endpoints, and for each ordered
    endpoint only its oldest pending delivery."""
    pg = _is_pg(session)
    unordered = select(E.id).where(E.status == "enabled", E.ordered.is_(False))
    stmt = (
        select(D.id)
        .where(_due(now), D.endpoint_id.in_(unordered))
        .order_by(D.next_attempt_at)
        .limit(limit)
    )
    if pg:
        stmt = stmt.with_for_update(skip_locked=True)
    ids = list((await session.execute(stmt)).scalars().all())
    if len(ids) < limit:
        d2 = aliased(D)
        oldest = (
            select(func.min(d2.event_sequence))
            .where(d2.endpoint_id == D.endpoint_id, d2.status == "pending")
            .scalar_subquery()
        )
        ordered = select(E.id).where(E.status == "enabled", E.ordered.is_(True))
        stmt2 = (
            select(D.id)
            .where(_due(now), D.endpoint_id.in_(ordered), D.event_sequence == oldest)
            .limit(limit - len(ids))
        )
        if pg:
            stmt2 = stmt2.with_for_update(skip_locked=True)
        ids += list((await session.execute(stmt2)).scalars().all())
    if not ids:
        return []
    result = await session.execute(
        update(D.__table__)
        .where(D.__table__.c.id.in_(ids))
        .values(lease_until=lease_until, locked_by=worker, attempts=D.__table__.c.attempts + 1)
        .returning(
            D.__table__.c.id,
            D.__table__.c.org_id,
            D.__table__.c.endpoint_id,
            D.__table__.c.event_id,
            D.__table__.c.event_sequence,
            D.__table__.c.attempts,
            D.__table__.c.retry_step,
        )
    )
    return [Claimed(*row) for row in result.all()]


async def events_by_id(session: AsyncSession, ids: Iterable[str]) -> dict[str, Event]:
    wanted = sorted(set(ids))
    if not wanted:
        return {}
    rows = await session.execute(select(Event).where(Event.id.in_(wanted)))
    return {e.id: e for e in rows.scalars().all()}


async def endpoints_by_id(session: AsyncSession, ids: Iterable[str]) -> dict[str, WebhookEndpoint]:
    wanted = sorted(set(ids))
    if not wanted:
        return {}
    rows = await session.execute(select(E).where(E.id.in_(wanted)))
    return {e.id: e for e in rows.scalars().all()}


async def live_secrets(
    session: AsyncSession, endpoint_ids: Iterable[str], now: datetime
) -> list[WebhookSecret]:
    wanted = sorted(set(endpoint_ids))
    if not wanted:
        return []
    rows = await session.execute(
        select(WebhookSecret)
        .where(
            WebhookSecret.endpoint_id.in_(wanted),
            or_(WebhookSecret.expires_at.is_(None), WebhookSecret.expires_at > now),
        )
        .order_by(WebhookSecret.created_at.desc())
    )
    return list(rows.scalars().all())


# -- recording -----------------------------------------------------------------------------


async def record(
    session: AsyncSession, attempts: list[dict[str, Any]], updates: list[dict[str, Any]]
) -> None:
    """Insert attempt rows; apply delivery outcomes where the lease is still ours."""
    if attempts:
        await session.execute(WebhookAttempt.__table__.insert(), attempts)
    if updates:
        t = D.__table__
        await session.execute(
            update(t)
            .where(
                t.c.id == bindparam("b_id"),
                t.c.locked_by == bindparam("b_worker"),
                t.c.attempts == bindparam("b_attempt"),
            )
            .values(
                status=bindparam("b_status"),
                retry_step=bindparam("b_step"),
                next_attempt_at=bindparam("b_next"),
                lease_until=None,
                locked_by=None,
                last_status_code=bindparam("b_code"),
                last_error=bindparam("b_error"),
                last_attempt_at=bindparam("b_at"),
                finished_at=bindparam("b_finished"),
            ),
            updates,
        )


async def clear_failing(session: AsyncSession, endpoint_ids: Sequence[str]) -> None:
    if endpoint_ids:
        await session.execute(
            update(E.__table__)
            .where(
                E.__table__.c.id.in_(sorted(endpoint_ids)), E.__table__.c.failing_since.is_not(None)
            )
            .values(failing_since=None)
        )


async def mark_failing(session: AsyncSession, endpoint_ids: Sequence[str], now: datetime) -> None:
    if endpoint_ids:
        await session.execute(
            update(E.__table__)
            .where(
                E.__table__.c.id.in_(sorted(endpoint_ids)), E.__table__.c.failing_since.is_(None)
            )
            .values(failing_since=now)
        )


async def failing_before(
    session: AsyncSession, endpoint_ids: Sequence[str], cutoff: datetime
) -> list[WebhookEndpoint]:
    if not endpoint_ids:
        return []
    rows = await session.execute(
        select(E).where(
            E.id.in_(sorted(endpoint_ids)),
            E.status == "enabled",
            E.failing_since.is_not(None),
            E.failing_since <= cutoff,
        )
    )
    return list(rows.scalars().all())
