"""Calendar namespaces against a live server: calendars (sharing, feeds, iCalendar in and
out), events with invitations and recurrence, rooms booked by approval, free/busy."""

from __future__ import annotations

import datetime as dt

import pytest
from mailplane_sdk import Mailplane, errors
from mailplane_sdk.generated.models import Event

from tests.factories.calendar import future_wednesday
from tests.sdk.conftest import Live

# A working day in the future whatever weekday the suite runs on (was `today + 7`, which
# fell on a weekend on Saturdays and Sundays, outside default working hours).
DAY = future_wednesday(dt.datetime.now(dt.UTC).date())


def at(hour: int) -> dt.datetime:
    return dt.datetime.combine(DAY, dt.time(hour), tzinfo=dt.UTC)


@pytest.fixture(scope="module")
def people(mp: Mailplane, live: Live) -> tuple[str, str]:
    a = mp.accounts.create(address=f"wang.fang@{live.domain}", display_name="王芳").address
    b = mp.accounts.create(address=f"chen@{live.domain}", display_name="Chen").address
    return a, b


def test_events_invitations_and_freebusy(mp: Mailplane, people: tuple[str, str]) -> None:
    wang, chen = people
    event = mp.calendar.events.create(
        wang,
        title="Planning",
        start=at(9),
        end=at(10),
        time_zone="Asia/Shanghai",
        attendees=[{"address": chen}],
    )
    assert isinstance(event, Event) and event.title == "Planning"
    assert mp.calendar.events.get(wang, event.id).id == event.id
    state = mp.calendar.events.changes(wang).new_state
    moved = mp.calendar.events.update(
        wang, event.id, title="Planning (moved)", start=at(10), end=at(11)
    )
    assert moved.title == "Planning (moved)"
    assert event.id in mp.calendar.events.changes(wang, since=state).updated
    invited = [
        e for e in mp.calendar.events.list(chen, start=at(0), end=at(23)) if e.uid == event.uid
    ]
    assert len(invited) == 1
    answered = mp.calendar.events.respond(chen, invited[0].id, response="accepted", comment="ok")
    assert answered.id == invited[0].id

    busy = mp.calendar.freebusy(start=at(0), end=at(23), attendees=[wang, chen])
    assert all(len(s.busy) == 1 for s in busy.schedules)
    found = mp.calendar.find_meeting_times(
        attendees=[wang, chen], duration_minutes=60, start=at(8), end=at(12), max_results=3
    )
    assert found.suggestions and all(s.start != at(10) for s in found.suggestions)

    weekly = mp.calendar.events.create(
        wang,
        title="Standup",
        start=at(8),
        end=at(9).replace(minute=15),
        recurrence={"rrule": "FREQ=DAILY;COUNT=3"},
    )
    instances = list(
        mp.calendar.events.instances(wang, weekly.id, start=at(0), end=at(0) + dt.timedelta(days=5))
    )
    assert len(instances) == 3
    mp.calendar.events.cancel(wang, event.id, send_cancellations=True)
    with pytest.raises(errors.NotFound):
        mp.calendar.events.get(wang, event.id)


def test_calendars_sharing_feeds_and_ics(mp: Mailplane, people: tuple[str, str]) -> None:
    wang, chen = people
    cal = mp.calendar.calendars.create(wang, name="Projects", time_zone="Asia/Shanghai")
    assert mp.calendar.calendars.get(wang, cal.id).name == "Projects"
    assert mp.calendar.calendars.update(wang, cal.id, color="#336699").color == "#336699"
    assert cal.id in [c.id for c in mp.calendar.calendars.list(wang)]
    share = mp.calendar.calendars.shares.create(wang, cal.id, account=chen, level="read")
    assert [s.id for s in mp.calendar.calendars.shares.list(wang, cal.id)] == [share.id]
    mp.calendar.calendars.shares.delete(wang, cal.id, chen)
    assert list(mp.calendar.calendars.shares.list(wang, cal.id)) == []

    ics = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\nUID:imported-1@test\r\n"
        f"DTSTAMP:20260101T000000Z\r\nDTSTART:{DAY:%Y%m%d}T060000Z\r\nDTEND:{DAY:%Y%m%d}T070000Z\r\n"
        "SUMMARY:Imported\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    imported = mp.calendar.calendars.import_ics(wang, cal.id, ics)
    assert imported.created == 1
    exported = mp.calendar.calendars.export(wang, cal.id)
    assert "BEGIN:VCALENDAR" in exported and "imported-1@test" in exported
    feed = mp.calendar.calendars.enable_feed(wang, cal.id)
    token = feed.url.rsplit("/", 1)[-1].removesuffix(".ics")
    assert "imported-1@test" in mp.calendar.feed(token)
    mp.calendar.calendars.revoke_feed(wang, cal.id)
    with pytest.raises(errors.NotFound):
        mp.calendar.feed(token)
    mp.calendar.calendars.delete(wang, cal.id)


def test_rooms_booked_by_approval(mp: Mailplane, people: tuple[str, str], live: Live) -> None:
    wang, _ = people
    room = mp.calendar.rooms.create(
        name="Beijing 3F",
        address=f"room.bj3@{live.domain}",
        capacity=8,
        building="Beijing",
        floor="3",
        booking_policy="approval",
        delegates=[wang],
    )
    assert mp.calendar.rooms.get(room.id).capacity == 8
    assert mp.calendar.rooms.update(room.id, capacity=10).capacity == 10
    assert room.id in [r.id for r in mp.calendar.rooms.list(min_capacity=9)]
    mp.calendar.events.create(
        wang,
        title="Review",
        start=at(14),
        end=at(15),
        attendees=[{"room_id": room.id, "type": "room"}],
    )
    pending = list(mp.calendar.rooms.bookings(room.id, start=at(0), end=at(23), status="pending"))
    assert len(pending) == 1
    approved = mp.calendar.rooms.respond(room.id, pending[0].id, response="accepted")
    assert approved.id == pending[0].id
    assert (
        list(mp.calendar.rooms.bookings(room.id, start=at(0), end=at(23), status="pending")) == []
    )
    mp.calendar.rooms.delete(room.id)
    with pytest.raises(errors.NotFound):
        mp.calendar.rooms.get(room.id)
