"""Mail settings: defaults, merge patch of nested objects, ETags, the organisation's
forwarding policy, every documented error, GraphQL, and other organisations kept out."""

from __future__ import annotations

from sqlalchemy import select

from api.storage.models import Account, Event


def url(account: str) -> str:
    return f"/v1/accounts/{account}/mail/settings"


async def test_defaults_then_merge_patch_keeps_what_was_not_sent(client, org, alice, headers):
    resp = await client.get(url(alice.address), headers=headers)
    assert resp.status_code == 200, resp.text
    body = resp.json()
    assert body["signature"] == "" and body["updated_at"] is None
    assert body["auto_reply"]["enabled"] is False and body["auto_reply"]["interval_days"] == 7
    assert body["forwarding"] == {"enabled": False, "address": None}
    assert body["forwarding_policy"] == "internal"

    patched = await client.patch(url(alice.address), headers=headers, json={
        "signature": "张三\n市场部",
        "auto_reply": {"enabled": True, "text": "我在休假。I am away.",
                       "starts_at": "2030-01-01T00:00:00+08:00",
                       "ends_at": "2030-01-10T00:00:00+08:00"},
    })
    assert patched.status_code == 200, patched.text
    again = await client.patch(url(alice.address), headers=headers,
                               json={"auto_reply": {"subject": "Away"}})
    out = again.json()
    assert out["signature"] == "张三\n市场部"
    assert out["auto_reply"]["text"] == "我在休假。I am away."
    assert out["auto_reply"]["subject"] == "Away" and out["auto_reply"]["enabled"] is True
    assert out["auto_reply"]["starts_at"].startswith("2029-12-31T16:00:00")
    async with org.runtime.db.session(write=False) as session:
        account = await session.get(Account, alice.id)
        assert account is not None and account.mail_responders is True
        events = (await session.execute(
            select(Event).where(Event.type == "mail.settings.updated", Event.org_id == org.id)
        )).scalars().all()
    assert [e.data["changed"] for e in events] == [["signature", "auto_reply"], ["auto_reply"]]
    off = await client.patch(url(alice.address), headers=headers,
                             json={"auto_reply": {"enabled": False}})
    assert off.json()["auto_reply"]["text"] == "我在休假。I am away."
    async with org.runtime.db.session(write=False) as session:
        account = await session.get(Account, alice.id)
        assert account is not None and account.mail_responders is False


async def test_etag_and_stale_if_match_is_412(client, alice, headers):
    first = await client.get(url(alice.address), headers=headers)
    etag = first.headers["etag"]
    ok = await client.patch(url(alice.address), headers={**headers, "If-Match": etag},
                            json={"signature": "v1"})
    assert ok.status_code == 200 and ok.headers["etag"] != etag
    stale = await client.patch(url(alice.address), headers={**headers, "If-Match": etag},
                               json={"signature": "v2"})
    assert stale.status_code == 412


async def test_bad_input_is_422_naming_the_field(client, alice, headers):
    cases = [
        ({"nickname": "x"}, "nickname"),
        ({"auto_reply": {"enabled": True, "text": ""}}, "auto_reply.text"),
        ({"auto_reply": {"subject": "a\r\nBcc: x@example.net"}}, "subject"),
        ({"auto_reply": {"interval_days": 0}}, "interval_days"),
        ({"auto_reply": {"text": "x", "starts_at": "2030-01-02T00:00:00Z",
                         "ends_at": "2030-01-01T00:00:00Z"}}, "auto_reply.ends_at"),
        ({"forwarding": {"enabled": True}}, "forwarding.address"),
        ({"forwarding": {"address": "not an address"}}, "address"),
        ({"forwarding": {"enabled": True, "address": "ALICE@acme.test"}}, "forwarding.address"),
        ({"signature": None}, "signature"),
    ]
    for body, param in cases:
        resp = await client.patch(url(alice.address), headers=headers, json=body)
        assert resp.status_code == 422, (body, resp.text)
        assert param in resp.json()["param"], (body, resp.json())


async def test_forwarding_follows_the_organisation_policy(client, org, alice, bob, headers):
    external = {"forwarding": {"enabled": True, "address": "me@gmail.example"}}
    resp = await client.patch(url(alice.address), headers=headers, json=external)
    assert resp.status_code == 403 and resp.json()["code"] == "forwarding_not_allowed"
    internal = {"forwarding": {"enabled": True, "address": bob.address}}
    resp = await client.patch(url(alice.address), headers=headers, json=internal)
    assert resp.status_code == 200

    policy = await client.patch("/v1/organization", headers=headers,
                                json={"mail_forwarding": "any"})
    assert policy.status_code == 200 and policy.json()["mail_forwarding"] == "any"
    resp = await client.patch(url(alice.address), headers=headers, json=external)
    assert resp.status_code == 200 and resp.json()["forwarding_policy"] == "any"

    await client.patch("/v1/organization", headers=headers, json={"mail_forwarding": "off"})
    resp = await client.patch(url(alice.address), headers=headers,
                              json={"forwarding": {"enabled": True}})
    assert resp.status_code == 403
    assert (await client.patch(url(alice.address), headers=headers,
                               json={"forwarding": {"enabled": False}})).status_code == 200
    bad = await client.patch("/v1/organization", headers=headers,
                             json={"mail_forwarding": "everywhere"})
    assert bad.status_code == 422


async def test_scopes_and_other_organisations(client, org, other_org, alice, headers):
    read_only = await org.headers("mail:read")
    assert (await client.get(url(alice.address), headers=read_only)).status_code == 200
    resp = await client.patch(url(alice.address), headers=read_only, json={"signature": "x"})
    assert resp.status_code == 403
    foreign = await other_org.headers()
    assert (await client.get(url(alice.address), headers=foreign)).status_code == 404
    resp = await client.patch(url(alice.address), headers=foreign, json={"signature": "x"})
    assert resp.status_code == 404
    assert (await client.get(url(alice.address), headers=headers)).json()["signature"] == ""


async def test_graphql_reads_and_merges_mail_settings(client, alice, headers):
    mutation = """mutation($a: String!, $i: MailSettingsInput!) {
      updateMailSettings(account: $a, input: $i) {
        signature autoReply { enabled text intervalDays } forwarding { enabled } } }"""
    resp = await client.post("/graphql", headers=headers, json={
        "query": mutation,
        "variables": {"a": alice.address,
                      "i": {"signature": "— A", "autoReply": {"enabled": True, "text": "away",
                                                              "intervalDays": 3}}},
    })
    data = resp.json()["data"]["updateMailSettings"]
    assert data == {"signature": "— A",
                    "autoReply": {"enabled": True, "text": "away", "intervalDays": 3},
                    "forwarding": {"enabled": False}}
    query = "query($a: String!) { mailSettings(account: $a) { signature forwardingPolicy } }"
    resp = await client.post("/graphql", headers=headers,
                             json={"query": query, "variables": {"a": alice.address}})
    assert resp.json()["data"]["mailSettings"] == {"signature": "— A",
                                                   "forwardingPolicy": "internal"}
    resp = await client.post("/graphql", headers=headers, json={
        "query": mutation,
        "variables": {"a": alice.address, "i": {"forwarding": {"enabled": True}}},
    })
    assert resp.json()["errors"][0]["extensions"]["code"] == "validation_failed"
