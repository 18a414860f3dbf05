"""Allow and block lists: the admin API (REST and GraphQL), normalisation, bad input, and
what an entry does to the verdict, including forged senders."""

from __future__ import annotations

import pytest

from api.mail.spam import classify
from api.mail.spam.verdict import Verdict
from tests.factories.platform import OrgHandle, user_tokens
from tests.factories.spam import message

ALLOW = "/v1/mail/spam/allowlist"
BLOCK = "/v1/mail/spam/blocklist"
SPAMMY = message(subject="FREE MONEY NOW!!! xqzvbn", sender="Deals <deals@news.example>",
                 body="BUY NOW LIMITED OFFER CLICK HERE " * 15)
AUTH_OK = {"spf": "pass", "dmarc": "pass", "mail_from": "bounce@news.example"}


async def score(org: OrgHandle, raw: bytes, auth: dict | None = None) -> Verdict:
    async with org.runtime.db.session(write=False) as session:
        return await classify(session, org.id, raw, None, auth or {},
                              settings=org.runtime.settings)


def reasons(v: Verdict) -> set[str]:
    return {h.name for h in v.reasons}


async def add(client, org: OrgHandle, url: str, value: str, status: int = 201) -> dict:  # type: ignore[no-untyped-def]
    resp = await client.post(url, json={"value": value, "note": "test"},
                             headers=await org.headers())
    assert resp.status_code == status, resp.text
    return resp.json()


async def test_entries_are_created_listed_read_and_deleted(client, org) -> None:
    created = await add(client, org, ALLOW, "Partner.Example")
    assert created["id"].startswith("spl_")
    assert (created["kind"], created["value"], created["scope"]) == \
        ("allow", "partner.example", "domain")
    address = await add(client, org, ALLOW, "Boss@Partner.Example")
    assert (address["value"], address["scope"]) == ("boss@partner.example", "address")
    page = (await client.get(ALLOW, headers=await org.headers())).json()
    assert {e["id"] for e in page["data"]} == {created["id"], address["id"]}
    assert (await client.get(BLOCK, headers=await org.headers())).json()["data"] == []
    one = await client.get(f"{ALLOW}/{created['id']}", headers=await org.headers())
    assert one.status_code == 200 and one.json()["note"] == "test"
    # an allow entry is not reachable as a block entry
    assert (await client.get(f"{BLOCK}/{created['id']}", headers=await org.headers())
            ).status_code == 404
    gone = await client.delete(f"{ALLOW}/{created['id']}", headers=await org.headers())
    assert gone.status_code == 204
    assert (await client.get(f"{ALLOW}/{created['id']}", headers=await org.headers())
            ).status_code == 404


async def test_creating_and_deleting_is_audited_and_emits_events(client, org) -> None:
    entry = await add(client, org, BLOCK, "spammer.example")
    await client.delete(f"{BLOCK}/{entry['id']}", headers=await org.headers())
    events = (await client.get("/v1/events", headers=await org.headers())).json()["data"]
    types = [e["type"] for e in events if e["data"].get("id") == entry["id"]]
    assert types == ["mail.spam_list_entry.created", "mail.spam_list_entry.deleted"]
    audit = (await client.get("/v1/audit/entries", headers=await org.headers())).json()["data"]
    assert {"mail.spam_list_entry.created", "mail.spam_list_entry.deleted"} <= \
        {a["action"] for a in audit}


async def test_internationalised_domains_are_stored_as_punycode(client, org) -> None:
    entry = await add(client, org, BLOCK, "例子.测试")
    assert entry["value"] == "xn--fsqu00a.xn--0zwm56d"
    v = await score(org, message(sender="x <promo@例子.测试>"))
    assert "USER_IN_BLOCKLIST" in reasons(v)


async def test_duplicates_are_409(client, org) -> None:
    await add(client, org, BLOCK, "spammer.example")
    dup = await client.post(BLOCK, json={"value": "SPAMMER.example."},
                            headers=await org.headers())
    assert dup.status_code == 409 and dup.json()["code"] == "already_exists"
    # the same value may sit on the other list
    await add(client, org, ALLOW, "spammer.example")


@pytest.mark.parametrize("value", [
    "not a domain", "localhost", "192.0.2.1", "-bad-.example", "a@", "@", "x" * 300,
    "two@@example.com", "<script>@x.example", "exa mple.com",
])
async def test_bad_values_are_422_and_nothing_is_written(client, org, value: str) -> None:
    resp = await client.post(BLOCK, json={"value": value}, headers=await org.headers())
    assert resp.status_code == 422, (value, resp.text)
    assert (await client.get(BLOCK, headers=await org.headers())).json()["data"] == []


async def test_unknown_fields_are_rejected(client, org) -> None:
    resp = await client.post(BLOCK, json={"value": "a.example", "org_id": "org_x"},
                             headers=await org.headers())
    assert resp.status_code == 422


async def test_lists_need_directory_scopes_and_an_administrator(client, org) -> None:
    resp = await client.post(BLOCK, json={"value": "a.example"},
                             headers=await org.headers("directory:read"))
    assert resp.status_code == 403
    resp = await client.get(BLOCK, headers=await org.headers("mail:read"))
    assert resp.status_code == 403
    await org.add_account("bob")
    bob = await user_tokens(org, f"bob@{org.domain}", "directory:read")
    resp = await client.get(BLOCK, headers={"Authorization": f"Bearer {bob['access_token']}"})
    assert resp.status_code == 403 and resp.json()["code"] == "forbidden"


async def test_block_list_refuses_the_sender_or_their_domain(client, org) -> None:
    assert (await score(org, message())).action == "inbox"
    await add(client, org, BLOCK, "partner.example")
    v = await score(org, message(sender="Carol <carol@mail.partner.example>"))
    assert "USER_IN_BLOCKLIST" in reasons(v) and v.action == "reject"
    # the envelope sender counts too
    v = await score(org, message(sender="x <x@other.example>"),
                    {"mail_from": "bounce@partner.example"})
    assert v.action == "reject"


async def test_allow_list_rescues_an_authenticated_sender_only(client, org) -> None:
    assert (await score(org, SPAMMY, AUTH_OK)).action != "inbox"
    await add(client, org, ALLOW, "news.example")
    trusted = await score(org, SPAMMY, AUTH_OK)
    assert "USER_IN_ALLOWLIST" in reasons(trusted) and trusted.action == "inbox"
    forged = await score(org, SPAMMY, {"spf": "fail", "mail_from": "x@botnet.example"})
    assert "USER_IN_ALLOWLIST" not in reasons(forged)
    assert "ALLOWLIST_UNVERIFIED" in reasons(forged) and forged.action != "inbox"


async def test_allow_list_does_not_override_a_virus_or_gtube(client, org) -> None:
    from api.mail.spam.rules import GTUBE

    await add(client, org, ALLOW, "partner.example")
    v = await score(org, message(body=GTUBE), {"dmarc": "pass"})
    assert v.action == "reject"


async def test_a_specific_allowed_address_beats_its_blocked_domain(client, org) -> None:
    await add(client, org, BLOCK, "partner.example")
    await add(client, org, ALLOW, "carol@partner.example")
    carol = await score(org, message(), {"dmarc": "pass"})
    assert "USER_IN_ALLOWLIST" in reasons(carol) and carol.action == "inbox"
    dave = await score(org, message(sender="dave@partner.example"), {"dmarc": "pass"})
    assert dave.action == "reject"
    # a forged carol does not slip past the domain block
    forged = await score(org, message(), {"spf": "fail"})
    assert forged.action == "reject"


async def test_lists_belong_to_one_organisation(client, org, other_org) -> None:
    await add(client, org, BLOCK, "partner.example")
    assert (await score(other_org, message())).action == "inbox"
    assert (await client.get(BLOCK, headers=await other_org.headers())).json()["data"] == []


async def test_graphql_manages_the_same_lists(client, org) -> None:
    headers = await org.headers()
    add_q = ('mutation($v: String!) { addSpamListEntry(kind: BLOCK, value: $v, note: "n") '
             "{ id kind value scope } }")
    resp = await client.post("/graphql", headers=headers,
                             json={"query": add_q, "variables": {"v": "Spammer.Example"}})
    entry = resp.json()["data"]["addSpamListEntry"]
    assert entry["kind"] == "BLOCK" and entry["value"] == "spammer.example"
    rest = (await client.get(BLOCK, headers=headers)).json()["data"]
    assert [e["id"] for e in rest] == [entry["id"]]
    listed = await client.post("/graphql", headers=headers, json={
        "query": "{ spamBlocklist { data { id } nextCursor } spamAllowlist { data { id } } }"})
    assert listed.json()["data"]["spamBlocklist"]["data"] == [{"id": entry["id"]}]
    bad = await client.post("/graphql", headers=headers,
                            json={"query": add_q, "variables": {"v": "not a domain"}})
    assert bad.json()["errors"][0]["extensions"]["code"] == "validation_failed"
    dup = await client.post("/graphql", headers=headers,
                            json={"query": add_q, "variables": {"v": "spammer.example"}})
    assert dup.json()["errors"][0]["extensions"]["code"] == "already_exists"
    deleted = await client.post("/graphql", headers=headers, json={
        "query": "mutation($id: ID!) { deleteSpamListEntry(id: $id) }",
        "variables": {"id": entry["id"]}})
    assert deleted.json()["data"]["deleteSpamListEntry"] is True
    assert (await client.get(BLOCK, headers=headers)).json()["data"] == []


async def test_graphql_lists_need_the_same_scopes(client, org) -> None:
    resp = await client.post("/graphql", headers=await org.headers("mail:read"),
                             json={"query": "{ spamBlocklist { data { id } } }"})
    assert resp.json()["errors"][0]["extensions"]["code"] == "insufficient_scope"
