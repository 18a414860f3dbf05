"""CalDAV/CardDAV over the in-process app: discovery, objects, preconditions, reports,
sync, hostile XML and tenant isolation, each checked against the REST API's view."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import UTC, datetime

import icalendar
import pytest

from api.calendar.resources import booking
from tests.factories.calendar import cal, imip_jobs, make_room, window
from tests.factories.dav import PROPFIND_HOME, basic, dav, dav_person

NS = {"d": "DAV:", "c": "urn:ietf:params:xml:ns:caldav", "card": "urn:ietf:params:xml:ns:carddav"}

EVENT = """BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//test//EN
BEGIN:VEVENT
UID:{uid}
DTSTAMP:20300101T000000Z
DTSTART;TZID=Asia/Shanghai:20300304T093000
DTEND;TZID=Asia/Shanghai:20300304T103000
SUMMARY:{title}
END:VEVENT
END:VCALENDAR
"""


@pytest.fixture
async def alice(org):
    address, password = await dav_person(org, "alice")
    return address, basic(address, password)


def _tree(resp) -> ET.Element:
    assert resp.status_code == 207, resp.text
    return ET.fromstring(resp.content)


async def _default_calendar(client, alice) -> str:
    address, auth = alice
    resp = await dav(client, "PROPFIND", f"/dav/calendars/{address}/", auth, PROPFIND_HOME, Depth=1)
    for r in _tree(resp).findall("d:response", NS):
        if r.find(".//c:calendar", NS) is not None:
            return r.findtext("d:href", namespaces=NS)
    raise AssertionError("no calendar")


async def test_discovery_from_bare_url_and_well_known(client, alice):
    address, auth = alice
    resp = await client.get("/.well-known/caldav", follow_redirects=False)
    assert resp.status_code == 301 and resp.headers["location"] == "/dav/"
    resp = await dav(client, "PROPFIND", "/", auth, PROPFIND_HOME, Depth=0)
    tree = _tree(resp)
    assert tree.findtext(".//d:current-user-principal/d:href", namespaces=NS) == (
        f"/dav/principals/{address}/"
    )
    resp = await dav(client, "PROPFIND", f"/dav/principals/{address}/", auth, PROPFIND_HOME)
    tree = _tree(resp)
    assert tree.findtext(".//c:calendar-home-set/d:href", namespaces=NS) == (
        f"/dav/calendars/{address}/"
    )
    assert tree.findtext(".//card:addressbook-home-set/d:href", namespaces=NS) == (
        f"/dav/addressbooks/{address}/"
    )


async def test_no_credentials_or_wrong_password_is_401(client, alice):
    address, _ = alice
    resp = await dav(client, "PROPFIND", "/dav/", {}, PROPFIND_HOME)
    assert resp.status_code == 401 and resp.headers["www-authenticate"].startswith("Basic")
    resp = await dav(client, "PROPFIND", "/dav/", basic(address, "wrong"), PROPFIND_HOME)
    assert resp.status_code == 401


async def test_put_then_api_sees_event_and_etag_preconditions(client, org, alice):
    address, auth = alice
    home = await _default_calendar(client, alice)
    body = EVENT.format(uid="dav-1@test", title="站会")
    resp = await dav(
        client, "PUT", home + "one.ics", auth, body, If_None_Match="*", Content_Type="text/calendar"
    )
    assert resp.status_code == 201, resp.text
    etag = resp.headers["etag"]
    again = await dav(client, "PUT", home + "one.ics", auth, body, If_None_Match="*")
    assert again.status_code == 412
    events = await window(org, address, "2030-03-01T00:00:00Z", "2030-03-31T00:00:00Z")
    assert [e["title"] for e in events] == ["站会"]
    assert events[0]["time_zone"] == "Asia/Shanghai"
    stale = await dav(
        client,
        "PUT",
        home + "one.ics",
        auth,
        EVENT.format(uid="dav-1@test", title="x"),
        If_Match='"nope"',
    )
    assert stale.status_code == 412
    ok = await dav(
        client,
        "PUT",
        home + "one.ics",
        auth,
        EVENT.format(uid="dav-1@test", title="周会"),
        If_Match=etag,
    )
    assert ok.status_code == 204 and ok.headers["etag"] != etag
    got = await dav(client, "GET", home + "one.ics", auth)
    vevent = icalendar.Calendar.from_ical(got.content).walk("VEVENT")[0]
    assert str(vevent["SUMMARY"]) == "周会" and got.headers["etag"] == ok.headers["etag"]
    # API-side change is visible to the next sync-collection
    gone = await dav(client, "DELETE", home + "one.ics", auth, If_Match='"stale"')
    assert gone.status_code == 412
    gone = await dav(client, "DELETE", home + "one.ics", auth)
    assert gone.status_code == 204
    assert await window(org, address, "2030-03-01T00:00:00Z", "2030-03-31T00:00:00Z") == []


async def test_sync_collection_reports_changes_from_the_api(client, org, alice):
    address, auth = alice
    home = await _default_calendar(client, alice)
    await dav(client, "PUT", home + "a.ics", auth, EVENT.format(uid="a@test", title="A"))
    sync = """<d:sync-collection xmlns:d="DAV:"><d:sync-token>{}</d:sync-token>
      <d:sync-level>1</d:sync-level><d:prop><d:getetag/></d:prop></d:sync-collection>"""
    first = _tree(await dav(client, "REPORT", home, auth, sync.format("")))
    token = first.findtext("d:sync-token", namespaces=NS)
    assert [h.text for h in first.findall("d:response/d:href", NS)] == [home + "a.ics"]
    made = await org.client.post(
        cal(address, "/events"),
        json={"title": "From API", "start": "2030-03-05T09:00:00", "end": "2030-03-05T10:00:00"},
        headers=await org.headers(),
    )
    assert made.status_code == 201
    await dav(client, "DELETE", home + "a.ics", auth)
    second = _tree(await dav(client, "REPORT", home, auth, sync.format(token)))
    by_href = {
        r.findtext("d:href", namespaces=NS): r.findtext("d:status", namespaces=NS)
        for r in second.findall("d:response", NS)
    }
    assert by_href == {
        home + f"{made.json()['id']}.ics": None,
        home + "a.ics": "HTTP/1.1 404 Not Found",
    }
    bad = await dav(client, "REPORT", home, auth, sync.format("https://elsewhere/x"))
    assert bad.status_code == 403


async def test_hostile_xml_is_refused_and_changes_nothing(client, alice):
    address, auth = alice
    laughs = b"""<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">
      <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
      <d:propertyupdate xmlns:d="DAV:"><d:set><d:prop><d:displayname>&lol2;</d:displayname>
      </d:prop></d:set></d:propertyupdate>"""
    home = await _default_calendar(client, alice)
    resp = await dav(client, "PROPPATCH", home, auth, laughs)
    assert resp.status_code == 400 and resp.json()["code"] == "malformed_request"
    external = b"""<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>
      <d:propfind xmlns:d="DAV:"><d:prop><d:displayname>&e;</d:displayname></d:prop></d:propfind>"""
    resp = await dav(client, "PROPFIND", home, auth, external)
    assert resp.status_code == 400
    huge = b"<d:propfind xmlns:d='DAV:'>" + b"<d:prop/>" * 200_000 + b"</d:propfind>"
    resp = await dav(client, "PROPFIND", home, auth, huge)
    assert resp.status_code == 413
    resp = await dav(client, "PROPFIND", home, auth, b"<d:propfind xmlns:d='DAV:'>")
    assert resp.status_code == 400
    tree = _tree(await dav(client, "PROPFIND", home, auth, PROPFIND_HOME, Depth=0))
    assert tree.findtext(".//d:displayname", namespaces=NS) == "Calendar"
    # broken or ambiguous iCalendar and vCard bodies: 4xx, and nothing is stored
    two_uids = EVENT.format(uid="a@t", title="A").replace(
        "END:VCALENDAR", EVENT.format(uid="b@t", title="B").split("VERSION:2.0")[1]
    )
    bodies = [
        "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:nonsense\nEND:VCALENDAR\n",
        EVENT.format(uid="c@t", title="C").replace("DTSTART;TZID=Asia/Shanghai:", "DTSTART:x"),
        two_uids,
        "\xff\xfe not text",
    ]
    for body in bodies:
        resp = await dav(client, "PUT", home + "bad.ics", auth, body.encode("latin-1", "replace"))
        assert 400 <= resp.status_code < 500, (body, resp.status_code)
    assert (await dav(client, "GET", home + "bad.ics", auth)).status_code == 404
    book = f"/dav/addressbooks/{address}/"
    tree = _tree(await dav(client, "PROPFIND", book, auth, PROPFIND_HOME, Depth=1))
    first = next(
        h.text for h in tree.findall("d:response/d:href", NS) if h.text.startswith(book + "abk_")
    )
    resp = await dav(client, "PUT", first + "bad.vcf", auth, "BEGIN:VCARD\nVERSION:9\nEND:VCARD\n")
    assert resp.status_code == 422
    assert (await dav(client, "GET", first + "bad.vcf", auth)).status_code == 404


async def test_another_organisations_person_gets_404(client, org, other_org, alice):
    address, _ = alice
    home = await _default_calendar(client, alice)
    mallory, password = await dav_person(other_org, "mallory")
    auth = basic(mallory, password)
    for method, path in (
        ("PROPFIND", f"/dav/calendars/{address}/"),
        ("PROPFIND", home),
        ("GET", home + "x.ics"),
        ("PUT", home + "x.ics"),
        ("PROPFIND", f"/dav/addressbooks/{address}/"),
    ):
        body = EVENT.format(uid="m@x", title="pwn") if method == "PUT" else PROPFIND_HOME
        resp = await dav(client, method, path, auth, body)
        assert resp.status_code == 404, (method, path, resp.status_code)
    # the same calendar id under the attacker's own home is still not theirs
    cal_id = home.rstrip("/").rsplit("/", 1)[-1]
    resp = await dav(client, "PROPFIND", f"/dav/calendars/{mallory}/{cal_id}/", auth, PROPFIND_HOME)
    assert resp.status_code == 404


async def test_inviting_a_room_from_a_client_books_it(client, org, alice, monkeypatch):
    # the room's booking window counts from "now": pin it before the meeting
    monkeypatch.setattr(booking, "utcnow", lambda: datetime(2030, 1, 1, tzinfo=UTC))
    address, auth = alice
    home = await _default_calendar(client, alice)
    room = await make_room(org, name="Room A", address="room-a@acme.test")
    body = EVENT.format(uid="room-1@test", title="评审").replace(
        "SUMMARY:",
        f"ORGANIZER:mailto:{address}\nATTENDEE;CUTYPE=ROOM:mailto:room-a@acme.test\nSUMMARY:",
    )
    resp = await dav(client, "PUT", home + "room.ics", auth, body)
    assert resp.status_code == 201, resp.text
    got = icalendar.Calendar.from_ical((await dav(client, "GET", home + "room.ics", auth)).content)
    attendee = got.walk("VEVENT")[0]["ATTENDEE"]
    assert attendee.params["PARTSTAT"] == "ACCEPTED" and attendee.params["CUTYPE"] == "ROOM"
    bookings = await org.client.get(
        f"/v1/calendar/rooms/{room['id']}/bookings",
        params={"start": "2030-03-01T00:00:00Z", "end": "2030-03-31T00:00:00Z"},
        headers=await org.headers(),
    )
    assert bookings.status_code == 200, bookings.text
    assert len(bookings.json()["data"]) == 1


async def test_organiser_puts_invite_once_per_change_with_rising_sequence(client, org, alice):
    address, auth = alice
    home = await _default_calendar(client, alice)
    body = EVENT.format(uid="meet@test", title="对齐").replace(
        "SUMMARY:",
        f"ORGANIZER:mailto:{address}\nATTENDEE;RSVP=TRUE:mailto:carol@partner.example\nSUMMARY:",
    )
    assert (await dav(client, "PUT", home + "m.ics", auth, body)).status_code == 201
    assert len(await imip_jobs(org, "REQUEST")) == 1
    # the client saves it again unchanged (say, after adding an alarm): nobody is asked again
    assert (await dav(client, "PUT", home + "m.ics", auth, body)).status_code == 204
    assert len(await imip_jobs(org, "REQUEST")) == 1
    moved = body.replace("T093000", "T140000").replace("T103000", "T150000")
    assert (await dav(client, "PUT", home + "m.ics", auth, moved)).status_code == 204
    jobs = await imip_jobs(org, "REQUEST")
    assert len(jobs) == 2 and jobs[-1]["recipients"] == ["carol@partner.example"]
    sequences = [
        int(icalendar.Calendar.from_ical(j["ics"]).walk("VEVENT")[0]["SEQUENCE"]) for j in jobs
    ]
    assert sequences[1] > sequences[0]
    # the organiser deletes it: the attendee is told it is cancelled
    assert (await dav(client, "DELETE", home + "m.ics", auth)).status_code == 204
    assert len(await imip_jobs(org, "CANCEL")) == 1
