"""The department tree: root, create, rename, move with cycle refusal, reorder, delete,
managers and members."""

from __future__ import annotations

from tests.factories.directory import audit_actions, create_account, create_department, event_types


async def _root(client, org) -> dict:
    page = (await client.get("/v1/departments", headers=await org.headers())).json()["data"]
    roots = [d for d in page if d["parent_id"] is None]
    assert len(roots) == 1
    return roots[0]


async def test_tree_has_one_root_and_paths(client, org):
    root = await _root(client, org)
    assert root["name"] == "Acme" and root["path"] == ""
    sales = await create_department(org, "Sales")
    east = await create_department(org, "East", sales["id"])
    assert sales["parent_id"] == root["id"]
    assert east["path"] == "Sales/East"
    children = (
        await client.get(
            "/v1/departments", params={"parent_id": root["id"]}, headers=await org.headers()
        )
    ).json()["data"]
    assert [c["name"] for c in children] == ["Sales"]
    assert "directory.department.created" in await event_types(org)
    assert "department.created" in await audit_actions(org)


async def test_sibling_names_are_unique_and_names_have_no_slash(client, org):
    await create_department(org, "Sales")
    dup = await client.post("/v1/departments", json={"name": "sales"}, headers=await org.headers())
    assert dup.status_code == 409
    slash = await client.post("/v1/departments", json={"name": "A/B"}, headers=await org.headers())
    assert slash.status_code == 422
    unknown_parent = await client.post(
        "/v1/departments", json={"name": "X", "parent_id": "dep_nope"}, headers=await org.headers()
    )
    assert unknown_parent.status_code == 422


async def test_move_refuses_cycles_and_the_root(client, org):
    root = await _root(client, org)
    a = await create_department(org, "A")
    b = await create_department(org, "B", a["id"])
    c = await create_department(org, "C", b["id"])
    h = await org.headers()
    for target in (a["id"], b["id"], c["id"]):
        resp = await client.post(
            f"/v1/departments/{a['id']}/move", json={"parent_id": target}, headers=h
        )
        assert resp.status_code == 422 and resp.json()["code"] == "department_cycle", target
    resp = await client.patch(f"/v1/departments/{a['id']}", json={"parent_id": c["id"]}, headers=h)
    assert resp.status_code == 422 and resp.json()["code"] == "department_cycle"
    resp = await client.post(
        f"/v1/departments/{root['id']}/move", json={"parent_id": a["id"]}, headers=h
    )
    assert resp.status_code == 422
    moved = await client.post(
        f"/v1/departments/{c['id']}/move", json={"parent_id": root["id"], "position": 0}, headers=h
    )
    assert (
        moved.status_code == 200 and moved.json()["path"] == "C" and moved.json()["sort_order"] == 0
    )
    kids = (
        await client.get("/v1/departments", params={"parent_id": root["id"]}, headers=h)
    ).json()["data"]
    assert [k["name"] for k in kids] == ["C", "A"]


async def test_rename_reorder_and_if_match(client, org):
    root = await _root(client, org)
    a = await create_department(org, "A")
    b = await create_department(org, "B")
    c = await create_department(org, "C")
    h = await org.headers()
    got = await client.get(f"/v1/departments/{a['id']}", headers=h)
    renamed = await client.patch(
        f"/v1/departments/{a['id']}",
        json={"name": "Alpha"},
        headers={**h, "If-Match": got.headers["etag"]},
    )
    assert renamed.json()["name"] == "Alpha"
    stale = await client.patch(
        f"/v1/departments/{a['id']}",
        json={"name": "Beta"},
        headers={**h, "If-Match": got.headers["etag"]},
    )
    assert stale.status_code == 412
    clash = await client.patch(f"/v1/departments/{b['id']}", json={"name": "alpha"}, headers=h)
    assert clash.status_code == 409
    order = [c["id"], a["id"], b["id"]]
    resp = await client.post(
        f"/v1/departments/{root['id']}/reorder", json={"child_ids": order}, headers=h
    )
    assert resp.status_code == 200 and [d["id"] for d in resp.json()] == order
    kids = (
        await client.get("/v1/departments", params={"parent_id": root["id"]}, headers=h)
    ).json()["data"]
    assert [k["id"] for k in kids] == order
    partial = await client.post(
        f"/v1/departments/{root['id']}/reorder", json={"child_ids": order[:2]}, headers=h
    )
    assert partial.status_code == 422


async def test_delete_only_when_empty(client, org):
    root = await _root(client, org)
    a = await create_department(org, "A")
    b = await create_department(org, "B", a["id"])
    alice = await create_account(org, "alice", department_ids=[b["id"]])
    h = await org.headers()
    for dep in (a, b, root):
        resp = await client.delete(f"/v1/departments/{dep['id']}", headers=h)
        assert resp.status_code == 409 and resp.json()["code"] == "department_not_empty", dep[
            "name"
        ]
    await client.patch(f"/v1/accounts/{alice['id']}", json={"department_ids": []}, headers=h)
    assert (await client.delete(f"/v1/departments/{b['id']}", headers=h)).status_code == 204
    assert (await client.delete(f"/v1/departments/{a['id']}", headers=h)).status_code == 204
    assert (await client.get(f"/v1/departments/{a['id']}", headers=h)).status_code == 404
    assert "directory.department.deleted" in await event_types(org)


async def test_managers_and_members_direct_and_recursive(client, org):
    a = await create_department(org, "A")
    b = await create_department(org, "B", a["id"])
    boss = await create_account(org, "boss", department_ids=[a["id"]])
    worker = await create_account(org, "worker", department_ids=[b["id"]])
    h = await org.headers()
    resp = await client.patch(
        f"/v1/departments/{a['id']}", json={"manager_ids": ["boss@acme.test"]}, headers=h
    )
    assert resp.json()["manager_ids"] == [boss["id"]]
    bad = await client.patch(
        f"/v1/departments/{a['id']}", json={"manager_ids": ["ghost@acme.test"]}, headers=h
    )
    assert bad.status_code == 422
    direct = (await client.get(f"/v1/departments/{a['id']}/members", headers=h)).json()["data"]
    assert [m["id"] for m in direct] == [boss["id"]]
    everyone = (
        await client.get(
            f"/v1/departments/{a['id']}/members", params={"recursive": "true"}, headers=h
        )
    ).json()["data"]
    assert {m["id"] for m in everyone} == {boss["id"], worker["id"]}
    assert (await client.get("/v1/departments/dep_nope/members", headers=h)).status_code == 404


async def test_a_top_level_department_names_the_root_by_id_everywhere(client, org):
    """One representation of the parent: the root's id on create, get and list, whether the
    request omitted parent_id, sent null or sent the root's id; null only for the root."""
    h = await org.headers()
    made = (await client.post("/v1/departments", json={"name": "Ops"}, headers=h)).json()
    listed = (await client.get("/v1/departments", headers=h)).json()["data"]
    roots = [d for d in listed if d["parent_id"] is None]
    assert len(roots) == 1
    root = roots[0]
    assert made["parent_id"] == root["id"]
    got = (await client.get(f"/v1/departments/{made['id']}", headers=h)).json()
    assert got["parent_id"] == root["id"]
    assert [d["parent_id"] for d in listed if d["id"] == made["id"]] == [root["id"]]
    explicit = await client.post(
        "/v1/departments", json={"name": "Ops2", "parent_id": root["id"]}, headers=h
    )
    assert explicit.status_code == 201 and explicit.json()["parent_id"] == root["id"]
    null = await client.post("/v1/departments", json={"name": "Ops3", "parent_id": None}, headers=h)
    assert null.status_code == 201 and null.json()["parent_id"] == root["id"]
