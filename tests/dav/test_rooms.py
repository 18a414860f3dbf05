"""Rooms over CalDAV with the `caldav` library against a real server: every person sees the
organisation's rooms as read-only calendars of their bookings (as `GET /v1/calendar/rooms/
{id}/bookings` shows them), each owned by a principal of calendar-user-type ROOM whose
address a client invites; the room then books itself as it does for the API."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import caldav
import httpx
import pytest
from caldav.elements.base import BaseElement
from caldav.lib.error import DAVError

from tests.factories.calendar import cal, make_room
from tests.factories.dav import dav_person
from tests.live_server import live_server


class Owner(BaseElement):
    """DAV:owner (RFC 3744 §5.1), which caldav 1.x has no class for."""

    tag = "{DAV:}owner"


@pytest.fixture
def server(settings):
    with live_server(settings) as url:
        yield url


def _event(uid: str, organiser: str, room: str, start: str, title: str) -> str:
    return "\r\n".join([
        "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN", "BEGIN:VEVENT",
        f"UID:{uid}", "DTSTAMP:20300101T000000Z",
        f"DTSTART;TZID=Asia/Shanghai:{start}",
        f"DTEND;TZID=Asia/Shanghai:{start[:9]}{int(start[9:11]) + 1:02d}0000",
        f"SUMMARY:{title}", f"ORGANIZER:mailto:{organiser}",
        f"ATTENDEE;PARTSTAT=ACCEPTED:mailto:{organiser}",
        f"ATTENDEE;CUTYPE=ROOM;RSVP=TRUE:mailto:{room}",
        "END:VEVENT", "END:VCALENDAR", "",
    ])


async def test_rooms_are_read_only_calendars_with_room_principals(org, other_org, server):
    # rooms book at most 1095 days ahead: a day some weeks from now, whatever today is
    day = date.today() + timedelta(days=60)
    ymd = day.strftime("%Y%m%d")
    lo = datetime(day.year, day.month, day.day, tzinfo=UTC) - timedelta(days=2)
    hi = lo + timedelta(days=6)
    room = await make_room(org, name="会议室 A", address="room-a@acme.test")
    theirs = await make_room(other_org, name="Globex boardroom", address="board@globex.test")
    alice, alice_pw = await dav_person(org, "alice")
    bob, bob_pw = await dav_person(org, "bob")
    # Bob books the room through the API
    booked = await org.client.post(
        cal(bob, "/events"),
        json={
            "title": "周会",
            "start": f"{day.isoformat()}T10:00:00",
            "end": f"{day.isoformat()}T11:00:00",
            "time_zone": "Asia/Shanghai",
            "attendees": [{"room_id": room["id"], "type": "room"}],
        },
        headers=await org.headers(),
    )
    assert booked.status_code == 201, booked.text

    client = caldav.DAVClient(url=server + "/", username=alice, password=alice_pw)
    calendars = {c.get_display_name(): c for c in client.principal().calendars()}
    assert set(calendars) == {"Calendar", "会议室 A"}  # not another organisation's room
    room_cal = calendars["会议室 A"]
    found = room_cal.search(
        start=lo, end=hi, event=True
    )
    assert [str(e.icalendar_component["SUMMARY"]) for e in found] == ["周会"]

    # the calendar's owner is the room's principal, a ROOM a client can invite
    owner = room_cal.get_property(Owner())
    principal = caldav.Principal(client=client, url=client.url.join(owner))
    address = principal.get_vcal_address()
    assert str(address) == "mailto:room-a@acme.test"
    assert str(address.params["cutype"]) == "ROOM"
    assert str(address.params["cn"]) == "会议室 A"

    # another organisation's room is not there, as a principal or as a calendar
    async with httpx.AsyncClient(base_url=server, auth=(alice, alice_pw)) as http:
        mine = await http.request("PROPFIND", f"/dav/principals/rooms/{room['id']}/")
        assert mine.status_code == 207 and "ROOM" in mine.text
        other = await http.request("PROPFIND", f"/dav/principals/rooms/{theirs['id']}/")
        assert other.status_code == 404
        other = await http.request("PROPFIND", f"/dav/calendars/{alice}/{theirs['calendar_id']}/")
        assert other.status_code == 404

    # read-only: bookings are made by inviting the room, not by writing its calendar
    with pytest.raises(DAVError):
        room_cal.save_event(_event("direct@t", alice, "room-a@acme.test", f"{ymd}T120000", "x"))

    # Alice's client invites the room from her own calendar: the room books itself
    calendars["Calendar"].save_event(
        _event("invite-room@t", alice, str(address).removeprefix("mailto:"),
               f"{ymd}T140000", "客户拜访")
    )
    found = room_cal.search(
        start=lo, end=hi, event=True
    )
    assert sorted(str(e.icalendar_component["SUMMARY"]) for e in found) == ["周会", "客户拜访"]
    bookings = await org.client.get(
        f"/v1/calendar/rooms/{room['id']}/bookings",
        params={"start": lo.isoformat(), "end": hi.isoformat()},
        headers=await org.headers(),
    )
    assert sorted(b["title"] for b in bookings.json()["data"]) == ["周会", "客户拜访"]
    # another person sees the same bookings
    bob_client = caldav.DAVClient(url=server + "/", username=bob, password=bob_pw)
    seen = {c.get_display_name(): c for c in bob_client.principal().calendars()}
    assert len(seen["会议室 A"].events()) == 2
