"""Freeze, unfreeze, delete, restore, purge; passwords, policy, aliases and address checks."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select, update

from api.directory.recipients import resolve_recipients
from api.kit.clock import utcnow
from api.storage.models import Account, DirectoryAddress, Job, Token
from api.worker.runner import run_once
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


def bearer(tokens: dict) -> dict[str, str]:
    return {"Authorization": f"Bearer {tokens['access_token']}"}


async def test_frozen_account_cannot_sign_in_its_token_stops_at_once_and_mail_still_arrives(
    client, org, runtime
):
    alice = await create_account(org, "alice")
    tokens = await user_tokens(org, "alice@acme.test", "mail:read")
    assert (await client.get("/v1/me", headers=bearer(tokens))).status_code == 200
    resp = await client.post(f"/v1/accounts/{alice['id']}/freeze", headers=await org.headers())
    assert resp.status_code == 200, resp.text
    assert resp.json()["status"] == "frozen" and resp.json()["frozen_at"]
    # no waiting for the one-second token cache: the very next request is refused
    assert (await client.get("/v1/me", headers=bearer(tokens))).status_code == 401
    async with runtime.db.session() as s:
        revoked = (
            (await s.execute(select(Token.revoked_at).where(Token.account_id == alice["id"])))
            .scalars()
            .all()
        )
        assert revoked and all(r is not None for r in revoked)
        resolved = await resolve_recipients(s, ["alice@acme.test"])
        assert alice["id"] in resolved.local
    refresh = await client.post(
        "/oauth/token",
        data={"grant_type": "refresh_token", "refresh_token": tokens["refresh_token"]},
        auth=(tokens["app"]["client_id"], tokens["app"]["client_secret"]),
    )
    assert refresh.status_code == 400
    login = await sign_in(client, "alice@acme.test", STRONG_PASSWORD)
    assert login.status_code == 401
    assert "directory.account.frozen" in await event_types(org)
    assert "account.frozen" in await audit_actions(org)

    again = await client.post(f"/v1/accounts/{alice['id']}/unfreeze", headers=await org.headers())
    assert again.json()["status"] == "active"
    assert (await sign_in(client, "alice@acme.test", STRONG_PASSWORD)).status_code == 303
    assert (
        await client.get("/v1/me", headers=bearer(tokens))
    ).status_code == 401  # old tokens stay dead
    assert "directory.account.unfrozen" in await event_types(org)


async def test_admin_cannot_freeze_or_delete_themselves_or_the_last_admin(client, org):
    tokens = await user_tokens(org, "admin@acme.test", "directory:write directory:read")
    me = bearer(tokens)
    admin_id = org.made.admin.id
    resp = await client.post(f"/v1/accounts/{admin_id}/freeze", headers=me)
    assert resp.status_code == 422
    resp = await client.delete(f"/v1/accounts/{admin_id}", headers=await org.headers())
    assert resp.status_code == 409 and resp.json()["code"] == "last_admin"


async def test_delete_restore_and_purge(client, org, runtime):
    dep = await create_department(org, "Sales")
    alice = await create_account(org, "alice", department_ids=[dep["id"]])
    h = await org.headers()
    await client.post(
        f"/v1/accounts/{alice['id']}/aliases", json={"address": "al@acme.test"}, headers=h
    )
    group = await create_group(org, "team", members=[{"kind": "account", "ref": alice["id"]}])
    resp = await client.delete(f"/v1/accounts/{alice['id']}", headers=h)
    assert resp.status_code == 204
    got = (await client.get(f"/v1/accounts/{alice['id']}", headers=h)).json()
    assert got["status"] == "deleted" and got["purge_after"]
    assert (await client.get("/v1/accounts", params={"status": "deleted"}, headers=h)).json()[
        "data"
    ][0]["id"] == alice["id"]
    assert alice["id"] not in {
        a["id"] for a in (await client.get("/v1/accounts", headers=h)).json()["data"]
    }
    assert (await sign_in(client, "alice@acme.test", STRONG_PASSWORD)).status_code == 401
    async with runtime.db.session() as s:
        resolved = await resolve_recipients(s, ["alice@acme.test", "al@acme.test"])
        assert resolved.unknown == ["alice@acme.test", "al@acme.test"]
    # the address stays reserved while the account can be restored
    taken = await client.post(
        "/v1/accounts",
        json={"address": "alice@acme.test", "display_name": "A", "password": STRONG_PASSWORD},
        headers=h,
    )
    assert taken.status_code == 409 and "restorable" in taken.json()["detail"]
    assert (
        await client.delete(f"/v1/accounts/{alice['id']}", headers=h)
    ).status_code == 204  # idempotent
    patched = await client.patch(f"/v1/accounts/{alice['id']}", json={"job_title": "x"}, headers=h)
    assert patched.status_code == 409 and patched.json()["code"] == "account_deleted"

    restored = await client.post(f"/v1/accounts/{alice['id']}/restore", headers=h)
    assert restored.status_code == 200 and restored.json()["status"] == "active"
    assert restored.json()["aliases"] == ["al@acme.test"]
    assert (await client.post(f"/v1/accounts/{alice['id']}/restore", headers=h)).status_code == 409

    await client.delete(f"/v1/accounts/{alice['id']}", headers=h)
    async with runtime.db.session() as s:
        past = utcnow() - timedelta(seconds=1)
        await s.execute(update(Account).where(Account.id == alice["id"]).values(purge_after=past))
        await s.execute(
            update(Job).where(Job.kind == "directory.account.purge").values(run_at=past)
        )
    late = await client.post(f"/v1/accounts/{alice['id']}/restore", headers=h)
    assert late.status_code == 410 and late.json()["code"] == "restore_window_passed"
    await run_once(runtime, "test-worker")
    assert (await client.get(f"/v1/accounts/{alice['id']}", headers=h)).status_code == 404
    async with runtime.db.session() as s:
        assert await s.get(DirectoryAddress, "al@acme.test") is None
    members = (await client.get(f"/v1/groups/{group['id']}/members", headers=h)).json()["data"]
    assert members == []
    assert (await client.delete(f"/v1/departments/{dep['id']}", headers=h)).status_code == 204
    types = await event_types(org)
    assert {
        "directory.account.deleted",
        "directory.account.restored",
        "directory.account.purged",
    } <= set(types)
    # the address is free again
    again = await client.post(
        "/v1/accounts",
        json={"address": "alice@acme.test", "display_name": "A", "password": STRONG_PASSWORD},
        headers=h,
    )
    assert again.status_code == 201


async def test_admin_password_reset_generates_and_revokes(client, org):
    alice = await create_account(org, "alice")
    tokens = await user_tokens(org, "alice@acme.test", "mail:read")
    resp = await client.post(
        f"/v1/accounts/{alice['id']}/reset-password", headers=await org.headers()
    )
    assert resp.status_code == 200, resp.text
    new = resp.json()["password"]
    assert new and len(new) >= 16
    assert (await client.get("/v1/me", headers=bearer(tokens))).status_code == 401
    assert (await sign_in(client, "alice@acme.test", STRONG_PASSWORD)).status_code == 401
    login = await sign_in(client, "alice@acme.test", new)
    assert login.status_code == 303
    got = await client.get(f"/v1/accounts/{alice['id']}", headers=await org.headers())
    assert got.json()["must_change_password"] is True
    chosen = await client.post(
        f"/v1/accounts/{alice['id']}/reset-password",
        json={"password": "another-long-secret", "must_change_password": False},
        headers=await org.headers(),
    )
    assert chosen.json()["password"] is None
    weak = await client.post(
        f"/v1/accounts/{alice['id']}/reset-password",
        json={"password": "x"},
        headers=await org.headers(),
    )
    assert weak.status_code == 422
    assert "account.password_reset" in await audit_actions(org)


async def test_self_password_change_needs_the_current_password_and_is_throttled(client, org):
    await create_account(org, "alice")
    tokens = await user_tokens(org, "alice@acme.test", "mail:read")
    me = bearer(tokens)
    body = {"current_password": "wrong-password", "new_password": "a-brand-new-secret"}
    resp = await client.post("/v1/accounts/me/change-password", json=body, headers=me)
    assert resp.status_code == 422 and resp.json()["param"] == "current_password"
    ok = await client.post(
        "/v1/accounts/me/change-password",
        json={"current_password": STRONG_PASSWORD, "new_password": "a-brand-new-secret"},
        headers=me,
    )
    assert ok.status_code == 204, ok.text
    assert (await sign_in(client, "alice@acme.test", "a-brand-new-secret")).status_code == 303
    app_token = await client.post(
        "/v1/accounts/alice@acme.test/change-password", json=body, headers=await org.headers()
    )
    assert app_token.status_code == 403
    for _ in range(5):
        await client.post("/v1/accounts/me/change-password", json=body, headers=me)
    locked = await client.post(
        "/v1/accounts/me/change-password",
        json={"current_password": "a-brand-new-secret", "new_password": "yet-another-one1"},
        headers=me,
    )
    assert locked.status_code == 429 and int(locked.headers["retry-after"]) > 0


async def test_password_policy_applies_to_new_passwords(client, org):
    h = await org.headers()
    assert (await client.get("/v1/directory/password-policy", headers=h)).json()["min_length"] == 10
    resp = await client.patch(
        "/v1/directory/password-policy",
        json={"min_length": 12, "require_digit": True, "require_uppercase": True},
        headers=h,
    )
    assert resp.status_code == 200 and resp.json()["min_length"] == 12
    bad = await client.patch("/v1/directory/password-policy", json={"min_length": 4}, headers=h)
    assert bad.status_code == 422
    for password, ok in (
        ("longenoughbutnodigit", False),
        ("Longenough-but-no-digit", False),
        ("short1A", False),
        ("Longenough-and-1-digit", True),
    ):
        resp = await client.post(
            "/v1/accounts",
            json={
                "address": f"p{len(password)}{ok}@acme.test",
                "display_name": "P",
                "password": password,
            },
            headers=h,
        )
        assert resp.status_code == (201 if ok else 422), (password, resp.text)
    generated = await client.post(
        "/v1/accounts", json={"address": "gen@acme.test", "display_name": "G"}, headers=h
    )
    assert generated.status_code == 201
    assert "directory.password_policy.updated" in await event_types(org)


async def test_aliases_add_list_remove_and_stay_unique(client, org, other_org):
    await add_domain(org, "acme.cn", alias_of_primary=True)
    alice = await create_account(org, "alice")
    bob = await create_account(org, "bob")
    h = await org.headers()
    url = f"/v1/accounts/{alice['id']}/aliases"
    resp = await client.post(url, json={"address": "Sales@Acme.test"}, headers=h)
    assert resp.status_code == 201 and resp.json()["address"] == "sales@acme.test"
    for address, status, code in (
        ("sales@acme.test", 409, "already_exists"),
        ("bob@acme.test", 409, "already_exists"),
        ("sales@acme.cn", 422, "alias_domain_address"),
        ("x@globex.test", 422, "domain_not_in_organization"),
        ("not an address", 422, "validation_failed"),
    ):
        dup = await client.post(
            f"/v1/accounts/{bob['id']}/aliases", json={"address": address}, headers=h
        )
        assert dup.status_code == status, (address, dup.text)
        assert dup.json()["code"] == code
    listed = (await client.get(url, headers=h)).json()
    assert [a["address"] for a in listed["data"]] == ["sales@acme.test"]
    assert listed["next_cursor"] is None
    assert (await client.delete(f"{url}/sales@acme.cn", headers=h)).status_code == 204
    assert (await client.delete(f"{url}/sales@acme.test", headers=h)).status_code == 404
    assert (
        await client.post(
            f"/v1/accounts/{bob['id']}/aliases", json={"address": "sales@acme.test"}, headers=h
        )
    ).status_code == 201


async def test_batch_address_check(client, org, other_org):
    alice = await create_account(org, "alice")
    await client.post(
        f"/v1/accounts/{alice['id']}/aliases",
        json={"address": "al@acme.test"},
        headers=await org.headers(),
    )
    group = await create_group(org, "team")
    await add_domain(org, "acme.cn", alias_of_primary=True)
    addresses = [
        "alice@acme.test",
        "al@acme.cn",
        "team@acme.test",
        "free@acme.test",
        "bad",
        "admin@globex.test",
    ]
    resp = await client.post(
        "/v1/accounts/check-addresses",
        json={"addresses": addresses},
        headers=await org.headers("directory:read"),
    )
    assert resp.status_code == 200, resp.text
    got = [(r["status"], r["id"]) for r in resp.json()["results"]]
    assert got == [
        ("account", alice["id"]),
        ("alias", alice["id"]),
        ("group", group["id"]),
        ("free", None),
        ("invalid", None),
        ("invalid", None),
    ]
    too_many = await client.post(
        "/v1/accounts/check-addresses",
        json={"addresses": ["a@acme.test"] * 101},
        headers=await org.headers(),
    )
    assert too_many.status_code == 422
    empty = await client.post(
        "/v1/accounts/check-addresses", json={"addresses": []}, headers=await org.headers()
    )
    assert empty.status_code == 422
