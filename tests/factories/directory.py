"""Factories for the directory: accounts through the API, departments, groups."""

from __future__ import annotations

from typing import Any

from tests.factories.platform import ADMIN_PASSWORD, OrgHandle

STRONG_PASSWORD = ADMIN_PASSWORD  # so user_tokens() can sign in as any account made here


async def create_account(org: OrgHandle, local: str, **fields: Any) -> dict[str, Any]:
    body = {"address": f"{local}@{org.domain}", "display_name": local.title(), "password": STRONG_PASSWORD,
            "must_change_password": False, **fields}
    resp = await org.client.post("/v1/accounts", json=body, headers=await org.headers())
    assert resp.status_code == 201, resp.text
    return dict(resp.json())


async def create_department(org: OrgHandle, name: str, parent_id: str | None = None, **fields: Any) -> dict[str, Any]:
    body: dict[str, Any] = {"name": name, **fields}
    if parent_id:
        body["parent_id"] = parent_id
    resp = await org.client.post("/v1/departments", json=body, headers=await org.headers())
    assert resp.status_code == 201, resp.text
    return dict(resp.json())


async def create_group(org: OrgHandle, local: str, **fields: Any) -> dict[str, Any]:
    body = {"address": f"{local}@{org.domain}", "name": local.title(), **fields}
    resp = await org.client.post("/v1/groups", json=body, headers=await org.headers())
    assert resp.status_code == 201, resp.text
    return dict(resp.json())


async def add_domain(org: OrgHandle, name: str, *, alias_of_primary: bool = False) -> str:
    """A second domain of the organisation (an alias domain of its primary when asked)."""
    from api.kit.ids import new_id
    from api.storage.models import Domain

    async with org.runtime.db.session() as session:
        dom = Domain(id=new_id("dom"), org_id=org.id, name=name)
        if alias_of_primary:
            dom.kind = "alias"
            dom.alias_of = org.made.domain.id
        session.add(dom)
    return dom.id


async def event_types(org: OrgHandle) -> list[str]:
    from sqlalchemy import select

    from api.storage.models import Event

    async with org.runtime.db.session(write=False) as session:
        rows = await session.execute(select(Event.type).where(Event.org_id == org.id).order_by(Event.sequence))
        return list(rows.scalars().all())


async def audit_actions(org: OrgHandle) -> list[str]:
    from sqlalchemy import select

    from api.storage.models import AuditEntry

    async with org.runtime.db.session(write=False) as session:
        rows = await session.execute(
            select(AuditEntry.action).where(AuditEntry.org_id == org.id).order_by(AuditEntry.occurred_at)
        )
        return list(rows.scalars().all())
