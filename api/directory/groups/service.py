"""Rules for groups (mailing lists): an address of the organisation, members of four kinds,
no membership cycles, a send policy, and the expansion mail delivery calls."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from api.directory.accounts.lookup import find_account
from api.directory.addresses import domain_part, ensure_free, org_domain, valid_address
from api.directory.departments import repository as dep_repo
from api.directory.departments.service import get_department, load_tree
from api.directory.errors import GroupCycle
from api.directory.groups import repository
from api.errors import AlreadyExists, NotFound, ValidationFailed
from api.events import emit
from api.i18n import Msg
from api.identity.audit import record
from api.identity.principal import Principal
from api.kit import merge_patch
from api.kit.clock import utcnow
from api.kit.ids import new_id
from api.kit.pagination import PageParams
from api.storage.models import Account, DirectoryAddress, Domain, Group, GroupMember
from schemas import directory as schemas


@dataclass
class Expansion:
    """Who a set of groups reaches: local accounts (id -> address) and external addresses."""

    accounts: dict[str, str] = field(default_factory=dict)
    external: list[str] = field(default_factory=list)


async def get_group(session: AsyncSession, org_id: str, ref: str) -> Group:
    group = (
        await repository.by_address(session, org_id, ref)
        if "@" in ref
        else await repository.get(session, org_id, ref)
    )
    if group is None:
        raise NotFound(Msg("No group {ref}.", ref=ref), param="group")
    return group


async def list_groups(
    session: AsyncSession, org_id: str, params: PageParams, q: str | None = None
) -> tuple[list[Group], str | None]:
    return await repository.page(session, org_id, params, q)


async def _changed(
    session: AsyncSession,
    org_id: str,
    group: Group,
    verb: str,
    *,
    actor: Principal | None,
    ip: str | None,
    details: dict[str, object] | None = None,
) -> None:
    await record(
        session,
        org_id=org_id,
        action=f"group.{verb}",
        actor=actor,
        ip=ip,
        target_type="group",
        target_id=group.id,
        details=details or {},
    )
    await emit(
        session,
        org_id,
        f"directory.group.{verb}",
        {"id": group.id, "address": group.address, **(details or {})},
    )


async def create_group(
    session: AsyncSession,
    org_id: str,
    data: schemas.GroupCreate,
    *,
    actor: Principal | None,
    ip: str | None = None,
) -> Group:
    dom = await org_domain(session, org_id, data.address)
    await ensure_free(session, data.address)
    group = Group(
        id=new_id("grp"),
        org_id=org_id,
        domain_id=dom.id,
        address=data.address,
        name=data.name,
        description=data.description,
        send_policy=data.send_policy,
        hidden_from_address_book=data.hidden_from_address_book,
    )
    session.add(group)
    session.add(
        DirectoryAddress(
            address=data.address, org_id=org_id, kind="group", target_id=group.id, domain_id=dom.id
        )
    )
    await session.flush()
    for i, member in enumerate(data.members):
        await _add_member(session, org_id, group, member, param=f"members[{i}]")
    await _changed(session, org_id, group, "created", actor=actor, ip=ip)
    return group


async def update_group(
    session: AsyncSession,
    org_id: str,
    group: Group,
    data: schemas.GroupUpdate,
    *,
    actor: Principal,
    ip: str | None,
) -> Group:
    values = merge_patch.changes(data)
    for key, value in values.items():
        if value is None:
            raise ValidationFailed(Msg("{key} cannot be null.", key=key), param=key)
    changed = merge_patch.apply(group, values)
    if changed:
        group.version += 1
        group.updated_at = utcnow()
        await _changed(
            session, org_id, group, "updated", actor=actor, ip=ip, details={"changed": changed}
        )
    return group


async def delete_group(
    session: AsyncSession, org_id: str, group: Group, *, actor: Principal, ip: str | None
) -> None:
    await repository.remove_all_members(session, org_id, group.id)
    await forget_member(session, org_id, "group", group.id)
    claim = await session.get(DirectoryAddress, group.address)
    if claim is not None:
        await session.delete(claim)
    await session.delete(group)
    await _changed(session, org_id, group, "deleted", actor=actor, ip=ip)


# --- members ------------------------------------------------------------------------------


async def _resolve_ref(session: AsyncSession, org_id: str, kind: str, ref: str, param: str) -> str:
    if kind == "account":
        account = await find_account(session, org_id, ref)
        if account is None:
            raise ValidationFailed(Msg("No account {ref}.", ref=ref), param=param)
        return account.id
    if kind == "department":
        try:
            return (await get_department(session, org_id, ref)).id
        except NotFound:
            raise ValidationFailed(Msg("No department {ref}.", ref=ref), param=param) from None
    if kind == "group":
        try:
            return (await get_group(session, org_id, ref)).id
        except NotFound:
            raise ValidationFailed(Msg("No group {ref}.", ref=ref), param=param) from None
    address = valid_address(ref, param)
    hosted = await session.scalar(select(Domain.org_id).where(Domain.name == domain_part(address)))
    if hosted == org_id:
        raise ValidationFailed(
            Msg(
                "{address} is in this organisation: add it as an account or group.", address=address
            ), param=param
        )
    return address


def _reaches(edges: dict[str, list[str]], start: str, target: str) -> bool:
    stack, seen = [start], set()
    while stack:
        node = stack.pop()
        if node == target:
            return True
        if node in seen:
            continue
        seen.add(node)
        stack.extend(edges.get(node, []))
    return False


async def _add_member(
    session: AsyncSession, org_id: str, group: Group, data: schemas.GroupMemberCreate, *, param: str
) -> GroupMember:
    ref = await _resolve_ref(session, org_id, data.kind, data.ref, param)
    if data.kind == "group" and _reaches(
        await repository.group_edges(session, org_id), ref, group.id
    ):
        raise GroupCycle(
            "Adding this group would make a membership cycle.", param=param
        )
    if data.role == "moderator" and data.kind != "account":
        raise ValidationFailed("Only accounts can be moderators.", param=param)
    if await repository.member(session, org_id, group.id, data.kind, ref) is not None:
        raise AlreadyExists(Msg("{ref} is already a member.", ref=data.ref), param=param)
    member = GroupMember(
        group_id=group.id,
        kind=data.kind,
        ref=ref,
        org_id=org_id,
        role=data.role,
        created_at=utcnow(),
    )
    session.add(member)
    await session.flush()
    return member


async def add_member(
    session: AsyncSession,
    org_id: str,
    group: Group,
    data: schemas.GroupMemberCreate,
    *,
    actor: Principal,
    ip: str | None,
) -> GroupMember:
    member = await _add_member(session, org_id, group, data, param="ref")
    group.version += 1
    group.updated_at = utcnow()
    await _changed(
        session,
        org_id,
        group,
        "updated",
        actor=actor,
        ip=ip,
        details={"changed": ["members"], "added": f"{member.kind}:{member.ref}"},
    )
    return member


def parse_member_id(member_id: str) -> tuple[str, str]:
    kind, _, ref = member_id.partition(":")
    if kind not in ("account", "department", "group", "external") or not ref:
        raise NotFound(Msg("No member {member_id}.", member_id=member_id), param="member_id")
    return kind, ref


async def remove_member(
    session: AsyncSession,
    org_id: str,
    group: Group,
    member_id: str,
    *,
    actor: Principal,
    ip: str | None,
) -> None:
    kind, ref = parse_member_id(member_id)
    member = await repository.member(
        session, org_id, group.id, kind, ref.lower() if kind == "external" else ref
    )
    if member is None:
        raise NotFound(Msg("No member {member_id}.", member_id=member_id), param="member_id")
    await session.delete(member)
    group.version += 1
    group.updated_at = utcnow()
    await _changed(
        session,
        org_id,
        group,
        "updated",
        actor=actor,
        ip=ip,
        details={"changed": ["members"], "removed": member_id},
    )


async def list_members(
    session: AsyncSession, org_id: str, group: Group, params: PageParams
) -> tuple[list[schemas.GroupMember], str | None]:
    rows, cursor = await repository.members_page(session, org_id, group.id, params)
    return await member_schemas(session, org_id, rows), cursor


async def member_schemas(
    session: AsyncSession, org_id: str, rows: list[GroupMember]
) -> list[schemas.GroupMember]:
    acc_ids = [m.ref for m in rows if m.kind == "account"]
    grp_ids = [m.ref for m in rows if m.kind == "group"]
    addresses: dict[str, str] = {}
    if acc_ids:
        found = await session.execute(
            select(Account.id, Account.address).where(
                Account.org_id == org_id, Account.id.in_(acc_ids)
            )
        )
        addresses.update(dict(found.tuples().all()))
    if grp_ids:
        addresses.update(
            {g.id: g.address for g in await repository.by_ids(session, org_id, grp_ids)}
        )
    return [
        schemas.GroupMember(
            id=f"{m.kind}:{m.ref}",
            kind=m.kind,  # type: ignore[arg-type]
            ref=m.ref,
            role=m.role,
            address=m.ref if m.kind == "external" else addresses.get(m.ref),
            created_at=m.created_at,
        )
        for m in rows
    ]


async def forget_member(session: AsyncSession, org_id: str, kind: str, ref: str) -> None:
    """Remove a purged account, deleted department or deleted group from every group."""
    await repository.remove_member_everywhere(session, org_id, kind, ref)


# --- expansion and policy -------------------------------------------------------------


async def expand(session: AsyncSession, org_id: str, group_ids: Iterable[str]) -> Expansion:
    """Every account (not deleted) and external address the groups reach, nested groups and
    departments (with their sub-departments) included; cycles cannot loop."""
    seen: set[str] = set()
    frontier = list(dict.fromkeys(group_ids))
    account_ids: set[str] = set()
    external: list[str] = []
    dep_ids: set[str] = set()
    while frontier:
        seen.update(frontier)
        nxt: list[str] = []
        for member in await repository.members(session, org_id, frontier):
            if member.kind == "account":
                account_ids.add(member.ref)
            elif member.kind == "department":
                dep_ids.add(member.ref)
            elif member.kind == "group" and member.ref not in seen:
                nxt.append(member.ref)
            elif member.kind == "external" and member.ref not in external:
                external.append(member.ref)
        frontier = list(dict.fromkeys(nxt))
    if dep_ids:
        tree = await load_tree(session, org_id)
        scope: set[str] = set()
        for dep_id in dep_ids:
            scope |= tree.descendants(dep_id)
        account_ids |= await dep_repo.member_ids(session, org_id, scope)
    out = Expansion(external=external)
    if account_ids:
        rows = await session.execute(
            select(Account.id, Account.address)
            .where(
                Account.org_id == org_id,
                Account.id.in_(list(account_ids)),
                Account.status != "deleted",
            )
            .order_by(Account.address)
        )
        out.accounts = dict(rows.tuples().all())
    return out


async def sender_account_id(session: AsyncSession, org_id: str, sender: str | None) -> str | None:
    """The account of this organisation that `sender` (an address or alias) belongs to."""
    if not sender:
        return None
    account = await find_account(session, org_id, sender)
    return account.id if account else None


async def may_post(session: AsyncSession, group: Group, sender: str | None) -> bool:
    """Whether mail from `sender` may go to the group under its send policy."""
    if group.send_policy == "anyone":
        return True
    account_id = await sender_account_id(session, group.org_id, sender)
    if group.send_policy == "organization":
        return account_id is not None
    if group.send_policy == "moderators":
        if account_id is None:
            return False
        member = await repository.member(session, group.org_id, group.id, "account", account_id)
        return member is not None and member.role == "moderator"
    expansion = await expand(session, group.org_id, [group.id])
    if account_id is not None and account_id in expansion.accounts:
        return True
    return sender is not None and sender.strip().lower() in expansion.external


async def may_send_as_group(session: AsyncSession, group: Group, account_id: str) -> bool:
    """Moderators of a group may send with the group's address as sender."""
    member = await repository.member(session, group.org_id, group.id, "account", account_id)
    return member is not None and member.role == "moderator"
