"""Factories for calendar and contacts tests: people, events, rooms, and the jobs iMIP queues."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from sqlalchemy import select

from api.storage.models import Event, Job
from tests.factories.platform import OrgHandle

BASE = "/v1/accounts/{who}/calendar"


def future_wednesday(today: date) -> date:
    """A Wednesday 7 to 13 days after `today`: a working day (Monday to Friday) whatever the
    weekday the suite runs on, and in the future, inside booking windows. Tests that book
    against a live server (whose clock they cannot set) use it instead of `today + n`."""
    return today + timedelta(days=7 + (2 - today.weekday()) % 7)


def cal(who: str, path: str = "") -> str:
    return BASE.format(who=who) + path


async def make_event(org: OrgHandle, who: str, **fields: Any) -> dict[str, Any]:
    body = {
        "title": "Sync",
        "start": "2030-03-04T09:00:00",
        "end": "2030-03-04T10:00:00",
        "time_zone": "UTC",
        **fields,
    }
    resp = await org.client.post(cal(who, "/events"), json=body, headers=await org.headers())
    assert resp.status_code == 201, resp.text
    return dict(resp.json())


async def make_room(org: OrgHandle, **fields: Any) -> dict[str, Any]:
    body = {
        "name": "Room A",
        "capacity": 8,
        "building": "HQ",
        "floor": "3",
        "booking_window_days": 1095,
        **fields,
    }
    resp = await org.client.post("/v1/calendar/rooms", json=body, headers=await org.headers())
    assert resp.status_code == 201, resp.text
    return dict(resp.json())


async def window(
    org: OrgHandle, who: str, start: str, end: str, **params: Any
) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    cursor = None
    while True:
        query = {"start": start, "end": end, "limit": 500, **params}
        if cursor:
            query["cursor"] = cursor
        resp = await org.client.get(cal(who, "/events"), params=query, headers=await org.headers())
        assert resp.status_code == 200, resp.text
        out += resp.json()["data"]
        cursor = resp.json()["next_cursor"]
        if not cursor:
            return out


async def imip_jobs(org: OrgHandle, method: str | None = None) -> list[dict[str, Any]]:
    async with org.runtime.db.session(write=False) as session:
        rows = (
            (
                await session.execute(
                    select(Job)
                    .where(Job.kind == "calendar.imip.send", Job.org_id == org.id)
                    .order_by(Job.created_at, Job.id)
                )
            )
            .scalars()
            .all()
        )
    payloads = [dict(r.payload) for r in rows]
    return [p for p in payloads if method is None or p["method"] == method]


async def events_of(org: OrgHandle, type_: str) -> list[dict[str, Any]]:
    async with org.runtime.db.session(write=False) as session:
        rows = (
            (
                await session.execute(
                    select(Event)
                    .where(Event.org_id == org.id, Event.type == type_)
                    .order_by(Event.sequence)
                )
            )
            .scalars()
            .all()
        )
    return [dict(r.data) for r in rows]


# ---- tenant-isolation victims (tests/isolation.py) -------------------------------------

VICTIM = "admin@acme.test"  # the victim organisation's admin account
ATTACKER = "admin@globex.test"  # the attacker's own account: it exists, the resource does not


async def victim_calendar(org: OrgHandle) -> str:
    resp = await org.client.get(cal(VICTIM, "/calendars"), headers=await org.headers())
    return str(resp.json()["data"][0]["id"])


async def victim_event(org: OrgHandle) -> str:
    return str((await make_event(org, VICTIM))["id"])


async def victim_room(org: OrgHandle) -> str:
    return str((await make_room(org))["id"])


async def victim_contact(org: OrgHandle) -> str:
    resp = await org.client.post(
        f"/v1/accounts/{VICTIM}/contacts",
        headers=await org.headers(),
        json={"display_name": "Victim"},
    )
    return str(resp.json()["id"])


async def victim_address_book(org: OrgHandle) -> str:
    resp = await org.client.post(
        f"/v1/accounts/{VICTIM}/contacts/address_books",
        headers=await org.headers(),
        json={"name": "Victim"},
    )
    return str(resp.json()["id"])


async def victim_contact_group(org: OrgHandle) -> str:
    resp = await org.client.post(
        f"/v1/accounts/{VICTIM}/contacts/groups",
        headers=await org.headers(),
        json={"name": "Victim"},
    )
    return str(resp.json()["id"])


CAL_V = f"/v1/accounts/{VICTIM}/calendar"
CAL_A = f"/v1/accounts/{ATTACKER}/calendar"
CON_V = f"/v1/accounts/{VICTIM}/contacts"
CON_A = f"/v1/accounts/{ATTACKER}/contacts"
ACC = f'account: "{ATTACKER}"'

CALENDAR_ROUTES = [
    ("GET", CAL_V + "/calendars/{id}"),
    ("PATCH", CAL_A + "/calendars/{id}", {"name": "pwned"}),
    ("DELETE", CAL_A + "/calendars/{id}"),
    ("POST", CAL_A + "/calendars/{id}/shares", {"account": ATTACKER, "level": "write"}),
    ("POST", CAL_A + "/calendars/{id}/feed", {}),
    ("DELETE", CAL_A + "/calendars/{id}/feed"),
    ("POST", CAL_A + "/calendars/{id}/import", {}),
]
CALENDAR_GRAPHQL = [
    f'mutation($id: ID!) {{ updateCalendar({ACC}, id: $id, input: {{name: "pwned"}}) {{ id }} }}',
    f"mutation($id: ID!) {{ deleteCalendar({ACC}, id: $id) }}",
]
EVENT_ROUTES = [
    ("GET", CAL_V + "/events/{id}"),
    ("PATCH", CAL_A + "/events/{id}", {"title": "pwned"}),
    ("DELETE", CAL_A + "/events/{id}"),
    ("POST", CAL_A + "/events/{id}/respond", {"response": "accepted"}),
]
EVENT_GRAPHQL = [
    f"query($id: ID!) {{ calendarEvent({ACC}, id: $id) {{ id }} }}",
    f"mutation($id: ID!) {{ updateCalendarEvent({ACC}, id: $id, "
    f'input: {{title: "pwned"}}) {{ id }} }}',
    f"mutation($id: ID!) {{ cancelCalendarEvent({ACC}, id: $id) }}",
    f"mutation($id: ID!) {{ respondToCalendarEvent({ACC}, id: $id, "
    f'response: "accepted") {{ id }} }}',
]
ROOM_ROUTES = [
    ("GET", "/v1/calendar/rooms/{id}"),
    ("PATCH", "/v1/calendar/rooms/{id}", {"name": "pwned"}),
    ("DELETE", "/v1/calendar/rooms/{id}"),
    ("POST", "/v1/calendar/rooms/{id}/bookings/cev_x/respond", {"response": "accepted"}),
]
ROOM_GRAPHQL = [
    "query($id: ID!) { room(id: $id) { id } }",
    'mutation($id: ID!) { updateRoom(id: $id, input: {name: "pwned"}) { id } }',
    "mutation($id: ID!) { deleteRoom(id: $id) }",
]
CONTACT_ROUTES = [
    ("GET", CON_V + "/{id}"),
    ("GET", CON_V + "/{id}/vcard"),
    ("PATCH", CON_A + "/{id}", {"nickname": "pwned"}),
    ("DELETE", CON_A + "/{id}"),
    ("PUT", CON_A + "/{id}/photo", {}),
    ("DELETE", CON_A + "/{id}/photo"),
]
CONTACT_GRAPHQL = [
    f"query($id: ID!) {{ contact({ACC}, id: $id) {{ id }} }}",
    f"mutation($id: ID!) {{ updateContact({ACC}, id: $id, "
    f'input: {{nickname: "pwned"}}) {{ id }} }}',
    f"mutation($id: ID!) {{ deleteContact({ACC}, id: $id) }}",
]
ADDRESS_BOOK_ROUTES = [
    ("GET", CON_V + "/address_books/{id}"),
    ("PATCH", CON_A + "/address_books/{id}", {"name": "pwned"}),
    ("DELETE", CON_A + "/address_books/{id}"),
    ("POST", CON_A + "/address_books/{id}/import", {}),
]
ADDRESS_BOOK_GRAPHQL = [f"mutation($id: ID!) {{ deleteAddressBook({ACC}, id: $id) }}"]
CONTACT_GROUP_ROUTES = [
    ("GET", CON_V + "/groups/{id}"),
    ("PATCH", CON_A + "/groups/{id}", {"name": "pwned"}),
    ("DELETE", CON_A + "/groups/{id}"),
]
CONTACT_GROUP_GRAPHQL = [
    f"mutation($id: ID!) {{ updateContactGroup({ACC}, id: $id, "
    f'input: {{name: "pwned"}}) {{ id }} }}',
    f"mutation($id: ID!) {{ deleteContactGroup({ACC}, id: $id) }}",
]
