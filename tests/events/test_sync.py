"""Delta sync over the event log: `/v1/accounts|departments|groups/changes` and the
`changes_since` kit other collections use."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import update

from api.events import emit
from api.events.retention import purge
from api.events.sync import changes_since, encode_state
from api.kit.clock import utcnow
from api.storage.models import Event


async def _emit(org, *items):
    async with org.runtime.db.session() as session:
        for type_, data in items:
            await emit(session, org.id, type_, data)


async def _state(client, h, path="/v1/accounts/changes"):
    resp = await client.get(path, headers=h)
    assert resp.status_code == 200, resp.text
    body = resp.json()
    assert body["created"] == body["updated"] == body["deleted"] == [] and not body["has_more"]
    return body["new_state"]


async def test_changes_report_created_updated_deleted_ids_once_each(client, org):
    h = await org.headers("directory:read")
    state = await _state(client, h)
    await _emit(
        org,
        ("directory.account.created", {"id": "acc_a"}),
        ("directory.account.updated", {"id": "acc_a"}),  # created then updated: created
        ("directory.account.updated", {"id": "acc_b"}),
        ("directory.account.frozen", {"id": "acc_b"}),  # any other verb: updated
        ("directory.account.deleted", {"id": "acc_c"}),
        ("directory.account.created", {"id": "acc_d"}),
        ("directory.account.deleted", {"id": "acc_d"}),  # born and gone within: not reported
        ("directory.group.created", {"id": "grp_x"}),  # another collection
    )
    resp = await client.get("/v1/accounts/changes", params={"since": state}, headers=h)
    assert resp.status_code == 200, resp.text
    body = resp.json()
    assert body["since_state"] == state
    assert (body["created"], body["updated"], body["deleted"]) == (["acc_a"], ["acc_b"], ["acc_c"])
    again = await client.get("/v1/accounts/changes", params={"since": body["new_state"]}, headers=h)
    assert again.json()["created"] == again.json()["updated"] == again.json()["deleted"] == []
    groups = await client.get("/v1/groups/changes", params={"since": state}, headers=h)
    assert groups.json()["created"] == ["grp_x"]


async def test_has_more_pages_through_a_long_backlog(client, org):
    h = await org.headers("directory:read")
    state = await _state(client, h, "/v1/departments/changes")
    await _emit(org, *[("directory.department.created", {"id": f"dep_{i}"}) for i in range(5)])
    seen = []
    while True:
        resp = await client.get(
            "/v1/departments/changes", params={"since": state, "limit": 2}, headers=h
        )
        body = resp.json()
        seen += body["created"]
        state = body["new_state"]
        if not body["has_more"]:
            break
    assert seen == [f"dep_{i}" for i in range(5)]


async def test_a_state_past_retention_is_410_resync_required(client, org, runtime):
    h = await org.headers("directory:read")
    state = await _state(client, h)
    await _emit(org, ("directory.account.created", {"id": "acc_old"}))
    async with runtime.db.session() as session:
        await session.execute(update(Event).values(occurred_at=utcnow() - timedelta(days=40)))
    await _emit(org, ("directory.account.created", {"id": "acc_new"}))
    await purge(runtime.db, retention_days=30)
    resp = await client.get("/v1/accounts/changes", params={"since": state}, headers=h)
    assert resp.status_code == 410
    assert resp.json()["code"] == "resync_required" and resp.json()["param"] == "since"
    fresh = await _state(client, h)
    assert (
        await client.get("/v1/accounts/changes", params={"since": fresh}, headers=h)
    ).status_code == 200


async def test_bad_or_foreign_states_are_rejected(client, org, other_org):
    h = await org.headers("directory:read")
    assert (
        await client.get("/v1/accounts/changes", params={"since": "garbage!"}, headers=h)
    ).status_code == 400
    future = encode_state(10_000_000)
    resp = await client.get("/v1/accounts/changes", params={"since": future}, headers=h)
    assert resp.status_code == 410
    assert (
        await client.get("/v1/accounts/changes", headers=await org.headers("mail:read"))
    ).status_code == 403


async def test_changes_do_not_leak_across_organisations(client, org, other_org):
    h = await other_org.headers("directory:read")
    state = await _state(client, h)
    await _emit(org, ("directory.account.created", {"id": "acc_victim"}))
    resp = await client.get("/v1/accounts/changes", params={"since": state}, headers=h)
    assert resp.status_code in (200, 410)
    assert "acc_victim" not in str(resp.json())


async def test_the_kit_filters_per_mailbox_and_takes_domain_verbs(org, runtime):
    async with runtime.db.session(write=False) as session:
        start = (
            await changes_since(session, org.id, types=["mail.message.*"], since=None)
        ).new_state
    await _emit(
        org,
        ("mail.message.received", {"id": "msg_1", "account_id": "acc_a"}),
        ("mail.message.sent", {"id": "msg_2", "account_id": "acc_a"}),
        ("mail.message.received", {"id": "msg_3", "account_id": "acc_b"}),
        ("mail.message.updated", {"id": "msg_9", "account_id": "acc_a"}),
    )
    async with runtime.db.session(write=False) as session:
        got = await changes_since(
            session,
            org.id,
            types=["mail.message.*"],
            since=start,
            account_id="acc_a",
            created_verbs=("received", "sent"),
        )
    assert got.created == ["msg_1", "msg_2"] and got.updated == ["msg_9"] and got.deleted == []
