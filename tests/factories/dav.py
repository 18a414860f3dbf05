"""Factories for DAV tests: a person with an app password, and raw WebDAV requests."""

from __future__ import annotations

import base64
from datetime import datetime, timedelta
from typing import Any

import httpx

from tests.factories.app_passwords import create_app_password
from tests.factories.platform import OrgHandle

PROPFIND_HOME = b"""<?xml version="1.0"?>
<d:propfind xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav"
  xmlns:card="urn:ietf:params:xml:ns:carddav" xmlns:cs="http://calendarserver.org/ns/">
  <d:prop><d:current-user-principal/><c:calendar-home-set/><card:addressbook-home-set/>
  <d:resourcetype/><d:displayname/><cs:getctag/><d:sync-token/><d:getetag/></d:prop>
</d:propfind>"""


async def dav_person(org: OrgHandle, local: str) -> tuple[str, str]:
    """(address, app password) of a new person of the organisation."""
    await org.add_account(local)
    address = f"{local}@{org.domain}"
    made = await create_app_password(org, address, "DAV client")
    return address, str(made["password"])


def basic(address: str, password: str) -> dict[str, str]:
    raw = base64.b64encode(f"{address}:{password}".encode()).decode()
    return {"Authorization": f"Basic {raw}"}


async def dav(
    client: httpx.AsyncClient,
    method: str,
    path: str,
    auth: dict[str, str],
    body: bytes | str = b"",
    **headers: Any,
) -> httpx.Response:
    data = body.encode() if isinstance(body, str) else body
    extra = {k.replace("_", "-"): str(v) for k, v in headers.items()}
    return await client.request(method, path, content=data, headers={**auth, **extra})


ZONES = ["Asia/Shanghai", "Europe/Berlin", "America/New_York", "UTC", "Asia/Tokyo"]
TITLES = ["项目评审", "周会", "客户拜访", "Standup", "预算讨论", "招聘面试"]


def event_ics(i: int, *, year: int = 2030, title: str | None = None) -> tuple[str, str]:
    """(uid, iCalendar text) of the i-th event of a test calendar: zones in turn, Chinese
    titles, and every tenth a weekly series of ten with its third instance moved."""
    uid = f"corpus-{i}@dav.test"
    zone = ZONES[i % len(ZONES)]
    month, day, hour = 1 + (i * 7) % 12, 1 + (i * 3) % 27, 8 + i % 9
    start = f"{year}{month:02d}{day:02d}T{hour:02d}0000"
    end = f"{year}{month:02d}{day:02d}T{hour:02d}4500"
    summary = title or f"{TITLES[i % len(TITLES)]} #{i}"

    def when(prop: str, value: str) -> str:
        return f"{prop}:{value}Z" if zone == "UTC" else f"{prop};TZID={zone}:{value}"

    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Mailplane tests//EN",
        "BEGIN:VEVENT",
        f"UID:{uid}",
        "DTSTAMP:20300101T000000Z",
        when("DTSTART", start),
        when("DTEND", end),
        f"SUMMARY:{summary}",
        f"LOCATION:会议室 {i % 7}",
    ]
    recurring = i % 10 == 0
    if recurring:
        lines.append("RRULE:FREQ=WEEKLY;COUNT=10")
    lines.append("END:VEVENT")
    if recurring:
        first = datetime.strptime(start, "%Y%m%dT%H%M%S")
        third = first + timedelta(weeks=2)
        moved = third + timedelta(hours=1)
        fmt = "%Y%m%dT%H%M%S"
        lines += [
            "BEGIN:VEVENT",
            f"UID:{uid}",
            "DTSTAMP:20300101T000000Z",
            when("RECURRENCE-ID", third.strftime(fmt)),
            when("DTSTART", moved.strftime(fmt)),
            when("DTEND", (moved + timedelta(minutes=45)).strftime(fmt)),
            f"SUMMARY:{summary}（改期）",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return uid, "\r\n".join(lines) + "\r\n"


def contact_vcf(i: int) -> tuple[str, str]:
    """(uid, vCard 3.0 text) of the i-th contact of a test address book."""
    uid = f"contact-{i}@dav.test"
    family, given = (
        ["王", "李", "张", "Smith", "刘"][i % 5],
        ["伟", "芳", "Anna", "强", "静"][i % 5],
    )
    text = (
        "BEGIN:VCARD\r\nVERSION:3.0\r\n"
        f"UID:{uid}\r\nFN:{family}{given} {i}\r\nN:{family};{given} {i};;;\r\n"
        f"EMAIL;TYPE=WORK:person{i}@partner.example\r\nTEL;TYPE=CELL:+86 138 0000 {i:04d}\r\n"
        "ORG:合作伙伴\r\nEND:VCARD\r\n"
    )
    return uid, text
