"""Resolve recipient addresses for delivery: local accounts of any organisation hosted
here, and remote addresses. The directory extends this with aliases and group expansion;
mail delivery (API sends and SMTP) calls only `resolve_recipients`."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from api.storage.models import Account, Domain


@dataclass
class Resolution:
    local: dict[str, str] = field(default_factory=dict)  # account id -> address it was sent to
    remote: list[str] = field(default_factory=list)  # addresses outside hosted domains
    unknown: list[str] = field(default_factory=list)  # hosted domain, no such recipient


def _domain_of(address: str) -> str:
    return address.rsplit("@", 1)[-1].lower()


async def resolve_recipients(session: AsyncSession, addresses: list[str]) -> Resolution:
    result = Resolution()
    wanted = [a.strip() for a in addresses if a.strip()]
    if not wanted:
        return result
    hosted = set(
        (await session.execute(
            select(Domain.name).where(Domain.name.in_({_domain_of(a) for a in wanted}))
        )).scalars().all()
    )
    lowered = {a.lower(): a for a in wanted if _domain_of(a) in hosted}
    accounts = {}
    if lowered:
        rows = await session.execute(
            select(Account.id, func.lower(Account.address)).where(
                func.lower(Account.address).in_(list(lowered))
            )
        )
        accounts = {addr: acc_id for acc_id, addr in rows.all()}
    for address in wanted:
        if _domain_of(address) not in hosted:
            if address not in result.remote:
                result.remote.append(address)
        elif address.lower() in accounts:
            result.local.setdefault(accounts[address.lower()], address)
        elif address not in result.unknown:
            result.unknown.append(address)
    return result
