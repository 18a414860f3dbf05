"""iCalendar import/export and the secret feed; malformed files name the line and import nothing."""

from __future__ import annotations

from pathlib import Path

import icalendar
import pytest

from tests.factories.calendar import cal, make_event, window

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "calendar"
ALICE = "alice@acme.test"
ICS = {"Content-Type": "text/calendar"}


@pytest.fixture
async def calendar_id(client, org):
    await org.add_account("alice")
    resp = await client.get(cal(ALICE, "/calendars"), headers=await org.headers())
    return resp.json()["data"][0]["id"]


async def _import(client, org, calendar_id, body: bytes):
    return await client.post(
        cal(ALICE, f"/calendars/{calendar_id}/import"),
        content=body,
        headers={**await org.headers(), **ICS},
    )


GOOD = b"""BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//test//EN
BEGIN:VEVENT
UID:one@test
DTSTART;TZID=Asia/Shanghai:20300105T090000
DTEND;TZID=Asia/Shanghai:20300105T100000
SUMMARY:First
END:VEVENT
BEGIN:VEVENT
UID:two@test
DTSTART;VALUE=DATE:20300106
SUMMARY:All day
END:VEVENT
END:VCALENDAR
"""


async def test_import_then_export_round_trips(client, org, calendar_id):
    resp = await _import(client, org, calendar_id, GOOD)
    assert resp.status_code == 200, resp.text
    assert resp.json()["created"] == 2
    again = await _import(client, org, calendar_id, GOOD.replace(b"First", b"First v2"))
    assert again.json() == {**again.json(), "created": 0, "updated": 2}
    got = await window(org, ALICE, "2030-01-01T00:00:00Z", "2030-01-10T00:00:00Z")
    assert [(g["title"], g["start"]) for g in got] == [
        ("First v2", "2030-01-05T09:00:00+08:00"),
        ("All day", "2030-01-06"),
    ]
    exported = await client.get(
        cal(ALICE, f"/calendars/{calendar_id}/export"), headers=await org.headers()
    )
    assert exported.headers["content-type"].startswith("text/calendar")
    parsed = icalendar.Calendar.from_ical(exported.content)
    assert sorted(str(e["UID"]) for e in parsed.walk("VEVENT")) == ["one@test", "two@test"]
    assert parsed.walk("VTIMEZONE")[0]["TZID"] == "Asia/Shanghai"


async def test_import_windows_zones_and_overrides_from_outlook_and_google(client, org, calendar_id):
    for name in ("outlook_recurring_request.ics", "google_request.ics", "apple_request.ics"):
        resp = await _import(client, org, calendar_id, (FIXTURES / name).read_bytes())
        assert resp.status_code == 200, resp.text
    got = await window(org, ALICE, "2030-03-11T00:00:00Z", "2030-03-14T00:00:00Z")
    assert [(g["title"], g["start"]) for g in got] == [
        ("Vendor call", "2030-03-11T09:00:00-07:00"),
        ("Design sync (afternoon)", "2030-03-13T14:00:00-07:00"),
    ]


@pytest.mark.parametrize(
    ("body", "line", "words"),
    [
        (
            b"BEGIN:VCALENDAR\nVERSION:2.0\nthis is not a content line\nEND:VCALENDAR\n",
            3,
            "NAME:value",
        ),
        (
            b"BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:x\nDTSTART:20300101T100000Z\nEND:VCALENDAR\n",
            5,
            "closes",
        ),
        (
            b"BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:x\nDTSTART:20300101T100000Z\nEND:VEVENT\n",
            1,
            "never closed",
        ),
        (b"BEGIN:VCARD\nEND:VCARD\n", 1, "BEGIN:VCALENDAR"),
        (
            b"BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:x\nSUMMARY:no start\nEND:VEVENT\nEND:VCALENDAR\n",
            2,
            "DTSTART",
        ),
        (
            b"BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:x\nDTSTART;TZID=Mars/Base:20300101T100000\n"
            b"END:VEVENT\nEND:VCALENDAR\n",
            4,
            "unknown time zone",
        ),
        (
            b"BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:x\nDTSTART:20300101T100000Z\nRRULE:FREQ=FORTNIGHTLY\n"
            b"END:VEVENT\nEND:VCALENDAR\n",
            5,
            "RRULE",
        ),
        (
            b"BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:x\nDTSTART:20300101T100000Z\nDTEND:20290101T100000Z\n"
            b"END:VEVENT\nEND:VCALENDAR\n",
            5,
            "DTEND",
        ),
        (
            b"BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:x\nDTSTART:20300101T100000Z\nEND:VEVENT\nEND:VCALENDAR\n\xff\n",
            7,
            "UTF-8",
        ),
    ],
)
async def test_malformed_files_are_422_naming_the_line(client, org, calendar_id, body, line, words):
    resp = await _import(client, org, calendar_id, body)
    assert resp.status_code == 422, resp.text
    assert resp.json()["line"] == line
    assert f"Line {line}" in resp.json()["detail"] and words in resp.json()["detail"]


async def test_nothing_is_half_imported(client, org, calendar_id):
    body = GOOD.replace(
        b"END:VCALENDAR\n",
        b"BEGIN:VEVENT\nUID:bad@test\nDTSTART:2030010\nEND:VEVENT\nEND:VCALENDAR\n",
    )
    resp = await _import(client, org, calendar_id, body)
    assert resp.status_code == 422
    assert resp.json()["line"] == 17  # the DTSTART of the third event
    assert await window(org, ALICE, "2029-12-01T00:00:00Z", "2030-12-01T00:00:00Z") == []


async def test_oversized_import_is_413(client, org, calendar_id):
    event = (
        b"BEGIN:VEVENT\nUID:%d\nDTSTART:20300101T100000Z\nSUMMARY:" + b"x" * 200 + b"\nEND:VEVENT\n"
    )
    body = (
        b"BEGIN:VCALENDAR\n"
        + b"".join(event.replace(b"%d", str(i).encode()) for i in range(6000))
        + b"END:VCALENDAR\n"
    )
    resp = await _import(client, org, calendar_id, body)
    assert resp.status_code == 413


async def test_too_many_events_is_413(client, org, calendar_id):
    event = b"BEGIN:VEVENT\nDTSTART:20300101T100000Z\nEND:VEVENT\n"
    resp = await _import(
        client, org, calendar_id, b"BEGIN:VCALENDAR\n" + event * 10_001 + b"END:VCALENDAR\n"
    )
    assert resp.status_code == 413


async def test_infinite_recurrence_imports_and_is_only_expanded_in_windows(
    client, org, calendar_id
):
    body = (
        b"BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:forever@test\nDTSTART:20000101T100000Z\n"
        b"DTEND:20000101T110000Z\nRRULE:FREQ=DAILY\nEND:VEVENT\nEND:VCALENDAR\n"
    )
    assert (await _import(client, org, calendar_id, body)).status_code == 200
    assert len(await window(org, ALICE, "2035-06-01T00:00:00Z", "2035-06-08T00:00:00Z")) == 7
    exported = await client.get(
        cal(ALICE, f"/calendars/{calendar_id}/export"), headers=await org.headers()
    )
    assert b"RRULE:FREQ=DAILY" in exported.content


async def test_feed_url_is_secret_and_revocable(client, org, calendar_id):
    await make_event(org, ALICE, title="Standup")
    h = await org.headers()
    feed = await client.post(cal(ALICE, f"/calendars/{calendar_id}/feed"), headers=h)
    assert feed.status_code == 201
    url = feed.json()["url"]
    path = url.split("testserver", 1)[1]
    public = await client.get(path)
    assert public.status_code == 200 and b"SUMMARY:Standup" in public.content
    assert (await client.get(path.replace("calfeed_", "calfeed_x"))).status_code == 404
    reissued = await client.post(cal(ALICE, f"/calendars/{calendar_id}/feed"), headers=h)
    assert (await client.get(path)).status_code == 404
    new_path = reissued.json()["url"].split("testserver", 1)[1]
    assert (await client.get(new_path)).status_code == 200
    assert (
        await client.delete(cal(ALICE, f"/calendars/{calendar_id}/feed"), headers=h)
    ).status_code == 204
    assert (await client.get(new_path)).status_code == 404
