"""Accounts over REST: create, read by every key, list, patch, move, errors and scopes."""

from __future__ import annotations

from tests.factories.directory import (
    STRONG_PASSWORD,
    add_domain,
    audit_actions,
    create_account,
    create_department,
    create_group,
    event_types,
)
from tests.factories.platform import sign_in, user_tokens


async def test_create_account_with_every_field(client, org):
    dep = await create_department(org, "Sales")
    boss = await create_account(org, "boss")
    resp = await client.post(
        "/v1/accounts",
        json={
            "address": "Alice.Smith@ACME.test",
            "display_name": "Alice Smith",
            "password": STRONG_PASSWORD,
            "must_change_password": True,
            "employee_number": "E1001",
            "mobile": "+86 138-0013-8000",
            "job_title": "Engineer",
            "department_ids": [dep["id"]],
            "manager_id": "boss@acme.test",
            "quota_bytes": 10 * 1024**3,
            "type": "employee",
            "hidden_from_address_book": True,
        },
        headers=await org.headers(),
    )
    assert resp.status_code == 201, resp.text
    body = resp.json()
    assert body["address"] == "alice.smith@acme.test"
    assert body["mobile"] == "+8613800138000"
    assert body["department_ids"] == [dep["id"]]
    assert body["manager_id"] == boss["id"]
    assert body["quota_bytes"] == 10 * 1024**3
    assert body["hidden_from_address_book"] is True
    assert body["must_change_password"] is True
    assert body["password"] is None
    assert body["status"] == "active"
    assert resp.headers["etag"] == f'W/"{body["id"]}.1"'
    assert "directory.account.created" in await event_types(org)
    assert "account.created" in await audit_actions(org)


async def test_generated_password_is_returned_once_and_works(client, org):
    resp = await client.post(
        "/v1/accounts",
        json={"address": f"gen@{org.domain}", "display_name": "Gen"},
        headers=await org.headers(),
    )
    assert resp.status_code == 201
    password = resp.json()["password"]
    assert password and len(password) >= 16
    assert resp.json()["must_change_password"] is True
    again = await client.get(f"/v1/accounts/{resp.json()['id']}", headers=await org.headers())
    assert "password" not in again.json()
    login = await sign_in(client, f"gen@{org.domain}", password)
    assert login.status_code == 303


async def test_get_account_by_id_address_alias_employee_number_and_mobile(client, org):
    alice = await create_account(org, "alice", employee_number="E-7", mobile="13800000001")
    await client.post(
        f"/v1/accounts/{alice['id']}/aliases",
        json={"address": f"al@{org.domain}"},
        headers=await org.headers(),
    )
    for ref in (
        alice["id"],
        "ALICE@acme.test",
        "al@acme.test",
        "employee_number:E-7",
        "mobile:138 0000 0001",
    ):
        resp = await client.get(f"/v1/accounts/{ref}", headers=await org.headers("directory:read"))
        assert resp.status_code == 200, (ref, resp.text)
        assert resp.json()["id"] == alice["id"]
        assert resp.json()["aliases"] == ["al@acme.test"]
    missing = await client.get("/v1/accounts/employee_number:nope", headers=await org.headers())
    assert missing.status_code == 404
    assert missing.json()["code"] == "not_found"


async def test_alias_domain_address_finds_the_account(client, org):
    await add_domain(org, "acme.cn", alias_of_primary=True)
    alice = await create_account(org, "alice")
    resp = await client.get("/v1/accounts/alice@acme.cn", headers=await org.headers())
    assert resp.status_code == 200
    assert resp.json()["id"] == alice["id"]


async def test_duplicate_address_alias_group_employee_number_and_mobile_are_409(client, org):
    alice = await create_account(org, "alice", employee_number="E1", mobile="13800000001")
    await client.post(
        f"/v1/accounts/{alice['id']}/aliases",
        json={"address": f"ali@{org.domain}"},
        headers=await org.headers(),
    )
    await create_group(org, "sales")
    h = await org.headers()
    for address, extra in (
        ("alice", {}),
        ("ali", {}),
        ("sales", {}),
        ("bob", {"employee_number": "E1"}),
        ("carol", {"mobile": "+13800000001"}),
    ):
        resp = await client.post(
            "/v1/accounts",
            json={
                "address": f"{address}@{org.domain}",
                "display_name": "X",
                "password": STRONG_PASSWORD,
                **extra,
            },
            headers=h,
        )
        if address == "carol":
            # "+13800000001" is another number than "13800000001"
            assert resp.status_code == 201, resp.text
            continue
        assert resp.status_code == 409, (address, resp.text)
        assert resp.json()["code"] == "already_exists"


async def test_bad_addresses_and_foreign_domains_are_422(client, org, other_org):
    await add_domain(org, "acme.cn", alias_of_primary=True)
    h = await org.headers()
    for address, code in (
        ("no-at-sign", "validation_failed"),
        ("a..b@acme.test", "validation_failed"),
        ("a@-bad-.test", "validation_failed"),
        ("x@globex.test", "domain_not_in_organization"),
        ("x@nowhere.example", "domain_not_in_organization"),
        ("x@acme.cn", "alias_domain_address"),
    ):
        resp = await client.post(
            "/v1/accounts",
            json={"address": address, "display_name": "X", "password": STRONG_PASSWORD},
            headers=h,
        )
        assert resp.status_code == 422, (address, resp.text)
        assert resp.json()["code"] == code, (address, resp.text)


async def test_read_only_and_unknown_fields_are_rejected(client, org):
    for extra in ({"role": "admin"}, {"org_id": "org_x"}, {"status": "active"}, {"colour": "red"}):
        resp = await client.post(
            "/v1/accounts",
            json={
                "address": f"x@{org.domain}",
                "display_name": "X",
                "password": STRONG_PASSWORD,
                **extra,
            },
            headers=await org.headers(),
        )
        assert resp.status_code == 422, extra
        assert "Unknown or read-only field" in resp.json()["detail"]


async def test_weak_password_is_refused_and_nothing_is_created(client, org):
    resp = await client.post(
        "/v1/accounts",
        json={"address": f"weak@{org.domain}", "display_name": "W", "password": "short"},
        headers=await org.headers(),
    )
    assert resp.status_code == 422
    assert resp.json()["code"] == "password_policy"
    assert (
        await client.get(f"/v1/accounts/weak@{org.domain}", headers=await org.headers())
    ).status_code == 404


async def test_unknown_department_and_manager_are_422(client, org):
    h = await org.headers()
    base = {"address": f"x@{org.domain}", "display_name": "X", "password": STRONG_PASSWORD}
    resp = await client.post(
        "/v1/accounts", json={**base, "department_ids": ["dep_nope"]}, headers=h
    )
    assert resp.status_code == 422 and resp.json()["code"] == "unknown_department"
    resp = await client.post(
        "/v1/accounts", json={**base, "manager_id": "ghost@acme.test"}, headers=h
    )
    assert resp.status_code == 422 and resp.json()["param"] == "manager_id"


async def test_list_filters_by_status_text_and_department_recursively(client, org):
    sales = await create_department(org, "Sales")
    east = await create_department(org, "East", sales["id"])
    a = await create_account(org, "anna", department_ids=[sales["id"]], job_title="Sales lead")
    b = await create_account(org, "bert", department_ids=[east["id"]], employee_number="E77")
    c = await create_account(org, "cora")
    await client.post(f"/v1/accounts/{c['id']}/freeze", headers=await org.headers())
    h = await org.headers("directory:read")

    async def ids(**params):
        resp = await client.get("/v1/accounts", params=params, headers=h)
        assert resp.status_code == 200, resp.text
        return {x["id"] for x in resp.json()["data"]}

    assert await ids(department_id=sales["id"]) == {a["id"]}
    assert await ids(department_id=sales["id"], recursive="true") == {a["id"], b["id"]}
    assert await ids(status="frozen") == {c["id"]}
    assert await ids(q="lead") == {a["id"]}
    assert await ids(q="E77") == {b["id"]}
    assert await ids(q="100%_") == set()
    bad = await client.get("/v1/accounts", params={"department_id": "dep_nope"}, headers=h)
    assert bad.status_code == 422


async def test_list_paginates_with_stable_cursors(client, org):
    for i in range(5):
        await create_account(org, f"user{i}")
    h = await org.headers()
    seen, cursor = [], None
    while True:
        params = {"limit": 2, **({"cursor": cursor} if cursor else {})}
        page = (await client.get("/v1/accounts", params=params, headers=h)).json()
        seen += [x["id"] for x in page["data"]]
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert len(seen) == 6 and len(set(seen)) == 6 and seen == sorted(seen)
    bad = await client.get("/v1/accounts", params={"cursor": "!!!"}, headers=h)
    assert bad.status_code == 400


async def test_patch_with_etag_and_stale_if_match_is_412(client, org):
    alice = await create_account(org, "alice")
    h = await org.headers()
    got = await client.get(f"/v1/accounts/{alice['id']}", headers=h)
    etag = got.headers["etag"]
    ok = await client.patch(
        f"/v1/accounts/{alice['id']}",
        json={"job_title": "CTO", "mobile": "13900000000"},
        headers={**h, "If-Match": etag},
    )
    assert ok.status_code == 200, ok.text
    assert ok.json()["job_title"] == "CTO"
    assert ok.headers["etag"] != etag
    stale = await client.patch(
        f"/v1/accounts/{alice['id']}", json={"job_title": "CEO"}, headers={**h, "If-Match": etag}
    )
    assert stale.status_code == 412
    cleared = await client.patch(f"/v1/accounts/{alice['id']}", json={"mobile": None}, headers=h)
    assert cleared.json()["mobile"] is None
    bad = await client.patch(f"/v1/accounts/{alice['id']}", json={"display_name": None}, headers=h)
    assert bad.status_code == 422
    assert "directory.account.updated" in await event_types(org)


async def test_changing_the_address_keeps_the_old_one_as_alias(client, org):
    alice = await create_account(org, "alice")
    h = await org.headers()
    resp = await client.patch(
        f"/v1/accounts/{alice['id']}", json={"address": f"alice.w@{org.domain}"}, headers=h
    )
    assert resp.status_code == 200, resp.text
    assert resp.json()["address"] == "alice.w@acme.test"
    assert resp.json()["aliases"] == ["alice@acme.test"]
    back = await client.patch(
        f"/v1/accounts/{alice['id']}", json={"address": f"alice@{org.domain}"}, headers=h
    )
    assert back.status_code == 200
    assert back.json()["aliases"] == ["alice.w@acme.test"]


async def test_manager_cycles_are_refused(client, org):
    a = await create_account(org, "a1")
    b = await create_account(org, "b1", manager_id=a["id"])
    h = await org.headers()
    resp = await client.patch(f"/v1/accounts/{a['id']}", json={"manager_id": b["id"]}, headers=h)
    assert resp.status_code == 422 and resp.json()["code"] == "manager_cycle"
    resp = await client.patch(f"/v1/accounts/{a['id']}", json={"manager_id": a["id"]}, headers=h)
    assert resp.status_code == 422


async def test_move_between_departments(client, org):
    sales = await create_department(org, "Sales")
    ops = await create_department(org, "Ops")
    rnd = await create_department(org, "R&D")
    alice = await create_account(org, "alice", department_ids=[sales["id"], rnd["id"]])
    h = await org.headers()
    resp = await client.post(
        f"/v1/accounts/{alice['id']}/move",
        json={"from_department_id": sales["id"], "to_department_id": ops["id"]},
        headers=h,
    )
    assert resp.status_code == 200, resp.text
    assert sorted(resp.json()["department_ids"]) == sorted([ops["id"], rnd["id"]])
    resp = await client.post(
        f"/v1/accounts/{alice['id']}/move", json={"to_department_id": sales["id"]}, headers=h
    )
    assert resp.json()["department_ids"] == [sales["id"]]
    resp = await client.post(
        f"/v1/accounts/{alice['id']}/move",
        json={"from_department_id": ops["id"], "to_department_id": rnd["id"]},
        headers=h,
    )
    assert resp.status_code == 422


async def test_scopes_read_cannot_write_and_members_cannot_administer(client, org):
    alice = await create_account(org, "alice")
    read = await org.headers("directory:read")
    resp = await client.post(
        "/v1/accounts", json={"address": f"x@{org.domain}", "display_name": "X"}, headers=read
    )
    assert resp.status_code == 403 and resp.json()["code"] == "insufficient_scope"
    resp = await client.get("/v1/accounts", headers=await org.headers("mail:read"))
    assert resp.status_code == 403
    tokens = await user_tokens(org, "alice@acme.test", "directory:read directory:write")
    member = {"Authorization": f"Bearer {tokens['access_token']}"}
    resp = await client.post(f"/v1/accounts/{alice['id']}/freeze", headers=member)
    assert resp.status_code == 403
    assert (await client.get("/v1/accounts", headers=member)).status_code == 200


async def test_members_do_not_see_hidden_or_deleted_accounts(client, org):
    await create_account(org, "alice")
    hidden = await create_account(org, "ghost", hidden_from_address_book=True)
    gone = await create_account(org, "gone")
    await client.delete(f"/v1/accounts/{gone['id']}", headers=await org.headers())
    tokens = await user_tokens(org, "alice@acme.test", "directory:read")
    member = {"Authorization": f"Bearer {tokens['access_token']}"}
    listed = {x["id"] for x in (await client.get("/v1/accounts", headers=member)).json()["data"]}
    assert hidden["id"] not in listed and gone["id"] not in listed
    assert (await client.get(f"/v1/accounts/{gone['id']}", headers=member)).status_code == 404
    admin_view = {
        x["id"]
        for x in (await client.get("/v1/accounts", headers=await org.headers())).json()["data"]
    }
    assert hidden["id"] in admin_view
    me = await client.get("/v1/accounts/me", headers=member)
    assert me.json()["address"] == "alice@acme.test"
