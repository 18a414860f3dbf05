"""Outbound delivery against a scriptable remote MX found through the local DNS server:
DKIM signing, connection reuse, retries, bounces, priorities, leases, delivery status."""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import AsyncIterator, Callable

import dkim as dkimpy
import dns.resolver
import pytest
from sqlalchemy import select, update

from api.mail.outbound import queue
from api.mail.outbound.worker import OutboundWorker
from api.runtime import Runtime
from api.storage.models import Event, MailOutbound
from tests.factories.platform import OrgHandle
from tests.smtp.conftest import mailbox, signing_record
from tests.smtp.sink import Sink

REMOTE_ZONE = ["@ MX 10 mx.remote.example.", "mx A 127.0.0.1"]


@pytest.fixture
async def sink(runtime: Runtime, dns) -> AsyncIterator[Sink]:
    server = await Sink().start()
    runtime.settings.outbound_port = server.port
    dns.publish({"remote.example": REMOTE_ZONE})
    yield server
    await server.stop()


@contextlib.asynccontextmanager
async def worker(runtime: Runtime) -> AsyncIterator[OutboundWorker]:
    running = OutboundWorker(runtime)
    stop = asyncio.Event()
    task = asyncio.create_task(running.run(stop))
    try:
        yield running
    finally:
        stop.set()
        await asyncio.wait_for(task, 30)


async def until(check: Callable[[], object], timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while True:
        result = check()
        if asyncio.iscoroutine(result):
            result = await result
        if result:
            return
        assert time.monotonic() < deadline, "timed out"
        await asyncio.sleep(0.05)


async def send(org: OrgHandle, account: str, to: list[str], **extra: object) -> dict:
    resp = await org.client.post(f"/v1/accounts/{account}/mail/send",
                                 json={"to": to, "subject": extra.pop("subject", "Hello"),
                                       "text": "Hi there.", **extra},
                                 headers=await org.headers())
    assert resp.status_code == 202, resp.text
    return dict(resp.json())


async def rows(runtime: Runtime) -> list[MailOutbound]:
    async with runtime.db.session(write=False) as session:
        return list((await session.execute(
            select(MailOutbound).order_by(MailOutbound.created_at))).scalars().all())


async def all_final(runtime: Runtime) -> bool:
    found = await rows(runtime)
    return bool(found) and all(r.status in ("sent", "failed") for r in found)


def _dnsfunc(address: str):  # type: ignore[no-untyped-def]
    host, port = address.split(":")
    resolver = dns.resolver.Resolver(configure=False)
    resolver.nameservers, resolver.port = [host], int(port)
    return lambda name, timeout=5: b"".join(
        b"".join(r.strings) for r in resolver.resolve(name.decode().rstrip("."), "TXT"))


async def test_mail_goes_to_the_mx_dkim_signed_and_is_marked_delivered(
    org: OrgHandle, runtime: Runtime, sink: Sink, dns
) -> None:
    dns.publish({"remote.example": REMOTE_ZONE,
                 "acme.test": [await signing_record(runtime, org)]})
    alice = await org.add_account("alice")
    sent = await send(org, alice.id, ["carol@remote.example"])
    assert sent["queued"] == ["carol@remote.example"]
    async with worker(runtime):
        await until(lambda: all_final(runtime))
    [got] = sink.messages
    assert got.sender == "alice@acme.test" and got.recipients == ["carol@remote.example"]
    assert got.data.startswith(b"DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=acme.test")
    assert dkimpy.verify(got.data, dnsfunc=_dnsfunc(dns.address))
    [row] = await rows(runtime)
    assert (row.status, row.attempts) == ("sent", 1)
    async with runtime.db.session(write=False) as session:
        events = (await session.execute(select(Event).where(
            Event.type == "mail.message.delivered"))).scalars().all()
    assert [(e.data["id"], e.data["recipient"]) for e in events] == [
        (sent["id"], "carol@remote.example")]
    resp = await org.client.get(f"/v1/accounts/{alice.id}/mail/messages/{sent['id']}/delivery",
                                headers=await org.headers())
    assert resp.status_code == 200, resp.text
    body = resp.json()
    assert body["sent"] == 1 and body["pending"] == 0
    assert body["recipients"][0]["status"] == "sent"


async def test_several_messages_share_one_connection(
    org: OrgHandle, runtime: Runtime, sink: Sink
) -> None:
    alice = await org.add_account("alice")
    for i in range(6):
        await send(org, alice.id, [f"r{i}@remote.example"], subject=f"m{i}")
    runtime.settings.outbound_per_destination = 1
    async with worker(runtime):
        await until(lambda: all_final(runtime))
    assert len(sink.messages) == 6
    assert sink.connections == 1


async def test_recipients_of_one_message_share_one_transaction(
    org: OrgHandle, runtime: Runtime, sink: Sink
) -> None:
    alice = await org.add_account("alice")
    await send(org, alice.id, ["a@remote.example", "b@remote.example", "c@remote.example"])
    async with worker(runtime):
        await until(lambda: all_final(runtime))
    [got] = sink.messages
    assert sorted(got.recipients) == ["a@remote.example", "b@remote.example", "c@remote.example"]


async def test_permanent_refusal_bounces_into_the_senders_inbox(
    org: OrgHandle, runtime: Runtime, sink: Sink
) -> None:
    alice = await org.add_account("alice")
    sink.rcpt_replies["ghost@remote.example"] = ["550 5.1.1 <ghost@remote.example>: no such user"]
    sent = await send(org, alice.id, ["ghost@remote.example", "carol@remote.example"],
                      subject="Quarterly report")
    async with worker(runtime):
        await until(lambda: all_final(runtime))
    by_rcpt = {r.recipient: r for r in await rows(runtime)}
    assert by_rcpt["carol@remote.example"].status == "sent"
    assert by_rcpt["ghost@remote.example"].status == "failed"
    assert "550 5.1.1" in (by_rcpt["ghost@remote.example"].last_error or "")
    inbox = [raw for folder, raw in await mailbox(runtime, alice.id) if folder == "inbox"]
    [dsn] = inbox
    assert b"multipart/report; report-type=delivery-status" in dsn
    assert b"Final-Recipient: rfc822; ghost@remote.example" in dsn
    assert b"Status: 5.1.1" in dsn and b"Action: failed" in dsn
    assert b"Subject: Quarterly report" in dsn  # the original's headers come back
    async with runtime.db.session(write=False) as session:
        bounced = (await session.execute(select(Event).where(
            Event.type == "mail.message.bounced"))).scalars().all()
    assert [(e.data["id"], e.data["status"]) for e in bounced] == [(sent["id"], "5.1.1")]


async def test_temporary_failure_is_retried_and_the_retry_is_signed(
    org: OrgHandle, runtime: Runtime, sink: Sink, dns
) -> None:
    dns.publish({"remote.example": REMOTE_ZONE,
                 "acme.test": [await signing_record(runtime, org)]})
    alice = await org.add_account("alice")
    sink.rcpt_replies["carol@remote.example"] = ["451 4.7.1 greylisted, come back later",
                                                 "250 2.1.5 OK"]
    await send(org, alice.id, ["carol@remote.example"])
    async with worker(runtime):
        await until(lambda: all_final(runtime))
    [row] = await rows(runtime)
    assert (row.status, row.attempts) == ("sent", 2)
    [got] = sink.messages
    assert got.data.count(b"DKIM-Signature:") == 1
    assert dkimpy.verify(got.data, dnsfunc=_dnsfunc(dns.address))


async def test_gives_up_after_bounce_after_and_bounces(
    org: OrgHandle, runtime: Runtime, sink: Sink
) -> None:
    runtime.settings.bounce_after = 2
    alice = await org.add_account("alice")
    sink.rcpt_replies["carol@remote.example"] = ["451 4.3.0 try later"]
    await send(org, alice.id, ["carol@remote.example"])
    async with worker(runtime):
        await until(lambda: all_final(runtime), timeout=30)
    [row] = await rows(runtime)
    assert row.status == "failed" and row.attempts >= 2
    assert "gave up" in (row.last_error or "")
    [dsn] = [raw for folder, raw in await mailbox(runtime, alice.id) if folder == "inbox"]
    assert b"Status: 5.4.7" in dsn or b"Status: 4.3.0" not in dsn


async def test_transactional_mail_jumps_the_queue(
    org: OrgHandle, runtime: Runtime, sink: Sink
) -> None:
    alice = await org.add_account("alice")
    for i in range(8):
        await send(org, alice.id, [f"bulk{i}@remote.example"], subject=f"newsletter {i}")
    await send(org, alice.id, ["hr@remote.example"], subject="Your leave was approved",
               transactional=True)
    runtime.settings.outbound_per_destination = 1
    async with worker(runtime):
        await until(lambda: all_final(runtime))
    assert sink.messages[0].recipients == ["hr@remote.example"]


async def test_domain_without_mx_gets_mail_at_its_address_and_null_mx_fails_at_once(
    org: OrgHandle, runtime: Runtime, sink: Sink, dns
) -> None:
    dns.publish({"remote.example": REMOTE_ZONE, "plain.example": ["@ A 127.0.0.1"],
                 "nomail.example": ["@ MX 0 ."]})
    alice = await org.add_account("alice")
    await send(org, alice.id, ["x@plain.example", "y@nomail.example"])
    async with worker(runtime):
        await until(lambda: all_final(runtime))
    by_rcpt = {r.recipient: r for r in await rows(runtime)}
    assert by_rcpt["x@plain.example"].status == "sent"
    assert by_rcpt["y@nomail.example"].status == "failed"
    assert "null MX" in (by_rcpt["y@nomail.example"].last_error or "")
    assert [m.recipients for m in sink.messages] == [["x@plain.example"]]


async def test_smarthost_with_auth_and_opportunistic_starttls(
    org: OrgHandle, runtime: Runtime, edge
) -> None:
    relay = await Sink().start(tls=edge.tls, auth=("relayuser", "relay-secret"))
    try:
        runtime.settings.smarthost = f"127.0.0.1:{relay.port}"
        runtime.settings.smarthost_username = "relayuser"
        runtime.settings.smarthost_password = "relay-secret"
        alice = await org.add_account("alice")
        await send(org, alice.id, ["someone@anywhere.example"])
        async with worker(runtime):
            await until(lambda: all_final(runtime))
        [got] = relay.messages
        assert got.tls and got.login == "relayuser"
        assert [r.status for r in await rows(runtime)] == ["sent"]
    finally:
        await relay.stop()


async def test_unreachable_destination_is_deferred_not_lost(
    org: OrgHandle, runtime: Runtime, dns
) -> None:
    dns.publish({"remote.example": REMOTE_ZONE})
    runtime.settings.outbound_port = 9  # nothing listens there
    alice = await org.add_account("alice")
    await send(org, alice.id, ["carol@remote.example"])
    async with worker(runtime):
        await until(lambda: _status(runtime, "deferred"))
    [row] = await rows(runtime)
    assert row.status == "deferred" and "could not connect" in (row.last_error or "")
    assert row.next_attempt_at > row.updated_at


async def _status(runtime: Runtime, status: str) -> bool:
    return any(r.status == status for r in await rows(runtime))


async def test_an_expired_lease_is_claimed_again_and_the_old_claim_cannot_finish(
    org: OrgHandle, runtime: Runtime, sink: Sink
) -> None:
    alice = await org.add_account("alice")
    await send(org, alice.id, ["carol@remote.example"])
    [stale] = await queue.claim(runtime.db, 10, 0.05, set())  # a worker that then died
    await asyncio.sleep(0.1)
    async with worker(runtime):
        await until(lambda: all_final(runtime))
    [row] = await rows(runtime)
    assert (row.status, row.attempts) == ("sent", 2)
    async with runtime.db.session() as session:
        assert await queue.held(session, stale) is None
    assert len(sink.messages) == 1


async def test_delivery_status_is_the_owners_only_and_in_graphql(
    org: OrgHandle, other_org: OrgHandle, runtime: Runtime, sink: Sink
) -> None:
    alice = await org.add_account("alice")
    sent = await send(org, alice.id, ["carol@remote.example"])
    async with runtime.db.session() as session:
        await session.execute(update(MailOutbound).values(last_error="451 4.4.1 later",
                                                          status="deferred"))
    path = f"/v1/accounts/{alice.id}/mail/messages/{sent['id']}/delivery"
    resp = await org.client.get(path, headers=await other_org.headers())
    assert resp.status_code == 404
    resp = await org.client.get(f"/v1/accounts/{alice.id}/mail/messages/msg_nope/delivery",
                                headers=await org.headers())
    assert resp.status_code == 404
    resp = await org.client.get(path, headers=await org.headers("directory:read"))
    assert resp.status_code == 403
    query = ("query($a: String!, $id: ID!) { messageDelivery(account: $a, id: $id) "
             "{ pending recipients { recipient status lastError nextAttemptAt } } }")
    resp = await org.client.post("/graphql", json={"query": query, "variables": {
        "a": "alice@acme.test", "id": sent["id"]}}, headers=await org.headers())
    data = resp.json()["data"]["messageDelivery"]
    assert data["pending"] == 1
    assert data["recipients"][0]["status"] == "deferred"
    assert data["recipients"][0]["lastError"] == "451 4.4.1 later"
    resp = await org.client.post("/graphql", json={"query": query, "variables": {
        "a": "alice@acme.test", "id": sent["id"]}}, headers=await other_org.headers())
    assert resp.json()["errors"][0]["extensions"]["code"] == "not_found"


def test_openssl_rsa_gives_dkimpys_signature_byte_for_byte() -> None:
    import hashlib

    from api.mail.outbound.signing import _PURE_PYTHON_SIGN, openssl_pkcs1v15_sign
    from tests.smtp.tools import new_dkim_key

    pem, _ = new_dkim_key()
    key = dkimpy.crypto.parse_pem_private_key(pem.encode())
    for digest in (hashlib.sha256(b"canonical headers"), hashlib.sha1(b"old")):
        assert openssl_pkcs1v15_sign(digest, key) == _PURE_PYTHON_SIGN(digest, key)


async def test_a_chinese_senders_bounce_explains_itself_in_chinese(
    org: OrgHandle, runtime: Runtime, sink: Sink
) -> None:
    import email
    from email import policy

    from api.storage.models import Account

    wei = await org.add_account("wei")
    async with runtime.db.session() as session:
        await session.execute(update(Account).where(Account.id == wei.id).values(locale="zh-CN"))
    sink.rcpt_replies["ghost@remote.example"] = ["550 5.1.1 <ghost@remote.example>: no such user"]
    await send(org, wei.id, ["ghost@remote.example"], subject="季度报告")
    async with worker(runtime):
        await until(lambda: all_final(runtime))
    [dsn] = [raw for folder, raw in await mailbox(runtime, wei.id) if folder == "inbox"]
    parsed = email.message_from_bytes(dsn, policy=policy.default)
    assert parsed["Subject"] == "退信：邮件无法投递"
    human = next(p for p in parsed.walk() if p.get_content_type() == "text/plain")
    assert "您的邮件无法投递" in human.get_content()
    # the machine-readable part is the same in every language
    assert b"Status: 5.1.1" in dsn and b"Final-Recipient: rfc822; ghost@remote.example" in dsn
