"""Webhook delivery against real loopback receivers: signatures, the retry schedule on a
fake clock, Retry-After, 410, 3xx, auto-disable, outages, thin payloads, leases."""

from __future__ import annotations

import asyncio
import signal
import time
from datetime import timedelta

import pytest
from sqlalchemy import select, update

from api.platform.webhooks import delivery, signing
from api.storage.models import Event, Job, WebhookEndpoint
from tests.events.helpers import (
    FakeClock,
    attempts,
    deliveries,
    dispatcher,
    endpoint,
    spawn_worker,
)
from tests.events.receiver import Receiver, Reply
from tests.factories.webhooks import emit_events, make_endpoint


async def test_deliveries_are_signed_per_standard_webhooks_and_carry_the_event(
    org, receiver, runtime
):
    ep, secret = await make_endpoint(org, receiver.url, event_types=["directory.account.*"])
    ids = await emit_events(org, "directory.account.created", 2)
    await emit_events(org, "mail.message.received", 1, account_id="acc_x")  # not subscribed
    d = dispatcher(runtime)
    assert await d.step() == 2
    await d.aclose()
    got = receiver.deliveries
    assert [r.json()["id"] for r in got] == ids
    for r in got:
        signing.verify(r.body, r.headers, secret, now=int(time.time()))
        assert r.headers["webhook-id"].startswith("dlv_")
        assert r.json()["type"] == "directory.account.created"
        assert r.json()["org_id"] == org.id
    with pytest.raises(signing.SignatureError):
        signing.verify(got[0].body + b" ", got[0].headers, secret, now=int(time.time()))


async def test_a_500_receiver_follows_the_retry_schedule_on_a_fake_clock(org, runtime):
    receiver = await Receiver(status=500).start()
    try:
        clock = FakeClock()
        ep, _ = await make_endpoint(org, receiver.url)
        await emit_events(org, "directory.account.created", 1)
        d = dispatcher(runtime, clock)
        assert await d.step() == 1  # attempt 1 at once
        for delay in delivery.SCHEDULE[1:]:
            clock.advance(delay - 1)
            assert await d.step() == 0, f"too early before the {delay}s retry"
            clock.advance(1)
            assert await d.step() == 1, f"the retry after {delay}s did not happen"
        clock.advance(10 * 24 * 3600)
        assert await d.step() == 0  # exhausted: 8 attempts, no more
        await d.aclose()
        [dl] = await deliveries(runtime, ep)
        assert dl.status == "failed"
        assert dl.attempts == len(delivery.SCHEDULE) == 8
        tries = await attempts(runtime, ep)
        assert [a.attempt for a in tries] == list(range(1, 9))
        assert {a.outcome for a in tries} == {"failed"}
        assert {a.status_code for a in tries} == {500}
        assert len({r.headers["webhook-id"] for r in receiver.deliveries}) == 1
    finally:
        await receiver.stop()


def test_retry_jitter_stays_within_ten_percent():
    assert delivery.next_delay(1, lambda: 0.0) == pytest.approx(270)
    assert delivery.next_delay(1, lambda: 1.0) == pytest.approx(330)
    assert delivery.next_delay(7, lambda: 0.5) is None


async def test_retry_after_on_429_and_503_sets_the_next_attempt(org, receiver, runtime):
    clock = FakeClock()
    receiver.script = [Reply(429, {"Retry-After": "120"}), Reply(503, {"Retry-After": "7"})]
    ep, _ = await make_endpoint(org, receiver.url)
    await emit_events(org, "directory.account.created", 1)
    d = dispatcher(runtime, clock)
    await d.step()
    [dl] = await deliveries(runtime, ep)
    assert dl.next_attempt_at == clock.now + timedelta(seconds=120)
    clock.advance(119)
    assert await d.step() == 0
    clock.advance(1)
    assert await d.step() == 1
    [dl] = await deliveries(runtime, ep)
    assert dl.next_attempt_at == clock.now + timedelta(seconds=7)
    clock.advance(7)
    assert await d.step() == 1
    await d.aclose()
    [dl] = await deliveries(runtime, ep)
    assert dl.status == "succeeded"


async def test_410_disables_the_endpoint_at_once_and_tells_admins(org, receiver, runtime):
    receiver.default = Reply(410)
    ep, _ = await make_endpoint(org, receiver.url)
    await emit_events(org, "directory.account.created", 3)
    d = dispatcher(runtime)
    await d.step()
    await d.aclose()
    found = await endpoint(runtime, ep)
    assert found.status == "disabled" and found.disabled_reason == "gone"
    assert all(x.status == "failed" for x in await deliveries(runtime, ep))
    async with runtime.db.session(write=False) as session:
        types = (
            (await session.execute(select(Event.type).where(Event.org_id == org.id)))
            .scalars()
            .all()
        )
        jobs = (await session.execute(select(Job).where(Job.org_id == org.id))).scalars().all()
    assert "webhook.endpoint.disabled" in types
    assert [j.payload for j in jobs if j.kind == "webhooks.endpoint_disabled_notice"] == [
        {"endpoint_id": ep, "reason": "gone"}
    ]


async def test_a_redirect_is_a_failure_and_never_followed(org, runtime):
    target = await Receiver().start()
    redirecting = await Receiver().start()
    redirecting.default = Reply(302, {"Location": target.url})
    try:
        ep, _ = await make_endpoint(org, redirecting.url)
        await emit_events(org, "directory.account.created", 1)
        d = dispatcher(runtime)
        await d.step()
        await d.aclose()
        [dl] = await deliveries(runtime, ep)
        assert dl.status == "pending" and dl.last_status_code == 302
        assert target.requests == []
    finally:
        await target.stop()
        await redirecting.stop()


async def test_five_days_of_only_failures_disables_the_endpoint(org, runtime):
    receiver = await Receiver(status=500).start()
    try:
        clock = FakeClock()
        ep, _ = await make_endpoint(org, receiver.url)
        d = dispatcher(runtime, clock)
        await emit_events(org, "directory.account.created", 1)
        await d.step()
        assert (await endpoint(runtime, ep)).failing_since == clock.now
        clock.advance(4 * 24 * 3600)
        await emit_events(org, "directory.account.created", 1)
        await d.step()
        assert (await endpoint(runtime, ep)).status == "enabled"
        clock.advance(24 * 3600 + 1)
        await emit_events(org, "directory.account.created", 1)
        await d.step()
        await d.aclose()
        found = await endpoint(runtime, ep)
        assert found.status == "disabled" and found.disabled_reason == "failing"
    finally:
        await receiver.stop()


async def test_one_success_resets_the_failure_window(org, receiver, runtime):
    clock = FakeClock()
    receiver.script = [Reply(500)]
    ep, _ = await make_endpoint(org, receiver.url)
    d = dispatcher(runtime, clock)
    await emit_events(org, "directory.account.created", 1)
    await d.step()
    assert (await endpoint(runtime, ep)).failing_since is not None
    clock.advance(5)
    await d.step()
    await d.aclose()
    assert (await endpoint(runtime, ep)).failing_since is None


async def test_a_receiver_down_for_a_while_gets_every_event_when_back(org, runtime):
    receiver = await Receiver().start()
    port = receiver.port
    clock = FakeClock()
    ep, _ = await make_endpoint(org, receiver.url)
    await receiver.stop()
    d = dispatcher(runtime, clock)
    sent = []
    for _minute in range(3):  # events keep coming while it is down
        sent += await emit_events(org, "directory.account.updated", 4)
        await d.step()
        clock.advance(60)
    assert receiver.requests == []
    assert all(x.status == "pending" for x in await deliveries(runtime, ep))
    await receiver.start(port)
    try:
        clock.advance(3600)
        await d.step()
        await d.aclose()
        got = [r.json()["id"] for r in receiver.deliveries]
        assert sorted(got) == sorted(sent)
        assert all(x.status == "succeeded" for x in await deliveries(runtime, ep))
    finally:
        await receiver.stop()


async def test_large_events_are_sent_thin_with_a_url_to_the_full_event(org, receiver, runtime):
    await make_endpoint(org, receiver.url)
    [big] = await emit_events(
        org, "directory.account.updated", 1, blob="x" * 300_000, account_id="acc_1"
    )
    d = dispatcher(runtime)
    await d.step()
    await d.aclose()
    [r] = receiver.deliveries
    body = r.json()
    assert len(r.body) < 2000
    assert body["thin"] is True and body["id"] == big
    assert body["url"].endswith(f"/v1/events/{big}")
    assert "blob" not in body["data"] and body["data"]["account_id"] == "acc_1"


async def test_disabled_endpoints_get_nothing_and_disabled_apps_stop_their_webhooks(
    org, receiver, runtime
):
    ep, _ = await make_endpoint(org, receiver.url)
    async with runtime.db.session() as session:
        await session.execute(
            update(WebhookEndpoint).where(WebhookEndpoint.id == ep).values(status="disabled")
        )
    await emit_events(org, "directory.account.created", 2)
    d = dispatcher(runtime)
    assert await d.step() == 0
    await d.aclose()
    assert receiver.requests == []


async def test_concurrent_dispatchers_never_send_one_attempt_twice(org, receiver, runtime):
    await make_endpoint(org, receiver.url)
    await make_endpoint(org, receiver.url + "?b")
    await emit_events(org, "directory.account.created", 60)
    a, b, c = (dispatcher(runtime) for _ in range(3))
    await asyncio.gather(a.step(), b.step(), c.step())
    for d in (a, b, c):
        await d.aclose()
    ids = [r.headers["webhook-id"] for r in receiver.deliveries]
    assert len(ids) == 120 and len(set(ids)) == 120


async def test_run_loop_delivers_soon_after_commit(org, receiver, runtime):
    await make_endpoint(org, receiver.url)
    d = dispatcher(runtime)
    stop = asyncio.Event()
    task = asyncio.create_task(d.run(stop))
    try:
        await asyncio.sleep(0.1)
        started = time.monotonic()
        await emit_events(org, "directory.account.created", 5)
        await receiver.wait_for(5, timeout=10)
        assert time.monotonic() - started < 2.0
    finally:
        stop.set()
        await asyncio.wait_for(task, 20)


async def test_a_worker_killed_after_sending_leads_to_redelivery_with_the_same_webhook_id(
    org, runtime
):
    receiver = await Receiver().start()
    receiver.script = [Reply(200, delay=30)]  # the first delivery hangs: the worker waits
    try:
        ep, _ = await make_endpoint(org, receiver.url)
        worker = await spawn_worker(runtime, MAILPLANE_WEBHOOKS_LEASE_SECONDS="1.5")
        try:
            await emit_events(org, "directory.account.created", 1)
            [first] = await receiver.wait_for(1, timeout=30)
        finally:
            worker.send_signal(signal.SIGKILL)
            await worker.wait()
        await asyncio.sleep(1.6)  # the dead worker's lease runs out
        d = dispatcher(runtime)
        assert await d.step() == 1
        await d.aclose()
        second = receiver.deliveries[1]
        assert second.headers["webhook-id"] == first.headers["webhook-id"]
        assert second.json() == first.json()
        [dl] = await deliveries(runtime, ep)
        assert dl.status == "succeeded" and dl.attempts == 2
    finally:
        await receiver.stop()


async def test_two_worker_processes_deliver_each_event_once_per_attempt(org, runtime):
    receiver = await Receiver().start()
    receiver.script = [Reply(500) for _ in range(10)]  # some attempts fail and are retried
    try:
        eps = [(await make_endpoint(org, receiver.url + f"?n={i}"))[0] for i in range(2)]
        workers = [await spawn_worker(runtime) for _ in range(2)]
        try:
            await emit_events(org, "directory.account.created", 60)
            await receiver.wait_for(120 + 10, timeout=60)
            await asyncio.sleep(0.5)
        finally:
            for w in workers:
                w.send_signal(signal.SIGTERM)
            for w in workers:
                await asyncio.wait_for(w.wait(), 30)
        per_id: dict[str, int] = {}
        for r in receiver.deliveries:
            per_id[r.headers["webhook-id"]] = per_id.get(r.headers["webhook-id"], 0) + 1
        rows = [x for ep in eps for x in await deliveries(runtime, ep)]
        assert len(rows) == 120
        assert all(x.status == "succeeded" for x in rows)
        assert {x.id: x.attempts for x in rows} == per_id
        assert sum(per_id.values()) == 130
        workers_used = {a.worker for ep in eps for a in await attempts(runtime, ep)}
        assert len(workers_used) == 2, "both processes took part"
    finally:
        await receiver.stop()


async def test_an_event_purged_before_sending_fails_without_a_request(org, receiver, runtime):
    ep, _ = await make_endpoint(org, receiver.url)
    await emit_events(org, "directory.account.created", 1)
    d = dispatcher(runtime)
    ready = await d.claim(10)
    async with runtime.db.session() as session:
        await session.execute(Event.__table__.delete().where(Event.org_id == org.id))
    ready = [type(r)(r.claim, r.url, r.keys, None) for r in ready]
    await d.record([await d.send(r) for r in ready])
    await d.aclose()
    [dl] = await deliveries(runtime, ep)
    assert dl.status == "failed" and receiver.requests == []
    assert dl.last_error == "event past retention"


async def test_admins_get_a_mail_when_an_endpoint_is_disabled_automatically(org, runtime):
    from api.platform.webhooks.tasks import send_disabled_notice
    from api.storage.models import MailMessage

    ep, _ = await make_endpoint(org, "https://hooks.example/in")
    await send_disabled_notice(runtime, {"endpoint_id": ep, "reason": "failing"})
    async with runtime.db.session(write=False) as session:
        rows = (
            (
                await session.execute(
                    select(MailMessage).where(MailMessage.account_id == org.made.admin.id)
                )
            )
            .scalars()
            .all()
        )
    assert len(rows) == 1
    text = await runtime.blobs.read_all(rows[0].blob_sha256)
    assert b"Webhook endpoint disabled" in text and ep.encode() in text
