"""Rules for the department tree: one root per organisation, sibling names unique, moves
that would make a cycle refused, deletes only when empty, managers and members."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy.ext.asyncio import AsyncSession

from api.directory.accounts.lookup import find_account
from api.directory.departments import repository
from api.directory.errors import DepartmentCycle, DepartmentNotEmpty, UnknownDepartment
from api.directory.groups import repository as group_repository
from api.errors import AlreadyExists, NotFound, ValidationFailed
from api.events import emit
from api.i18n import _
from api.identity.audit import record
from api.identity.principal import Principal
from api.kit import merge_patch
from api.kit.clock import utcnow
from api.kit.ids import new_id
from api.kit.pagination import PageParams
from api.storage.models import Department, Organization
from schemas import directory as schemas


@dataclass
class Tree:
    """Every department of an organisation, loaded once for walks and path lookups."""

    nodes: dict[str, Department]
    kids: dict[str | None, list[str]] = field(default_factory=dict)

    @classmethod
    def of(cls, rows: Iterable[Department]) -> Tree:
        tree = cls({d.id: d for d in rows})
        tree.reindex()
        return tree

    def reindex(self) -> None:
        self.kids = {}
        for dep in sorted(self.nodes.values(), key=lambda d: (d.sort_order, d.id)):
            self.kids.setdefault(dep.parent_id, []).append(dep.id)

    @property
    def root(self) -> Department | None:
        ids = self.kids.get(None, [])
        return self.nodes[ids[0]] if ids else None

    def descendants(self, dep_id: str) -> set[str]:
        """`dep_id` and everything below it."""
        out, stack = set(), [dep_id]
        while stack:
            current = stack.pop()
            if current in out:
                continue
            out.add(current)
            stack.extend(self.kids.get(current, []))
        return out

    def path(self, dep_id: str) -> str:
        names: list[str] = []
        seen: set[str] = set()
        node = self.nodes.get(dep_id)
        while node is not None and node.parent_id is not None and node.id not in seen:
            seen.add(node.id)
            names.append(node.name)
            node = self.nodes.get(node.parent_id)
        return "/".join(reversed(names))

    def child_named(self, parent_id: str, name: str) -> Department | None:
        for kid in self.kids.get(parent_id, []):
            if self.nodes[kid].name.casefold() == name.casefold():
                return self.nodes[kid]
        return None


async def load_tree(session: AsyncSession, org_id: str) -> Tree:
    tree = Tree.of(await repository.all_of(session, org_id))
    if tree.root is None:
        root = await ensure_root(session, org_id)
        tree = Tree.of([root])
    return tree


async def ensure_root(session: AsyncSession, org_id: str) -> Department:
    """The organisation's root department, created on first use (named after the org)."""
    root = await repository.root(session, org_id)
    if root is None:
        org = await session.get(Organization, org_id)
        root = Department(
            id=new_id("dep"),
            org_id=org_id,
            parent_id=None,
            name=org.name if org else "Organisation",
            sort_order=0,
        )
        session.add(root)
        await session.flush()
    return root


async def get_department(session: AsyncSession, org_id: str, dep_id: str) -> Department:
    dep = await repository.get(session, org_id, dep_id)
    if dep is None:
        raise NotFound(_("No department {dep_id}.", dep_id=dep_id), param="department_id")
    return dep


async def to_schemas(
    session: AsyncSession, org_id: str, deps: list[Department]
) -> list[schemas.Department]:
    tree = Tree.of(await repository.all_of(session, org_id)) if deps else Tree({})
    managers = await repository.managers_of(session, org_id, [d.id for d in deps])
    return [
        schemas.Department(
            id=d.id,
            parent_id=d.parent_id,
            name=d.name,
            path=tree.path(d.id),
            sort_order=d.sort_order,
            manager_ids=managers.get(d.id, []),
            created_at=d.created_at,
            updated_at=d.updated_at,
        )
        for d in deps
    ]


async def list_departments(
    session: AsyncSession, org_id: str, params: PageParams, parent_id: str | None = None
) -> tuple[list[Department], str | None]:
    await ensure_root(session, org_id)
    return await repository.page(session, org_id, params, parent_id)


async def check_department_ids(
    session: AsyncSession, org_id: str, ids: list[str], param: str
) -> list[str]:
    unique = list(dict.fromkeys(ids))
    if not unique:
        return []
    found = {d.id for d in await repository.all_of(session, org_id) if d.id in set(unique)}
    missing = [i for i in unique if i not in found]
    if missing:
        raise UnknownDepartment(
            _("No department {value}.", value=missing[0]), param=param
        )
    return unique


async def _manager_ids(session: AsyncSession, org_id: str, refs: list[str]) -> list[str]:
    out = []
    for i, ref in enumerate(refs):
        account = await find_account(session, org_id, ref)
        if account is None:
            raise ValidationFailed(_("No account {ref}.", ref=ref), param=f"manager_ids[{i}]")
        out.append(account.id)
    return list(dict.fromkeys(out))


def _check_sibling_name(tree: Tree, parent_id: str, name: str, exclude: str | None = None) -> None:
    clash = tree.child_named(parent_id, name)
    if clash is not None and clash.id != exclude:
        raise AlreadyExists(
            _(
                "{value} already has a department {name}.",
                value=tree.path(parent_id) or 'The root',
                name=repr(name),
            ), param="name"
        )


async def _changed(
    session: AsyncSession,
    org_id: str,
    dep: Department,
    verb: str,
    *,
    actor: Principal | None,
    ip: str | None,
    details: dict[str, object] | None = None,
) -> None:
    await record(
        session,
        org_id=org_id,
        action=f"department.{verb}",
        actor=actor,
        ip=ip,
        target_type="department",
        target_id=dep.id,
        details=details or {},
    )
    await emit(
        session,
        org_id,
        f"directory.department.{verb}",
        {"id": dep.id, "name": dep.name, "parent_id": dep.parent_id, **(details or {})},
    )


async def create_department(
    session: AsyncSession,
    org_id: str,
    data: schemas.DepartmentCreate,
    *,
    actor: Principal | None,
    ip: str | None = None,
    tree: Tree | None = None,
) -> Department:
    tree = tree or await load_tree(session, org_id)
    root = tree.root
    assert root is not None
    parent_id = data.parent_id or root.id
    if parent_id not in tree.nodes:
        raise UnknownDepartment(
            _("No department {parent_id}.", parent_id=parent_id), param="parent_id"
        )
    _check_sibling_name(tree, parent_id, data.name)
    order = data.sort_order
    if order is None:
        siblings = tree.kids.get(parent_id, [])
        order = max((tree.nodes[s].sort_order for s in siblings), default=-1) + 1
    dep = Department(
        id=new_id("dep"), org_id=org_id, parent_id=parent_id, name=data.name, sort_order=order
    )
    session.add(dep)
    await session.flush()
    if data.manager_ids:
        await repository.set_managers(
            session, org_id, dep.id, await _manager_ids(session, org_id, data.manager_ids)
        )
    tree.nodes[dep.id] = dep
    tree.reindex()
    await _changed(session, org_id, dep, "created", actor=actor, ip=ip)
    return dep


async def ensure_path(
    session: AsyncSession,
    org_id: str,
    path: str,
    tree: Tree,
    *,
    actor: Principal | None,
    create: bool = True,
) -> Department | None:
    """The department at `Sales/East` below the root, created on the way when `create`."""
    node = tree.root
    assert node is not None
    for name in [p.strip() for p in path.strip().strip("/").split("/")]:
        if not name or len(name) > 200:
            raise ValidationFailed(_(
                "Department path {path} has an empty or too long name.", path=repr(path)
            ))
        found = tree.child_named(node.id, name)
        if found is None:
            if not create:
                return None
            found = await create_department(
                session,
                org_id,
                schemas.DepartmentCreate(name=name, parent_id=node.id),
                actor=actor,
                tree=tree,
            )
        node = found
    return node


def _refuse_cycle(tree: Tree, dep: Department, parent_id: str) -> None:
    if dep.parent_id is None:
        raise DepartmentCycle(
            "The root department cannot be moved.", param="parent_id"
        )
    if parent_id not in tree.nodes:
        raise UnknownDepartment(
            _("No department {parent_id}.", parent_id=parent_id), param="parent_id"
        )
    if parent_id in tree.descendants(dep.id):
        raise DepartmentCycle(
            "A department cannot move under itself or one of its descendants.",
            param="parent_id",
        )


async def update_department(
    session: AsyncSession,
    org_id: str,
    dep: Department,
    data: schemas.DepartmentUpdate,
    *,
    actor: Principal,
    ip: str | None,
) -> Department:
    values = merge_patch.changes(data)
    for key in ("name", "parent_id", "sort_order", "manager_ids"):
        if key in values and values[key] is None:
            raise ValidationFailed(_("{key} cannot be null.", key=key), param=key)
    tree = await load_tree(session, org_id)
    changed: list[str] = []
    if "parent_id" in values and values["parent_id"] != dep.parent_id:
        _refuse_cycle(tree, dep, values["parent_id"])
        _check_sibling_name(tree, values["parent_id"], values.get("name", dep.name), exclude=dep.id)
        dep.parent_id = values["parent_id"]
        changed.append("parent_id")
    if "name" in values and values["name"] != dep.name:
        if dep.parent_id is not None:
            _check_sibling_name(tree, dep.parent_id, values["name"], exclude=dep.id)
        dep.name = values["name"]
        changed.append("name")
    if "sort_order" in values and values["sort_order"] != dep.sort_order:
        dep.sort_order = values["sort_order"]
        changed.append("sort_order")
    if "manager_ids" in values:
        wanted = await _manager_ids(session, org_id, values["manager_ids"])
        current = (await repository.managers_of(session, org_id, [dep.id]))[dep.id]
        if sorted(wanted) != sorted(current):
            await repository.set_managers(session, org_id, dep.id, wanted)
            changed.append("manager_ids")
    if changed:
        dep.version += 1
        dep.updated_at = utcnow()
        await _changed(
            session, org_id, dep, "updated", actor=actor, ip=ip, details={"changed": changed}
        )
    return dep


async def move_department(
    session: AsyncSession,
    org_id: str,
    dep: Department,
    data: schemas.DepartmentMove,
    *,
    actor: Principal,
    ip: str | None,
) -> Department:
    tree = await load_tree(session, org_id)
    _refuse_cycle(tree, dep, data.parent_id)
    _check_sibling_name(tree, data.parent_id, dep.name, exclude=dep.id)
    siblings = [s for s in tree.kids.get(data.parent_id, []) if s != dep.id]
    position = len(siblings) if data.position is None else min(data.position, len(siblings))
    siblings.insert(position, dep.id)
    dep.parent_id = data.parent_id
    for order, sid in enumerate(siblings):
        node = dep if sid == dep.id else tree.nodes[sid]
        if node.sort_order != order:
            node.sort_order = order
    dep.version += 1
    dep.updated_at = utcnow()
    await _changed(
        session,
        org_id,
        dep,
        "updated",
        actor=actor,
        ip=ip,
        details={"changed": ["parent_id", "sort_order"]},
    )
    return dep


async def reorder_children(
    session: AsyncSession,
    org_id: str,
    dep: Department,
    data: schemas.DepartmentReorder,
    *,
    actor: Principal,
    ip: str | None,
) -> list[Department]:
    kids = await repository.children(session, org_id, dep.id)
    if sorted(data.child_ids) != sorted(k.id for k in kids):
        raise ValidationFailed(
            "child_ids must list every child of the department exactly once.", param="child_ids"
        )
    by_id = {k.id: k for k in kids}
    for order, kid_id in enumerate(data.child_ids):
        kid = by_id[kid_id]
        if kid.sort_order != order:
            kid.sort_order = order
            kid.version += 1
            kid.updated_at = utcnow()
    await _changed(
        session, org_id, dep, "updated", actor=actor, ip=ip, details={"changed": ["children_order"]}
    )
    return [by_id[i] for i in data.child_ids]


async def delete_department(
    session: AsyncSession, org_id: str, dep: Department, *, actor: Principal, ip: str | None
) -> None:
    if dep.parent_id is None:
        raise DepartmentNotEmpty("The root department cannot be deleted.")
    if await repository.children(session, org_id, dep.id):
        raise DepartmentNotEmpty(
            "The department has sub-departments; move or delete them first.",
        )
    if await repository.member_count(session, org_id, dep.id):
        raise DepartmentNotEmpty("The department has members; move them first.")
    await repository.set_managers(session, org_id, dep.id, [])
    await group_repository.remove_member_everywhere(session, org_id, "department", dep.id)
    await session.delete(dep)
    await _changed(session, org_id, dep, "deleted", actor=actor, ip=ip)


async def member_account_ids(
    session: AsyncSession, org_id: str, dep_id: str, *, recursive: bool
) -> set[str]:
    ids = {dep_id}
    if recursive:
        ids = (await load_tree(session, org_id)).descendants(dep_id)
    return await repository.member_ids(session, org_id, ids)


async def departments_scope(
    session: AsyncSession, org_id: str, dep_id: str, *, recursive: bool
) -> set[str]:
    """The department ids a member listing covers (404 for an unknown department)."""
    await get_department(session, org_id, dep_id)
    if not recursive:
        return {dep_id}
    return (await load_tree(session, org_id)).descendants(dep_id)


# --- memberships, used by accounts ------------------------------------------------------


async def memberships(
    session: AsyncSession, org_id: str, account_ids: Iterable[str]
) -> dict[str, list[str]]:
    return await repository.memberships(session, org_id, account_ids)


async def set_memberships(
    session: AsyncSession, org_id: str, account_id: str, dep_ids: list[str]
) -> bool:
    """Make the account a member of exactly `dep_ids`; True when anything changed."""
    current = set((await repository.memberships(session, org_id, [account_id]))[account_id])
    wanted = set(dep_ids)
    if current == wanted:
        return False
    if current - wanted:
        await repository.remove_memberships(session, org_id, account_id, current - wanted)
    for dep_id in wanted - current:
        await repository.add_membership(session, org_id, account_id, dep_id)
    return True


async def forget_account(session: AsyncSession, org_id: str, account_id: str) -> None:
    await repository.forget_account(session, org_id, account_id)
