"""Factories for the directory: accounts through the API, departments, groups."""

from __future__ import annotations

from typing import Any

from tests.factories.platform import ADMIN_PASSWORD, OrgHandle

STRONG_PASSWORD = ADMIN_PASSWORD  # so user_tokens() can sign in as any account made here


async def create_account(org: OrgHandle, local: str, **fields: Any) -> dict[str, Any]:
    body = {
        "address": f"{local}@{org.domain}",
        "display_name": local.title(),
        "password": STRONG_PASSWORD,
        "must_change_password": False,
        **fields,
    }
    resp = await org.client.post("/v1/accounts", json=body, headers=await org.headers())
    assert resp.status_code == 201, resp.text
    return dict(resp.json())


async def create_department(
    org: OrgHandle, name: str, parent_id: str | None = None, **fields: Any
) -> dict[str, Any]:
    body: dict[str, Any] = {"name": name, **fields}
    if parent_id:
        body["parent_id"] = parent_id
    resp = await org.client.post("/v1/departments", json=body, headers=await org.headers())
    assert resp.status_code == 201, resp.text
    return dict(resp.json())


async def create_group(org: OrgHandle, local: str, **fields: Any) -> dict[str, Any]:
    body = {"address": f"{local}@{org.domain}", "name": local.title(), **fields}
    resp = await org.client.post("/v1/groups", json=body, headers=await org.headers())
    assert resp.status_code == 201, resp.text
    return dict(resp.json())


async def add_domain(org: OrgHandle, name: str, *, alias_of_primary: bool = False) -> str:
    """A second domain of the organisation (an alias domain of its primary when asked)."""
    from api.kit.ids import new_id
    from api.storage.models import Domain

    async with org.runtime.db.session() as session:
        dom = Domain(id=new_id("dom"), org_id=org.id, name=name)
        if alias_of_primary:
            dom.kind = "alias"
            dom.alias_of = org.made.domain.id
        session.add(dom)
    return dom.id


async def event_types(org: OrgHandle) -> list[str]:
    from sqlalchemy import select

    from api.storage.models import Event

    async with org.runtime.db.session(write=False) as session:
        rows = await session.execute(
            select(Event.type).where(Event.org_id == org.id).order_by(Event.sequence)
        )
        return list(rows.scalars().all())


async def audit_actions(org: OrgHandle) -> list[str]:
    from sqlalchemy import select

    from api.storage.models import AuditEntry

    async with org.runtime.db.session(write=False) as session:
        rows = await session.execute(
            select(AuditEntry.action)
            .where(AuditEntry.org_id == org.id)
            .order_by(AuditEntry.occurred_at)
        )
        return list(rows.scalars().all())


# --- tenant isolation (tests/isolation.py) -------------------------------------------------


async def victim_account(org: OrgHandle) -> str:
    return str((await create_account(org, "victim"))["id"])


async def victim_account_address(org: OrgHandle) -> str:
    await create_account(org, "victim")
    return f"victim@{org.domain}"


ACCOUNT_ROUTES: list[tuple[Any, ...]] = [
    ("GET", "/v1/accounts/{id}"),
    ("PATCH", "/v1/accounts/{id}", {"job_title": "pwned"}),
    ("DELETE", "/v1/accounts/{id}"),
    ("POST", "/v1/accounts/{id}/restore"),
    ("POST", "/v1/accounts/{id}/freeze"),
    ("POST", "/v1/accounts/{id}/unfreeze"),
    ("POST", "/v1/accounts/{id}/move", {"to_department_id": "dep_x"}),
    ("POST", "/v1/accounts/{id}/reset-password", {}),
    ("GET", "/v1/accounts/{id}/aliases"),
    ("POST", "/v1/accounts/{id}/aliases", {"address": "pwned@globex.test"}),
    ("DELETE", "/v1/accounts/{id}/aliases/pwned@globex.test"),
]
ACCOUNT_GRAPHQL = [
    "query($id: ID!) { account(id: $id) { id } }",
    'mutation($id: ID!) { updateAccount(id: $id, input: {jobTitle: "pwned"}) { id } }',
    "mutation($id: ID!) { deleteAccount(id: $id) }",
    "mutation($id: ID!) { restoreAccount(id: $id) { id } }",
    "mutation($id: ID!) { freezeAccount(id: $id) { id } }",
    "mutation($id: ID!) { unfreezeAccount(id: $id) { id } }",
    'mutation($id: ID!) { moveAccount(id: $id, toDepartmentId: "dep_x") { id } }',
    "mutation($id: ID!) { resetAccountPassword(id: $id) }",
    'mutation($id: ID!) { addAccountAlias(id: $id, address: "pwned@globex.test") { address } }',
    'mutation($id: ID!) { removeAccountAlias(id: $id, address: "pwned@globex.test") }',
]


async def victim_department(org: OrgHandle) -> str:
    return str((await create_department(org, "Victim"))["id"])


DEPARTMENT_ROUTES: list[tuple[Any, ...]] = [
    ("GET", "/v1/departments/{id}"),
    ("PATCH", "/v1/departments/{id}", {"name": "pwned"}),
    ("DELETE", "/v1/departments/{id}"),
    ("POST", "/v1/departments/{id}/move", {"parent_id": "dep_x"}),
    ("POST", "/v1/departments/{id}/reorder", {"child_ids": ["dep_x"]}),
    ("GET", "/v1/departments/{id}/members"),
]
DEPARTMENT_GRAPHQL = [
    "query($id: ID!) { department(id: $id) { id } }",
    "query($id: ID!) { departmentMembers(id: $id) { nextCursor } }",
    'mutation($id: ID!) { updateDepartment(id: $id, input: {name: "pwned"}) { id } }',
    'mutation($id: ID!) { moveDepartment(id: $id, parentId: "dep_x") { id } }',
    'mutation($id: ID!) { reorderDepartments(id: $id, childIds: ["dep_x"]) { id } }',
    "mutation($id: ID!) { deleteDepartment(id: $id) }",
]


async def victim_group(org: OrgHandle) -> str:
    return str(
        (
            await create_group(
                org, "victims", members=[{"kind": "external", "ref": "x@example.org"}]
            )
        )["id"]
    )


async def victim_group_address(org: OrgHandle) -> str:
    await create_group(org, "victims")
    return f"victims@{org.domain}"


GROUP_ROUTES: list[tuple[Any, ...]] = [
    ("GET", "/v1/groups/{id}"),
    ("PATCH", "/v1/groups/{id}", {"name": "pwned"}),
    ("DELETE", "/v1/groups/{id}"),
    ("GET", "/v1/groups/{id}/members"),
    ("POST", "/v1/groups/{id}/members", {"kind": "external", "ref": "pwned@example.org"}),
    ("DELETE", "/v1/groups/{id}/members/external:x@example.org"),
    ("GET", "/v1/groups/{id}/expansion"),
]
GROUP_GRAPHQL = [
    "query($id: ID!) { group(id: $id) { id } }",
    "query($id: ID!) { groupMembers(id: $id) { nextCursor } }",
    "query($id: ID!) { groupExpansion(id: $id) { external } }",
    'mutation($id: ID!) { updateGroup(id: $id, input: {name: "pwned"}) { id } }',
    "mutation($id: ID!) { deleteGroup(id: $id) }",
    'mutation($id: ID!) { addGroupMember(id: $id, input: {kind: "external", ref: "p@example.org"})'
    " { id } }",
    'mutation($id: ID!) { removeGroupMember(id: $id, memberId: "external:x@example.org") }',
]


async def victim_import(org: OrgHandle) -> str:
    resp = await org.client.post(
        "/v1/directory/imports",
        files={"file": ("a.csv", f"address,display_name\nv@{org.domain},V\n".encode())},
        params={"dry_run": "true"},
        headers=await org.headers(),
    )
    assert resp.status_code == 202, resp.text
    return str(resp.json()["id"])


IMPORT_ROUTES: list[tuple[Any, ...]] = [
    ("GET", "/v1/directory/imports/{id}"),
    ("GET", "/v1/directory/imports/{id}/rows"),
]
IMPORT_GRAPHQL = [
    "query($id: ID!) { directoryImport(id: $id) { id } }",
    "query($id: ID!) { directoryImportRows(id: $id) { nextCursor } }",
]
