"""Groups: create, members of every kind, cycles refused, update, delete."""

from __future__ import annotations

from tests.factories.directory import (
    audit_actions,
    create_account,
    create_department,
    create_group,
    event_types,
)


async def test_create_group_with_members_and_read_them(client, org):
    alice = await create_account(org, "alice")
    dep = await create_department(org, "Sales")
    inner = await create_group(org, "inner")
    group = await create_group(
        org,
        "team",
        description="The team",
        send_policy="members",
        members=[
            {"kind": "account", "ref": "alice@acme.test", "role": "moderator"},
            {"kind": "department", "ref": dep["id"]},
            {"kind": "group", "ref": "inner@acme.test"},
            {"kind": "external", "ref": "Partner@Example.org"},
        ],
    )
    assert group["send_policy"] == "members"
    h = await org.headers("directory:read")
    got = await client.get("/v1/groups/team@acme.test", headers=h)
    assert got.json()["id"] == group["id"]
    members = (await client.get(f"/v1/groups/{group['id']}/members", headers=h)).json()["data"]
    assert {(m["kind"], m["address"], m["role"]) for m in members} == {
        ("account", "alice@acme.test", "moderator"),
        ("department", None, "member"),
        ("group", "inner@acme.test", "member"),
        ("external", "partner@example.org", "member"),
    }
    assert {m["id"] for m in members} >= {f"account:{alice['id']}", f"group:{inner['id']}"}
    listed = (await client.get("/v1/groups", params={"q": "tea"}, headers=h)).json()["data"]
    assert [g["id"] for g in listed] == [group["id"]]
    assert "directory.group.created" in await event_types(org)
    assert "group.created" in await audit_actions(org)


async def test_group_errors(client, org, other_org):
    alice = await create_account(org, "alice")
    group = await create_group(org, "team")
    h = await org.headers()
    dup = await client.post(
        "/v1/groups", json={"address": "alice@acme.test", "name": "X"}, headers=h
    )
    assert dup.status_code == 409
    foreign = await client.post(
        "/v1/groups", json={"address": "x@globex.test", "name": "X"}, headers=h
    )
    assert foreign.status_code == 422
    url = f"/v1/groups/{group['id']}/members"
    for body in (
        {"kind": "account", "ref": "ghost@acme.test"},
        {"kind": "department", "ref": "dep_x"},
        {"kind": "group", "ref": "grp_x"},
        {"kind": "external", "ref": "not-an-address"},
        {"kind": "external", "ref": "alice@acme.test"},
        {"kind": "external", "ref": "x@example.org", "role": "moderator"},
        {"kind": "robot", "ref": "x"},
    ):
        resp = await client.post(url, json=body, headers=h)
        assert resp.status_code == 422, body
    ok = await client.post(url, json={"kind": "account", "ref": alice["id"]}, headers=h)
    assert ok.status_code == 201
    again = await client.post(url, json={"kind": "account", "ref": "alice@acme.test"}, headers=h)
    assert again.status_code == 409
    other_orgs_account = await client.post(
        url, json={"kind": "account", "ref": other_org.made.admin.id}, headers=h
    )
    assert other_orgs_account.status_code == 422


async def test_group_cycles_are_refused(client, org):
    a = await create_group(org, "ga")
    b = await create_group(org, "gb", members=[{"kind": "group", "ref": a["id"]}])
    c = await create_group(org, "gc", members=[{"kind": "group", "ref": b["id"]}])
    h = await org.headers()
    for target in (a, b, c):
        resp = await client.post(
            f"/v1/groups/{a['id']}/members", json={"kind": "group", "ref": target["id"]}, headers=h
        )
        assert resp.status_code == 422 and resp.json()["code"] == "group_cycle", target["address"]
    fine = await client.post(
        f"/v1/groups/{c['id']}/members", json={"kind": "group", "ref": a["id"]}, headers=h
    )
    assert fine.status_code == 201  # a diamond, not a cycle


async def test_update_remove_member_and_delete(client, org):
    alice = await create_account(org, "alice")
    outer = await create_group(org, "outer")
    group = await create_group(
        org,
        "team",
        members=[
            {"kind": "account", "ref": alice["id"]},
            {"kind": "external", "ref": "x@example.org"},
        ],
    )
    await client.post(
        f"/v1/groups/{outer['id']}/members",
        json={"kind": "group", "ref": group["id"]},
        headers=await org.headers(),
    )
    h = await org.headers()
    got = await client.get(f"/v1/groups/{group['id']}", headers=h)
    resp = await client.patch(
        f"/v1/groups/{group['id']}",
        json={"name": "Team!", "send_policy": "anyone"},
        headers={**h, "If-Match": got.headers["etag"]},
    )
    assert resp.status_code == 200 and resp.json()["name"] == "Team!"
    stale = await client.patch(
        f"/v1/groups/{group['id']}",
        json={"name": "x"},
        headers={**h, "If-Match": got.headers["etag"]},
    )
    assert stale.status_code == 412
    assert (
        await client.patch(f"/v1/groups/{group['id']}", json={"send_policy": "nobody"}, headers=h)
    ).status_code == 422
    assert (
        await client.patch(f"/v1/groups/{group['id']}", json={"address": "y@acme.test"}, headers=h)
    ).status_code == 422
    gone = await client.delete(
        f"/v1/groups/{group['id']}/members/external:X@example.org", headers=h
    )
    assert gone.status_code == 204
    assert (
        await client.delete(f"/v1/groups/{group['id']}/members/external:X@example.org", headers=h)
    ).status_code == 404
    assert (
        await client.delete(f"/v1/groups/{group['id']}/members/bogus", headers=h)
    ).status_code == 404
    assert (await client.delete(f"/v1/groups/{group['id']}", headers=h)).status_code == 204
    assert (await client.get(f"/v1/groups/{group['id']}", headers=h)).status_code == 404
    assert (await client.get(f"/v1/groups/{outer['id']}/members", headers=h)).json()["data"] == []
    reuse = await client.post(
        "/v1/groups", json={"address": "team@acme.test", "name": "again"}, headers=h
    )
    assert reuse.status_code == 201
    assert "directory.group.deleted" in await event_types(org)
