"""REST endpoints for hosted domains (`/v1/domains`): add, list, get, delete, verify DNS,
the records to publish, and DKIM key rotation."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query, Request, Response, status
from sqlalchemy.ext.asyncio import AsyncSession

from api.deps import ClientIp, DbSession, DomainsAdmin, RuntimeDep
from api.directory.domains import service
from api.directory.domains.verification import verify_domain as run_verification
from api.directory.domains.views import domain_view, key_view
from api.kit.etags import check_if_match, set_etag
from api.kit.pagination import Page, PageParams, page_params
from api.storage.models import Domain as DomainRow
from schemas.domains import DkimKey, DnsRecord, Domain, DomainCreate, DomainVerification

router = APIRouter(prefix="/v1/domains", tags=["domains"])


async def _view(session: AsyncSession, org_id: str, row: DomainRow) -> Domain:
    selectors = await service.signing_selectors(session, org_id, [row])
    return domain_view(row, selectors.get(row.id))


@router.post("", status_code=status.HTTP_201_CREATED, response_model=Domain)
async def create_domain(
    body: DomainCreate,
    principal: DomainsAdmin,
    session: DbSession,
    ip: ClientIp,
    response: Response,
) -> Domain:
    """Add a domain (or, with `alias_of`, an alias domain mirroring a primary one).

    Names are validated as internationalised domain names and stored in A-label form; a
    name hosted anywhere in this installation is a 409. A 2048-bit DKIM key is generated.
    Publish the records from `GET /v1/domains/{domain}/dns-records`, then verify.
    """
    row = await service.create_domain(session, principal.org_id, body, actor=principal, ip=ip)
    set_etag(response, row.id, row.version)
    return await _view(session, principal.org_id, row)


@router.get("", response_model=Page[Domain])
async def list_domains(
    principal: DomainsAdmin,
    session: DbSession,
    page: Annotated[PageParams, Depends(page_params)],
    kind: Annotated[Literal["primary", "alias"] | None, Query()] = None,
    status: Annotated[Literal["pending", "verified", "failing"] | None, Query()] = None,
) -> Page[Domain]:
    """List the organisation's domains, optionally only one kind or status."""
    rows, cursor = await service.list_domains(
        session, principal.org_id, page, kind=kind, status=status
    )
    selectors = await service.signing_selectors(session, principal.org_id, rows)
    return Page[Domain](
        data=[domain_view(r, selectors.get(r.id)) for r in rows], next_cursor=cursor
    )


@router.get("/{domain}", response_model=Domain)
async def get_domain(
    domain: str, principal: DomainsAdmin, session: DbSession, response: Response
) -> Domain:
    """Get one domain by id or by name."""
    row = await service.get_domain(session, principal.org_id, domain)
    set_etag(response, row.id, row.version)
    return await _view(session, principal.org_id, row)


@router.delete("/{domain}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_domain(
    domain: str, principal: DomainsAdmin, session: DbSession, request: Request, ip: ClientIp
) -> Response:
    """Delete a domain. Refused with 409 `domain_in_use` while accounts, aliases or groups
    have addresses in it, and `domain_has_aliases` while alias domains mirror it."""
    row = await service.get_domain(session, principal.org_id, domain)
    check_if_match(request, row.id, row.version)
    await service.delete_domain(session, principal.org_id, row, actor=principal, ip=ip)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get("/{domain}/dns-records", response_model=Page[DnsRecord])
async def list_domain_dns_records(
    domain: str, principal: DomainsAdmin, session: DbSession, runtime: RuntimeDep
) -> Page[DnsRecord]:
    """The DNS records the domain needs, with exact values and the outcome of the last check."""
    row = await service.get_domain(session, principal.org_id, domain)
    views = await service.dns_records(session, principal.org_id, row, runtime.settings)
    return Page[DnsRecord](data=[DnsRecord.model_validate(v.as_dict()) for v in views])


@router.post("/{domain}/verify", response_model=DomainVerification)
async def verify_domain(
    domain: str,
    principal: DomainsAdmin,
    session: DbSession,
    runtime: RuntimeDep,
    ip: ClientIp,
    response: Response,
) -> DomainVerification:
    """Check the domain's DNS now, against the configured resolver.

    Each record is `ok`, `missing` or `mismatch` with the values found; the domain is
    `verified` when MX and SPF are ok (SPF evaluated with includes followed; more than 10
    DNS lookups is a permerror). A pending DKIM key whose record is ok becomes the signing
    key. 503 `dns_unavailable` when the resolver cannot answer.
    """
    row, report = await run_verification(
        runtime, session, principal.org_id, domain, actor=principal, ip=ip
    )
    set_etag(response, row.id, row.version)
    views = await service.dns_records(session, principal.org_id, row, runtime.settings)
    return DomainVerification(
        domain=await _view(session, principal.org_id, row),
        verified=report.verified,
        records=[DnsRecord.model_validate(v.as_dict()) for v in views],
    )


@router.get("/{domain}/dkim-keys", response_model=Page[DkimKey])
async def list_domain_dkim_keys(
    domain: str, principal: DomainsAdmin, session: DbSession
) -> Page[DkimKey]:
    """The domain's DKIM keys, oldest first (private keys are never returned)."""
    row = await service.get_domain(session, principal.org_id, domain)
    keys = await service.list_dkim_keys(session, principal.org_id, row)
    return Page[DkimKey](data=[key_view(k, row.name) for k in keys])


@router.post("/{domain}/dkim-keys", status_code=status.HTTP_201_CREATED, response_model=DkimKey)
async def rotate_domain_dkim_key(
    domain: str, principal: DomainsAdmin, session: DbSession, ip: ClientIp
) -> DkimKey:
    """Start a DKIM key rotation: a new 2048-bit key with a new selector, `pending` until
    its TXT record verifies. The current key stays published and keeps signing until then;
    at that verification the new key signs and the old one is retired. 409
    `dkim_rotation_pending` while a previous rotation still waits for DNS."""
    row, key = await service.rotate_dkim_key(
        session, principal.org_id, domain, actor=principal, ip=ip
    )
    return key_view(key, row.name)
