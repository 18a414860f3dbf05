"""RCPT look-ups: the one-statement answer for an account's own address or a remote domain
says what the directory's full resolution says, everything else is resolved in full, and
a cached answer lasts no longer than its bound."""

from __future__ import annotations

from api.directory.recipients import resolve_recipients
from api.mail.inbound.recipients import Known, RecipientCheck, plain
from api.runtime import Runtime
from api.storage.models import Account, Mailbox
from tests.factories.directory import add_domain, create_account, create_group
from tests.factories.platform import OrgHandle


async def test_plain_answers_match_the_directory_and_leave_the_rest_to_it(
    runtime: Runtime, org: OrgHandle, other_org: OrgHandle
) -> None:
    await add_domain(org, "acme.cn", alias_of_primary=True)
    alice = await create_account(org, "alice")
    gone = await create_account(org, "gone")
    frozen = await create_account(org, "frozen")
    await org.client.post(f"/v1/accounts/{alice['id']}/aliases", json={"address": "ceo@acme.test"},
                          headers=await org.headers())
    await create_group(org, "team", send_policy="anyone",
                       members=[{"kind": "account", "ref": alice["id"]}])
    await org.client.delete(f"/v1/accounts/{gone['id']}", headers=await org.headers())
    async with runtime.db.session() as session:
        (await session.get(Account, frozen["id"])).status = "frozen"
        (await session.get(Account, alice["id"])).quota_bytes = 5000
        box = await session.get(Mailbox, alice["id"])
        if box is None:
            session.add(Mailbox(account_id=alice["id"], org_id=org.id, used_bytes=1234))
        else:
            box.used_bytes = 1234
    async with runtime.db.session(write=False) as session:
        answers = {a: await plain(session, a) for a in (
            "alice@acme.test", "frozen@acme.test", "gone@acme.test", "admin@globex.test",
            "friend@example.org", "ceo@acme.test", "alice@acme.cn", "team@acme.test",
            "nobody@acme.test",
        )}
        full = await resolve_recipients(session, ["alice@acme.test", "frozen@acme.test",
                                                  "gone@acme.test", "admin@globex.test",
                                                  "friend@example.org"])
    assert answers["alice@acme.test"] == Known("local", alice["id"], org.id, 5000, 1234)
    assert answers["frozen@acme.test"] == Known("local", frozen["id"], org.id, None, 0)
    assert answers["admin@globex.test"] == Known("local", other_org.made.admin.id,
                                                 other_org.id, None, 0)
    assert answers["gone@acme.test"] == Known("unknown")
    assert answers["friend@example.org"] == Known("remote")
    # the same as the full resolution, tenant by tenant
    assert set(full.local) == {alice["id"], frozen["id"], other_org.made.admin.id}
    assert full.unknown == ["gone@acme.test"] and full.remote == ["friend@example.org"]
    # aliases, alias domains, groups and unknown names: the directory's full answer
    for address in ("ceo@acme.test", "alice@acme.cn", "team@acme.test", "nobody@acme.test"):
        assert answers[address] is None, address
    check = RecipientCheck(runtime)
    for address in ("ceo@acme.test", "alice@acme.cn", "team@acme.test", "alice@acme.test"):
        assert await check.check(address, "x@example.net", allow_remote=False) is None, address
    assert "User unknown" in (await check.check("nobody@acme.test", "x@example.net",
                                                allow_remote=False) or "")
    assert "User unknown" in (await check.check("gone@acme.test", "x@example.net",
                                                allow_remote=False) or "")
    assert "Relay access denied" in (await check.check("friend@example.org", "x@example.net",
                                                       allow_remote=False) or "")
    assert await check.check("friend@example.org", "x@example.net", allow_remote=True) is None


async def test_changes_are_seen_once_the_cached_answer_expires(
    runtime: Runtime, org: OrgHandle
) -> None:
    bob = await create_account(org, "bob")
    cached = RecipientCheck(runtime, ttl=3600.0)
    fresh = RecipientCheck(runtime, ttl=0.0)
    for check in (cached, fresh):
        assert await check.check("bob@acme.test", "", allow_remote=False) is None
    async with runtime.db.session() as session:
        (await session.get(Account, bob["id"])).quota_bytes = 10
    # within its bound the cached answer stands; past it (ttl 0) the change is seen
    assert await cached.check("bob@acme.test", "", size=100, allow_remote=False) is None
    assert "Mailbox full" in (await fresh.check("bob@acme.test", "", size=100,
                                                allow_remote=False) or "")
    await org.client.delete(f"/v1/accounts/{bob['id']}", headers=await org.headers())
    assert "User unknown" in (await fresh.check("bob@acme.test", "", allow_remote=False) or "")
    cached.forget("bob@acme.test")
    assert "User unknown" in (await cached.check("bob@acme.test", "", allow_remote=False) or "")
