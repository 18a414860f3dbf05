"""Resolve recipient addresses for delivery: local accounts of any organisation hosted
here, their aliases (alias domains included), groups expanded, and remote addresses.
Mail delivery (API sends and SMTP) calls only `resolve_recipients` and `may_send_as`.

Frozen accounts still receive mail; deleted accounts do not (they are `unknown`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from api.directory.addresses import canonical, holders, hosted_domains
from api.directory.groups.service import expand, may_post, may_send_as_group
from api.storage.models import Account, DirectoryAddress, Group


@dataclass
class Resolution:
    local: dict[str, str] = field(default_factory=dict)  # account id -> address it was sent to
    remote: list[str] = field(default_factory=list)  # addresses outside hosted domains
    unknown: list[str] = field(default_factory=list)  # hosted domain, no such recipient
    # group address -> account ids it expanded to (its external members are in `remote`)
    groups: dict[str, list[str]] = field(default_factory=dict)
    # group address -> why the sender may not post to it (the group's send policy); these
    # addresses are in `unknown` too
    refused: dict[str, str] = field(default_factory=dict)


def _domain_of(address: str) -> str:
    return address.rsplit("@", 1)[-1].lower()


async def resolve_recipients(
    session: AsyncSession, addresses: list[str], *, sender: str | None = None
) -> Resolution:
    """Sort `addresses` into local accounts, remote addresses, unknown ones and refused groups.

    `sender` is the envelope sender, checked against each group's send policy: groups that
    only take mail from the organisation, their members or moderators refuse an unknown or
    missing sender (listed in `refused` with the reason, and in `unknown`; never delivered).
    Delivery should always pass it."""
    result = Resolution()
    wanted = [a.strip() for a in addresses if a.strip()]
    if not wanted:
        return result
    hosted = await hosted_domains(session, {_domain_of(a) for a in wanted})
    canon = await canonical(session, [a for a in wanted if _domain_of(a) in hosted], hosted)
    held = await holders(session, list(set(canon.values())))
    for address in wanted:
        if _domain_of(address) not in hosted:
            if address not in result.remote:
                result.remote.append(address)
            continue
        holder = held.get(canon[address.lower()])
        if holder is None or holder.status == "deleted":
            if address not in result.unknown:
                result.unknown.append(address)
            continue
        if holder.kind in ("account", "alias"):
            status = holder.status
            if holder.kind == "alias":
                status = (
                    await session.scalar(select(Account.status).where(Account.id == holder.id))
                    or ""
                )
            if status == "deleted" or not status:
                if address not in result.unknown:
                    result.unknown.append(address)
                continue
            result.local.setdefault(holder.id, address)
            continue
        group = await session.get(Group, holder.id)
        if group is None:
            result.unknown.append(address)
            continue
        if not await may_post(session, group, sender):
            result.refused[address] = f"{address} accepts mail only from its {group.send_policy}."
            # Also `unknown`, so a caller that does not read `refused` bounces it, never drops it.
            if address not in result.unknown:
                result.unknown.append(address)
            continue
        expansion = await expand(session, group.org_id, [group.id])
        result.groups[address] = list(expansion.accounts)
        for acc_id in expansion.accounts:
            result.local.setdefault(acc_id, address)
        for external in expansion.external:
            if external not in result.remote:
                result.remote.append(external)
    return result


async def may_send_as(session: AsyncSession, account: Account, address: str) -> bool:
    """Whether `account` may use `address` as its From/envelope sender: its own address, one
    of its aliases (in any alias domain too), or a group it moderates."""
    if account.status != "active":
        return False
    key = (await canonical(session, [address]))[address.strip().lower()]
    if key == account.address.lower():
        return True
    claim = await session.scalar(
        select(DirectoryAddress).where(
            DirectoryAddress.address == key, DirectoryAddress.org_id == account.org_id
        )
    )
    if claim is None:
        return False
    if claim.kind == "alias":
        return claim.target_id == account.id
    group = await session.get(Group, claim.target_id)
    return group is not None and await may_send_as_group(session, group, account.id)
