"""Invitations and replies in each recipient's language: a zh-CN attendee reads Chinese, an
English one English, from the same event (the iCalendar part is the same for both)."""

from __future__ import annotations

import email
from email import policy

from sqlalchemy import select, update

from api.calendar.invitations.imip import calendar_parts
from api.storage.models import Account, MailMessage
from api.worker.runner import run_once
from tests.factories.calendar import cal, imip_jobs, make_event, window

ALICE, BOB, WEI = "alice@acme.test", "bob@acme.test", "wei@acme.test"


async def _subjects(org, account_id: str) -> list[str]:
    async with org.runtime.db.session(write=False) as session:
        rows = await session.execute(
            select(MailMessage.subject, MailMessage.blob_sha256)
            .where(MailMessage.account_id == account_id)
        )
        return [r[0] for r in rows]


async def test_each_attendee_reads_the_invitation_in_their_language(client, org):
    alice, bob, wei = [await org.add_account(n) for n in ("alice", "bob", "wei")]
    async with org.runtime.db.session() as session:
        await session.execute(update(Account).where(Account.id == wei.id).values(locale="zh-CN"))
    await make_event(
        org, ALICE, title="季度复盘", location="3楼会议室",
        attendees=[{"address": BOB}, {"address": WEI}],
    )
    await run_once(org.runtime, "test")
    assert await _subjects(org, bob.id) == ["Invitation: 季度复盘"]
    assert await _subjects(org, wei.id) == ["邀请：季度复盘"]
    async with org.runtime.db.session(write=False) as session:
        message = await session.scalar(
            select(MailMessage).where(MailMessage.account_id == wei.id)
        )
    raw = await org.runtime.blobs.read_all(message.blob_sha256)
    parsed = email.message_from_bytes(raw, policy=policy.default)
    plain = next(p for p in parsed.walk() if p.get_content_type() == "text/plain")
    assert "地点：3楼会议室" in plain.get_content() and "时间：" in plain.get_content()
    assert [m for m, _ in calendar_parts(raw)] == ["REQUEST"]

    # Wei answers; Alice (English) reads the reply in English, a Chinese organiser in Chinese.
    weis = (await window(org, WEI, "2030-03-01T00:00:00Z", "2030-03-31T00:00:00Z"))[0]
    resp = await client.post(
        cal(WEI, f"/events/{weis['id']}/respond"), headers=await org.headers(),
        json={"response": "accepted"},
    )
    assert resp.status_code == 200, resp.text
    await run_once(org.runtime, "test")
    assert "Accepted: 季度复盘" in await _subjects(org, alice.id)


async def test_an_organisation_in_chinese_invites_outsiders_in_chinese(client, org):
    alice = await org.add_account("alice")
    patched = await client.patch(
        "/v1/organization", json={"locale": "zh-CN"}, headers=await org.headers()
    )
    assert patched.status_code == 200
    await make_event(org, ALICE, title="Plan", attendees=[{"address": "carol@partner.example"}])
    job = (await imip_jobs(org, "REQUEST"))[-1]
    assert job["subjects"]["zh-CN"] == "邀请：Plan" and job["subjects"]["en"] == "Invitation: Plan"
    assert "时间：" in job["texts"]["zh-CN"]
    await run_once(org.runtime, "test")
    assert await _subjects(org, alice.id) == ["邀请：Plan"]  # the Sent copy of what left
