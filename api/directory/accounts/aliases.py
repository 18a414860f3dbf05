"""Account aliases (unique across the organisation and its alias domains) and the batch
address check (`free | account | alias | group`)."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from api.directory.accounts import repository
from api.directory.addresses import canonical, domain_part, ensure_free, holders, org_domain
from api.directory.errors import AccountDeleted
from api.errors import NotFound, ValidationFailed
from api.events import emit
from api.i18n import _
from api.identity.audit import record
from api.identity.principal import Principal
from api.kit.clock import utcnow
from api.storage.models import Account, DirectoryAddress, Domain
from schemas import directory as schemas
from schemas.directory import normalise_address

MAX_ALIASES = 50


def alias_schema(row: DirectoryAddress) -> schemas.Alias:
    return schemas.Alias(address=row.address, account_id=row.target_id, created_at=row.created_at)


async def list_aliases(session: AsyncSession, account: Account) -> list[DirectoryAddress]:
    return (await repository.aliases_of(session, account.org_id, [account.id]))[account.id]


async def _touched(
    session: AsyncSession,
    account: Account,
    verb: str,
    address: str,
    *,
    actor: Principal | None,
    ip: str | None,
) -> None:
    account.version += 1
    account.updated_at = utcnow()
    await record(
        session,
        org_id=account.org_id,
        action=f"account.alias_{verb}",
        actor=actor,
        ip=ip,
        target_type="account",
        target_id=account.id,
        details={"alias": address},
    )
    await emit(
        session,
        account.org_id,
        "directory.account.updated",
        {
            "id": account.id,
            "account_id": account.id,
            "address": account.address,
            "changed": ["aliases"],
        },
    )


async def add_alias(
    session: AsyncSession,
    account: Account,
    address: str,
    *,
    actor: Principal | None,
    ip: str | None = None,
    param: str = "address",
) -> DirectoryAddress:
    if account.status == "deleted":
        raise AccountDeleted(
            "A deleted account cannot be changed; restore it first."
        )
    dom = await org_domain(session, account.org_id, address, param)
    if len(await list_aliases(session, account)) >= MAX_ALIASES:
        raise ValidationFailed(_(
            "An account has at most {MAX_ALIASES} aliases.", MAX_ALIASES=MAX_ALIASES
        ), param=param)
    await ensure_free(session, address, param)
    row = DirectoryAddress(
        address=address,
        org_id=account.org_id,
        kind="alias",
        target_id=account.id,
        domain_id=dom.id,
        created_at=utcnow(),
    )
    session.add(row)
    await session.flush()
    await _touched(session, account, "added", address, actor=actor, ip=ip)
    return row


async def remove_alias(
    session: AsyncSession, account: Account, address: str, *, actor: Principal, ip: str | None
) -> None:
    key = (await canonical(session, [address]))[address.strip().lower()]
    row = await repository.alias(session, account.org_id, account.id, key)
    if row is None:
        raise NotFound(_(
            "{address} is not an alias of this account.", address=address
        ), param="alias")
    await session.delete(row)
    await _touched(session, account, "removed", key, actor=actor, ip=ip)


async def check_addresses(
    session: AsyncSession, org_id: str, addresses: list[str]
) -> list[schemas.AddressStatus]:
    """For each address: who in the organisation holds it, `free`, or `invalid` with a reason.
    Addresses outside the organisation's domains are `invalid`: other tenants stay unseen."""
    valid: dict[str, str] = {}
    out: list[schemas.AddressStatus] = []
    for raw in addresses:
        try:
            valid[raw] = normalise_address(raw)
        except ValueError as exc:
            out.append(schemas.AddressStatus(address=raw, status="invalid", reason=str(exc)))
    names = {domain_part(a) for a in valid.values()}
    own = set()
    if names:
        own = set(
            (
                await session.execute(
                    select(Domain.name).where(
                        Domain.org_id == org_id, func.lower(Domain.name).in_(names)
                    )
                )
            )
            .scalars()
            .all()
        )
    canon = await canonical(session, list(valid.values()))
    held = await holders(session, list(canon.values()))
    results = {r.address: r for r in out}
    for raw, address in valid.items():
        if domain_part(address) not in own:
            results[raw] = schemas.AddressStatus(
                address=address, status="invalid", reason="not one of this organisation's domains"
            )
            continue
        holder = held.get(canon[address])
        if holder is None or holder.org_id != org_id:
            results[raw] = schemas.AddressStatus(address=address, status="free")
        else:
            results[raw] = schemas.AddressStatus(
                address=address,
                status=holder.kind,  # type: ignore[arg-type]
                id=holder.id,
            )
    return [results[a] for a in addresses if a in results]


__all__ = [
    "add_alias",
    "alias_schema",
    "check_addresses",
    "ensure_free",
    "list_aliases",
    "remove_alias",
]
