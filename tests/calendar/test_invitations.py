"""Invitations: local copies, iTIP mail through the send path, answers, and iMIP arriving
from Outlook, Google Calendar and Apple Calendar."""

from __future__ import annotations

from pathlib import Path

import icalendar
import pytest
from sqlalchemy import select

from api.calendar.invitations.imip import calendar_parts as process_parts
from api.calendar.invitations.inbound import process_itip, process_message
from api.storage.models import Account, MailMessage
from api.worker.runner import run_once
from tests.factories.calendar import cal, events_of, imip_jobs, make_event, window

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "calendar"
ALICE, BOB = "alice@acme.test", "bob@acme.test"


@pytest.fixture
async def people(org):
    return await org.add_account("alice"), await org.add_account("bob")


async def _inbox(org, account_id: str) -> list[MailMessage]:
    async with org.runtime.db.session(write=False) as session:
        rows = await session.execute(
            select(MailMessage).where(MailMessage.account_id == account_id)
        )
        return list(rows.scalars().all())


async def _account(org, account_id: str) -> Account:
    async with org.runtime.db.session(write=False) as session:
        return await session.get(Account, account_id)


async def test_invitation_places_needs_action_copy_and_mails_request(client, org, people):
    alice, bob = people
    ev = await make_event(
        org,
        ALICE,
        title="Plan",
        attendees=[{"address": BOB}, {"address": "carol@partner.example", "name": "Carol"}],
    )
    assert [a["response"] for a in ev["attendees"]] == ["needs_action", "needs_action"]
    assert ev["attendees"][0]["account_id"] == bob.id
    copies = await window(org, BOB, "2030-03-01T00:00:00Z", "2030-03-31T00:00:00Z")
    assert len(copies) == 1
    assert copies[0]["is_organizer"] is False and copies[0]["response"] == "needs_action"
    assert copies[0]["uid"] == ev["uid"]
    jobs = await imip_jobs(org, "REQUEST")
    assert jobs[-1]["recipients"] == ["bob@acme.test", "carol@partner.example"]
    cal_obj = icalendar.Calendar.from_ical(jobs[-1]["ics"])
    assert str(cal_obj["METHOD"]) == "REQUEST"
    vevent = cal_obj.walk("VEVENT")[0]
    assert str(vevent["UID"]) == ev["uid"]
    assert "alice@acme.test" in str(vevent["ORGANIZER"])
    # the worker sends it through mail: bob's inbox gets it, with the text/calendar part
    await run_once(org.runtime, "test")
    inbox = await _inbox(org, bob.id)
    assert [m.subject for m in inbox] == ["Invitation: Plan"]
    raw = await org.runtime.blobs.read_all(inbox[0].blob_sha256)
    parts = process_parts(raw)
    assert [m for m, _ in parts] == ["REQUEST"]
    assert icalendar.Calendar.from_ical(parts[0][1]).walk("VEVENT")[0]["UID"] == ev["uid"]
    # bob's copy was placed directly, so processing the delivered mail is a no-op
    async with org.runtime.db.session() as session:
        out = await process_message(session, bob, raw)
    assert out[0].action == "ignored"
    sent = await _inbox(org, alice.id)
    assert [m.subject for m in sent] == ["Invitation: Plan"]  # the organizer's Sent copy


async def test_the_invitation_mail_lists_its_calendar_part_for_the_webmail(client, org, people):
    """The webmail's accept bar reads the invitation from the message's calendar part, so a
    locally delivered invitation (no attachments, a multipart/alternative body) lists it."""
    alice, bob = people
    ev = await make_event(org, ALICE, title="Plan", attendees=[{"address": BOB}])
    await run_once(org.runtime, "test")
    inbox = await _inbox(org, bob.id)
    headers = await org.headers()
    got = await client.get(f"/v1/accounts/{BOB}/mail/messages/{inbox[0].id}", headers=headers)
    parts = [a for a in got.json()["attachments"] if a["calendar"]]
    assert len(parts) == 1 and parts[0]["content_type"] == "text/calendar"
    assert got.json()["has_attachments"] is False  # an invitation is not an attachment
    ics = await client.get(
        f"/v1/accounts/{BOB}/mail/messages/{inbox[0].id}/attachments/{parts[0]['id']}",
        headers=headers,
    )
    assert ics.status_code == 200
    assert icalendar.Calendar.from_ical(ics.content).walk("VEVENT")[0]["UID"] == ev["uid"]


async def test_respond_updates_organizer_copy_and_mails_reply(client, org, people):
    alice, bob = people
    ev = await make_event(org, ALICE, attendees=[{"address": BOB}])
    bobs = (await window(org, BOB, "2030-03-01T00:00:00Z", "2030-03-31T00:00:00Z"))[0]
    resp = await client.post(
        cal(BOB, f"/events/{bobs['id']}/respond"),
        headers=await org.headers(),
        json={"response": "tentative", "comment": "Might be late"},
    )
    assert resp.status_code == 200, resp.text
    assert resp.json()["response"] == "tentative"
    mine = await client.get(cal(ALICE, f"/events/{ev['id']}"), headers=await org.headers())
    assert mine.json()["attendees"][0]["response"] == "tentative"
    assert mine.json()["attendees"][0]["comment"] == "Might be late"
    replied = await events_of(org, "calendar.invitation.replied")
    assert replied[-1]["id"] == ev["id"] and replied[-1]["response"] == "tentative"
    assert replied[-1]["account_id"] == alice.id
    reply = (await imip_jobs(org, "REPLY"))[-1]
    assert reply["recipients"] == [ALICE] and reply["sender_address"] == BOB
    parsed = icalendar.Calendar.from_ical(reply["ics"]).walk("VEVENT")[0]
    assert parsed["ATTENDEE"].params["PARTSTAT"] == "TENTATIVE"
    # free/busy shows bob tentative for it
    fb = await client.post(
        "/v1/calendar/freebusy",
        headers=await org.headers(),
        json={"start": "2030-03-04T00:00:00Z", "end": "2030-03-05T00:00:00Z", "attendees": [BOB]},
    )
    assert fb.json()["schedules"][0]["busy"][0]["status"] == "tentative"


async def test_the_organizer_cannot_respond_and_strangers_cannot_either(client, org, people):
    ev = await make_event(org, ALICE, attendees=[{"address": BOB}])
    resp = await client.post(
        cal(ALICE, f"/events/{ev['id']}/respond"),
        headers=await org.headers(),
        json={"response": "accepted"},
    )
    assert resp.status_code == 409
    assert resp.json()["code"] == "not_an_attendee"
    bad = await client.post(
        cal(BOB, f"/events/{ev['id']}/respond"),
        headers=await org.headers(),
        json={"response": "maybe"},
    )
    assert bad.status_code in (404, 422)


async def test_respond_to_one_instance_only(client, org, people):
    ev = await make_event(
        org,
        ALICE,
        start="2030-01-06T09:00:00",
        end="2030-01-06T10:00:00",
        recurrence={"rrule": "FREQ=WEEKLY;COUNT=3"},
        attendees=[{"address": BOB}],
    )
    bobs = await window(org, BOB, "2030-01-01T00:00:00Z", "2030-02-01T00:00:00Z")
    resp = await client.post(
        cal(BOB, f"/events/{bobs[1]['id']}/respond"),
        headers=await org.headers(),
        json={"response": "declined"},
    )
    assert resp.status_code == 200, resp.text
    bobs = await window(org, BOB, "2030-01-01T00:00:00Z", "2030-02-01T00:00:00Z")
    assert [b["response"] for b in bobs] == ["needs_action", "declined", "needs_action"]
    alices = await window(org, ALICE, "2030-01-01T00:00:00Z", "2030-02-01T00:00:00Z")
    assert [a["attendees"][0]["response"] for a in alices] == [
        "needs_action",
        "declined",
        "needs_action",
    ]
    assert alices[1]["id"] == f"{ev['id']}.20300113T090000Z"


async def test_organizer_changes_follow_to_copies_and_reset_answers(client, org, people):
    ev = await make_event(org, ALICE, attendees=[{"address": BOB}])
    bobs = (await window(org, BOB, "2030-03-01T00:00:00Z", "2030-03-31T00:00:00Z"))[0]
    await client.post(
        cal(BOB, f"/events/{bobs['id']}/respond"),
        headers=await org.headers(),
        json={"response": "accepted"},
    )
    resp = await client.patch(
        cal(ALICE, f"/events/{ev['id']}"),
        headers=await org.headers(),
        json={"start": "2030-03-05T09:00:00", "end": "2030-03-05T10:00:00"},
    )
    assert resp.json()["sequence"] == 1
    bobs = await window(org, BOB, "2030-03-01T00:00:00Z", "2030-03-31T00:00:00Z")
    assert bobs[0]["start"].startswith("2030-03-05") and bobs[0]["response"] == "needs_action"
    assert "Updated invitation" in (await imip_jobs(org, "REQUEST"))[-1]["subject"]
    # an attendee cannot move the organizer's meeting
    denied = await client.patch(
        cal(BOB, f"/events/{bobs[0]['id']}"),
        headers=await org.headers(),
        json={"title": "mine now"},
    )
    assert denied.status_code == 403
    ok = await client.patch(
        cal(BOB, f"/events/{bobs[0]['id']}"),
        headers=await org.headers(),
        json={"reminders": [{"minutes_before": 5}]},
    )
    assert ok.status_code == 200


async def test_removed_attendee_gets_cancel_and_loses_copy(client, org, people):
    ev = await make_event(
        org, ALICE, attendees=[{"address": BOB}, {"address": "x@partner.example"}]
    )
    await client.patch(
        cal(ALICE, f"/events/{ev['id']}"),
        headers=await org.headers(),
        json={"attendees": [{"address": "x@partner.example"}]},
    )
    assert await window(org, BOB, "2030-03-01T00:00:00Z", "2030-03-31T00:00:00Z") == []
    cancel = (await imip_jobs(org, "CANCEL"))[-1]
    assert cancel["recipients"] == [BOB]


async def test_cancelling_removes_copies_and_mails_cancel(client, org, people):
    ev = await make_event(
        org,
        ALICE,
        start="2030-01-06T09:00:00",
        end="2030-01-06T10:00:00",
        recurrence={"rrule": "FREQ=WEEKLY;COUNT=3"},
        attendees=[{"address": BOB}],
    )
    h = await org.headers()
    await client.delete(cal(ALICE, f"/events/{ev['id']}.20300113T090000Z"), headers=h)
    bobs = await window(org, BOB, "2030-01-01T00:00:00Z", "2030-02-01T00:00:00Z")
    assert [b["start"][:10] for b in bobs] == ["2030-01-06", "2030-01-20"]
    one = (await imip_jobs(org, "CANCEL"))[-1]
    vevent = icalendar.Calendar.from_ical(one["ics"]).walk("VEVENT")[0]
    assert "RECURRENCE-ID" in vevent
    await client.delete(cal(ALICE, f"/events/{ev['id']}"), headers=h)
    assert await window(org, BOB, "2030-01-01T00:00:00Z", "2030-02-01T00:00:00Z") == []
    whole = (await imip_jobs(org, "CANCEL"))[-1]
    assert "RECURRENCE-ID" not in icalendar.Calendar.from_ical(whole["ics"]).walk("VEVENT")[0]


async def test_send_invitations_false_sends_nothing(org, people):
    await make_event(org, ALICE, attendees=[{"address": BOB}], send_invitations=False)
    assert await imip_jobs(org) == []
    assert len(await window(org, BOB, "2030-03-01T00:00:00Z", "2030-03-31T00:00:00Z")) == 1


# ---- iMIP from other clients -------------------------------------------------------------


async def _process(org, account_id: str, name: str):
    account = await _account(org, account_id)
    raw = (FIXTURES / name).read_bytes()
    async with org.runtime.db.session() as session:
        return await process_message(session, account, raw)


async def test_outlook_request_creates_needs_action_event_in_windows_zone(org, people):
    alice, _ = people
    out = await _process(org, alice.id, "outlook_request.eml")
    assert [o.action for o in out] == ["created"]
    got = await window(org, ALICE, "2030-03-15T00:00:00Z", "2030-03-16T00:00:00Z")
    assert len(got) == 1
    ev = got[0]
    assert ev["time_zone"] == "Asia/Shanghai"
    assert ev["start"] == "2030-03-15T14:00:00+08:00" and ev["start_at"] == "2030-03-15T06:00:00Z"
    assert ev["title"] == "Quarterly review" and ev["location"] == "Partner HQ, Room 1"
    assert ev["response"] == "needs_action" and ev["is_organizer"] is False
    assert ev["organizer"]["address"] == "lilei@partner.example"
    assert ev["online_meeting_url"].startswith("https://teams.microsoft.com/")
    assert ev["reminders"] == [{"minutes_before": 15, "method": "display"}]
    # processing the same mail again changes nothing
    again = await _process(org, alice.id, "outlook_request.eml")
    assert again[0].action == "updated"
    assert len(await window(org, ALICE, "2030-03-15T00:00:00Z", "2030-03-16T00:00:00Z")) == 1


async def test_outlook_recurring_request_in_pacific_time_across_dst(org, people):
    alice, _ = people
    data = (FIXTURES / "outlook_recurring_request.ics").read_bytes()
    async with org.runtime.db.session() as session:
        out = await process_itip(
            session, await _account(org, alice.id), data, sender="dana@contoso.example"
        )
    assert out[0].action == "created"
    got = await window(org, ALICE, "2030-03-01T00:00:00Z", "2030-05-01T00:00:00Z")
    assert got[0]["time_zone"] == "America/Los_Angeles"
    # Mondays 09:00 local; 18 March excluded; UNTIL 15 April 16:00Z includes 15 April
    assert [g["start"][:10] for g in got] == [
        "2030-03-04",
        "2030-03-11",
        "2030-03-25",
        "2030-04-01",
        "2030-04-08",
        "2030-04-15",
    ]
    assert all(g["start"][11:19] == "09:00:00" for g in got)
    assert got[0]["start_at"][11:13] == "17" and got[1]["start_at"][11:13] == "16"


async def test_google_request_with_moved_instance(org, people):
    alice, _ = people
    await _process(org, alice.id, "google_request.eml")
    got = await window(org, ALICE, "2030-03-01T00:00:00Z", "2030-03-22T00:00:00Z")
    assert [(g["title"], g["start"]) for g in got] == [
        ("Design sync", "2030-03-06T10:00:00-08:00"),
        ("Design sync (afternoon)", "2030-03-13T14:00:00-07:00"),
        ("Design sync", "2030-03-20T10:00:00-07:00"),
    ]
    assert got[0]["online_meeting_url"] == "https://meet.google.com/abc-defg-hij"
    assert got[1]["recurrence_id"] == "2030-03-13T10:00:00-07:00"
    assert got[0]["reminders"] == [{"minutes_before": 30, "method": "email"}]


async def test_apple_request_daily_over_european_dst(org, people):
    alice, _ = people
    out = await _process(org, alice.id, "apple_request.eml")
    assert out[0].action == "created"
    got = await window(org, ALICE, "2030-03-28T00:00:00Z", "2030-04-02T00:00:00Z")
    assert [g["start"] for g in got] == [
        "2030-03-29T10:00:00+01:00",
        "2030-03-30T10:00:00+01:00",
        "2030-03-31T10:00:00+02:00",
    ]
    assert got[0]["title"] == "Kaffee ☕ mit Jan"
    assert got[0]["location"].startswith("Café Nord")


def _bumped(name: str, **changes: str) -> bytes:
    text = (FIXTURES / name).read_text()
    for old, new in changes.items():
        text = text.replace(old.replace("_", "-") if old.isupper() else old, new)
    return text.encode()


async def test_update_with_higher_sequence_applies_and_stale_one_is_ignored(org, people):
    alice, _ = people
    account = await _account(org, alice.id)
    base = (FIXTURES / "outlook_request.ics").read_text()
    newer = (
        base.replace("SEQUENCE:0", "SEQUENCE:2")
        .replace("T140000", "T160000")
        .replace("T150000", "T170000")
    )
    older = base.replace("SEQUENCE:0", "SEQUENCE:1").replace("Quarterly review", "Stale")
    async with org.runtime.db.session() as session:
        await process_itip(session, account, base.encode())
    async with org.runtime.db.session() as session:
        assert (await process_itip(session, account, newer.encode()))[0].action == "updated"
    async with org.runtime.db.session() as session:
        stale = await process_itip(session, account, older.encode())
    assert stale[0].action == "ignored" and stale[0].detail == "stale SEQUENCE"
    got = await window(org, ALICE, "2030-03-15T00:00:00Z", "2030-03-16T00:00:00Z")
    assert got[0]["start"] == "2030-03-15T16:00:00+08:00" and got[0]["title"] == "Quarterly review"


async def test_cancel_only_from_the_organizer(org, people):
    alice, _ = people
    account = await _account(org, alice.id)
    base = (FIXTURES / "outlook_request.ics").read_text()
    forged = base.replace("METHOD:REQUEST", "METHOD:CANCEL").replace(
        "lilei@partner.example", "mallory@evil.example"
    )
    real = base.replace("METHOD:REQUEST", "METHOD:CANCEL").replace("SEQUENCE:0", "SEQUENCE:1")
    async with org.runtime.db.session() as session:
        await process_itip(session, account, base.encode())
    async with org.runtime.db.session() as session:
        out = await process_itip(session, account, forged.encode())
    assert out[0].action == "ignored"
    assert len(await window(org, ALICE, "2030-03-15T00:00:00Z", "2030-03-16T00:00:00Z")) == 1
    async with org.runtime.db.session() as session:
        assert (await process_itip(session, account, real.encode()))[0].action == "cancelled"
    assert await window(org, ALICE, "2030-03-15T00:00:00Z", "2030-03-16T00:00:00Z") == []


async def test_cancel_of_one_instance_from_google(org, people):
    alice, _ = people
    account = await _account(org, alice.id)
    await _process(org, alice.id, "google_request.eml")
    cancel = """BEGIN:VCALENDAR
PRODID:-//Google Inc//Google Calendar 70.9054//EN
VERSION:2.0
METHOD:CANCEL
BEGIN:VEVENT
DTSTART;TZID=America/Los_Angeles:20300320T100000
DTEND;TZID=America/Los_Angeles:20300320T110000
DTSTAMP:20300302T090000Z
ORGANIZER;CN=Sam Lee:mailto:sam@gmail.example
UID:7kukuqrfedlm2f9t0vbde2b1sl@google.com
RECURRENCE-ID;TZID=America/Los_Angeles:20300320T100000
SEQUENCE:1
STATUS:CANCELLED
SUMMARY:Design sync
END:VEVENT
END:VCALENDAR
"""
    async with org.runtime.db.session() as session:
        out = await process_itip(session, account, cancel.encode())
    assert out[0].action == "cancelled"
    got = await window(org, ALICE, "2030-03-01T00:00:00Z", "2030-03-28T00:00:00Z")
    assert [g["start"][:10] for g in got] == ["2030-03-06", "2030-03-13", "2030-03-27"]


async def test_reply_from_outside_updates_the_attendee(org, people):
    alice, _ = people
    ev = await make_event(org, ALICE, attendees=[{"address": "carol@partner.example"}])
    reply = f"""BEGIN:VCALENDAR
PRODID:Microsoft Exchange Server 2010
VERSION:2.0
METHOD:REPLY
BEGIN:VEVENT
ATTENDEE;PARTSTAT=ACCEPTED;CN=Carol:mailto:carol@partner.example
UID:{ev["uid"]}
SUMMARY;LANGUAGE=en-US:Accepted: Sync
COMMENT:I'll join from the Shanghai office
DTSTART:20300304T090000Z
DTEND:20300304T100000Z
DTSTAMP:20300302T090000Z
SEQUENCE:0
END:VEVENT
END:VCALENDAR
"""
    account = await _account(org, alice.id)
    async with org.runtime.db.session() as session:
        spoofed = await process_itip(
            session, account, reply.encode(), sender="mallory@evil.example"
        )
    assert spoofed[0].action == "ignored"
    async with org.runtime.db.session() as session:
        out = await process_itip(session, account, reply.encode(), sender="carol@partner.example")
    assert out[0].action == "replied"
    got = await window(org, ALICE, "2030-03-01T00:00:00Z", "2030-03-31T00:00:00Z")
    assert got[0]["attendees"][0]["response"] == "accepted"
    assert got[0]["attendees"][0]["comment"] == "I'll join from the Shanghai office"
    replied = (await events_of(org, "calendar.invitation.replied"))[-1]
    assert replied["attendee"] == "carol@partner.example"
    assert replied["comment"] == "I'll join from the Shanghai office"


@pytest.mark.parametrize(
    "junk",
    [
        b"",
        b"not a calendar",
        b"BEGIN:VCALENDAR\nMETHOD:REQUEST\nBEGIN:VEVENT\nEND:VCALENDAR\n",
        b"BEGIN:VCALENDAR\nMETHOD:REQUEST\nBEGIN:VEVENT\nUID:x\nDTSTART;TZID=Nowhere/City:20300101T100000\n"
        b"ORGANIZER:mailto:a@b.example\nEND:VEVENT\nEND:VCALENDAR\n",
        b"BEGIN:VCALENDAR\nMETHOD:PUBLISH\nBEGIN:VEVENT\nUID:x\nDTSTART:20300101T100000Z\nEND:VEVENT\nEND:VCALENDAR\n",
    ],
)
async def test_broken_or_unhandled_imip_is_ignored_never_raises(org, people, junk):
    alice, _ = people
    async with org.runtime.db.session() as session:
        out = await process_itip(session, await _account(org, alice.id), junk)
    assert out[0].action == "ignored"
    assert await window(org, ALICE, "2029-12-01T00:00:00Z", "2030-12-01T00:00:00Z") == []


async def test_invitation_arriving_by_mail_lands_in_the_calendar(org, people):
    """The delivery path (API sends and the SMTP edge alike) applies iMIP parts."""
    from api.mail.delivery.deliver import deliver

    alice, _ = people
    raw = (FIXTURES / "outlook_request.eml").read_bytes()
    async with org.runtime.db.session() as session:
        report = await deliver(session, org.runtime, raw, "lilei@partner.example", [ALICE])
    assert [d.address for d in report.delivered] == [ALICE]
    got = await window(org, ALICE, "2030-03-15T00:00:00Z", "2030-03-16T00:00:00Z")
    assert [e["title"] for e in got] == ["Quarterly review"]
    assert got[0]["response"] == "needs_action"


async def test_broken_calendar_part_never_blocks_the_mail(org, people):
    from api.mail.delivery.deliver import deliver

    raw = (
        b"From: x@partner.example\r\nTo: " + ALICE.encode() + b"\r\nSubject: bad invite\r\n"
        b"MIME-Version: 1.0\r\nContent-Type: text/calendar; method=REQUEST\r\n\r\nBEGIN:VCALENDAR\r\ngarbage\r\n"
    )
    async with org.runtime.db.session() as session:
        report = await deliver(session, org.runtime, raw, "x@partner.example", [ALICE])
    assert [d.address for d in report.delivered] == [ALICE]
