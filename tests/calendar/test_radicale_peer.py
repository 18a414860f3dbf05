"""Peer test: Radicale (a CalDAV/CardDAV server, started here on loopback) and Mailplane get
the same .ics and .vcf files; the instances each expands over a window must agree, and the
contacts must read back the same."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import httpx
import icalendar
import pytest
import recurring_ical_events
import vobject

from tests.factories.calendar import cal, window

pytest.importorskip("radicale", reason="Radicale is not installed (pip install radicale)")

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
ALICE = "alice@acme.test"
START, END = "20300301T000000Z", "20300422T000000Z"

SYNTHETIC = {
    "weekdays.ics": """BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//peer test//EN
BEGIN:VEVENT
UID:weekdays@peer.test
DTSTAMP:20300101T000000Z
DTSTART;TZID=Asia/Shanghai:20300304T093000
DTEND;TZID=Asia/Shanghai:20300304T103000
RRULE:FREQ=WEEKLY;BYDAY=MO,WE,FR;UNTIL=20300420T000000Z
EXDATE;TZID=Asia/Shanghai:20300306T093000
RDATE;TZID=Asia/Shanghai:20300307T150000
SUMMARY:Standup
END:VEVENT
END:VCALENDAR
""",
    "newyork.ics": """BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//peer test//EN
BEGIN:VEVENT
UID:newyork@peer.test
DTSTAMP:20300101T000000Z
DTSTART;TZID=America/New_York:20300301T083000
DTEND;TZID=America/New_York:20300301T090000
RRULE:FREQ=DAILY;COUNT=20;INTERVAL=2
SUMMARY:Across DST
END:VEVENT
END:VCALENDAR
""",
    "monthly.ics": """BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//peer test//EN
BEGIN:VEVENT
UID:monthly@peer.test
DTSTAMP:20300101T000000Z
DTSTART;TZID=Europe/Berlin:20300105T180000
DTEND;TZID=Europe/Berlin:20300105T190000
RRULE:FREQ=MONTHLY;BYDAY=-1FR
SUMMARY:Last Friday
END:VEVENT
END:VCALENDAR
""",
}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def radicale(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("radicale")
    port = _free_port()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "radicale",
            "--server-hosts",
            f"127.0.0.1:{port}",
            "--storage-filesystem-folder",
            str(folder),
            "--auth-type",
            "none",
            "--rights-type",
            "authenticated",
            "--logging-level",
            "warning",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 20
    while True:
        try:
            httpx.request("OPTIONS", url + "/", timeout=1)
            break
        except httpx.TransportError:
            if time.monotonic() > deadline or proc.poll() is not None:
                proc.kill()
                pytest.fail(
                    f"Radicale did not start: {proc.stderr.read().decode() if proc.stderr else ''}"
                )
            time.sleep(0.1)
    yield url
    proc.terminate()
    proc.wait(timeout=10)
    shutil.rmtree(folder, ignore_errors=True)


def _files() -> dict[str, str]:
    out = dict(SYNTHETIC)
    for name in (
        "outlook_recurring_request.ics",
        "google_request.ics",
        "apple_request.ics",
        "outlook_request.ics",
    ):
        text = (FIXTURES / "calendar" / name).read_text()
        out[name] = (
            "\n".join(line for line in text.splitlines() if not line.startswith("METHOD:")) + "\n"
        )
    return out


def _radicale_instances(url: str, collection: str) -> set[tuple[str, datetime | date]]:
    body = f"""<?xml version="1.0"?>
<C:calendar-query xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">
 <D:prop><C:calendar-data><C:expand start="{START}" end="{END}"/></C:calendar-data></D:prop>
 <C:filter><C:comp-filter name="VCALENDAR"><C:comp-filter name="VEVENT">
  <C:time-range start="{START}" end="{END}"/></C:comp-filter></C:comp-filter></C:filter>
</C:calendar-query>"""
    resp = httpx.request(
        "REPORT",
        f"{url}{collection}",
        content=body,
        auth=("alice", "x"),
        headers={"Depth": "1", "Content-Type": "application/xml"},
        timeout=30,
    )
    assert resp.status_code == 207, resp.text
    out = set()
    for node in ET.fromstring(resp.content).iter("{urn:ietf:params:xml:ns:caldav}calendar-data"):
        for vevent in icalendar.Calendar.from_ical(node.text or "").walk("VEVENT"):
            out.add((str(vevent["UID"]), vevent.decoded("DTSTART")))
    return out


def _reference_instances(texts: list[str]) -> set[tuple[str, str]]:
    """recurring-ical-events' expansion of the same files: the oracle for exact instants."""
    lo, hi = datetime(2030, 3, 1, tzinfo=UTC), datetime(2030, 4, 22, tzinfo=UTC)
    out = set()
    for text in texts:
        for vevent in recurring_ical_events.of(icalendar.Calendar.from_ical(text)).between(lo, hi):
            start = vevent.decoded("DTSTART")
            key = (
                start.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
                if isinstance(start, datetime)
                else start.isoformat()
            )
            out.add((str(vevent["UID"]), key))
    return out


async def test_instance_expansion_matches_radicale(client, org, radicale):
    await org.add_account("alice")
    collection = "/alice/peer/"
    assert (
        httpx.request("MKCALENDAR", radicale + collection, auth=("alice", "x")).status_code == 201
    )
    calendar_id = (await client.get(cal(ALICE, "/calendars"), headers=await org.headers())).json()[
        "data"
    ][0]["id"]
    files = _files()
    for name, text in files.items():
        put = httpx.put(
            f"{radicale}{collection}{name}",
            content=text.encode(),
            auth=("alice", "x"),
            headers={"Content-Type": "text/calendar"},
        )
        assert put.status_code == 201, (name, put.text)
        ours = await client.post(
            cal(ALICE, f"/calendars/{calendar_id}/import"),
            content=text.encode(),
            headers={**await org.headers(), "Content-Type": "text/calendar"},
        )
        assert ours.status_code == 200, (name, ours.text)
    got = await window(org, ALICE, "2030-03-01T00:00:00Z", "2030-04-22T00:00:00Z")
    zones = {e["uid"]: ZoneInfo(e["time_zone"]) for e in got}
    # The same instances on the same local days as Radicale. (Radicale's `expand` keeps the
    # UTC offset of DTSTART for every instance, so after a DST change its instants are an
    # hour off; the exact instants are checked against recurring-ical-events below.)
    theirs = {
        (
            uid,
            (
                start.astimezone(zones[uid]).date() if isinstance(start, datetime) else start
            ).isoformat(),
        )
        for uid, start in _radicale_instances(radicale, collection)
    }
    mine_days = {(e["uid"], e["start"][:10]) for e in got}
    assert len(theirs) > 40
    assert sorted(mine_days - theirs) == [] and sorted(theirs - mine_days) == []
    mine = {(e["uid"], e["start"] if e["all_day"] else e["start_at"]) for e in got}
    assert mine == _reference_instances(list(files.values()))


async def test_vcards_read_back_like_radicale(client, org, radicale):
    await org.add_account("alice")
    book = "/alice/contacts/"
    mk = httpx.request(
        "MKCOL",
        radicale + book,
        auth=("alice", "x"),
        headers={"Content-Type": "application/xml"},
        content=b'<?xml version="1.0"?>'
        b'<D:mkcol xmlns:D="DAV:" xmlns:CR="urn:ietf:params:xml:ns:carddav">'
        b"<D:set><D:prop><D:resourcetype><D:collection/><CR:addressbook/></D:resourcetype>"
        b"</D:prop></D:set></D:mkcol>",
    )
    assert mk.status_code == 201, mk.text
    text = (FIXTURES / "contacts" / "contacts_4.vcf").read_text()
    people = [
        card
        for card in text.split("END:VCARD")
        if "BEGIN:VCARD" in card and "KIND:group" not in card
    ]
    theirs = set()
    for i, card in enumerate(people):
        body = (card.strip() + "\nEND:VCARD\n").encode()
        assert (
            httpx.put(
                f"{radicale}{book}{i}.vcf",
                content=body,
                auth=("alice", "x"),
                headers={"Content-Type": "text/vcard"},
            ).status_code
            == 201
        )
        stored = vobject.readOne(httpx.get(f"{radicale}{book}{i}.vcf", auth=("alice", "x")).text)
        theirs.add((stored.fn.value, tuple(sorted(e.value for e in stored.contents["email"]))))
    books = (
        await client.get(
            f"/v1/accounts/{ALICE}/contacts/address_books", headers=await org.headers()
        )
    ).json()
    book_id = books["data"][0]["id"]
    imported = await client.post(
        f"/v1/accounts/{ALICE}/contacts/address_books/{book_id}/import",
        content=text.encode(),
        headers={**await org.headers(), "Content-Type": "text/vcard"},
    )
    assert imported.status_code == 200, imported.text
    exported = await client.get(
        f"/v1/accounts/{ALICE}/contacts/address_books/{book_id}/export", headers=await org.headers()
    )
    mine = {
        (c.fn.value, tuple(sorted(e.value for e in c.contents["email"])))
        for c in vobject.readComponents(exported.text)
        if "email" in c.contents
    }
    assert mine == theirs
