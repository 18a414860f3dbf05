"""Audit entry queries, always scoped to one organisation."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from api.kit.pagination import PageParams, paginate
from api.storage.models import AuditEntry


async def page(
    session: AsyncSession,
    org_id: str,
    params: PageParams,
    *,
    action: str | None,
    categories: list[str] | None,
    actor_id: str | None,
    app_id: str | None,
    target_id: str | None,
    since: datetime | None,
    until: datetime | None,
) -> tuple[list[AuditEntry], str | None]:
    stmt = select(AuditEntry).where(AuditEntry.org_id == org_id)
    if action:
        if action.endswith("*"):
            stmt = stmt.where(AuditEntry.action.startswith(action[:-1]))
        else:
            stmt = stmt.where(AuditEntry.action == action)
    if categories is not None:
        stmt = stmt.where(AuditEntry.category.in_(categories))
    if actor_id:
        stmt = stmt.where(AuditEntry.actor_id == actor_id)
    if app_id:
        stmt = stmt.where(AuditEntry.app_id == app_id)
    if target_id:
        stmt = stmt.where(AuditEntry.target_id == target_id)
    if since:
        stmt = stmt.where(AuditEntry.occurred_at >= since)
    if until:
        stmt = stmt.where(AuditEntry.occurred_at < until)
    return await paginate(session, stmt, params, [AuditEntry.id], descending=True)
