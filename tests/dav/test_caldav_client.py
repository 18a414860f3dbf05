"""The `caldav` Python library against a real Mailplane HTTP server: discovery from the bare
server URL with an app password, events written and queried, free/busy, collections made
and renamed, and an invitation that reaches the attendee's mailbox as iMIP and whose answer,
written by the attendee's own client, updates the organiser's event."""

from __future__ import annotations

from datetime import UTC, datetime
from xml.etree import ElementTree

import caldav
import httpx
import icalendar
import pytest
from sqlalchemy import select

from api.storage.models import MailMessage
from api.worker.runner import run_once
from tests.factories.calendar import window
from tests.factories.dav import dav_person, event_ics
from tests.live_server import live_server


@pytest.fixture
def server(settings):
    with live_server(settings) as url:
        yield url


def _client(url: str, address: str, password: str) -> caldav.DAVClient:
    return caldav.DAVClient(url=url + "/", username=address, password=password)


async def test_discovery_events_query_and_freebusy(org, server):
    address, password = await dav_person(org, "alice")
    principal = _client(server, address, password).principal()
    calendars = principal.calendars()
    assert [c.get_display_name() for c in calendars] == ["Calendar"]
    calendar = calendars[0]
    for i in (0, 1, 2):  # 0 is a weekly series of ten with its third instance moved
        calendar.save_event(event_ics(i, year=2031)[1])
    events = calendar.search(
        start=datetime(2031, 1, 1, tzinfo=UTC),
        end=datetime(2031, 3, 1, tzinfo=UTC),
        event=True,
        expand=True,
    )
    summaries = sorted(str(e.icalendar_component["SUMMARY"]) for e in events)
    # event 0: Jan 1 weekly ×10 (Jan 1 … Mar 5; 9 in window incl. the moved one); event 1
    # is on Aug 4 and event 2 on Mar 7 — outside.
    assert len([s for s in summaries if s.startswith("项目评审 #0")]) == 9
    assert "项目评审 #0（改期）" in summaries
    assert all(not s.startswith(("周会 #1", "客户拜访 #2")) for s in summaries)
    api_side = await window(org, address, "2031-01-01T00:00:00Z", "2031-03-01T00:00:00Z")
    assert len(api_side) == 9
    fb = calendar.freebusy_request(
        datetime(2031, 1, 1, tzinfo=UTC), datetime(2031, 1, 31, tzinfo=UTC)
    )
    periods = icalendar.Calendar.from_ical(fb.data).walk("VFREEBUSY")[0].get("FREEBUSY")
    assert periods is not None and len(periods if isinstance(periods, list) else [periods]) == 5
    # the scheduling outbox answers free/busy for people of the organisation (RFC 6638 §5)
    await org.add_account("bob")
    # (caldav 1.x, the version that keeps requests' urllib3, posts to the outbox without its
    # credentials, so this request is made directly, as clients such as DAVx5 make it)
    request = "\r\n".join([
        "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN", "METHOD:REQUEST",
        "BEGIN:VFREEBUSY", "UID:fb-1", "DTSTAMP:20301231T000000Z",
        "DTSTART:20310101T000000Z", "DTEND:20310131T000000Z", f"ORGANIZER:mailto:{address}",
        f"ATTENDEE:mailto:{address}", "ATTENDEE:mailto:bob@acme.test",
        "ATTENDEE:mailto:nobody@elsewhere.example", "END:VFREEBUSY", "END:VCALENDAR", "",
    ])
    async with httpx.AsyncClient(base_url=server, auth=(address, password)) as http:
        posted = await http.post(
            f"/dav/calendars/{address}/outbox/", content=request.encode(),
            headers={"Content-Type": "text/calendar; charset=utf-8"},
        )
    assert posted.status_code == 200, posted.text
    tree = ElementTree.fromstring(posted.content)
    replies = {}
    for response in tree.iter("{urn:ietf:params:xml:ns:caldav}response"):
        who = response.findtext(".//{DAV:}href") or ""
        data = response.findtext(".//{urn:ietf:params:xml:ns:caldav}calendar-data")
        replies[who.lower().removeprefix("mailto:")] = data
    assert {address, "bob@acme.test"} <= set(replies)
    busy = icalendar.Calendar.from_ical(replies[address]).walk("VFREEBUSY")[0]["FREEBUSY"]
    assert len(busy if isinstance(busy, list) else [busy]) == 5
    made = principal.make_calendar(name="项目日历", cal_id="projects")
    assert "项目日历" in [c.get_display_name() for c in principal.calendars()]
    made.set_properties([caldav.elements.dav.DisplayName("Projects 2031")])
    assert "Projects 2031" in [c.get_display_name() for c in principal.calendars()]
    made.delete()
    assert len(principal.calendars()) == 1


async def test_invitation_by_client_reaches_attendee_and_answer_updates_organiser(org, server):
    alice, alice_pw = await dav_person(org, "alice")
    bob, bob_pw = await dav_person(org, "bob")
    ics = f"""BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//test//EN
BEGIN:VEVENT
UID:invite-1@dav.test
DTSTAMP:20300101T000000Z
DTSTART;TZID=Asia/Shanghai:20300410T100000
DTEND;TZID=Asia/Shanghai:20300410T110000
SUMMARY:季度规划
ORGANIZER;CN=Alice:mailto:{alice}
ATTENDEE;CN=Alice;PARTSTAT=ACCEPTED:mailto:{alice}
ATTENDEE;CN=Bob;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:{bob}
END:VEVENT
END:VCALENDAR
"""
    _client(server, alice, alice_pw).principal().calendars()[0].save_event(ics)
    await run_once(org.runtime, "test")  # the worker delivers the iMIP mail
    async with org.runtime.db.session(write=False) as session:
        subjects = [
            m.subject
            for m in (await session.execute(select(MailMessage))).scalars()
            if m.subject and "季度规划" in m.subject
        ]
    assert "Invitation: 季度规划" in subjects
    bob_calendar = _client(server, bob, bob_pw).principal().calendars()[0]
    copy = bob_calendar.event_by_uid("invite-1@dav.test")
    vevent = copy.icalendar_component
    for attendee in vevent.get("ATTENDEE"):
        if bob in str(attendee):
            attendee.params["PARTSTAT"] = "ACCEPTED"
    copy.save()
    organiser = await window(org, alice, "2030-04-01T00:00:00Z", "2030-04-30T00:00:00Z")
    answers = {a["address"]: a["response"] for a in organiser[0]["attendees"]}
    assert answers[bob] == "accepted"
