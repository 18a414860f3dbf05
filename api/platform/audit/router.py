"""REST endpoint `/v1/audit/entries`."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query

from api.deps import AuditRead, DbSession
from api.identity.audit import list_entries
from api.kit.pagination import Page, PageParams, page_params
from schemas.platform import AuditEntry

router = APIRouter(prefix="/v1/audit", tags=["audit"])


@router.get("/entries", response_model=Page[AuditEntry])
async def list_audit_entries(
    principal: AuditRead,
    session: DbSession,
    page: Annotated[PageParams, Depends(page_params)],
    action: Annotated[
        str | None, Query(max_length=80, description="Exact action, or a prefix ending in `*`.")
    ] = None,
    category: Annotated[
        list[Literal["admin", "security", "data_access", "auth", "token", "all"]] | None,
        Query(description=(
            "Only these categories (repeat the parameter). Default: `admin`, `security` and"
            " `data_access`, or every category when `action` is given; `all` shows every one."
        )),
    ] = None,
    actor_id: Annotated[str | None, Query(max_length=40)] = None,
    app_id: Annotated[str | None, Query(max_length=40)] = None,
    target_id: Annotated[str | None, Query(max_length=80)] = None,
    since: datetime | None = None,
    until: datetime | None = None,
) -> Page[AuditEntry]:
    """The organisation's audit log, newest first. Each entry has a `category`: `admin`
    (configuration and directory changes), `security` (passwords, secrets, keys),
    `data_access` (acting on a person's data), `auth` (sign-ins, consent) and `token` (OAuth
    tokens). The default view shows the administrative ones: `admin`, `security` and
    `data_access`; ask for `category=auth`, `category=token` or `category=all` for the rest."""
    rows, cursor = await list_entries(
        session, principal.org_id, page, action=action, categories=list(category or []),
        actor_id=actor_id, app_id=app_id, target_id=target_id, since=since, until=until,
    )
    return Page[AuditEntry](data=[AuditEntry.model_validate(r) for r in rows], next_cursor=cursor)
