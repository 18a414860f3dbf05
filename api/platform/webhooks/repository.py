"""Webhook endpoint, secret, delivery and attempt queries for the API, scoped to one
organisation. (The dispatcher's queue queries live in `queue.py`.)"""

from __future__ import annotations

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from api.kit.pagination import PageParams, paginate
from api.storage.models import (
    Department,
    Event,
    WebhookAttempt,
    WebhookDelivery,
    WebhookEndpoint,
    WebhookSecret,
)
from api.storage.tenancy import scoped


async def get(session: AsyncSession, org_id: str, endpoint_id: str) -> WebhookEndpoint | None:
    return await session.scalar(
        select(WebhookEndpoint).where(
            WebhookEndpoint.id == endpoint_id, WebhookEndpoint.org_id == org_id
        )
    )


async def page(
    session: AsyncSession, org_id: str, params: PageParams, *, app_id: str | None
) -> tuple[list[WebhookEndpoint], str | None]:
    stmt = scoped(WebhookEndpoint, org_id)
    if app_id:
        stmt = stmt.where(WebhookEndpoint.app_id == app_id)
    return await paginate(session, stmt, params, [WebhookEndpoint.id])


async def secrets_of(session: AsyncSession, org_id: str, endpoint_id: str) -> list[WebhookSecret]:
    stmt = (
        scoped(WebhookSecret, org_id)
        .where(WebhookSecret.endpoint_id == endpoint_id)
        .order_by(WebhookSecret.created_at)
    )
    return list((await session.execute(stmt)).scalars().all())


async def delete_endpoint_rows(session: AsyncSession, org_id: str, endpoint_id: str) -> None:
    for model in (WebhookSecret, WebhookDelivery, WebhookAttempt):
        await session.execute(
            delete(model).where(model.org_id == org_id, model.endpoint_id == endpoint_id)
        )


async def known_departments(session: AsyncSession, org_id: str, ids: list[str]) -> set[str]:
    if not ids:
        return set()
    rows = await session.execute(
        select(Department.id).where(Department.org_id == org_id, Department.id.in_(ids))
    )
    return set(rows.scalars().all())


async def event(session: AsyncSession, org_id: str, event_id: str) -> Event | None:
    return await session.scalar(select(Event).where(Event.id == event_id, Event.org_id == org_id))


async def events_in_range(session: AsyncSession, org_id: str, first: int, last: int) -> list[Event]:
    stmt = (
        scoped(Event, org_id)
        .where(Event.sequence >= first, Event.sequence <= last)
        .order_by(Event.sequence)
    )
    return list((await session.execute(stmt)).scalars().all())


async def deliveries_for(
    session: AsyncSession, org_id: str, endpoint_id: str, event_ids: list[str]
) -> dict[str, WebhookDelivery]:
    out: dict[str, WebhookDelivery] = {}
    for start in range(0, len(event_ids), 500):
        chunk = event_ids[start : start + 500]
        rows = await session.execute(
            scoped(WebhookDelivery, org_id).where(
                WebhookDelivery.endpoint_id == endpoint_id,
                WebhookDelivery.event_id.in_(chunk),
            )
        )
        out.update({d.event_id: d for d in rows.scalars().all()})
    return out


async def delivery_page(
    session: AsyncSession,
    org_id: str,
    endpoint_id: str,
    params: PageParams,
    *,
    status: str | None,
) -> tuple[list[WebhookDelivery], str | None]:
    stmt = scoped(WebhookDelivery, org_id).where(
        WebhookDelivery.endpoint_id == endpoint_id
    )
    if status:
        stmt = stmt.where(WebhookDelivery.status == status)
    return await paginate(session, stmt, params, [WebhookDelivery.id], descending=True)


async def attempt_page(
    session: AsyncSession,
    org_id: str,
    params: PageParams,
    *,
    endpoint_id: str | None = None,
    event_id: str | None = None,
    outcome: str | None = None,
) -> tuple[list[WebhookAttempt], str | None]:
    stmt = scoped(WebhookAttempt, org_id)
    if endpoint_id:
        stmt = stmt.where(WebhookAttempt.endpoint_id == endpoint_id)
    if event_id:
        stmt = stmt.where(WebhookAttempt.event_id == event_id)
    if outcome:
        stmt = stmt.where(WebhookAttempt.outcome == outcome)
    return await paginate(session, stmt, params, [WebhookAttempt.id], descending=True)
