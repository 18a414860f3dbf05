"""Who holds an address: an account, an alias or a group, across every hosted domain.

Addresses are stored lower-cased in primary domains. An alias domain mirrors its primary,
so `x@alias.example` means `x@primary.example`: `canonical` rewrites it, and new addresses
must be given in a primary domain, which keeps them unique across alias domains too.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select, text
from sqlalchemy.ext.asyncio import AsyncSession

from api.directory.errors import AliasDomainAddress, DomainNotInOrganization
from api.errors import AlreadyExists, ValidationFailed
from api.i18n import _
from api.storage.models import Account, DirectoryAddress, Domain
from schemas.directory import normalise_address


@dataclass(frozen=True)
class Holder:
    kind: str  # account | alias | group
    id: str  # the account id (for aliases too) or the group id
    org_id: str
    status: str = "active"


def domain_part(address: str) -> str:
    return address.rsplit("@", 1)[-1].lower()


def local_part(address: str) -> str:
    return address.rsplit("@", 1)[0].lower()


def valid_address(value: str, param: str = "address") -> str:
    try:
        return normalise_address(value)
    except ValueError as exc:
        raise ValidationFailed(_(
            "{value} is not a valid address: {exc}.", value=repr(value), exc=exc
        ), param=param) from None


async def hosted_domains(session: AsyncSession, names: set[str]) -> dict[str, Domain]:
    """Hosted domains by name among `names` (any organisation)."""
    if not names:
        return {}
    rows = (await session.execute(select(Domain).where(Domain.name.in_(names)))).scalars().all()
    return {d.name: d for d in rows}


async def canonical(
    session: AsyncSession, addresses: list[str], hosted: dict[str, Domain] | None = None
) -> dict[str, str]:
    """Lower-cased address -> the address in its primary domain (alias domains rewritten).
    `hosted`: the caller's `hosted_domains` of these addresses, saving the lookup."""
    lowered = [a.strip().lower() for a in addresses]
    domains = (
        hosted if hosted is not None
        else await hosted_domains(session, {domain_part(a) for a in lowered})
    )
    primaries = {d.alias_of for d in domains.values() if d.alias_of}
    names: dict[str, str] = {}
    if primaries:
        rows = await session.execute(select(Domain.id, Domain.name).where(Domain.id.in_(primaries)))
        names = {i: n for i, n in rows.all()}
    out = {}
    for a in lowered:
        dom = domains.get(domain_part(a))
        if dom is not None and dom.alias_of and dom.alias_of in names:
            out[a] = f"{local_part(a)}@{names[dom.alias_of]}"
        else:
            out[a] = a
    return out


async def org_domain(
    session: AsyncSession, org_id: str, address: str, param: str = "address"
) -> Domain:
    """The organisation's primary domain an address belongs to, or a 422 saying why not."""
    name = domain_part(address)
    dom = await session.scalar(select(Domain).where(Domain.name == name, Domain.org_id == org_id))
    if dom is None:
        raise DomainNotInOrganization(
            _("The domain {name} is not one of this organisation's domains.", name=name),
            param=param,
        )
    if dom.alias_of:
        primary = await session.get(Domain, dom.alias_of)
        raise AliasDomainAddress(
            _(
                "{name} is an alias domain: give the address in {value} and it is reachable in "
                "both.", name=name, value=primary.name if primary else 'its primary'
            ),
            param=param,
        )
    return dom


async def holders(session: AsyncSession, addresses: list[str]) -> dict[str, Holder]:
    """Canonical lower-cased address -> who holds it, for those held (deleted accounts included)."""
    wanted = list({a.lower() for a in addresses})
    if not wanted:
        return {}
    out: dict[str, Holder] = {}
    rows = await session.execute(
        select(Account.address, Account.id, Account.org_id, Account.status).where(
            func.lower(Account.address).in_(wanted)
        )
    )
    for address, acc_id, org_id, status in rows.all():
        out[address.lower()] = Holder("account", acc_id, org_id, status)
    rows = await session.execute(
        select(
            DirectoryAddress.address,
            DirectoryAddress.kind,
            DirectoryAddress.target_id,
            DirectoryAddress.org_id,
        ).where(DirectoryAddress.address.in_(wanted))
    )
    for address, kind, target, org_id in rows.all():
        out.setdefault(address, Holder(kind, target, org_id))
    return out


async def ensure_free(session: AsyncSession, address: str, param: str = "address") -> None:
    """409 when anyone holds `address`; on PostgreSQL also serialise concurrent claimers."""
    if session.bind is not None and session.bind.dialect.name == "postgresql":
        await session.execute(text("SELECT pg_advisory_xact_lock(hashtext(:a))"), {"a": address})
    held = (await holders(session, [address])).get(address)
    if held is not None:
        what = {"account": "an account", "alias": "an alias", "group": "a group"}[held.kind]
        extra = " (deleted, still restorable)" if held.status == "deleted" else ""
        raise AlreadyExists(_(
            "{address} is already used by {what}{extra}.", address=address, what=what, extra=extra
        ), param=param)
