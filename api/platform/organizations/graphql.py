"""GraphQL for platform operators: list and provision organisations."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import strawberry
from pydantic import ValidationError
from strawberry.types import Info

from api.directory import set_fields
from api.errors import ValidationFailed
from api.graphql_kit import (
    Context,
    as_graphql_error,
    checked_page,
    require,
    unit_of_work,
    validated,
)
from api.platform.organizations import service, settings, stats
from schemas.platform import OrganizationCreate, OrganizationSettingsUpdate


@strawberry.type
class OrganizationType:
    id: str
    name: str
    created_at: datetime


@strawberry.type
class OrganizationPage:
    data: list[OrganizationType]
    next_cursor: str | None


@strawberry.type
class OrganizationCreatedType:
    organization: OrganizationType
    admin_address: str
    admin_password: str
    client_id: str
    client_secret: str


@strawberry.type
class OrganizationSettingsType:
    id: str
    name: str
    locale: str
    time_zone: str
    migration_private_networks: list[str]
    mail_forwarding: str
    created_at: datetime


@strawberry.type
class OrganizationStatsType:
    accounts: strawberry.scalars.JSON
    storage: strawberry.scalars.JSON
    domains: strawberry.scalars.JSON
    mail: strawberry.scalars.JSON
    generated_at: datetime


@strawberry.input
class OrganizationSettingsInput:
    name: str | None = strawberry.UNSET
    locale: str | None = strawberry.UNSET
    time_zone: str | None = strawberry.UNSET
    migration_private_networks: list[str] | None = strawberry.UNSET
    mail_forwarding: str | None = strawberry.UNSET


@strawberry.type
class OrganizationsQuery:
    @strawberry.field(
        description="The caller's organisation: default locale and time zone, migration networks."
    )
    async def organization(self, info: Info[Context, Any]) -> OrganizationSettingsType:
        principal = require(info, "directory:read")
        async with unit_of_work(info, write=False) as session:
            out = await settings.get_settings(session, principal.org_id)
        return OrganizationSettingsType(**out.model_dump())

    @strawberry.field(
        description="Totals for the overview: accounts, storage, domains, mail in 24 hours."
    )
    async def organization_stats(self, info: Info[Context, Any]) -> OrganizationStatsType:
        principal = require(info, "directory:read", admin=True)
        async with unit_of_work(info, write=False) as session:
            out = await stats.organization_stats(session, principal.org_id)
        data = out.model_dump(mode="json")
        return OrganizationStatsType(
            accounts=data["accounts"], storage=data["storage"], domains=data["domains"],
            mail=data["mail"], generated_at=out.generated_at,
        )

    @strawberry.field(description="Every organisation (platform operators only).")
    async def organizations(
        self, info: Info[Context, Any], limit: int = 50, cursor: str | None = None
    ) -> OrganizationPage:
        principal = require(info, "directory:write")
        async with unit_of_work(info, write=False) as session:
            rows, next_cursor = await service.list_organizations(
                session, principal, checked_page(limit, cursor)
            )
        return OrganizationPage(
            data=[OrganizationType(id=r.id, name=r.name, created_at=r.created_at) for r in rows],
            next_cursor=next_cursor,
        )


@strawberry.type
class OrganizationsMutation:
    @strawberry.mutation(
        description="Change the caller's organisation settings (administrators; audited)."
    )
    async def update_organization_settings(
        self, info: Info[Context, Any], input: OrganizationSettingsInput
    ) -> OrganizationSettingsType:
        principal = require(info, "directory:write", admin=True)
        data = validated(OrganizationSettingsUpdate, set_fields(input))
        async with unit_of_work(info, write=True) as session:
            out = await settings.update_settings(session, principal, data, ip=info.context.ip)
        return OrganizationSettingsType(**out.model_dump())

    @strawberry.mutation(description="Provision an organisation (platform operators only).")
    async def create_organization(
        self, info: Info[Context, Any], name: str, domain: str, admin: str
    ) -> OrganizationCreatedType:
        principal = require(info, "directory:write")
        try:
            data = OrganizationCreate(name=name, domain=domain, admin=admin)
        except ValidationError as exc:
            first = exc.errors()[0]
            raise as_graphql_error(ValidationFailed(first["msg"], param=str(first["loc"][0]))) from None
        async with unit_of_work(info, write=True) as session:
            made = await service.provision(session, principal, data, info.context.ip)
            return OrganizationCreatedType(
                organization=OrganizationType(id=made.org.id, name=made.org.name, created_at=made.org.created_at),
                admin_address=made.admin.address, admin_password=made.admin_password,
                client_id=made.app.id, client_secret=made.client_secret,
            )
