"""What mail delivery calls: recipient resolution (aliases, alias domains, groups, policy)
and who may send as which address."""

from __future__ import annotations

from sqlalchemy import select

from api.directory.recipients import may_send_as, resolve_recipients
from api.storage.models import Account
from tests.factories.directory import add_domain, create_account, create_department, create_group


async def _account(runtime, account_id: str) -> Account:
    async with runtime.db.session(write=False) as s:
        return (await s.execute(select(Account).where(Account.id == account_id))).scalar_one()


async def test_accounts_aliases_alias_domains_remote_and_unknown(client, org, other_org, runtime):
    await add_domain(org, "acme.cn", alias_of_primary=True)
    alice = await create_account(org, "alice")
    await client.post(
        f"/v1/accounts/{alice['id']}/aliases",
        json={"address": "ceo@acme.test"},
        headers=await org.headers(),
    )
    async with runtime.db.session() as s:
        r = await resolve_recipients(
            s,
            [
                "Alice@acme.test",
                "ceo@acme.cn",
                "admin@globex.test",
                "friend@example.org",
                "nobody@acme.test",
                " ",
            ],
        )
    assert r.local == {alice["id"]: "Alice@acme.test", other_org.made.admin.id: "admin@globex.test"}
    assert r.remote == ["friend@example.org"]
    assert r.unknown == ["nobody@acme.test"]


async def test_groups_expand_nested_groups_departments_and_externals(client, org, runtime):
    sales = await create_department(org, "Sales")
    east = await create_department(org, "East", sales["id"])
    a = await create_account(org, "anna", department_ids=[east["id"]])
    b = await create_account(org, "bert")
    gone = await create_account(org, "gone")
    inner = await create_group(
        org,
        "inner",
        send_policy="anyone",
        members=[
            {"kind": "account", "ref": b["id"]},
            {"kind": "account", "ref": gone["id"]},
            {"kind": "external", "ref": "Partner@Example.org"},
        ],
    )
    await create_group(
        org,
        "all",
        send_policy="anyone",
        members=[
            {"kind": "group", "ref": inner["id"]},
            {"kind": "department", "ref": sales["id"]},
            {"kind": "account", "ref": b["id"]},
        ],
    )
    await client.delete(f"/v1/accounts/{gone['id']}", headers=await org.headers())
    async with runtime.db.session() as s:
        r = await resolve_recipients(s, ["all@acme.test", "bert@acme.test"])
    assert r.local == {b["id"]: "all@acme.test", a["id"]: "all@acme.test"}
    assert sorted(r.groups["all@acme.test"]) == sorted([a["id"], b["id"]])
    assert r.remote == ["partner@example.org"]
    expansion = await client.get("/v1/groups/all@acme.test/expansion", headers=await org.headers())
    assert {x["id"] for x in expansion.json()["accounts"]} == {a["id"], b["id"]}


async def test_group_send_policies(client, org, other_org, runtime):
    alice = await create_account(org, "alice")
    mod = await create_account(org, "mod")
    await create_account(org, "outsider")
    members = [
        {"kind": "account", "ref": alice["id"]},
        {"kind": "account", "ref": mod["id"], "role": "moderator"},
        {"kind": "external", "ref": "guest@example.org"},
    ]
    for policy in ("anyone", "organization", "members", "moderators"):
        await create_group(org, policy, send_policy=policy, members=members)
    expected = {
        "stranger@example.org": {"anyone"},
        None: {"anyone"},
        "outsider@acme.test": {"anyone", "organization"},
        "guest@example.org": {"anyone", "members"},
        "alice@acme.test": {"anyone", "organization", "members"},
        "mod@acme.test": {"anyone", "organization", "members", "moderators"},
        "admin@globex.test": {"anyone"},
    }
    groups = [f"{p}@acme.test" for p in ("anyone", "organization", "members", "moderators")]
    async with runtime.db.session() as s:
        for sender, allowed in expected.items():
            r = await resolve_recipients(s, groups, sender=sender)
            accepted = {g.split("@")[0] for g in r.groups}
            assert accepted == allowed, sender
            refused = {
                f"{p}@acme.test"
                for p in {"anyone", "organization", "members", "moderators"} - allowed
            }
            assert set(r.refused) == refused
            assert set(r.unknown) == refused  # callers that ignore `refused` still bounce them


async def test_may_send_as_own_address_alias_and_moderated_group(client, org, runtime):
    await add_domain(org, "acme.cn", alias_of_primary=True)
    alice = await create_account(org, "alice")
    bob = await create_account(org, "bob")
    await client.post(
        f"/v1/accounts/{alice['id']}/aliases",
        json={"address": "hello@acme.test"},
        headers=await org.headers(),
    )
    await create_group(
        org,
        "news",
        members=[
            {"kind": "account", "ref": alice["id"], "role": "moderator"},
            {"kind": "account", "ref": bob["id"]},
        ],
    )
    acc_a, acc_b = await _account(runtime, alice["id"]), await _account(runtime, bob["id"])
    async with runtime.db.session() as s:
        assert await may_send_as(s, acc_a, "alice@acme.test")
        assert await may_send_as(s, acc_a, "ALICE@acme.cn")
        assert await may_send_as(s, acc_a, "hello@acme.test")
        assert await may_send_as(s, acc_a, "news@acme.test")
        assert not await may_send_as(s, acc_b, "news@acme.test")
        assert not await may_send_as(s, acc_b, "hello@acme.test")
        assert not await may_send_as(s, acc_b, "alice@acme.test")
        assert not await may_send_as(s, acc_b, "someone@example.org")
