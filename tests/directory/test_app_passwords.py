"""App passwords over REST and GraphQL: created once with their secret, listed without it,
revoked; who may manage whose; bad input; tenant isolation; never a web sign-in."""

from __future__ import annotations

import re

from sqlalchemy import delete, func, select

from api.directory.app_passwords import service as app_password_service
from api.storage.models import Account, AppPassword
from tests.factories.directory import audit_actions, create_account, event_types
from tests.factories.platform import sign_in, user_tokens

SHOWN = re.compile(r"^[a-z]{4} [a-z]{4} [a-z]{4} [a-z]{4}$")


def _path(account: str) -> str:
    return f"/v1/accounts/{account}/app-passwords"


async def gql(client, headers, query: str, **variables):
    resp = await client.post("/graphql", json={"query": query, "variables": variables},
                             headers=headers)
    assert resp.status_code == 200, resp.text
    return resp.json()


async def test_admin_creates_lists_and_revokes_an_app_password(client, org, runtime):
    alice = await create_account(org, "alice")
    h = await org.headers()
    resp = await client.post(_path(alice["address"]), json={"name": "Outlook on my laptop"},
                             headers=h)
    assert resp.status_code == 201, resp.text
    made = resp.json()
    assert SHOWN.match(made["password"]), made
    assert made["name"] == "Outlook on my laptop" and made["account_id"] == alice["id"]
    assert made["id"].startswith("apw_") and made["last_used_at"] is None
    # stored only as an argon2id hash, never the secret
    async with runtime.db.session(write=False) as session:
        row = await session.get(AppPassword, made["id"])
    assert row is not None and row.password_hash.startswith("$argon2id$")
    assert made["password"].replace(" ", "") not in row.password_hash

    listed = await client.get(_path(alice["id"]), headers=h)
    assert listed.status_code == 200
    body = listed.json()
    assert body["next_cursor"] is None
    assert [(p["id"], p["name"]) for p in body["data"]] == [(made["id"], "Outlook on my laptop")]
    assert "password" not in listed.text and made["password"] not in listed.text
    assert set(body["data"][0]) == {"id", "account_id", "name", "created_at", "last_used_at",
                                    "last_used_ip"}

    gone = await client.delete(f"{_path(alice['id'])}/{made['id']}", headers=h)
    assert gone.status_code == 204
    assert (await client.get(_path(alice["id"]), headers=h)).json()["data"] == []
    again = await client.delete(f"{_path(alice['id'])}/{made['id']}", headers=h)
    assert again.status_code == 404 and again.json()["code"] == "not_found"

    types = await event_types(org)
    assert "directory.app_password.created" in types and "directory.app_password.revoked" in types
    actions = await audit_actions(org)
    assert "app_password.created" in actions and "app_password.revoked" in actions
    events = await client.get("/v1/events?after=0&types=directory.app_password.*", headers=h)
    datas = [e["data"] for e in events.json()["data"]]
    assert datas == [
        {"id": made["id"], "account_id": alice["id"], "name": "Outlook on my laptop"},
    ] * 2


async def test_a_person_manages_their_own_with_a_mail_send_token_and_nobody_elses(client, org):
    await create_account(org, "alice")
    bob = await create_account(org, "bob")
    alice = {"Authorization": "Bearer "
             + (await user_tokens(org, "alice@acme.test", "mail:send"))["access_token"]}
    made = await client.post(_path("me"), json={"name": "Thunderbird"}, headers=alice)
    assert made.status_code == 201, made.text
    mine = await client.get(_path("me"), headers=alice)
    assert [p["name"] for p in mine.json()["data"]] == ["Thunderbird"]
    # someone else's: 404 as if it did not exist, for reading, creating and revoking
    bobs = await client.post(_path(bob["id"]), json={"name": "x"}, headers=await org.headers())
    for method, path, kwargs in (
        ("GET", _path(bob["id"]), {}),
        ("POST", _path("bob@acme.test"), {"json": {"name": "mine now"}}),
        ("DELETE", f"{_path(bob['id'])}/{bobs.json()['id']}", {}),
    ):
        resp = await client.request(method, path, headers=alice, **kwargs)
        assert resp.status_code == 404, (method, path, resp.text)
    # without mail:send, a member's token cannot touch app passwords at all
    reader = {"Authorization": "Bearer "
              + (await user_tokens(org, "alice@acme.test", "mail:read directory:read"))[
                  "access_token"]}
    resp = await client.post(_path("me"), json={"name": "x"}, headers=reader)
    assert resp.status_code == 403 and resp.json()["code"] == "insufficient_scope"
    assert (await client.get(_path("me"), headers=reader)).status_code == 403


async def test_org_app_needs_directory_scopes(client, org):
    alice = await create_account(org, "alice")
    send_only = await org.headers("mail:send")
    resp = await client.post(_path(alice["id"]), json={"name": "x"}, headers=send_only)
    assert resp.status_code == 403 and resp.json()["code"] == "insufficient_scope"
    read_only = await org.headers("directory:read")
    assert (await client.get(_path(alice["id"]), headers=read_only)).status_code == 200
    resp = await client.post(_path(alice["id"]), json={"name": "x"}, headers=read_only)
    assert resp.status_code == 403


async def test_bad_input_is_422_and_writes_nothing(client, org, runtime):
    alice = await create_account(org, "alice")
    h = await org.headers()
    for body in (
        {},
        {"name": ""},
        {"name": "   "},
        {"name": "x" * 101},
        {"name": "tab\there"},
        {"name": 42},
        {"name": "ok", "password": "my-own-choice"},
        {"name": "ok", "account_id": "acc_x"},
    ):
        resp = await client.post(_path(alice["id"]), json=body, headers=h)
        assert resp.status_code == 422, (body, resp.text)
    resp = await client.post(_path(alice["id"]), json={"name": "x" * 100}, headers=h)
    assert resp.status_code == 201
    async with runtime.db.session(write=False) as session:
        assert await session.scalar(select(func.count()).select_from(AppPassword)) == 1
    resp = await client.post(_path("nobody@acme.test"), json={"name": "x"}, headers=h)
    assert resp.status_code == 404


async def test_at_most_the_limit_per_account(client, org, monkeypatch):
    monkeypatch.setattr(app_password_service, "MAX_PER_ACCOUNT", 2)
    alice = await create_account(org, "alice")
    h = await org.headers()
    for name in ("one", "two"):
        assert (await client.post(_path(alice["id"]), json={"name": name}, headers=h)
                ).status_code == 201
    resp = await client.post(_path(alice["id"]), json={"name": "three"}, headers=h)
    assert resp.status_code == 409 and resp.json()["code"] == "app_password_limit"


async def test_an_app_password_never_opens_the_web_sign_in(client, org):
    alice = await create_account(org, "alice")
    made = (await client.post(_path(alice["id"]), json={"name": "phone"},
                              headers=await org.headers())).json()
    for typed in (made["password"], made["password"].replace(" ", "")):
        resp = await sign_in(client, "alice@acme.test", typed)
        assert resp.status_code == 401, resp.text
    assert (await sign_in(client, "alice@acme.test")).status_code in (302, 303)


async def test_other_org_cannot_reach_an_app_password(client, org, other_org):
    alice = await create_account(org, "alice")
    made = (await client.post(_path(alice["id"]), json={"name": "phone"},
                              headers=await org.headers())).json()
    thief = await other_org.headers()
    for method, path in (("GET", _path(alice["id"])), ("GET", _path("alice@acme.test")),
                         ("DELETE", f"{_path(alice['id'])}/{made['id']}"),
                         ("DELETE", f"{_path('admin@globex.test')}/{made['id']}")):
        resp = await client.request(method, path, headers=thief)
        assert resp.status_code == 404, (method, path, resp.text)
    still = await client.get(_path(alice["id"]), headers=await org.headers())
    assert [p["id"] for p in still.json()["data"]] == [made["id"]]


async def test_purging_the_account_removes_its_app_passwords(client, org, runtime):
    alice = await create_account(org, "alice")
    await client.post(_path(alice["id"]), json={"name": "phone"}, headers=await org.headers())
    async with runtime.db.session() as session:
        await session.execute(delete(Account).where(Account.id == alice["id"]))
    async with runtime.db.session(write=False) as session:
        assert await session.scalar(select(func.count()).select_from(AppPassword)) == 0


async def test_app_passwords_over_graphql(client, org):
    alice = await create_account(org, "alice")
    h = await org.headers()
    made = await gql(client, h, """mutation($a: String!) { createAppPassword(account: $a,
        input: {name: "OA mailer"}) { password appPassword { id name accountId lastUsedAt } } }""",
                     a="alice@acme.test")
    created = made["data"]["createAppPassword"]
    assert SHOWN.match(created["password"])
    assert created["appPassword"]["name"] == "OA mailer"
    assert created["appPassword"]["accountId"] == alice["id"]
    listed = await gql(client, h, """query($a: String!) { appPasswords(account: $a) {
        data { id name lastUsedAt lastUsedIp } nextCursor } }""", a=alice["id"])
    assert listed["data"]["appPasswords"] == {"data": [{
        "id": created["appPassword"]["id"], "name": "OA mailer", "lastUsedAt": None,
        "lastUsedIp": None}], "nextCursor": None}
    bad = await gql(client, h, """mutation($a: String!) { createAppPassword(account: $a,
        input: {name: ""}) { password } }""", a=alice["id"])
    assert bad["errors"][0]["extensions"]["code"] == "validation_failed"
    revoked = await gql(client, h, """mutation($a: String!, $id: ID!) {
        revokeAppPassword(account: $a, id: $id) }""", a=alice["id"],
                        id=created["appPassword"]["id"])
    assert revoked["data"]["revokeAppPassword"] is True
    listed = await gql(client, h, """query($a: String!) { appPasswords(account: $a) {
        data { id } } }""", a=alice["id"])
    assert listed["data"]["appPasswords"]["data"] == []
    denied = await gql(client, await org.headers("mail:read"), """query($a: String!) {
        appPasswords(account: $a) { data { id } } }""", a=alice["id"])
    assert denied["errors"][0]["extensions"]["code"] == "insufficient_scope"
