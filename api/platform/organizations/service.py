"""Operator actions across tenants: list and provision organisations."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from api.bootstrap import Bootstrapped, create_organization
from api.errors import Forbidden
from api.identity.audit import record
from api.identity.principal import Principal
from api.kit.pagination import PageParams, paginate
from api.storage.models import Organization
from schemas.platform import OrganizationCreate


def require_operator(principal: Principal) -> None:
    """Only a platform operator (an account with the operator role, signed in through an
    app) acts across organisations; an app's own credentials never can."""
    if principal.kind != "app_user" or principal.role != "operator":
        raise Forbidden("Only platform operators may manage organisations.")


async def list_organizations(
    session: AsyncSession, principal: Principal, params: PageParams
) -> tuple[list[Organization], str | None]:
    require_operator(principal)
    return await paginate(session, select(Organization), params, [Organization.id])


async def provision(
    session: AsyncSession, principal: Principal, data: OrganizationCreate, ip: str | None
) -> Bootstrapped:
    require_operator(principal)
    made = await create_organization(session, name=data.name, domain=data.domain, admin=data.admin)
    for org_id in (principal.org_id, made.org.id):
        await record(session, org_id=org_id, action="organization.provisioned", actor=principal, ip=ip,
                     target_type="organization", target_id=made.org.id, details={"domain": made.domain.name})
    return made
