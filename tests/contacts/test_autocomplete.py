"""Autocomplete over personal contacts and the directory, ranked by recent correspondence."""

from __future__ import annotations

from tests.factories.directory import create_account, create_group
from tests.factories.platform import user_tokens

AC = "/v1/contacts/autocomplete"


async def test_directory_accounts_and_groups_without_hidden_ones(client, org):
    await create_account(org, "mia", display_name="Mia Chen")
    await create_account(org, "mike", display_name="Mike Hidden", hidden_from_address_book=True)
    await create_group(org, "midlands", name="Midlands Sales")
    await create_group(org, "misc", name="Misc hidden", hidden_from_address_book=True)
    resp = await client.get(AC, headers=await org.headers("contacts:read"), params={"q": "mi"})
    assert resp.status_code == 200, resp.text
    got = [(s["kind"], s["address"]) for s in resp.json()["data"]]
    assert ("account", "mia@acme.test") in got and ("group", "midlands@acme.test") in got
    assert all("mike" not in a and "misc" not in a for _, a in got)


async def test_personal_contacts_join_and_recent_correspondents_rank_first(client, org):
    await create_account(org, "alice", display_name="Alice")
    await create_account(org, "sam", display_name="Sam Directory")
    h = await org.headers()
    await client.post(
        "/v1/accounts/alice@acme.test/contacts",
        headers=h,
        json={
            "display_name": "Samantha Partner",
            "emails": [{"address": "samantha@partner.example"}],
        },
    )
    # alice mails Samantha twice: she now ranks above the better name match
    for _ in range(2):
        sent = await client.post(
            "/v1/accounts/alice@acme.test/mail/send",
            headers=h,
            json={"to": ["samantha@partner.example"], "subject": "Hi", "text": "Hello"},
        )
        assert sent.status_code == 202, sent.text
    tokens = await user_tokens(org, "alice@acme.test", "contacts:read")
    resp = await client.get(
        AC, params={"q": "sam"}, headers={"Authorization": f"Bearer {tokens['access_token']}"}
    )
    data = resp.json()["data"]
    assert [(s["kind"], s["address"], s["recent_messages"]) for s in data] == [
        ("contact", "samantha@partner.example", 2),
        ("account", "sam@acme.test", 0),
    ]
    # an app names whose view to use; without one it gets the directory only
    app_view = await client.get(AC, params={"q": "sam", "account": "alice@acme.test"}, headers=h)
    assert app_view.json()["data"] == data
    directory_only = await client.get(AC, params={"q": "sam"}, headers=h)
    assert [s["kind"] for s in directory_only.json()["data"]] == ["account"]


async def test_autocomplete_never_crosses_organisations(client, org, other_org):
    await create_account(org, "zara", display_name="Zara")
    resp = await client.get(AC, params={"q": "zara"}, headers=await other_org.headers())
    assert resp.json()["data"] == []
    bad = await client.get(AC, params={"q": ""}, headers=await org.headers())
    assert bad.status_code == 422
