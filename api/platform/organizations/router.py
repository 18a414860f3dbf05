"""REST endpoints `/v1/organizations` (platform operators only)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, status

from api.deps import ClientIp, DbSession, DirectoryAdminRead, DirectoryRead, DirectoryWrite
from api.kit.pagination import Page, PageParams, page_params
from api.platform.organizations import service, settings, stats
from schemas.platform import (
    Organization,
    OrganizationCreate,
    OrganizationCreated,
    OrganizationSettings,
    OrganizationSettingsUpdate,
    OrganizationStats,
)

router = APIRouter(prefix="/v1/organizations", tags=["organizations"])


@router.get("", response_model=Page[Organization])
async def list_organizations(
    principal: DirectoryWrite, session: DbSession, page: Annotated[PageParams, Depends(page_params)]
) -> Page[Organization]:
    """Every organisation on this installation (platform operators only)."""
    rows, cursor = await service.list_organizations(session, principal, page)
    return Page[Organization](data=[Organization.model_validate(r) for r in rows], next_cursor=cursor)


@router.post("", status_code=status.HTTP_201_CREATED, response_model=OrganizationCreated)
async def create_organization(
    body: OrganizationCreate, principal: DirectoryWrite, session: DbSession, ip: ClientIp
) -> OrganizationCreated:
    """Provision a new organisation with its first domain, administrator (one-time password,
    must change at first sign-in) and an admin app (secret shown once). Operators only."""
    made = await service.provision(session, principal, body, ip)
    return OrganizationCreated(
        id=made.org.id, name=made.org.name, created_at=made.org.created_at, domain=made.domain.name,
        admin_address=made.admin.address, admin_password=made.admin_password,
        client_id=made.app.id, client_secret=made.client_secret,
    )


own_router = APIRouter(prefix="/v1/organization", tags=["organizations"])


@own_router.get("", response_model=OrganizationSettings)
async def get_organization_settings(
    principal: DirectoryRead, session: DbSession
) -> OrganizationSettings:
    """The caller's organisation: its default `locale` and `time_zone` (used for people who
    chose none) and `migration_private_networks`. Scope `directory:read`."""
    return await settings.get_settings(session, principal.org_id)


@own_router.patch("", response_model=OrganizationSettings)
async def update_organization_settings(
    body: OrganizationSettingsUpdate, principal: DirectoryWrite, session: DbSession, ip: ClientIp
) -> OrganizationSettings:
    """Change the organisation's settings (JSON merge patch; administrators, scope
    `directory:write`). `migration_private_networks` lists the private networks (CIDRs
    inside 10/8, 172.16/12, 192.168/16, 100.64/10, 198.18/15, 127/8, fc00::/7, ::1) that
    mailbox migration sources may be in, e.g. the company's old intranet mail server;
    every other non-public address stays refused. Each change is audited."""
    return await settings.update_settings(session, principal, body, ip=ip)


@own_router.get("/stats", response_model=OrganizationStats)
async def get_organization_stats(
    principal: DirectoryAdminRead, session: DbSession
) -> OrganizationStats:
    """Totals for the admin console's overview: accounts by state, mailbox storage and
    quota use (accounts at 90 % or more of their quota), domains by DNS state, and the
    mail received, sent and bounced in the last 24 hours (counted in the event log).
    Administrators only (scope `directory:read`)."""
    return await stats.organization_stats(session, principal.org_id)
