"""Real-world exports the calendar and contacts tests already use (Outlook with a Windows zone
and EXDATE, Google with an override, Apple) written through CalDAV/CardDAV and read back
semantically equal: same instants, rules, exceptions, people and names."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import icalendar
import pytest
import vobject

from tests.dav.test_protocol import NS, _default_calendar, _tree
from tests.factories.dav import PROPFIND_HOME, basic, dav, dav_person

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
CALENDARS = [
    "outlook_recurring_request.ics",
    "outlook_request.ics",
    "google_request.ics",
    "apple_request.ics",
]


@pytest.fixture
async def alice(org):
    address, password = await dav_person(org, "alice")
    return address, basic(address, password)


def _instant(value: date | datetime) -> date | datetime:
    if isinstance(value, datetime) and value.tzinfo is not None:
        return value.astimezone(UTC).replace(microsecond=0)
    return value


def _summary(text: bytes | str) -> dict[str, dict[str, object]]:
    out = {}
    for v in icalendar.Calendar.from_ical(text).walk("VEVENT"):
        rid = v.get("RECURRENCE-ID")
        key = str(_instant(rid.dt)) if rid is not None else ""
        exdates = v.get("EXDATE") or []
        exdates = exdates if isinstance(exdates, list) else [exdates]
        out[key] = {
            "uid": str(v["UID"]),
            "start": _instant(v.decoded("DTSTART")),
            "end": _instant(v.decoded("DTEND")),
            "summary": str(v.get("SUMMARY", "")),
            "location": str(v.get("LOCATION", "")),
            "rrule": dict(v["RRULE"]) if v.get("RRULE") else None,
            "exdates": sorted(str(_instant(d.dt)) for e in exdates for d in e.dts),
            "organizer": str(v.get("ORGANIZER", "")).lower().removeprefix("mailto:"),
            "attendees": sorted(
                str(a).lower().removeprefix("mailto:")
                for a in (
                    v.get("ATTENDEE")
                    if isinstance(v.get("ATTENDEE"), list)
                    else [v.get("ATTENDEE")]
                    if v.get("ATTENDEE")
                    else []
                )
            ),
        }
    return out


def _normalised_rrule(rule: dict | None) -> dict | None:
    if rule is None:
        return None
    out = {k: v for k, v in rule.items() if k != "WKST"}
    if "UNTIL" in out:
        out["UNTIL"] = [_instant(u) for u in out["UNTIL"]]
    if out.get("INTERVAL") == [1]:
        out.pop("INTERVAL")
    return out


@pytest.mark.parametrize("name", CALENDARS)
async def test_calendar_exports_round_trip(client, alice, name):
    address, auth = alice
    home = await _default_calendar(client, alice)
    text = (FIXTURES / "calendar" / name).read_text()
    text = "\n".join(line for line in text.splitlines() if not line.startswith("METHOD:")) + "\n"
    resp = await dav(client, "PUT", home + name, auth, text, Content_Type="text/calendar")
    assert resp.status_code == 201, resp.text
    got = await dav(client, "GET", home + name, auth)
    assert got.status_code == 200 and got.headers["etag"] == resp.headers["etag"]
    sent, back = _summary(text), _summary(got.content)
    assert sent.keys() == back.keys()
    for key in sent:
        a, b = dict(sent[key]), dict(back[key])
        a["rrule"], b["rrule"] = _normalised_rrule(a["rrule"]), _normalised_rrule(b["rrule"])
        assert a == b, (name, key)


def _emails(card) -> list[str]:
    return sorted(e.value.lower() for e in card.contents.get("email", []))


def _phones(card) -> list[str]:
    return sorted(
        "".join(ch for ch in t.value if ch.isdigit()) for t in card.contents.get("tel", [])
    )


@pytest.mark.parametrize("name", ["apple_contacts_3.vcf", "contacts_4.vcf"])
async def test_vcard_exports_round_trip(client, alice, name):
    address, auth = alice
    resp = await dav(
        client, "PROPFIND", f"/dav/addressbooks/{address}/", auth, PROPFIND_HOME, Depth=1
    )
    book = next(
        r.findtext("d:href", namespaces=NS)
        for r in _tree(resp).findall("d:response", NS)
        if r.find(".//card:addressbook", NS) is not None
        and "/gal/" not in r.findtext("d:href", namespaces=NS)
    )
    text = (FIXTURES / "contacts" / name).read_text().replace("\r\n", "\n")
    raw_cards = [
        "BEGIN:VCARD" + c.split("END:VCARD")[0] + "END:VCARD\n"
        for c in text.split("BEGIN:VCARD")[1:]
    ]
    for i, raw in enumerate(raw_cards):
        card = vobject.readOne(raw)
        kind = card.contents.get("kind") or card.contents.get("x-addressbookserver-kind")
        if kind and kind[0].value.lower() == "group":
            continue
        resp = await dav(client, "PUT", f"{book}{i}.vcf", auth, raw)
        assert resp.status_code == 201, resp.text
        back = vobject.readOne((await dav(client, "GET", f"{book}{i}.vcf", auth)).text)
        assert back.fn.value == card.fn.value
        assert back.uid.value == card.uid.value
        assert _emails(back) == _emails(card)
        assert _phones(back) == _phones(card)
        if "org" in card.contents:
            assert back.org.value[0] == card.org.value[0]
