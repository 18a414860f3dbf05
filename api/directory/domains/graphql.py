"""GraphQL types and resolvers for hosted domains, over the same services as REST."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import strawberry
from strawberry.types import Info

from api.directory.domains import service
from api.directory.domains.verification import verify_domain
from api.directory.domains.views import domain_view, key_view
from api.errors import ValidationFailed
from api.graphql_kit import Context, as_graphql_error, checked_page, require, unit_of_work
from schemas import domains as schemas

SCOPE = "domains:admin"


@strawberry.type
class DomainType:
    id: strawberry.ID
    name: str
    unicode_name: str
    kind: str
    alias_of: str | None
    status: str
    dkim_selector: str | None
    verified_at: datetime | None
    last_checked_at: datetime | None
    created_at: datetime
    updated_at: datetime

    @classmethod
    def of(cls, view: schemas.Domain) -> DomainType:
        return cls(**view.model_dump())


@strawberry.type
class DomainPage:
    data: list[DomainType]
    next_cursor: str | None


@strawberry.type
class DnsRecordType:
    key: str
    purpose: str
    type: str
    name: str
    value: str
    priority: int | None
    ttl: int
    required: bool
    selector: str | None
    zone_line: str
    status: str
    found: list[str]
    detail: str | None
    checked_at: datetime | None

    @classmethod
    def of(cls, view: schemas.DnsRecord) -> DnsRecordType:
        return cls(**view.model_dump())


@strawberry.type
class DomainVerificationType:
    domain: DomainType
    verified: bool
    records: list[DnsRecordType]


@strawberry.type
class DkimKeyType:
    id: strawberry.ID
    selector: str
    status: str
    bits: int
    record_name: str
    record_value: str
    created_at: datetime
    activated_at: datetime | None
    retired_at: datetime | None

    @classmethod
    def of(cls, view: schemas.DkimKey) -> DkimKeyType:
        return cls(**view.model_dump())


@strawberry.input
class DomainCreateInput:
    name: str
    alias_of: str | None = None


def _records(views: list[service.RecordView]) -> list[DnsRecordType]:
    return [DnsRecordType.of(schemas.DnsRecord.model_validate(v.as_dict())) for v in views]


async def _domain(session: Any, org_id: str, row: Any) -> DomainType:
    selectors = await service.signing_selectors(session, org_id, [row])
    return DomainType.of(domain_view(row, selectors.get(row.id)))


@strawberry.type
class DomainsQuery:
    @strawberry.field(description="The organisation's hosted domains.")
    async def domains(
        self,
        info: Info[Context, Any],
        limit: int = 50,
        cursor: str | None = None,
        kind: str | None = None,
        status: str | None = None,
    ) -> DomainPage:
        principal = require(info, SCOPE, admin=True)
        params = checked_page(limit, cursor)
        async with unit_of_work(info, write=False) as session:
            rows, next_cursor = await service.list_domains(
                session, principal.org_id, params, kind=kind, status=status
            )
            selectors = await service.signing_selectors(session, principal.org_id, rows)
        return DomainPage(
            data=[DomainType.of(domain_view(r, selectors.get(r.id))) for r in rows],
            next_cursor=next_cursor,
        )

    @strawberry.field(description="One domain, by id or name.")
    async def domain(self, info: Info[Context, Any], id: strawberry.ID) -> DomainType:
        principal = require(info, SCOPE, admin=True)
        async with unit_of_work(info, write=False) as session:
            row = await service.get_domain(session, principal.org_id, str(id))
            return await _domain(session, principal.org_id, row)

    @strawberry.field(description="The DNS records a domain needs and their last check.")
    async def domain_dns_records(
        self, info: Info[Context, Any], id: strawberry.ID
    ) -> list[DnsRecordType]:
        principal = require(info, SCOPE, admin=True)
        async with unit_of_work(info, write=False) as session:
            row = await service.get_domain(session, principal.org_id, str(id))
            views = await service.dns_records(
                session, principal.org_id, row, info.context.runtime.settings
            )
        return _records(views)

    @strawberry.field(description="A domain's DKIM keys, oldest first.")
    async def domain_dkim_keys(
        self, info: Info[Context, Any], id: strawberry.ID
    ) -> list[DkimKeyType]:
        principal = require(info, SCOPE, admin=True)
        async with unit_of_work(info, write=False) as session:
            row = await service.get_domain(session, principal.org_id, str(id))
            keys = await service.list_dkim_keys(session, principal.org_id, row)
        return [DkimKeyType.of(key_view(k, row.name)) for k in keys]


@strawberry.type
class DomainsMutation:
    @strawberry.mutation(description="Add a domain, or an alias domain with aliasOf.")
    async def create_domain(self, info: Info[Context, Any], input: DomainCreateInput) -> DomainType:
        principal = require(info, SCOPE, admin=True)
        try:
            data = schemas.DomainCreate(name=input.name, alias_of=input.alias_of)
        except ValueError as exc:
            raise as_graphql_error(ValidationFailed(str(exc).splitlines()[0])) from None
        async with unit_of_work(info, write=True) as session:
            row = await service.create_domain(
                session, principal.org_id, data, actor=principal, ip=info.context.ip
            )
            return await _domain(session, principal.org_id, row)

    @strawberry.mutation(description="Delete a domain nothing has addresses in.")
    async def delete_domain(self, info: Info[Context, Any], id: strawberry.ID) -> bool:
        principal = require(info, SCOPE, admin=True)
        async with unit_of_work(info, write=True) as session:
            row = await service.get_domain(session, principal.org_id, str(id))
            await service.delete_domain(
                session, principal.org_id, row, actor=principal, ip=info.context.ip
            )
        return True

    @strawberry.mutation(description="Check a domain's DNS now.")
    async def verify_domain(
        self, info: Info[Context, Any], id: strawberry.ID
    ) -> DomainVerificationType:
        principal = require(info, SCOPE, admin=True)
        runtime = info.context.runtime
        async with unit_of_work(info, write=True) as session:
            row, report = await verify_domain(
                runtime, session, principal.org_id, str(id), actor=principal, ip=info.context.ip
            )
            views = await service.dns_records(session, principal.org_id, row, runtime.settings)
            domain = await _domain(session, principal.org_id, row)
        return DomainVerificationType(
            domain=domain, verified=report.verified, records=_records(views)
        )

    @strawberry.mutation(description="Start a DKIM key rotation.")
    async def rotate_domain_dkim_key(
        self, info: Info[Context, Any], id: strawberry.ID
    ) -> DkimKeyType:
        principal = require(info, SCOPE, admin=True)
        async with unit_of_work(info, write=True) as session:
            row, key = await service.rotate_dkim_key(
                session, principal.org_id, str(id), actor=principal, ip=info.context.ip
            )
            return DkimKeyType.of(key_view(key, row.name))
