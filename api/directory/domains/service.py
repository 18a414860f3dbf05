"""Rules for hosted domains: IDNA names unique across the installation, alias domains that
mirror a primary, deletion refused while anything has an address there, DKIM rotation."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from api.config import Settings
from api.directory.dns import dkim
from api.directory.dns.names import InvalidDomainName, normalise_domain
from api.directory.dns.records import TTL, RequiredRecord, required_records
from api.directory.domains import repository
from api.errors import AlreadyExists, Conflict, NotFound, ValidationFailed
from api.events import emit
from api.i18n import _
from api.identity.audit import record
from api.identity.principal import Principal
from api.kit.clock import utcnow
from api.kit.ids import has_prefix, new_id
from api.kit.pagination import PageParams
from api.storage.models import DkimKey, Domain
from schemas.domains import DomainCreate


class DomainInUse(Conflict):
    code, title = "domain_in_use", "Domain in use"


class DomainHasAliases(Conflict):
    code, title = "domain_has_aliases", "Domain has alias domains"


class DkimRotationPending(Conflict):
    code, title = "dkim_rotation_pending", "A DKIM rotation is already waiting for DNS"


def mail_host(settings: Settings) -> str:
    return settings.mail_host.strip().rstrip(".").lower()


async def new_key_material() -> tuple[str, str]:
    """A 2048-bit key, generated off the event loop (it takes a CPU-bound moment)."""
    return await asyncio.to_thread(dkim.generate_key)


def make_key(
    org_id: str,
    domain_id: str,
    material: tuple[str, str],
    *,
    status: str,
    now: datetime,
    taken: set[str] | None = None,
) -> DkimKey:
    pem, public = material
    selector = dkim.new_selector(now)
    while selector in (taken or set()):
        selector = dkim.new_selector(now)
    return DkimKey(
        id=new_id("dk"),
        org_id=org_id,
        domain_id=domain_id,
        selector=selector,
        status=status,
        bits=dkim.KEY_BITS,
        private_key_pem=pem,
        public_key_b64=public,
        created_at=now,
        activated_at=now if status == "active" else None,
    )


async def find_domain(session: AsyncSession, org_id: str, ref: str) -> Domain | None:
    """A domain of `org_id` by id (`dom_…`) or by name (any spelling IDNA maps to it)."""
    if has_prefix(ref, "dom"):
        return await repository.get(session, org_id, ref)
    try:
        name = normalise_domain(ref)
    except InvalidDomainName:
        return None
    return await repository.by_name(session, org_id, name)


async def get_domain(session: AsyncSession, org_id: str, ref: str) -> Domain:
    domain = await find_domain(session, org_id, ref)
    if domain is None:
        raise NotFound(_("No domain {ref}.", ref=ref), param="domain")
    return domain


async def list_domains(
    session: AsyncSession,
    org_id: str,
    params: PageParams,
    *,
    kind: str | None = None,
    status: str | None = None,
) -> tuple[list[Domain], str | None]:
    return await repository.page(session, org_id, params, kind=kind, status=status)


async def signing_selectors(
    session: AsyncSession, org_id: str, domains: list[Domain]
) -> dict[str, str]:
    return await repository.active_selectors(session, org_id, [d.id for d in domains])


async def create_domain(
    session: AsyncSession,
    org_id: str,
    data: DomainCreate,
    *,
    actor: Principal | None,
    ip: str | None = None,
) -> Domain:
    try:
        name = normalise_domain(data.name)
    except InvalidDomainName as exc:
        raise ValidationFailed(str(exc), param="name") from None
    material = await new_key_material()  # before the transaction takes any lock
    primary = None
    if data.alias_of is not None:
        primary = await find_domain(session, org_id, data.alias_of)
        if primary is None:
            raise ValidationFailed(
                _(
                    "No domain {alias_of} in this organisation.", alias_of=data.alias_of
                ), param="alias_of"
            )
        if primary.kind != "primary":
            raise ValidationFailed(
                "An alias domain mirrors a primary domain, not another alias.", param="alias_of"
            )
    if await repository.by_name_any(session, name) is not None:
        raise AlreadyExists(_("The domain {name} is already hosted here.", name=name), param="name")
    now = utcnow()
    domain = Domain(
        id=new_id("dom"),
        org_id=org_id,
        name=name,
        kind="alias" if primary else "primary",
        alias_of=primary.id if primary else None,
        status="pending",
        next_check_at=now,
        version=1,
        created_at=now,
        updated_at=now,
    )
    session.add(domain)
    try:
        await session.flush()
    except IntegrityError:  # a concurrent twin won the unique name
        raise AlreadyExists(_(
            "The domain {name} is already hosted here.", name=name
        ), param="name") from None
    session.add(make_key(org_id, domain.id, material, status="active", now=now))
    await record(
        session,
        org_id=org_id,
        action="domain.created",
        actor=actor,
        ip=ip,
        target_type="domain",
        target_id=domain.id,
        details={"name": name, "kind": domain.kind, "alias_of": domain.alias_of},
    )
    await emit(
        session,
        org_id,
        "directory.domain.created",
        {
            "id": domain.id,
            "name": name,
            "kind": domain.kind,
            "alias_of": domain.alias_of,
        },
    )
    return domain


async def delete_domain(
    session: AsyncSession,
    org_id: str,
    domain: Domain,
    *,
    actor: Principal | None,
    ip: str | None = None,
) -> None:
    used = {k: v for k, v in (await repository.usage(session, org_id, domain.id)).items() if v}
    if used:
        what = ", ".join(f"{n} {k}" for k, n in used.items())
        raise DomainInUse(
            _(
                "{name} still has addresses ({what}); move or delete them first.",
                name=domain.name,
                what=what,
            ),
            param="domain",
            extra={"usage": used},
        )
    aliases = await repository.aliases_of(session, org_id, domain.id)
    if aliases:
        raise DomainHasAliases(
            _(
                "{name} is mirrored by {values}; delete those alias domains first.",
                name=domain.name,
                values=', '.join(a.name for a in aliases),
            ),
            param="domain",
        )
    await session.execute(
        delete(DkimKey).where(DkimKey.org_id == org_id, DkimKey.domain_id == domain.id)
    )
    await session.delete(domain)
    await record(
        session,
        org_id=org_id,
        action="domain.deleted",
        actor=actor,
        ip=ip,
        target_type="domain",
        target_id=domain.id,
        details={"name": domain.name},
    )
    await emit(session, org_id, "directory.domain.deleted", {"id": domain.id, "name": domain.name})


async def published_keys(session: AsyncSession, org_id: str, domain_id: str) -> list[DkimKey]:
    """The keys whose records must be in DNS: the active one and a pending successor."""
    return await repository.keys_of(session, org_id, domain_id, statuses=("active", "pending"))


async def list_dkim_keys(session: AsyncSession, org_id: str, domain: Domain) -> list[DkimKey]:
    return await repository.keys_of(session, org_id, domain.id)


async def rotate_dkim_key(
    session: AsyncSession,
    org_id: str,
    ref: str,
    *,
    actor: Principal | None,
    ip: str | None = None,
) -> tuple[Domain, DkimKey]:
    """Add a new key. It signs once its record verifies; until then the active key stays
    published and in use. A domain without any key gets an active one at once."""
    material = await new_key_material()
    domain = await get_domain(session, org_id, ref)
    keys = await published_keys(session, org_id, domain.id)
    if any(k.status == "pending" for k in keys):
        raise DkimRotationPending(
            "A new DKIM key is already waiting for its DNS record; publish it and verify.",
            param="domain",
        )
    now = utcnow()
    taken = {k.selector for k in await repository.keys_of(session, org_id, domain.id)}
    status = "pending" if keys else "active"
    key = make_key(org_id, domain.id, material, status=status, now=now, taken=taken)
    session.add(key)
    domain.version += 1
    domain.updated_at = now
    await record(
        session,
        org_id=org_id,
        action="domain.dkim_rotated",
        actor=actor,
        ip=ip,
        target_type="domain",
        target_id=domain.id,
        details={"selector": key.selector, "status": key.status},
    )
    await emit(
        session,
        org_id,
        "directory.domain.updated",
        {
            "id": domain.id,
            "name": domain.name,
            "changed": ["dkim"],
            "selector": key.selector,
        },
    )
    return domain, key


@dataclass
class RecordView:
    """A required record joined with the last check of it."""

    record: RequiredRecord
    check: dict[str, Any] | None

    def as_dict(self) -> dict[str, Any]:
        r, c = self.record, self.check or {}
        return {
            "key": r.key,
            "purpose": r.purpose,
            "type": r.type,
            "name": r.name,
            "value": r.value,
            "priority": r.priority,
            "ttl": TTL,
            "required": r.required,
            "selector": r.selector,
            "zone_line": r.zone_line,
            "status": c.get("status", "unchecked"),
            "found": list(c.get("found", [])),
            "detail": c.get("detail"),
            "checked_at": c.get("checked_at"),
        }


def records_for(domain: Domain, keys: list[DkimKey], settings: Settings) -> list[RequiredRecord]:
    published = [(k.selector, k.public_key_b64) for k in keys if k.status in ("active", "pending")]
    return required_records(domain.name, mail_host(settings), published)


async def dns_records(
    session: AsyncSession, org_id: str, domain: Domain, settings: Settings
) -> list[RecordView]:
    keys = await published_keys(session, org_id, domain.id)
    checks = {c["key"]: c for c in domain.dns_results or []}
    return [RecordView(r, checks.get(r.key)) for r in records_for(domain, keys, settings)]


async def ensure_signing_key(session: AsyncSession, org_id: str, domain_id: str) -> None:
    """Give a domain created outside this service (the organisation bootstrap) its key."""
    if await published_keys(session, org_id, domain_id):
        return
    material = await new_key_material()
    session.add(make_key(org_id, domain_id, material, status="active", now=utcnow()))
