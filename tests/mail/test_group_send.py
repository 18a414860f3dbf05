"""A send to a group reports its members' deliveries: each mailbox once, and the group with
the members it reached, never the group address once per member."""

from __future__ import annotations

from tests.factories.directory import create_group


async def test_a_group_send_reports_each_members_delivery(client, org, alice, bob, headers):
    carol = await org.add_account("carol")
    members = [{"kind": "account", "ref": a.address} for a in (bob, carol, alice)]
    group = await create_group(org, "team", members=members)
    resp = await client.post(
        f"/v1/accounts/{alice.address}/mail/send", headers=headers,
        json={"to": [group["address"]], "cc": [bob.address], "subject": "Hi", "text": "all"},
    )
    assert resp.status_code == 202, resp.text
    result = resp.json()
    assert group["address"] not in result["delivered"]
    assert sorted(result["delivered"]) == sorted([alice.address, bob.address, carol.address])
    assert len(result["delivered"]) == len(set(result["delivered"]))
    [expanded] = result["groups"]
    assert expanded["address"] == group["address"]
    # bob, addressed directly as well, gets one copy; the group (first) reached all three
    assert sorted(expanded["delivered"]) == sorted([alice.address, bob.address, carol.address])


async def test_a_send_without_groups_has_an_empty_group_list(client, org, alice, bob, headers):
    resp = await client.post(
        f"/v1/accounts/{alice.address}/mail/send", headers=headers,
        json={"to": [bob.address], "subject": "Hi", "text": "one"},
    )
    assert resp.json()["delivered"] == [bob.address] and resp.json()["groups"] == []
