"""Auto-reply (RFC 3834) and forwarding, end to end: swaks sends to the MX, the delivery
core answers or forwards, the outbound worker carries it to a remote MX (a sink found
through the local DNS server)."""

from __future__ import annotations

import asyncio
import contextlib
import email
import email.policy
import time
from collections.abc import AsyncIterator, Callable

import pytest
from sqlalchemy import select

from api.mail.inbound import SmtpEdge
from api.mail.outbound.worker import OutboundWorker
from api.runtime import Runtime
from api.storage.models import MailOutbound
from tests.factories.platform import OrgHandle
from tests.smtp.conftest import mailbox
from tests.smtp.sink import Sink
from tests.smtp.tools import swaks

pytestmark = pytest.mark.usefixtures("swaks_binary")

REMOTE_ZONE = ["@ MX 10 mx.remote.example.", "mx A 127.0.0.1",
               '@ TXT "v=spf1 ip4:127.0.0.1 -all"']


@pytest.fixture
async def sink(runtime: Runtime, dns) -> AsyncIterator[Sink]:  # type: ignore[no-untyped-def]
    server = await Sink().start()
    runtime.settings.outbound_port = server.port
    dns.publish({"remote.example": REMOTE_ZONE})
    yield server
    await server.stop()


@contextlib.asynccontextmanager
async def worker(runtime: Runtime) -> AsyncIterator[None]:
    running = OutboundWorker(runtime)
    stop = asyncio.Event()
    task = asyncio.create_task(running.run(stop))
    try:
        yield
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


async def outbound(runtime: Runtime) -> list[MailOutbound]:
    async with runtime.db.session(write=False) as session:
        return list((await session.execute(select(MailOutbound))).scalars().all())


async def settle(runtime: Runtime) -> None:
    async def done() -> bool:
        rows = await outbound(runtime)
        return all(r.status in ("sent", "failed") for r in rows)

    async with worker(runtime):
        await until(done)


async def patch_settings(org: OrgHandle, account: str, body: dict) -> None:
    resp = await org.client.patch(f"/v1/accounts/{account}/mail/settings", json=body,
                                  headers=await org.headers())
    assert resp.status_code == 200, resp.text


async def send_in(edge: SmtpEdge, to: str, sender: str, *headers: str) -> None:
    args = ["--to", to, "--from", sender]
    for h in headers:
        args += ["--header", h]
    rc, out = await swaks(edge.ports["mx"], *args)
    assert rc == 0, out


async def test_vacation_answers_an_external_sender_once_with_rfc3834_headers(
    edge: SmtpEdge, org: OrgHandle, runtime: Runtime, sink: Sink
) -> None:
    alice = await org.add_account("alice")
    await patch_settings(org, alice.address, {"auto_reply": {
        "enabled": True, "subject": "外出 Out of office", "text": "我在休假，1月10日回来。",
    }})
    await send_in(edge, alice.address, "pat@remote.example", "Subject: 项目进度",
                  "Message-Id: <m1@remote.example>")
    await send_in(edge, alice.address, "pat@remote.example", "Subject: again")
    await settle(runtime)
    assert [f for f, _ in await mailbox(runtime, alice.id)].count("inbox") == 2
    [got] = sink.messages  # once per sender per interval
    assert got.sender == "<>" and got.recipients == ["pat@remote.example"]  # null path
    reply = email.message_from_bytes(got.data, policy=email.policy.default)
    assert reply["Auto-Submitted"] == "auto-replied"
    assert reply["In-Reply-To"] == "<m1@remote.example>"
    assert str(reply["Subject"]) == "外出 Out of office"
    assert reply["From"].addresses[0].addr_spec == alice.address
    assert "我在休假" in reply.get_body(("plain",)).get_content()


@pytest.mark.parametrize("extra, sender", [
    (("List-Id: <dev.lists.remote.example>",), "pat@remote.example"),
    (("Precedence: bulk",), "pat@remote.example"),
    (("Auto-Submitted: auto-generated",), "pat@remote.example"),
    ((), "owner-dev@remote.example"),
    ((), "<>"),
])
async def test_vacation_never_answers_lists_bulk_robots_or_null_senders(
    edge: SmtpEdge, org: OrgHandle, runtime: Runtime, sink: Sink,
    extra: tuple[str, ...], sender: str,
) -> None:
    alice = await org.add_account("alice")
    await patch_settings(org, alice.address, {"auto_reply": {"enabled": True, "text": "away"}})
    await send_in(edge, alice.address, sender, "Subject: news", *extra)
    await settle(runtime)
    assert len(await mailbox(runtime, alice.id)) == 1
    assert await outbound(runtime) == [] and sink.messages == []


async def test_vacation_outside_its_dates_is_silent(
    edge: SmtpEdge, org: OrgHandle, runtime: Runtime, sink: Sink
) -> None:
    alice = await org.add_account("alice")
    await patch_settings(org, alice.address, {"auto_reply": {
        "enabled": True, "text": "away", "starts_at": "2999-01-01T00:00:00Z"}})
    await send_in(edge, alice.address, "pat@remote.example")
    await patch_settings(org, alice.address, {"auto_reply": {
        "starts_at": "2000-01-01T00:00:00Z", "ends_at": "2000-02-01T00:00:00Z"}})
    await send_in(edge, alice.address, "pat@remote.example")
    await settle(runtime)
    assert await outbound(runtime) == []


async def test_forwarding_to_an_external_address_where_the_organisation_allows_it(
    edge: SmtpEdge, org: OrgHandle, runtime: Runtime, sink: Sink
) -> None:
    alice = await org.add_account("alice")
    resp = await org.client.patch("/v1/organization", json={"mail_forwarding": "any"},
                                  headers=await org.headers())
    assert resp.status_code == 200
    await patch_settings(org, alice.address,
                         {"forwarding": {"enabled": True, "address": "me@remote.example"}})
    await send_in(edge, alice.address, "pat@remote.example", "Subject: 转发测试")
    await settle(runtime)
    [(folder, kept)] = await mailbox(runtime, alice.id)
    assert folder == "inbox"
    [got] = sink.messages
    assert got.sender == alice.address and got.recipients == ["me@remote.example"]
    assert f"X-Mailplane-Forwarded-For: {alice.address}\r\n".encode() in got.data
    assert got.data.endswith(kept.split(b"\r\n\r\n", 1)[1])  # the body, untouched

    await org.client.patch("/v1/organization", json={"mail_forwarding": "internal"},
                           headers=await org.headers())
    await send_in(edge, alice.address, "pat@remote.example", "Subject: not any more")
    await settle(runtime)
    assert len(sink.messages) == 1  # the policy is checked at delivery too


async def test_forwarding_loop_between_two_mailboxes_stops(
    edge: SmtpEdge, org: OrgHandle, runtime: Runtime
) -> None:
    alice = await org.add_account("alice")
    bob = await org.add_account("bob")
    await patch_settings(org, alice.address,
                         {"forwarding": {"enabled": True, "address": bob.address}})
    await patch_settings(org, bob.address,
                         {"forwarding": {"enabled": True, "address": alice.address}})
    await send_in(edge, alice.address, "pat@example.net", "Subject: ping")
    alices, bobs = await mailbox(runtime, alice.id), await mailbox(runtime, bob.id)
    assert len(alices) == 2 and len(bobs) == 1
    # the original, and the copy that came back through bob, named by both forwarders
    assert sorted(raw.count(b"X-Mailplane-Forwarded-For:") for _, raw in alices) == [0, 2]
    assert bobs[0][1].count(b"X-Mailplane-Forwarded-For:") == 1
