"""Sending: local delivery in the same transaction, remote queueing, Sent copies, MIME,
threading, scheduling, drafts, raw MIME and every documented bad input."""

from __future__ import annotations

import email
import email.policy
from datetime import timedelta

from sqlalchemy import func, select

from api.kit.clock import utcnow
from api.storage.models import Event, Job, MailMessage, MailOutbound
from api.worker.runner import run_once
from tests.factories.mail import deliver_to, simple_message
from tests.factories.platform import user_tokens


def url(account: str, path: str = "") -> str:
    return f"/v1/accounts/{account}/mail{path}"


async def _raw(client, headers, account: str, message_id: str) -> bytes:
    resp = await client.get(url(account, f"/messages/{message_id}/raw"), headers=headers)
    assert resp.status_code == 200
    return resp.content


async def _inbox(client, headers, account: str) -> list[dict]:
    resp = await client.get(url(account, "/messages"), headers=headers, params={"q": "in:inbox"})
    assert resp.status_code == 200, resp.text
    return resp.json()["data"]


async def test_send_delivers_locally_queues_remote_and_saves_to_sent(
    client, org, other_org, alice, bob, headers
):
    carol = await other_org.add_account("carol")
    body = {
        "to": [{"address": bob.address, "name": "Bob B."}, "Remote <remote@example.net>"],
        "cc": [carol.address],
        "bcc": ["hidden@example.org"],
        "subject": "季度报告 Q3",
        "text": "Numbers attached. 你好",
        "html": "<p>Numbers</p>",
        "priority": "high",
    }
    resp = await client.post(url(alice.address, "/send"), json=body, headers=headers)
    assert resp.status_code == 202, resp.text
    result = resp.json()
    assert result["status"] == "sent"
    assert sorted(result["delivered"]) == sorted([bob.address, carol.address])
    assert sorted(result["queued"]) == ["hidden@example.org", "remote@example.net"]
    assert result["rejected"] == []

    bob_inbox = await _inbox(client, headers, bob.address)
    assert [m["subject"] for m in bob_inbox] == ["季度报告 Q3"]
    carol_inbox = await _inbox(client, await other_org.headers(), carol.address)
    assert len(carol_inbox) == 1  # another organisation hosted here is local too

    sent = (
        await client.get(url(alice.address, f"/messages/{result['id']}"), headers=headers)
    ).json()
    assert sent["bcc"] == [{"name": "", "address": "hidden@example.org"}]
    assert sent["seen"] is True
    raw = await _raw(client, headers, alice.address, result["id"])
    assert raw == await _raw(client, headers, bob.address, bob_inbox[0]["id"])
    parsed = email.message_from_bytes(raw, policy=email.policy.default)
    assert "Bcc" not in parsed
    assert parsed["Message-ID"] == result["message_id"]
    assert parsed["Date"] is not None and parsed["MIME-Version"] == "1.0"
    assert parsed["X-Priority"].startswith("1")
    assert str(parsed["Subject"]) == "季度报告 Q3"
    assert b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b"")

    async with org.runtime.db.session() as session:
        queued = (
            (await session.execute(select(MailOutbound).where(MailOutbound.org_id == org.id)))
            .scalars()
            .all()
        )
        types = (
            (
                await session.execute(
                    select(Event.type).where(
                        Event.org_id == org.id, Event.type.like("mail.message.%")
                    )
                )
            )
            .scalars()
            .all()
        )
    assert sorted(q.recipient for q in queued) == ["hidden@example.org", "remote@example.net"]
    assert all(q.status == "queued" and q.envelope_from == alice.address for q in queued)
    assert "mail.message.sent" in types and "mail.message.received" in types


async def test_reply_sets_threading_headers_and_marks_original_answered(
    client, org, alice, bob, headers
):
    report = await deliver_to(
        org.runtime,
        simple_message(
            "Budget",
            "Can you check?",
            sender=bob.address,
            to=alice.address,
            message_id="<budget-1@acme.test>",
        ),
        alice.address,
    )
    original = report.delivered[0].message_id
    resp = await client.post(
        url(alice.address, "/send"),
        headers=headers,
        json={"to": [bob.address], "text": "Looks fine.", "reply_to_message_id": original},
    )
    assert resp.status_code == 202, resp.text
    sent = (
        await client.get(url(alice.address, f"/messages/{resp.json()['id']}"), headers=headers)
    ).json()
    assert sent["subject"] == "Re: Budget"
    assert sent["in_reply_to"] == "<budget-1@acme.test>"
    assert sent["references"] == ["<budget-1@acme.test>"]
    assert sent["thread_id"] == resp.json()["thread_id"]
    orig = (await client.get(url(alice.address, f"/messages/{original}"), headers=headers)).json()
    assert orig["answered"] is True
    assert orig["thread_id"] == sent["thread_id"]
    thread = (
        await client.get(url(alice.address, f"/threads/{sent['thread_id']}"), headers=headers)
    ).json()
    assert [m["id"] for m in thread["messages"]] == [original, sent["id"]]


async def test_forward_attaches_the_original_and_marks_it_forwarded(
    client, org, alice, bob, headers
):
    raw = simple_message("Forward me", "original body", to=alice.address)
    original = (await deliver_to(org.runtime, raw, alice.address)).delivered[0].message_id
    resp = await client.post(
        url(alice.address, "/send"),
        headers=headers,
        json={"to": [bob.address], "text": "FYI", "forward_message_id": original},
    )
    assert resp.status_code == 202, resp.text
    got = (await _inbox(client, headers, bob.address))[0]
    assert got["subject"] == "Fwd: Forward me"
    att = got["attachments"][0]
    assert att["content_type"] == "message/rfc822"
    download = await client.get(
        url(bob.address, f"/messages/{got['id']}/attachments/{att['id']}"), headers=headers
    )
    assert download.content == raw
    orig = (await client.get(url(alice.address, f"/messages/{original}"), headers=headers)).json()
    assert orig["forwarded"] is True


async def test_header_injection_is_422_and_writes_nothing(client, org, alice, bob, headers):
    cases = [
        {"to": [bob.address], "subject": "Hi\r\nBcc: victim@example.net"},
        {"to": [{"address": bob.address, "name": "Bob\nBcc: x@example.net"}]},
        {"to": [f"{bob.address}\r\nBcc: x@example.net"]},
        {"to": [bob.address], "headers": {"X-Tag": "a\r\nBcc: x@example.net"}},
        {
            "to": [bob.address],
            "attachments": [{"content_base64": "aGk=", "filename": "a\r\nContent-Type: text/html"}],
        },
    ]
    for body in cases:
        resp = await client.post(url(alice.address, "/send"), json=body, headers=headers)
        assert resp.status_code == 422, (body, resp.text)
        assert resp.json()["code"] == "header_injection", body
    async with org.runtime.db.session() as session:
        assert (
            await session.scalar(
                select(func.count()).select_from(MailMessage).where(MailMessage.org_id == org.id)
            )
            == 0
        )
        assert await session.scalar(select(func.count()).select_from(MailOutbound)) == 0


async def test_recipient_limit_is_422(client, org, alice, headers):
    limit = org.runtime.settings.mail_max_recipients
    body = {"to": [f"r{i}@example.net" for i in range(limit + 1)], "subject": "Too many"}
    resp = await client.post(url(alice.address, "/send"), json=body, headers=headers)
    assert resp.status_code == 422
    assert resp.json()["code"] == "too_many_recipients"


async def test_bad_recipients_and_empty_sends_are_422(client, alice, headers, org):
    for body, code in [
        ({"to": ["not-an-address"]}, "validation_failed"),
        ({"to": ["a@-bad-.example"]}, "validation_failed"),
        ({"subject": "nobody"}, "validation_failed"),
        ({"to": [f"ghost@{org.domain}"]}, "unknown_recipient"),
        ({"to": ["x@example.net"], "headers": {"Received": "forged"}}, "validation_failed"),
        (
            {"to": ["x@example.net"], "attachments": [{"content_base64": "!!notbase64"}]},
            "validation_failed",
        ),
        ({"to": ["x@example.net"], "org_id": "org_x"}, "validation_failed"),
    ]:
        resp = await client.post(url(alice.address, "/send"), json=body, headers=headers)
        assert resp.status_code == 422, (body, resp.text)
        assert resp.json()["code"] == code, body


async def test_message_over_size_limit_is_413(client, org, alice, headers, monkeypatch):
    monkeypatch.setattr(org.runtime.settings, "mail_max_message_bytes", 50_000)
    body = {
        "to": ["x@example.net"],
        "text": "big",
        "attachments": [{"content_base64": "QUFB" * 20_000, "filename": "big.bin"}],
    }
    resp = await client.post(url(alice.address, "/send"), json=body, headers=headers)
    assert resp.status_code == 413
    async with org.runtime.db.session() as session:
        assert await session.scalar(select(func.count()).select_from(MailMessage)) == 0


async def test_send_as_another_address_is_forbidden(client, alice, bob, headers):
    resp = await client.post(
        url(alice.address, "/send"),
        headers=headers,
        json={"from": bob.address, "to": ["x@example.net"]},
    )
    assert resp.status_code == 403
    assert resp.json()["code"] == "send_as_denied"


async def test_user_token_sends_only_as_its_own_account(client, org, alice, bob):
    tokens = await user_tokens(org, alice.address, "mail:send mail:read")
    auth = {"Authorization": f"Bearer {tokens['access_token']}"}
    ok = await client.post(url("me", "/send"), headers=auth, json={"to": ["x@example.net"]})
    assert ok.status_code == 202, ok.text
    other = await client.post(
        url(bob.address, "/send"), headers=auth, json={"to": ["x@example.net"]}
    )
    assert other.status_code == 404


async def test_send_needs_mail_send_scope(client, org, alice):
    resp = await client.post(
        url(alice.address, "/send"),
        json={"to": ["x@example.net"]},
        headers=await org.headers("mail:read mail:write"),
    )
    assert resp.status_code == 403
    assert resp.json()["code"] == "insufficient_scope"


async def test_transactional_mail_is_marked_and_queued_first(client, org, alice, headers):
    resp = await client.post(
        url(alice.address, "/send"),
        headers=headers,
        json={
            "to": ["hr-system@example.net"],
            "subject": "Your leave was approved",
            "text": "Approved.",
            "transactional": True,
        },
    )
    assert resp.status_code == 202
    raw = await _raw(client, headers, alice.address, resp.json()["id"])
    assert b"Auto-Submitted: auto-generated" in raw
    async with org.runtime.db.session() as session:
        row = await session.scalar(select(MailOutbound))
    assert row.transactional is True and row.priority == 10


async def test_scheduled_send_waits_in_outbox_then_a_job_sends_it(client, org, alice, bob, headers):
    when = utcnow() + timedelta(hours=1)
    resp = await client.post(
        url(alice.address, "/send"),
        headers=headers,
        json={
            "to": [bob.address],
            "subject": "Later",
            "text": "scheduled",
            "attachments": [{"content_base64": "aGVsbG8=", "filename": "hello.txt"}],
            "send_at": when.isoformat(),
        },
    )
    assert resp.status_code == 202, resp.text
    assert resp.json()["status"] == "scheduled"
    assert await _inbox(client, headers, bob.address) == []
    outbox = (
        await client.get(
            url(alice.address, "/messages"), headers=headers, params={"q": "in:outbox"}
        )
    ).json()["data"]
    assert [m["id"] for m in outbox] == [resp.json()["id"]]
    async with org.runtime.db.session() as session:
        job = await session.scalar(select(Job).where(Job.kind == "mail.send_scheduled"))
        job.run_at = utcnow()
        msg = await session.scalar(select(MailMessage).where(MailMessage.id == resp.json()["id"]))
        msg.send_at = utcnow() - timedelta(seconds=1)
    assert await run_once(org.runtime, "test-worker") >= 1
    inbox = await _inbox(client, headers, bob.address)
    assert [m["subject"] for m in inbox] == ["Later"]
    assert inbox[0]["attachments"][0]["filename"] == "hello.txt"
    outbox = (
        await client.get(
            url(alice.address, "/messages"), headers=headers, params={"q": "in:outbox"}
        )
    ).json()["data"]
    assert outbox == []


async def test_draft_create_update_attach_and_send(client, org, alice, bob, headers):
    created = await client.post(
        url(alice.address, "/drafts"),
        headers=headers,
        json={"subject": "Draft v1", "text": "first", "bcc": ["secret@example.net"]},
    )
    assert created.status_code == 201, created.text
    draft = created.json()
    assert draft["draft"] is True and draft["bcc"][0]["address"] == "secret@example.net"
    etag = created.headers["etag"]

    stale = await client.patch(
        url(alice.address, f"/drafts/{draft['id']}"),
        headers={**headers, "If-Match": 'W/"nope.1"'},
        json={"subject": "x"},
    )
    assert stale.status_code == 412
    updated = await client.patch(
        url(alice.address, f"/drafts/{draft['id']}"),
        headers={**headers, "If-Match": etag},
        json={"subject": "Draft v2", "to": [bob.address]},
    )
    assert updated.status_code == 200, updated.text
    assert updated.json()["id"] == draft["id"]
    assert updated.json()["subject"] == "Draft v2"

    attached = await client.post(
        url(alice.address, f"/drafts/{draft['id']}/attachments"),
        headers=headers,
        json={"content_base64": "UERG", "filename": "a.pdf"},
    )
    assert attached.status_code == 201, attached.text
    assert [a["filename"] for a in attached.json()["attachments"]] == ["a.pdf"]

    drafts = (
        await client.get(
            url(alice.address, "/messages"), headers=headers, params={"q": "in:drafts"}
        )
    ).json()["data"]
    assert [d["id"] for d in drafts] == [draft["id"]]

    sent = await client.post(url(alice.address, f"/drafts/{draft['id']}/send"), headers=headers)
    assert sent.status_code == 202, sent.text
    assert sent.json()["delivered"] == [bob.address]
    assert sent.json()["queued"] == ["secret@example.net"]
    inbox = await _inbox(client, headers, bob.address)
    assert inbox[0]["subject"] == "Draft v2" and inbox[0]["bcc"] == []
    gone = await client.get(url(alice.address, f"/messages/{draft['id']}"), headers=headers)
    assert gone.status_code == 404


async def test_raw_mime_send_strips_bcc_and_adds_missing_headers(client, alice, bob, headers):
    raw = (
        f"From: {alice.address}\r\nTo: {bob.address}\r\nBcc: hidden@example.net\r\n"
        "Subject: Raw one\r\n\r\nraw body\r\n"
    ).encode()
    resp = await client.post(
        url(alice.address, "/send/raw"),
        content=raw,
        headers={**headers, "Content-Type": "message/rfc822"},
    )
    assert resp.status_code == 202, resp.text
    assert resp.json()["queued"] == ["hidden@example.net"]
    got = (await _inbox(client, headers, bob.address))[0]
    delivered = await _raw(client, headers, bob.address, got["id"])
    assert b"Bcc:" not in delivered and b"hidden@example.net" not in delivered
    assert b"Message-ID: <" in delivered and b"Date: " in delivered
    assert delivered.endswith(b"Subject: Raw one\r\n\r\nraw body\r\n")


async def test_raw_mime_send_rejects_garbage_and_foreign_from(client, alice, bob, headers):
    garbage = await client.post(
        url(alice.address, "/send/raw"),
        content=b"\x00\x01garbage",
        headers={**headers, "Content-Type": "message/rfc822"},
    )
    assert garbage.status_code == 422
    forged = await client.post(
        url(alice.address, "/send/raw"),
        headers={**headers, "Content-Type": "message/rfc822"},
        content=f"From: {bob.address}\r\nTo: x@example.net\r\n\r\nhi\r\n".encode(),
    )
    assert forged.status_code == 403


async def test_send_by_app_for_an_account_is_audited(client, org, alice, headers):
    await client.post(
        url(alice.address, "/send"),
        headers=headers,
        json={"to": ["x@example.net"], "subject": "audited"},
    )
    entries = await client.get(
        "/v1/audit/entries", headers=headers, params={"action": "mail.message.sent_for_account"}
    )
    assert entries.status_code == 200, entries.text
    assert entries.json()["data"][0]["target_id"] == alice.id


async def test_send_as_an_alias_is_allowed_and_frozen_accounts_cannot_send(
    client, org, alice, bob, headers
):
    alias = f"sales@{org.domain}"
    made = await client.post(f"/v1/accounts/{alice.address}/aliases", headers=headers,
                             json={"address": alias})
    assert made.status_code == 201, made.text
    resp = await client.post(url(alice.address, "/send"), headers=headers,
                             json={"from": alias, "to": [bob.address], "subject": "as alias"})
    assert resp.status_code == 202, resp.text
    got = (await _inbox(client, headers, bob.address))[0]
    assert got["from"]["address"] == alias
    frozen = await client.post(f"/v1/accounts/{alice.address}/freeze", headers=headers)
    assert frozen.status_code == 200, frozen.text
    denied = await client.post(url(alice.address, "/send"), headers=headers,
                               json={"to": [bob.address]})
    assert denied.status_code == 403 and denied.json()["code"] == "send_as_denied"
