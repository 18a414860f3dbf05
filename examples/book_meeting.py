"""Book a meeting from the OA system: free/busy, first common slot, invitations, replies.

OA scenario: a project kickoff needs five people and a meeting room for an hour. The OA
system reads everyone's free/busy (and the room's), asks Mailplane for the first slot in
working hours where all six are free, books it in the organizer's calendar with the others
and the room as attendees (the room accepts by itself; everyone gets an invitation mail
with the iCalendar attached) and then shows the replies as they come in.

Run it against `make run` (in a second terminal, from the repository root):

    .venv/bin/python examples/book_meeting.py
    .venv/bin/python examples/book_meeting.py --date 2026-12-01 --time-zone Europe/Berlin

With the default cast (zhang.wei, li.na, wang.fang, chen.jing and maria.schmidt at the
organisation's first domain, and the room "Boardroom 8F"), anyone missing is created first
(as examples/hr_sync.py would) and a few meetings are put in their calendars so the day is
not empty. Real people answer from their mail or calendar app; to let the demo finish on
its own, the attendees' answers are given through the API on their behalf (an admin app may
act for any account of its organisation). `--no-simulate` waits for real answers instead.
The server URL comes from MAILPLANE_URL (default http://127.0.0.1:8025), the credentials
from MAILPLANE_CLIENT_ID / MAILPLANE_CLIENT_SECRET or else `data/demo-credentials.json`.
"""

from __future__ import annotations

import argparse
import sys
import threading
import time
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from mailplane_sdk import Mailplane, errors

CAST = [  # (local part, name); the first one organises
    ("zhang.wei", "张伟"),
    ("li.na", "李娜"),
    ("wang.fang", "王芳"),
    ("chen.jing", "陈静"),
    ("maria.schmidt", "Maria Schmidt"),
]
ROOM = "Boardroom 8F"
TITLE = "Project Phoenix kickoff"
# What the simulated attendees answer, in turn.
ANSWERS = [
    ("accepted", "See you there"),
    ("tentative", "May be late from a customer call"),
    ("accepted", None),
    ("declined", "On leave that day; Li Na will cover"),
]


def next_weekday(today: date) -> date:
    day = today + timedelta(days=1)
    while day.isoweekday() > 5:
        day += timedelta(days=1)
    return day


def ensure_demo_cast(mp: Mailplane, domain: str, day: date, zone: str) -> None:
    """Create the default people and room when missing, and give their day some meetings.
    Idempotent: the seeded meetings have fixed UIDs."""
    for local, name in CAST:
        address = f"{local}@{domain}"
        try:
            mp.accounts.get(address)
        except errors.NotFound:
            mp.accounts.create(address=address, display_name=name)
            print(f"(demo setup) created account {address}")
    if not any(room.name == ROOM for room in mp.calendar.rooms.list(q=ROOM)):
        mp.calendar.rooms.create(
            name=ROOM,
            capacity=12,
            building="HQ",
            floor="8",
            equipment=["projector", "video conferencing"],
        )
        print(f"(demo setup) created room {ROOM}")
    room = next(r for r in mp.calendar.rooms.list(q=ROOM) if r.name == ROOM)
    busy = [  # (whose calendar, title, start, end, with the room?)
        (CAST[0][0], "Architecture review", "09:00", "10:30", False),
        (CAST[1][0], "Customer visit", "10:00", "12:00", False),
        (CAST[2][0], "Lunch & learn", "12:00", "13:00", True),
    ]
    for n, (local, title, start, end, with_room) in enumerate(busy):
        try:
            mp.calendar.events.create(
                f"{local}@{domain}",
                uid=f"seed-{day}-{n}@examples.book-meeting",
                title=title,
                start=f"{day}T{start}:00",
                end=f"{day}T{end}:00",
                time_zone=zone,
                attendees=[{"room_id": room.id, "type": "room"}] if with_room else [],
                send_invitations=False,
            )
        except errors.AlreadyExists:
            pass  # seeded by an earlier run


def simulate_replies(mp: Mailplane, attendees: list[str], uid: str, start: str, end: str) -> None:
    """Each attendee answers in turn, through the API acting for them."""
    for address, (response, comment) in zip(attendees, ANSWERS, strict=False):
        time.sleep(1.0)
        mine = next(
            e for e in mp.calendar.events.list(address, start=start, end=end) if e.uid == uid
        )
        body = {"response": response} | ({"comment": comment} if comment else {})
        mp.calendar.events.respond(address, mine.id, **body)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--date", type=date.fromisoformat, help="the day (default: next weekday)")
    parser.add_argument("--time-zone", default="Asia/Shanghai", help="IANA zone of the working day")
    parser.add_argument("--minutes", type=int, default=60, help="meeting length")
    parser.add_argument(
        "--no-simulate",
        action="store_true",
        help="do not answer for the attendees; wait for real replies",
    )
    parser.add_argument("--wait", type=float, default=60, help="seconds to wait for replies")
    args = parser.parse_args()

    zone = ZoneInfo(args.time_zone)
    day = args.date or next_weekday(datetime.now(zone).date())
    day_start = datetime.combine(day, datetime.min.time(), zone)
    start, end = day_start.isoformat(), (day_start + timedelta(days=1)).isoformat()

    with Mailplane.from_env() as mp:
        domain = next(iter(mp.domains.list())).name
        ensure_demo_cast(mp, domain, day, args.time_zone)
        people = [f"{local}@{domain}" for local, _ in CAST]
        organizer, attendees = people[0], people[1:]
        room = next(r for r in mp.calendar.rooms.list(q=ROOM) if r.name == ROOM)

        # 1. Free/busy of the five people and the room over the day.
        print(f"free/busy on {day} ({args.time_zone}):")
        freebusy = mp.calendar.freebusy(start=start, end=end, attendees=[*people, room.id])
        for schedule in freebusy.schedules:
            busy = (
                ", ".join(
                    f"{b.start.astimezone(zone):%H:%M}-{b.end.astimezone(zone):%H:%M}"
                    + ("?" if b.status == "tentative" else "")
                    for b in schedule.busy
                )
                or "free all day"
            )
            name = ROOM if schedule.id == room.id else schedule.attendee
            print(f"  {name:<32} {busy}")

        # 2. The first slot in working hours where all of them and the room are free.
        found = mp.calendar.find_meeting_times(
            attendees=people,
            rooms=[room.id],
            duration_minutes=args.minutes,
            start=start,
            end=end,
            max_results=1,
            working_hours={"start": "09:00", "end": "18:00", "time_zone": args.time_zone},
        )
        if not found.suggestions:
            print(f"no common {args.minutes}-minute slot on {day}; try another --date")
            return 1
        slot = found.suggestions[0]
        slot_start, slot_end = slot.start.astimezone(zone), slot.end.astimezone(zone)
        print(f"first common slot: {slot_start:%a %d %b %H:%M}-{slot_end:%H:%M} in {ROOM}")

        # 3. Book it: the organizer's calendar, four attendees and the room; invitations mailed.
        event = mp.calendar.events.create(
            organizer,
            title=TITLE,
            description="Goals, roles and the first milestone.",
            location=ROOM,
            start=slot_start.replace(tzinfo=None).isoformat(),
            end=slot_end.replace(tzinfo=None).isoformat(),
            time_zone=args.time_zone,
            attendees=[*({"address": a} for a in attendees), {"room_id": room.id, "type": "room"}],
            send_invitations=True,
        )
        print(f"booked {event.id} (UID {event.uid}) in {organizer}'s calendar")

        # 4. The invitations arrive by mail (the server's worker sends them).
        waiting = set(attendees)
        deadline = time.monotonic() + 60
        while waiting and time.monotonic() < deadline:
            for address in sorted(waiting):
                # Newest first; an invitation received since the booking is this one.
                inbox = mp.mail.messages.list(address, q=f"in:inbox {TITLE}", limit=5)
                invitation = next(
                    (
                        m
                        for m in inbox
                        if m.received_at >= event.created_at and m.subject.startswith("Invitation:")
                    ),
                    None,
                )
                if invitation is not None:
                    waiting.discard(address)
                    print(f"  invitation in {address}'s inbox: {invitation.subject!r}")
            time.sleep(0.5)
        for address in sorted(waiting):
            print(f"  no invitation in {address}'s inbox yet")

        # 5. Replies, as the organizer's copy of the event records them.
        if not args.no_simulate:
            threading.Thread(
                target=simulate_replies, daemon=True, args=(mp, attendees, event.uid, start, end)
            ).start()
        print("replies:")
        known: dict[str, str] = {}
        deadline = time.monotonic() + args.wait
        while time.monotonic() < deadline:
            current = mp.calendar.events.get(organizer, event.id)
            for attendee in current.attendees:
                if attendee.response == known.get(attendee.address, "needs_action"):
                    continue
                known[attendee.address] = attendee.response
                who = ROOM if attendee.type_ == "room" else attendee.address
                note = f" ({attendee.comment})" if attendee.comment else ""
                print(f"  {datetime.now():%H:%M:%S} {who}: {attendee.response}{note}", flush=True)
            if all(a.response != "needs_action" for a in current.attendees):
                break
            time.sleep(0.3)
        tally = {r: sum(1 for v in known.values() if v == r) for r in sorted(set(known.values()))}
        silent = sum(1 for a in current.attendees if a.response == "needs_action")
        print(
            "final: "
            + ", ".join(
                [f"{n} {r}" for r, n in tally.items()]
                + ([f"{silent} no answer yet"] if silent else [])
            )
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
