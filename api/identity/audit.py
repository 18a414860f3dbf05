"""Write and read audit entries; writes join the caller's transaction."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from api.identity import audit_repository as repository
from api.identity.audit_categories import DEFAULT_VIEW, category_of
from api.identity.principal import Principal
from api.kit.clock import utcnow
from api.kit.ids import new_id
from api.kit.pagination import PageParams
from api.storage.models import AuditEntry


async def record(
    session: AsyncSession,
    *,
    org_id: str,
    action: str,
    actor: Principal | None = None,
    actor_type: str | None = None,
    actor_id: str | None = None,
    app_id: str | None = None,
    ip: str | None = None,
    target_type: str | None = None,
    target_id: str | None = None,
    result: str = "success",
    details: dict[str, Any] | None = None,
) -> AuditEntry:
    if actor is not None:
        actor_type = actor_type or actor.actor_type
        actor_id = actor_id or actor.actor_id
        app_id = app_id or actor.app_id
    entry = AuditEntry(
        id=new_id("aud"),
        org_id=org_id,
        occurred_at=utcnow(),
        actor_type=actor_type or "system",
        actor_id=actor_id,
        app_id=app_id,
        ip=ip,
        action=action,
        category=category_of(action),
        target_type=target_type,
        target_id=target_id,
        result=result,
        details=details or {},
    )
    session.add(entry)
    return entry


async def list_entries(
    session: AsyncSession,
    org_id: str,
    params: PageParams,
    *,
    action: str | None = None,
    categories: list[str] | None = None,
    actor_id: str | None = None,
    app_id: str | None = None,
    target_id: str | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
) -> tuple[list[AuditEntry], str | None]:
    """Newest first. Without `categories` (and without an `action`, which names its own) the
    administrative view: configuration, security and data-access entries, not sign-ins and
    tokens. `["all"]` is every category."""
    if not categories:
        wanted: list[str] | None = None if action else list(DEFAULT_VIEW)
    elif "all" in categories:
        wanted = None
    else:
        wanted = categories
    return await repository.page(
        session, org_id, params, action=action, categories=wanted, actor_id=actor_id, app_id=app_id,
        target_id=target_id, since=since, until=until,
    )
