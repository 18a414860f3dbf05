"""examples/book_meeting.py on a fresh demo: the cast and room are set up, free/busy read,
the first common slot found (after the seeded meetings), the meeting booked with the room,
invitations mailed, and the attendees' answers shown as the organizer's event records them.
A second run books the next free slot, not the same one."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from tests.examples.demo_server import DOMAIN, DemoServer
from tests.factories.calendar import future_wednesday

ZONE = "Asia/Shanghai"


def _day() -> date:
    """Pinned to a future Wednesday and passed as `--date`: the example's own default (the
    next weekday by the wall clock) would make the test's day depend on when it runs."""
    return future_wednesday(datetime.now(ZoneInfo(ZONE)).date())


def test_meeting_for_five_and_a_room(demo: DemoServer) -> None:
    day = _day()
    out = demo.run("book_meeting.py", "--wait", "60", "--date", day.isoformat()).stdout
    organizer = f"zhang.wei@{DOMAIN}"
    attendees = [f"{n}@{DOMAIN}" for n in ("li.na", "wang.fang", "chen.jing", "maria.schmidt")]

    assert (
        out.count("(demo setup) created account") == 5
        and "(demo setup) created room Boardroom 8F" in out
    )
    assert f"free/busy on {day} ({ZONE}):" in out
    assert re.search(rf"^  {re.escape(organizer)}\s+09:00-10:30$", out, re.M), out
    assert re.search(rf"^  li\.na@{re.escape(DOMAIN)}\s+10:00-12:00$", out, re.M), out
    assert re.search(r"^  Boardroom 8F\s+12:00-13:00$", out, re.M), out
    assert re.search(rf"^  chen\.jing@{re.escape(DOMAIN)}\s+free all day$", out, re.M), out
    assert f"first common slot: {day:%a %d %b} 13:00-14:00 in Boardroom 8F" in out
    for address in attendees:
        assert f"  invitation in {address}'s inbox: " in out
    assert re.search(rf"{re.escape(attendees[0])}: accepted \(See you there\)$", out, re.M), out
    assert re.search(rf"{re.escape(attendees[1])}: tentative \(May be late", out, re.M), out
    assert re.search(rf"{re.escape(attendees[3])}: declined \(On leave", out, re.M), out
    assert out.rstrip().endswith(
        "final: 3 accepted, 1 declined, 1 tentative"
    )  # the room accepted too
    event_id = re.search(r"^booked (\S+) \(UID", out, re.M).group(1)  # type: ignore[union-attr]

    with demo.admin_client() as api:
        event = api.get(f"/v1/accounts/{organizer}/calendar/events/{event_id}").json()
        assert event["start"].startswith(f"{day}T13:00:00+08:00") and event["time_zone"] == ZONE
        answers = {a["address"]: a["response"] for a in event["attendees"]}
        assert [answers[a] for a in attendees] == ["accepted", "tentative", "accepted", "declined"]
        room = next(a for a in event["attendees"] if a["type"] == "room")
        assert room["response"] == "accepted"
        # Each attendee's own calendar holds the meeting with their answer.
        start = f"{day}T00:00:00+08:00"
        end = f"{day + timedelta(days=1)}T00:00:00+08:00"
        copy = next(
            e
            for e in api.get(
                f"/v1/accounts/{attendees[3]}/calendar/events", params={"start": start, "end": end}
            ).json()["data"]
            if e["uid"] == event["uid"]
        )
        assert copy["response"] == "declined" and not copy["is_organizer"]

    again = demo.run("book_meeting.py", "--wait", "60", "--date", day.isoformat()).stdout
    assert "(demo setup)" not in again
    assert f"first common slot: {day:%a %d %b} 14:00-15:00 in Boardroom 8F" in again
