"""A person's own sender lists (allow, block, images): REST and GraphQL, events, bad input,
one person's list never touching another's, and what delivery does with them: a blocked
sender's next message is filed in Junk or Trash as the person chose, an allowed and
authenticated sender's is not junk, and a message reported as junk makes the next similar one
junk for that person."""

from __future__ import annotations

from sqlalchemy import select

from api.mail import deliver
from api.storage.models import MailFolder, MailMessage, SpamToken
from api.storage.models.spam import TOTALS_TOKEN
from tests.factories.platform import OrgHandle, user_tokens
from tests.factories.spam import deliver_one, message

LISTS = "/v1/accounts/{who}/mail/sender_lists"
BOX = "/v1/accounts/{who}/mail/messages"


def url(org: OrgHandle, kind: str, who: str = "admin") -> str:
    return LISTS.format(who=who if who == "me" else f"{who}@{org.domain}") + f"/{kind}"


async def role_of(org: OrgHandle, message_id: str) -> str | None:
    async with org.runtime.db.session(write=False) as session:
        folder_id = await session.scalar(
            select(MailMessage.folder_id).where(MailMessage.id == message_id))
        assert folder_id is not None
        return await session.scalar(select(MailFolder.role).where(MailFolder.id == folder_id))


async def inbound(org: OrgHandle, raw: bytes, local: str = "admin", *,
                  envelope: str = "ext@example.net", authenticated: bool = False) -> str:
    async with org.runtime.db.session() as session:
        report = await deliver(session, org.runtime, raw, envelope, [f"{local}@{org.domain}"],
                               sender_authenticated=authenticated)
    assert report.delivered, report
    return report.delivered[0].message_id


async def test_entries_are_added_listed_and_removed_with_events(client, org) -> None:
    h = await org.headers()
    made = await client.post(url(org, "block"), json={"value": "Spam@Ads.Example",
                                                      "action": "trash"}, headers=h)
    assert made.status_code == 201, made.text
    entry = made.json()
    assert entry["id"].startswith("sen_")
    assert (entry["list"], entry["value"], entry["scope"], entry["action"]) == \
        ("block", "spam@ads.example", "address", "trash")
    images = (await client.post(url(org, "images"), json={"value": "news.example"},
                                headers=h)).json()
    assert (images["scope"], images["action"]) == ("domain", "junk")
    listed = (await client.get(url(org, "block"), headers=h)).json()
    assert [e["id"] for e in listed["data"]] == [entry["id"]] and listed["next_cursor"] is None
    assert (await client.get(url(org, "allow"), headers=h)).json()["data"] == []
    # an images entry is not reachable through the block list
    wrong = await client.delete(f"{url(org, 'block')}/{images['id']}", headers=h)
    assert wrong.status_code == 404 and wrong.json()["code"] == "not_found"
    gone = await client.delete(f"{url(org, 'block')}/{entry['id']}", headers=h)
    assert gone.status_code == 204
    again = await client.delete(f"{url(org, 'block')}/{entry['id']}", headers=h)
    assert again.status_code == 404
    events = (await client.get("/v1/events", headers=h)).json()["data"]
    mine = [(e["type"], e["data"]["list"]) for e in events
            if e["data"].get("id") in (entry["id"], images["id"])]
    assert mine == [("mail.sender_entry.created", "block"),
                    ("mail.sender_entry.created", "images"),
                    ("mail.sender_entry.deleted", "block")]
    assert all(e["data"]["account_id"] for e in events if e["type"].startswith("mail.sender"))


async def test_bad_input_duplicates_and_unknown_lists(client, org) -> None:
    h = await org.headers()
    for body in ({"value": "not a domain"}, {"value": "x@"}, {"value": ""},
                 {"value": "a.example", "action": "delete"}, {"value": "a.example", "x": 1}):
        bad = await client.post(url(org, "block"), json=body, headers=h)
        assert bad.status_code == 422, (body, bad.text)
        assert bad.json()["code"] == "validation_failed"
    unknown = await client.get(url(org, "friends"), headers=h)
    assert unknown.status_code == 422 and unknown.json()["param"] == "list"
    assert (await client.post(url(org, "allow"), json={"value": "a.example"},
                              headers=h)).status_code == 201
    dup = await client.post(url(org, "allow"), json={"value": "A.EXAMPLE."}, headers=h)
    assert dup.status_code == 409 and dup.json()["code"] == "already_exists"


async def test_blocking_takes_the_sender_off_the_allow_list(client, org) -> None:
    h = await org.headers()
    await client.post(url(org, "allow"), json={"value": "boss@partner.example"}, headers=h)
    await client.post(url(org, "block"), json={"value": "boss@partner.example"}, headers=h)
    assert (await client.get(url(org, "allow"), headers=h)).json()["data"] == []


async def test_a_person_manages_only_their_own_lists(client, org, other_org) -> None:
    await org.add_account("bob")
    bob = await user_tokens(org, f"bob@{org.domain}", "mail:read mail:write")
    as_bob = {"Authorization": f"Bearer {bob['access_token']}"}
    mine = await client.post(url(org, "block", "me"), json={"value": "x.example"},
                             headers=as_bob)
    assert mine.status_code == 201 and mine.json()["account_id"] != ""
    # bob cannot read or change the admin's lists
    assert (await client.get(url(org, "block"), headers=as_bob)).status_code in (403, 404)
    admins = await client.post(url(org, "block"), json={"value": "y.example"},
                               headers=await org.headers())
    entry = admins.json()["id"]
    assert (await client.delete(f"{url(org, 'block')}/{entry}", headers=as_bob)
            ).status_code in (403, 404)
    # the other organisation cannot reach this one's mailbox at all
    foreign = await client.get(url(org, "block"), headers=await other_org.headers())
    assert foreign.status_code == 404
    # the admin's list holds only the admin's entry
    listed = (await client.get(url(org, "block"), headers=await org.headers())).json()["data"]
    assert [e["value"] for e in listed] == ["y.example"]


async def test_a_blocked_sender_is_filed_as_the_person_chose(client, org) -> None:
    await org.add_account("carol")
    h = await org.headers()
    await client.post(url(org, "block"), json={"value": "ads.example"}, headers=h)
    await client.post(url(org, "block", "carol"),
                      json={"value": "promo@ads.example", "action": "trash"}, headers=h)
    raw = message(sender="Promo <promo@sub.ads.example>", subject="Hello again",
                  message_id="<b1@ads.example>")
    assert await role_of(org, await inbound(org, raw)) == "junk"  # domain covers subdomains
    exact = message(sender="Promo <promo@ads.example>", message_id="<b2@ads.example>")
    assert await role_of(org, await inbound(org, exact, "carol")) == "trash"
    # someone who blocked nobody gets it in the inbox
    await org.add_account("dave")
    assert await role_of(org, await inbound(org, exact, "dave")) == "inbox"
    # unblocked: the inbox again
    entry = (await client.get(url(org, "block"), headers=h)).json()["data"][0]
    await client.delete(f"{url(org, 'block')}/{entry['id']}", headers=h)
    assert await role_of(org, await inbound(org, raw)) == "inbox"


async def test_an_allowed_sender_escapes_junk_only_when_authenticated(client, org) -> None:
    h = await org.headers()
    await client.post(url(org, "allow"), json={"value": "friend.example"}, headers=h)
    raw = message(sender="F <f@friend.example>", message_id="<a1@friend.example>")
    async with org.runtime.db.session() as session:
        forged = await deliver(session, org.runtime, raw, "x@friend.example",
                               [f"admin@{org.domain}"], folder_role="junk")
        vouched = await deliver(session, org.runtime, raw, "x@friend.example",
                                [f"admin@{org.domain}"], folder_role="junk",
                                sender_authenticated=True)
    assert await role_of(org, forged.delivered[0].message_id) == "junk"
    assert await role_of(org, vouched.delivered[0].message_id) == "inbox"


CN_SPAM = message(subject="代开各地增值税发票 特价", sender="王经理 <wang@ad-sender.example>",
                  body="本公司长期代开各地增值税发票，点数优惠，欢迎来电洽谈合作。")
CN_SPAM_2 = message(subject="优惠代开增值税发票 特价", sender="李先生 <li@another.example>",
                    body="长期代开增值税发票，点数优惠，欢迎来电。",
                    message_id="<m2@another.example>")


async def test_reporting_junk_teaches_the_person_and_files_the_next_similar_one(
    client, org
) -> None:
    await org.add_account("erin")
    first = await deliver_one(org, CN_SPAM)
    assert await role_of(org, first) == "inbox"
    box = BOX.format(who=f"admin@{org.domain}")
    resp = await client.post(f"{box}/{first}/report_spam", headers=await org.headers())
    assert resp.status_code == 200 and resp.json()["label"] == "spam"
    async with org.runtime.db.session(write=False) as session:
        person = await session.scalar(select(SpamToken).where(
            SpamToken.org_id == resp.json()["account_id"], SpamToken.token == TOTALS_TOKEN))
    assert person is not None and (person.spam, person.ham) == (1, 0)
    assert await role_of(org, await inbound(org, CN_SPAM_2)) == "junk"
    # not junk after all: the person's counts follow, and the next one is in the inbox
    await client.post(f"{box}/{first}/report_not_spam", headers=await org.headers())
    async with org.runtime.db.session(write=False) as session:
        person = await session.scalar(select(SpamToken).where(
            SpamToken.org_id == resp.json()["account_id"], SpamToken.token == TOTALS_TOKEN))
    assert person is not None and (person.spam, person.ham) == (0, 1)
    third = message(subject="优惠代开增值税发票 特价", sender="李先生 <li@another.example>",
                    body="长期代开增值税发票，点数优惠，欢迎来电。",
                    message_id="<m3@another.example>")
    assert await role_of(org, await inbound(org, third)) == "inbox"


async def test_graphql_manages_the_same_lists(client, org) -> None:
    h = await org.headers()
    who = f"admin@{org.domain}"
    added = await client.post("/graphql", headers=h, json={
        "query": "mutation($a: String!) { addMailSenderEntry(account: $a, list: BLOCK, "
                 'value: "Bad.Example", action: "trash") { id value action list } }',
        "variables": {"a": who}})
    entry = added.json()["data"]["addMailSenderEntry"]
    assert (entry["value"], entry["action"], entry["list"]) == ("bad.example", "trash", "BLOCK")
    listed = await client.post("/graphql", headers=h, json={
        "query": "query($a: String!) { mailSenderEntries(account: $a, list: BLOCK) "
                 "{ data { id } } }", "variables": {"a": who}})
    assert [e["id"] for e in listed.json()["data"]["mailSenderEntries"]["data"]] == [entry["id"]]
    bad = await client.post("/graphql", headers=h, json={
        "query": "mutation($a: String!) { addMailSenderEntry(account: $a, list: ALLOW, "
                 'value: "no such thing") { id } }', "variables": {"a": who}})
    assert bad.json()["errors"][0]["extensions"]["code"] == "validation_failed"
    deleted = await client.post("/graphql", headers=h, json={
        "query": "mutation($a: String!, $id: ID!) { deleteMailSenderEntry(account: $a, "
                 "list: BLOCK, id: $id) }", "variables": {"a": who, "id": entry["id"]}})
    assert deleted.json()["data"]["deleteMailSenderEntry"] is True
    rest = (await client.get(url(org, "block"), headers=h)).json()["data"]
    assert rest == []
