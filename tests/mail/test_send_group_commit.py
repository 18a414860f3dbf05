"""REST sends written through the group committer (`api/mail/sending/grouped.py`): sends
that arrive together are committed together, and each still gets exactly what a send of
its own would have: its Sent copy, its deliveries, its events, its error."""

from __future__ import annotations

import asyncio

from sqlalchemy import func, select, update

from api.mail.sending import grouped
from api.storage.models import Account, Event, IdempotencyRecord, Mailbox, MailMessage


def url(account: str, path: str = "") -> str:
    return f"/v1/accounts/{account}/mail{path}"


async def test_concurrent_sends_each_get_their_copies_events_and_errors(
    client, org, alice, bob, headers
):
    dave = await org.add_account("dave")
    async with org.runtime.db.session() as session:  # no room for even one Sent copy
        await session.execute(update(Account).where(Account.id == dave.id).values(quota_bytes=10))
    bodies = [(alice, {"to": [bob.address, dave.address], "subject": f"Batch {i}",
                       "text": f"number {i}"}) for i in range(6)]
    bodies.insert(3, (dave, {"to": [bob.address], "subject": "Too big for Sent", "text": "x"}))
    responses = await asyncio.gather(*(
        client.post(url(sender.address, "/send"), json=body, headers=headers)
        for sender, body in bodies
    ))
    statuses = [r.status_code for r in responses]
    assert statuses == [202, 202, 202, 409, 202, 202, 202], [r.text for r in responses]
    assert responses[3].json()["code"] == "quota_exceeded"
    sent = [r.json() for i, r in enumerate(responses) if i != 3]
    assert len({s["id"] for s in sent}) == 6 and len({s["thread_id"] for s in sent}) == 6
    assert all(s["delivered"] == [bob.address] for s in sent)  # dave has no room either
    assert all(s["rejected"] == [{"address": dave.address, "code": "quota_exceeded"}]
               for s in sent)
    committer = grouped.committer(org.runtime)
    # the refused send was committed by no batch (its batch failed and ran again one by one)
    assert committer.committed == 6

    async with org.runtime.db.session() as session:
        rows = (await session.execute(select(MailMessage))).scalars().all()
        alice_sent = {m.id: m for m in rows if m.account_id == alice.id}
        assert set(alice_sent) == {s["id"] for s in sent}
        assert all(m.seen for m in alice_sent.values())
        assert {m.thread_id for m in alice_sent.values()} == {s["thread_id"] for s in sent}
        bob_subjects = sorted(m.subject for m in rows if m.account_id == bob.id)
        assert bob_subjects == [f"Batch {i}" for i in range(6)]  # nothing of dave's send
        assert not [m for m in rows if m.account_id == dave.id]
        for account in (alice, bob):
            box = await session.get(Mailbox, account.id)
            mine = [m for m in rows if m.account_id == account.id]
            assert (box.used_bytes, box.message_count) == (sum(m.size for m in mine), 6)
        types = (await session.execute(
            select(Event.type, func.count()).where(Event.org_id == org.id)
            .where(Event.type.in_(["mail.message.sent", "mail.message.received"]))
            .group_by(Event.type)
        )).all()
        assert dict(types) == {"mail.message.sent": 6, "mail.message.received": 6}
        sent_events = (await session.execute(
            select(Event.data).where(Event.type == "mail.message.sent")
        )).scalars().all()
        assert {e["id"] for e in sent_events} == {s["id"] for s in sent}


async def test_idempotent_send_is_marked_with_its_effect_and_replayed(
    client, org, alice, bob, headers
):
    keyed = {**headers, "Idempotency-Key": "send-once-1"}
    body = {"to": [bob.address], "subject": "Once", "text": "only once"}
    first = await client.post(url(alice.address, "/send"), json=body, headers=keyed)
    again = await client.post(url(alice.address, "/send"), json=body, headers=keyed)
    assert first.status_code == again.status_code == 202
    assert again.headers.get("idempotent-replayed") == "true"
    assert again.content == first.content
    async with org.runtime.db.session() as session:
        record = await session.scalar(
            select(IdempotencyRecord).where(IdempotencyRecord.key == "send-once-1")
        )
        assert record is not None and record.state == "done"
        count = await session.scalar(
            select(func.count()).select_from(MailMessage).where(MailMessage.subject == "Once")
        )
        assert count == 2  # one Sent copy, one delivery


async def test_unknown_account_is_404_before_the_body_is_checked(client, org, headers):
    resp = await client.post(
        url("nobody@acme.test", "/send"), json={"to": "not a list", "bogus": 1}, headers=headers
    )
    assert resp.status_code == 404, resp.text
    assert resp.json()["param"] == "account"


async def test_sends_that_arrive_together_share_a_commit(client, org, alice, bob, headers):
    responses = await asyncio.gather(*(
        client.post(url(alice.address, "/send"), json={"to": [bob.address], "text": str(i)},
                    headers=headers)
        for i in range(6)
    ))
    assert [r.status_code for r in responses] == [202] * 6
    committer = grouped.committer(org.runtime)
    assert committer.committed == 6 and committer.batches < 6
