"""`GET /v1/events`: pagination, type patterns, who sees which events, the catalogue,
retention with 410 `resync_required`, and the OpenAPI `webhooks` section."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import update

from api.events.retention import purge
from api.kit.clock import utcnow
from api.storage.models import Event
from tests.factories.platform import user_tokens
from tests.factories.webhooks import emit_events


async def test_events_page_in_sequence_order_by_cursor_and_after(client, org):
    ids = await emit_events(org, "directory.account.created", 7)
    h = await org.headers("directory:read")
    seen, cursor = [], None
    while True:
        params = {"limit": 3, "types": "directory.account.created"}
        if cursor:
            params["cursor"] = cursor
        resp = await client.get("/v1/events", params=params, headers=h)
        assert resp.status_code == 200, resp.text
        seen += resp.json()["data"]
        cursor = resp.json()["next_cursor"]
        if not cursor:
            break
    assert [e["id"] for e in seen][-7:] == ids
    sequences = [e["sequence"] for e in seen]
    assert sequences == sorted(sequences)
    after = await client.get("/v1/events", params={"after": sequences[-2]}, headers=h)
    assert [e["id"] for e in after.json()["data"]] == ids[-1:]


async def test_type_patterns_filter_with_wildcards(client, org):
    await emit_events(org, "directory.account.created", 1)
    await emit_events(org, "directory.group.created", 1)
    await emit_events(org, "mail.message.received", 1, account_id="acc_1")
    h = await org.headers()

    async def types(q):
        resp = await client.get("/v1/events", params={"types": q}, headers=h)
        assert resp.status_code == 200, resp.text
        return sorted({e["type"] for e in resp.json()["data"]})

    assert await types("mail.*") == ["mail.message.received"]
    assert await types("directory.*.created") == [
        "directory.account.created",
        "directory.group.created",
    ]
    assert await types("directory.group.created,mail.*") == [
        "directory.group.created",
        "mail.message.received",
    ]
    bad = await client.get("/v1/events", params={"types": "mail.%"}, headers=h)
    assert bad.status_code == 422


async def test_an_event_is_visible_only_with_the_read_scope_of_its_domain(client, org):
    await emit_events(org, "mail.message.received", 1, account_id="acc_1")
    await emit_events(org, "calendar.event.created", 1, account_id="acc_1")
    await emit_events(org, "directory.group.created", 1)
    resp = await client.get("/v1/events", headers=await org.headers("directory:read"))
    assert {e["type"].split(".")[0] for e in resp.json()["data"]} == {"directory"}
    resp = await client.get("/v1/events", headers=await org.headers("mail:read"))
    assert {e["type"] for e in resp.json()["data"]} == {"mail.message.received"}
    none = await client.get("/v1/events", headers=await org.headers("mail:send"))
    assert none.status_code == 403 and none.json()["code"] == "insufficient_scope"


async def test_a_user_bound_token_sees_only_its_own_personal_events(client, org):
    alice = await org.add_account("alice")
    bob = await org.add_account("bob")
    [mine] = await emit_events(org, "mail.message.received", 1, account_id=alice.id)
    [theirs] = await emit_events(org, "mail.message.received", 1, account_id=bob.id)
    tokens = await user_tokens(org, "alice@acme.test", "mail:read directory:read")
    h = {"Authorization": f"Bearer {tokens['access_token']}"}
    resp = await client.get("/v1/events", params={"types": "mail.*"}, headers=h)
    assert [e["id"] for e in resp.json()["data"]] == [mine]
    assert (await client.get(f"/v1/events/{theirs}", headers=h)).status_code == 404
    assert (await client.get(f"/v1/events/{mine}", headers=h)).status_code == 200


async def test_get_event_is_404_for_another_organisation(client, org, other_org):
    [event_id] = await emit_events(org, "directory.account.created", 1)
    assert (
        await client.get(f"/v1/events/{event_id}", headers=await org.headers())
    ).status_code == 200
    resp = await client.get(f"/v1/events/{event_id}", headers=await other_org.headers())
    assert resp.status_code == 404
    listed = await client.get("/v1/events", headers=await other_org.headers())
    assert event_id not in [e["id"] for e in listed.json()["data"]]


async def test_event_type_catalogue_has_schemas_and_scopes(client, org):
    resp = await client.get("/v1/events/types", headers=await org.headers("directory:read"))
    assert resp.status_code == 200
    assert resp.json()["next_cursor"] is None
    by_type = {t["type"]: t for t in resp.json()["data"]}
    assert by_type["mail.message.received"]["scope"] == "mail:read"
    assert by_type["directory.account.created"]["scope"] == "directory:read"
    assert by_type["webhook.endpoint.disabled"]["scope"] == "webhooks:manage"
    schema = by_type["mail.message.received"]["data_schema"]
    assert schema["type"] == "object" and set(schema["required"]) >= {"id", "account_id"}


async def test_openapi_lists_every_event_type_under_webhooks(client):
    doc = (await client.get("/openapi.json")).json()
    hooks = doc["webhooks"]
    assert "directory.account.created" in hooks and "mail.message.received" in hooks
    op = hooks["mail.message.received"]["post"]
    assert op["operationId"] == "on_mail_message_received"
    ref = op["requestBody"]["content"]["application/json"]["schema"]["$ref"]
    assert ref.endswith("/MailMessageReceivedEvent")


async def test_events_past_retention_are_purged_and_older_positions_get_410(client, org, runtime):
    old = await emit_events(org, "directory.account.created", 3)
    async with runtime.db.session() as session:
        await session.execute(
            update(Event).where(Event.id.in_(old)).values(occurred_at=utcnow() - timedelta(days=31))
        )
    recent = await emit_events(org, "directory.account.created", 2)
    assert await purge(runtime.db, retention_days=30) >= 3
    h = await org.headers()
    gone = await client.get("/v1/events", params={"after": 0}, headers=h)
    assert gone.status_code == 410 and gone.json()["code"] == "resync_required"
    purged_through = gone.json()["purged_through"]
    ok = await client.get("/v1/events", params={"after": purged_through}, headers=h)
    assert ok.status_code == 200
    assert [e["id"] for e in ok.json()["data"]][-2:] == recent
    assert (await client.get(f"/v1/events/{old[0]}", headers=h)).status_code == 404
