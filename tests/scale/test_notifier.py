"""The Notifier face IMAP IDLE and the webmail use: a subscription to an account's topic
wakes when a transaction with an event about that account commits, not when one rolls
back, and `publish` signals any topic on commit; on PostgreSQL through LISTEN/NOTIFY."""

from __future__ import annotations

import pytest

from api.events import emit, notify


async def test_account_topic_wakes_on_commit_only(runtime, org):
    await runtime.notifier.start()
    try:
        async with runtime.notifier.subscribe(notify.account_topic("acc_watched")) as sub:
            with pytest.raises(RuntimeError):
                async with runtime.db.session() as session:
                    await emit(session, org.id, "mail.message.received",
                               {"id": "msg_x", "account_id": "acc_watched"})
                    raise RuntimeError("rolled back")
            assert not await sub.wait(timeout=0.5)
            async with runtime.db.session() as session:
                await emit(session, org.id, "mail.message.received",
                           {"id": "msg_y", "account_id": "acc_other"})
            assert not await sub.wait(timeout=0.5)  # someone else's mailbox
            async with runtime.db.session() as session:
                await emit(session, org.id, "mail.message.received",
                           {"id": "msg_z", "account_id": "acc_watched"})
            assert await sub.wait(timeout=2)
    finally:
        await runtime.notifier.stop()


async def test_published_topic_reaches_subscribers_after_commit(runtime):
    await runtime.notifier.start()
    try:
        async with runtime.notifier.subscribe("webmail:draft:1") as sub:
            async with runtime.db.session() as session:
                await runtime.notifier.publish(session, "webmail:draft:1")
            assert await sub.wait(timeout=2)
    finally:
        await runtime.notifier.stop()
