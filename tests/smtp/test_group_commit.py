"""The MX's group commit: messages from many sessions land in one transaction and are stored
per mailbox in one go; each session still gets its own answer, and a mailbox that the batch
would overfill takes what fits and refuses the rest with 552, as one by one would."""

from __future__ import annotations

import asyncio

from sqlalchemy import func, select

from api.mail.inbound import SmtpEdge
from api.runtime import Runtime
from api.storage.models import Account, Event, Mailbox, MailFolder, MailMessage
from tests.factories.platform import OrgHandle
from tests.smtp.tools import Conversation


async def _held_committer(edge: SmtpEdge) -> asyncio.Event:
    """Keep the committer busy until the returned event is set, so what arrives meanwhile
    queues up and is committed as one batch."""
    release = asyncio.Event()

    async def hold(session, runtime):  # type: ignore[no-untyped-def]
        await release.wait()

    asyncio.get_running_loop().create_task(edge.committer.run(hold))
    while not edge.committer.busy:
        await asyncio.sleep(0.01)
    return release


async def _send(port: int, to: str, subject: str, body: str = "hello") -> str:
    """One whole SMTP transaction; the reply to the final dot."""
    smtp = await Conversation.open(port)
    try:
        for line in ("EHLO client.example.net", "MAIL FROM:<bob@example.net>", f"RCPT TO:<{to}>"):
            reply = await smtp.command(line)
            assert reply.startswith("250"), reply
        assert (await smtp.command("DATA")).startswith("354")
        await smtp.send(
            f"From: bob@example.net\r\nTo: {to}\r\nSubject: {subject}\r\n"
            f"Message-ID: <{subject}@example.net>\r\n\r\n{body}\r\n.\r\n".encode()
        )
        return await smtp.reply(timeout=30)
    finally:
        await smtp.close()


async def _queued(edge: SmtpEdge, count: int) -> None:
    for _ in range(1000):
        if edge.committer.queue.qsize() >= count:
            return
        await asyncio.sleep(0.01)
    raise AssertionError(f"only {edge.committer.queue.qsize()} of {count} queued")


async def test_one_batch_stores_every_message_with_counters_threads_and_events(
    edge: SmtpEdge, org: OrgHandle, runtime: Runtime
) -> None:
    alice, carol = await org.add_account("alice"), await org.add_account("carol")
    release = await _held_committer(edge)
    batches = edge.committer.batches
    sends = [
        asyncio.create_task(_send(edge.ports["mx"], f"{who}@acme.test", f"{who}-{i}"))
        for i in range(5) for who in ("alice", "carol")
    ]
    await _queued(edge, len(sends))
    release.set()
    replies = await asyncio.gather(*sends)
    assert all(r.startswith("250 2.0.0 OK") for r in replies), replies
    assert edge.committer.batches == batches + 2  # the held item's, then all ten in one

    async with runtime.db.session(write=False) as session:
        for account in (alice, carol):
            rows = (await session.execute(
                select(MailMessage.subject, MailMessage.thread_id, MailMessage.modseq)
                .where(MailMessage.account_id == account.id)
            )).all()
            assert len(rows) == 5 and len({t for _, t, _ in rows}) == 5
            inbox = await session.scalar(select(MailFolder).where(
                MailFolder.account_id == account.id, MailFolder.role == "inbox"))
            assert (inbox.total_count, inbox.unread_count) == (5, 5)
            assert (await session.get(Mailbox, account.id)).used_bytes == sum(
                m.size for m in (await session.execute(
                    select(MailMessage).where(MailMessage.account_id == account.id)
                )).scalars())
        events = (await session.execute(
            select(Event.data).where(Event.org_id == org.id,
                                     Event.type == "mail.message.received")
        )).scalars().all()
    assert len(events) == 10 and len({e["id"] for e in events}) == 10


async def test_a_mailbox_the_batch_would_overfill_takes_what_fits(
    edge: SmtpEdge, org: OrgHandle, runtime: Runtime
) -> None:
    alice = await org.add_account("alice")
    async with runtime.db.session() as session:
        # two of the three (~1.4 KB each) fit
        (await session.get(Account, alice.id)).quota_bytes = 3300
    release = await _held_committer(edge)
    sends = [
        asyncio.create_task(_send(edge.ports["mx"], "alice@acme.test", f"m{i}", "x" * 900))
        for i in range(3)
    ]
    await _queued(edge, 3)
    release.set()
    replies = sorted(await asyncio.gather(*sends))
    assert [r[:9] for r in replies] == ["250 2.0.0", "250 2.0.0", "552 5.2.2"], replies
    async with runtime.db.session(write=False) as session:
        count = await session.scalar(select(func.count()).select_from(MailMessage).where(
            MailMessage.account_id == alice.id))
        mailbox = await session.get(Mailbox, alice.id)
        inbox = await session.scalar(select(MailFolder).where(
            MailFolder.account_id == alice.id, MailFolder.role == "inbox"))
    assert count == 2 == inbox.total_count
    assert mailbox.used_bytes <= 3300 and mailbox.message_count == 2


async def test_an_account_deleted_between_rcpt_and_data_is_refused(
    edge: SmtpEdge, org: OrgHandle, runtime: Runtime
) -> None:
    alice = await org.add_account("alice")
    smtp = await Conversation.open(edge.ports["mx"])
    try:
        for line in ("EHLO client.example.net", "MAIL FROM:<bob@example.net>",
                     "RCPT TO:<alice@acme.test>"):
            assert (await smtp.command(line)).startswith("250")
        async with runtime.db.session() as session:
            (await session.get(Account, alice.id)).status = "deleted"
        assert (await smtp.command("DATA")).startswith("354")
        await smtp.send(b"Subject: late\r\n\r\nhello\r\n.\r\n")
        assert (await smtp.reply(timeout=30)).startswith("550 5.1.1")
    finally:
        await smtp.close()
    async with runtime.db.session(write=False) as session:
        assert not await session.scalar(select(func.count()).select_from(MailMessage).where(
            MailMessage.account_id == alice.id))
