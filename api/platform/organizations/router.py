"""REST endpoints `/v1/organizations` (platform operators only)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, status

from api.deps import ClientIp, DbSession, DirectoryWrite
from api.kit.pagination import Page, PageParams, page_params
from api.platform.organizations import service
from schemas.platform import Organization, OrganizationCreate, OrganizationCreated

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
