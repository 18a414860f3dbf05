"""The webhook endpoint API: creation with a verification challenge, secrets shown once and
rotated with grace, filters, enable/disable/delete, attempts, redelivery and replay."""

from __future__ import annotations

import time

from sqlalchemy import func, select

from api.kit.ids import new_id
from api.platform.webhooks import signing
from api.storage.models import AccountDepartment, Department, WebhookEndpoint
from tests.events.helpers import deliveries, dispatcher
from tests.events.receiver import Receiver, Reply
from tests.factories.platform import user_tokens
from tests.factories.webhooks import emit_events


async def _create(client, org, url, **body):
    body.setdefault("event_types", ["directory.*", "mail.*"])
    resp = await client.post("/v1/webhooks", json={"url": url, **body}, headers=await org.headers())
    assert resp.status_code == 201, resp.text
    return resp.json()


async def _count_endpoints(runtime) -> int:
    async with runtime.db.session(write=False) as session:
        return int(await session.scalar(select(func.count()).select_from(WebhookEndpoint)))


async def test_create_sends_a_signed_challenge_and_shows_the_secret_once(client, org, receiver):
    body = await _create(
        client, org, receiver.url, event_types=["directory.*", "mail.*"], description="HR sync"
    )
    assert body["secret"].startswith("whsec_")
    assert body["id"].startswith("whk_") and body["status"] == "enabled"
    assert body["app_id"] == org.client_id and body["verified_at"]
    [challenge] = receiver.requests
    payload = challenge.json()
    assert payload["type"] == "endpoint.verification" and payload["challenge"]
    signing.verify(challenge.body, challenge.headers, body["secret"], now=int(time.time()))
    got = await client.get(f"/v1/webhooks/{body['id']}", headers=await org.headers())
    assert got.status_code == 200 and "secret" not in got.json()
    assert got.json()["event_types"] == ["directory.*", "mail.*"]
    assert got.headers["etag"]


async def test_an_endpoint_that_does_not_echo_the_challenge_is_refused(client, org, runtime):
    silent = await Receiver().start()
    silent._reply = lambda req: Reply(200, body=b"ok")  # answers, but never echoes
    down = await Receiver().start()
    await down.stop()
    try:
        for url in (silent.url, down.url):
            resp = await client.post("/v1/webhooks", json={"url": url}, headers=await org.headers())
            assert resp.status_code == 422, resp.text
            assert resp.json()["code"] == "verification_failed"
        assert await _count_endpoints(runtime) == 0
    finally:
        await silent.stop()


async def test_bad_input_is_422_and_nothing_is_written(client, org, receiver, runtime):
    h = await org.headers()
    for body in (
        {"url": receiver.url, "event_types": ["Mail.*"]},
        {"url": receiver.url, "event_types": []},
        {"url": receiver.url, "event_types": ["mail..x"]},
        {"url": receiver.url, "account_ids": ["nobody@acme.test"]},
        {"url": receiver.url, "department_ids": ["dep_missing"]},
        {"url": receiver.url, "secret": "whsec_mine"},
        {"url": receiver.url, "org_id": "org_other"},
        {"url": "not a url"},
    ):
        resp = await client.post("/v1/webhooks", json=body, headers=h)
        assert resp.status_code == 422, (body, resp.text)
    assert await _count_endpoints(runtime) == 0


async def test_subscribing_needs_the_read_scope_of_the_domain(client, org, receiver):
    h = await org.headers("webhooks:manage directory:read")
    resp = await client.post(
        "/v1/webhooks", json={"url": receiver.url, "event_types": ["mail.*"]}, headers=h
    )
    assert resp.status_code == 422 and "mail:read" in resp.json()["detail"]
    ok = await client.post(
        "/v1/webhooks", json={"url": receiver.url, "event_types": ["directory.*"]}, headers=h
    )
    assert ok.status_code == 201


async def test_without_webhooks_manage_it_is_403(client, org, receiver):
    h = await org.headers("directory:read")
    resp = await client.post("/v1/webhooks", json={"url": receiver.url}, headers=h)
    assert resp.status_code == 403 and resp.json()["code"] == "insufficient_scope"
    assert (await client.get("/v1/webhooks", headers=h)).status_code == 403


async def test_a_wildcard_endpoint_only_gets_events_its_creator_could_read(
    client, org, receiver, runtime
):
    h = await org.headers("webhooks:manage directory:read")
    await client.post("/v1/webhooks", json={"url": receiver.url, "event_types": ["*"]}, headers=h)
    await emit_events(org, "mail.message.received", 1, account_id="acc_1")
    await emit_events(org, "directory.account.created", 1)
    d = dispatcher(runtime)
    await d.step()
    await d.aclose()
    assert [r.json()["type"] for r in receiver.deliveries] == ["directory.account.created"]


async def test_account_filter_sends_only_events_about_those_accounts(
    client, org, receiver, runtime
):
    alice = await org.add_account("alice")
    bob = await org.add_account("bob")
    await _create(client, org, receiver.url, account_ids=["alice@acme.test"])
    await emit_events(org, "mail.message.received", 1, account_id=alice.id)
    await emit_events(org, "mail.message.received", 1, account_id=bob.id)
    async with runtime.db.session() as session:
        from api.events import emit

        await emit(session, org.id, "directory.account.updated", {"id": alice.id})
    d = dispatcher(runtime)
    await d.step()
    await d.aclose()
    got = [
        (r.json()["type"], r.json()["data"].get("account_id") or r.json()["data"]["id"])
        for r in receiver.deliveries
    ]
    assert got == [("mail.message.received", alice.id), ("directory.account.updated", alice.id)]


async def test_department_filter_covers_sub_departments_and_their_members(
    client, org, receiver, runtime
):
    alice = await org.add_account("alice")
    bob = await org.add_account("bob")
    sales, emea, hr = new_id("dep"), new_id("dep"), new_id("dep")
    async with runtime.db.session() as session:
        session.add_all(
            [
                Department(id=sales, org_id=org.id, parent_id=None, name="Sales"),
                Department(id=emea, org_id=org.id, parent_id=sales, name="EMEA"),
                Department(id=hr, org_id=org.id, parent_id=None, name="HR"),
                AccountDepartment(account_id=alice.id, department_id=emea, org_id=org.id),
                AccountDepartment(account_id=bob.id, department_id=hr, org_id=org.id),
            ]
        )
    await _create(client, org, receiver.url, department_ids=[sales])
    await emit_events(org, "mail.message.received", 1, account_id=alice.id)
    await emit_events(org, "mail.message.received", 1, account_id=bob.id)
    async with runtime.db.session() as session:
        from api.events import emit

        await emit(session, org.id, "directory.department.updated", {"id": emea})
        await emit(session, org.id, "directory.department.updated", {"id": hr})
    d = dispatcher(runtime)
    await d.step()
    await d.aclose()
    got = [
        r.json()["data"].get("account_id") or r.json()["data"]["id"] for r in receiver.deliveries
    ]
    assert got == [alice.id, emea]


async def test_rotation_signs_with_both_secrets_during_grace_then_only_the_new(
    client, org, receiver, runtime
):
    created = await _create(client, org, receiver.url)
    old = created["secret"]
    resp = await client.post(
        f"/v1/webhooks/{created['id']}/secrets",
        json={"grace_seconds": 3600},
        headers=await org.headers(),
    )
    assert resp.status_code == 201, resp.text
    new = resp.json()["secret"]
    assert new != old and resp.json()["previous_secret_expires_at"]
    await emit_events(org, "directory.account.created", 1)
    d = dispatcher(runtime)
    await d.step()
    [r] = receiver.deliveries
    assert len(r.headers["webhook-signature"].split()) == 2
    signing.verify(r.body, r.headers, old, now=int(time.time()))
    signing.verify(r.body, r.headers, new, now=int(time.time()))
    resp = await client.post(
        f"/v1/webhooks/{created['id']}/secrets",
        json={"grace_seconds": 0},
        headers=await org.headers(),
    )
    newest = resp.json()["secret"]
    await emit_events(org, "directory.account.created", 1)
    await d.step()
    await d.aclose()
    r2 = receiver.deliveries[1]
    assert len(r2.headers["webhook-signature"].split()) == 1
    signing.verify(r2.body, r2.headers, newest, now=int(time.time()))


async def test_disable_enable_and_delete(client, org, receiver, runtime):
    h = await org.headers()
    created = await _create(client, org, receiver.url)
    wid = created["id"]
    resp = await client.post(f"/v1/webhooks/{wid}/disable", headers=h)
    assert resp.json()["status"] == "disabled" and resp.json()["disabled_reason"] == "manual"
    await emit_events(org, "directory.account.created", 1)
    d = dispatcher(runtime)
    assert await d.step() == 0
    resp = await client.post(f"/v1/webhooks/{wid}/enable", headers=h)
    assert resp.json()["status"] == "enabled" and resp.json()["disabled_reason"] is None
    [after] = await emit_events(org, "directory.account.created", 1)
    await d.step()
    await d.aclose()
    assert [r.json()["id"] for r in receiver.deliveries] == [after]
    assert (await client.delete(f"/v1/webhooks/{wid}", headers=h)).status_code == 204
    assert (await client.get(f"/v1/webhooks/{wid}", headers=h)).status_code == 404
    events = await client.get("/v1/events", params={"types": "webhook.*"}, headers=h)
    kinds = [e["type"].rsplit(".", 1)[1] for e in events.json()["data"]]
    assert kinds == ["created", "disabled", "enabled", "deleted"]


async def test_patch_is_a_merge_patch_with_etags_and_a_new_url_is_challenged(client, org, receiver):
    h = await org.headers()
    created = await _create(client, org, receiver.url)
    wid = created["id"]
    got = await client.get(f"/v1/webhooks/{wid}", headers=h)
    etag = got.headers["etag"]
    resp = await client.patch(
        f"/v1/webhooks/{wid}",
        json={"event_types": ["directory.account.*"]},
        headers={**h, "If-Match": etag},
    )
    assert resp.status_code == 200, resp.text
    assert resp.json()["event_types"] == ["directory.account.*"]
    assert resp.json()["url"] == receiver.url  # untouched
    stale = await client.patch(
        f"/v1/webhooks/{wid}", json={"description": "x"}, headers={**h, "If-Match": etag}
    )
    assert stale.status_code == 412
    other = await Receiver().start()
    try:
        moved = await client.patch(f"/v1/webhooks/{wid}", json={"url": other.url}, headers=h)
        assert moved.status_code == 200 and moved.json()["url"] == other.url
        assert (
            len(other.requests) == 1 and other.requests[0].json()["type"] == "endpoint.verification"
        )
        signing.verify(
            other.requests[0].body,
            other.requests[0].headers,
            created["secret"],
            now=int(time.time()),
        )
    finally:
        await other.stop()
    assert (
        await client.patch(f"/v1/webhooks/{wid}", json={"url": None}, headers=h)
    ).status_code == 422


async def test_attempts_are_listed_per_endpoint_and_per_event(client, org, receiver, runtime):
    h = await org.headers()
    a = await _create(client, org, receiver.url)
    b = await _create(client, org, receiver.url + "?b")
    receiver.script = [Reply(500, body=b"boom")]
    [event_id] = await emit_events(org, "directory.account.created", 1)
    d = dispatcher(runtime)
    await d.step()
    await d.aclose()
    per_event = await client.get(f"/v1/events/{event_id}/attempts", headers=h)
    assert per_event.status_code == 200
    assert sorted(x["endpoint_id"] for x in per_event.json()["data"]) == sorted([a["id"], b["id"]])
    failed = [x for x in per_event.json()["data"] if x["outcome"] == "failed"]
    assert len(failed) == 1 and failed[0]["status_code"] == 500
    assert failed[0]["response_snippet"] == "boom" and failed[0]["latency_ms"] >= 0
    per_ep = await client.get(f"/v1/webhooks/{a['id']}/attempts", headers=h)
    assert [x["event_id"] for x in per_ep.json()["data"]] == [event_id]
    dl = await client.get(f"/v1/webhooks/{a['id']}/deliveries", headers=h)
    assert dl.json()["data"][0]["event_id"] == event_id
    missing = await client.get("/v1/events/evt_nope/attempts", headers=h)
    assert missing.status_code == 404


async def test_redeliver_sends_the_same_webhook_id_again(client, org, receiver, runtime):
    h = await org.headers()
    created = await _create(client, org, receiver.url)
    [event_id] = await emit_events(org, "directory.account.created", 1)
    d = dispatcher(runtime)
    await d.step()
    resp = await client.post(
        f"/v1/webhooks/{created['id']}/redeliver", json={"event_id": event_id}, headers=h
    )
    assert resp.status_code == 202, resp.text
    await d.step()
    await d.aclose()
    first, again = receiver.deliveries
    assert first.headers["webhook-id"] == again.headers["webhook-id"] == resp.json()["id"]
    assert first.body == again.body
    bad = await client.post(
        f"/v1/webhooks/{created['id']}/redeliver", json={"event_id": "evt_x"}, headers=h
    )
    assert bad.status_code == 404


async def test_replay_queues_a_sequence_range_matching_the_filters(client, org, receiver, runtime):
    h = await org.headers()
    before = await emit_events(org, "directory.account.created", 3)  # before the endpoint
    await emit_events(org, "mail.message.received", 1, account_id="acc_1")
    created = await _create(client, org, receiver.url, event_types=["directory.account.*"])
    events = (await client.get("/v1/events", headers=h)).json()["data"]
    seqs = [e["sequence"] for e in events if e["id"] in before]
    resp = await client.post(
        f"/v1/webhooks/{created['id']}/replay",
        json={"from_sequence": seqs[0], "to_sequence": seqs[-1] + 1},
        headers=h,
    )
    assert resp.status_code == 202 and resp.json() == {"queued": 3}
    d = dispatcher(runtime)
    await d.step()
    await d.aclose()
    assert [r.json()["id"] for r in receiver.deliveries] == before
    backwards = await client.post(
        f"/v1/webhooks/{created['id']}/replay",
        json={"from_sequence": 5, "to_sequence": 2},
        headers=h,
    )
    assert backwards.status_code == 422
    huge = await client.post(
        f"/v1/webhooks/{created['id']}/replay",
        json={"from_sequence": 1, "to_sequence": 20_001},
        headers=h,
    )
    assert huge.status_code == 422


async def test_ordered_endpoint_holds_later_events_until_the_earlier_one_succeeds(
    client, org, receiver, runtime
):
    from tests.events.helpers import FakeClock

    clock = FakeClock()
    created = await _create(client, org, receiver.url, ordered=True)
    receiver.script = [Reply(500)]
    ids = await emit_events(org, "directory.account.updated", 3)
    d = dispatcher(runtime, clock)
    assert await d.step() == 1  # only the first, which fails
    assert [r.json()["id"] for r in receiver.deliveries] == ids[:1]
    clock.advance(5)
    assert await d.step() == 3  # retried, then the others one at a time
    await d.aclose()
    assert [r.json()["id"] for r in receiver.deliveries] == [ids[0], *ids]
    assert [x.status for x in await deliveries(runtime, created["id"])] == ["succeeded"] * 3


async def test_a_user_bound_admin_token_makes_an_endpoint_limited_to_its_own_mail(
    client, org, receiver, runtime
):
    admin2 = await org.add_account("boss", role="admin")
    other = await org.add_account("carol")
    tokens = await user_tokens(org, "boss@acme.test", "webhooks:manage mail:read")
    h = {"Authorization": f"Bearer {tokens['access_token']}"}
    resp = await client.post(
        "/v1/webhooks", json={"url": receiver.url, "event_types": ["mail.*"]}, headers=h
    )
    assert resp.status_code == 201, resp.text
    await emit_events(org, "mail.message.received", 1, account_id=other.id)
    [mine] = await emit_events(org, "mail.message.received", 1, account_id=admin2.id)
    d = dispatcher(runtime)
    await d.step()
    await d.aclose()
    assert [r.json()["id"] for r in receiver.deliveries] == [mine]


async def test_graphql_creates_lists_and_deletes_webhooks(client, org, receiver):
    h = await org.headers()
    q = (
        'mutation($url: String!) { createWebhook(input: {url: $url, eventTypes: ["directory.*"]})'
        " { secret webhook { id status eventTypes } } }"
    )
    resp = await client.post(
        "/graphql", json={"query": q, "variables": {"url": receiver.url}}, headers=h
    )
    data = resp.json()["data"]["createWebhook"]
    assert data["secret"].startswith("whsec_") and data["webhook"]["eventTypes"] == ["directory.*"]
    wid = data["webhook"]["id"]
    listed = await client.post(
        "/graphql", json={"query": "{ webhooks { data { id url } } }"}, headers=h
    )
    assert [w["id"] for w in listed.json()["data"]["webhooks"]["data"]] == [wid]
    gone = await client.post(
        "/graphql",
        json={"query": "mutation($id: ID!) { deleteWebhook(id: $id) }", "variables": {"id": wid}},
        headers=h,
    )
    assert gone.json()["data"]["deleteWebhook"] is True
    bad = await client.post(
        "/graphql",
        json={"query": q, "variables": {"url": "ftp://x"}},
        headers=await org.headers("directory:read"),
    )
    assert bad.json()["errors"][0]["extensions"]["code"] == "insufficient_scope"
