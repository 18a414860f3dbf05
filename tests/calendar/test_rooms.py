"""Rooms: administration, search, booking policies and `calendar.room.booked`."""

from __future__ import annotations

import pytest

from tests.factories.calendar import cal, events_of, make_event, make_room, window
from tests.factories.platform import user_tokens

ALICE, BOB = "alice@acme.test", "bob@acme.test"
# Within the rooms' booking windows (a year by default) from when these tests were written.
SLOT = {"start": "2027-03-04T09:00:00", "end": "2027-03-04T10:00:00"}


@pytest.fixture
async def people(org):
    return await org.add_account("alice"), await org.add_account("bob")


def _room_response(event: dict, room_id: str) -> str:
    return next(a["response"] for a in event["attendees"] if a["room_id"] == room_id)


async def test_admin_creates_and_everyone_searches(client, org, people):
    await make_room(org, name="Everest", capacity=12, building="HQ", floor="5", equipment=["video"])
    await make_room(org, name="Tiny", capacity=2, building="Annex")
    await make_room(org, name="Projector", kind="resource", capacity=0)
    h = await org.headers("calendar:read")
    big = await client.get("/v1/calendar/rooms", headers=h, params={"min_capacity": 10})
    assert [r["name"] for r in big.json()["data"]] == ["Everest"]
    q = await client.get("/v1/calendar/rooms", headers=h, params={"q": "annex"})
    assert [r["name"] for r in q.json()["data"]] == ["Tiny"]
    res = await client.get("/v1/calendar/rooms", headers=h, params={"kind": "resource"})
    assert [r["name"] for r in res.json()["data"]] == ["Projector"]


async def test_members_cannot_manage_rooms(client, org, people):
    tokens = await user_tokens(org, ALICE, "calendar:read calendar:write")
    h = {"Authorization": f"Bearer {tokens['access_token']}"}
    resp = await client.post("/v1/calendar/rooms", headers=h, json={"name": "Mine"})
    assert resp.status_code == 403
    listed = await client.get("/v1/calendar/rooms", headers=h)
    assert listed.status_code == 200


async def test_room_address_must_be_unique_and_not_an_account(client, org, people):
    await make_room(org, name="A", address="room-a@acme.test")
    h = await org.headers()
    dup = await client.post(
        "/v1/calendar/rooms", headers=h, json={"name": "B", "address": "ROOM-A@acme.test"}
    )
    assert dup.status_code == 409
    clash = await client.post("/v1/calendar/rooms", headers=h, json={"name": "C", "address": ALICE})
    assert clash.status_code == 409


async def test_auto_accept_when_free_and_decline_on_conflict(client, org, people):
    room = await make_room(org, name="Everest", address="everest@acme.test")
    first = await make_event(
        org, ALICE, **SLOT, attendees=[{"room_id": room["id"]}, {"address": BOB}]
    )
    assert _room_response(first, room["id"]) == "accepted"
    booked = await events_of(org, "calendar.room.booked")
    assert booked[-1]["room_id"] == room["id"] and booked[-1]["id"] == first["id"]
    # booking by address works too, and overlapping is declined
    clash = await make_event(
        org,
        BOB,
        start="2027-03-04T09:30:00",
        end="2027-03-04T10:30:00",
        attendees=[{"address": "everest@acme.test"}],
    )
    assert _room_response(clash, room["id"]) == "declined"
    assert len(await events_of(org, "calendar.room.booked")) == 1
    bookings = await client.get(
        f"/v1/calendar/rooms/{room['id']}/bookings",
        headers=await org.headers(),
        params={"start": "2027-03-01T00:00:00Z", "end": "2027-03-31T00:00:00Z"},
    )
    assert [b["uid"] for b in bookings.json()["data"]] == [first["uid"]]
    # the room is busy in free/busy
    fb = await client.post(
        "/v1/calendar/freebusy",
        headers=await org.headers(),
        json={
            "start": "2027-03-04T00:00:00Z",
            "end": "2027-03-05T00:00:00Z",
            "attendees": [room["id"]],
        },
    )
    assert fb.json()["schedules"][0]["type"] == "room"
    assert fb.json()["schedules"][0]["busy"][0]["start"] == "2027-03-04T09:00:00Z"


async def test_recurring_booking_conflicting_with_one_instance_is_declined(client, org, people):
    room = await make_room(org)
    await make_event(
        org,
        ALICE,
        start="2027-03-18T09:00:00",
        end="2027-03-18T10:00:00",
        attendees=[{"room_id": room["id"]}],
    )
    weekly = await make_event(
        org,
        BOB,
        start="2027-03-04T09:00:00",
        end="2027-03-04T10:00:00",
        recurrence={"rrule": "FREQ=WEEKLY;COUNT=4"},
        attendees=[{"room_id": room["id"]}],
    )
    assert _room_response(weekly, room["id"]) == "declined"


async def test_cancelling_frees_the_room(client, org, people):
    room = await make_room(org)
    ev = await make_event(org, ALICE, **SLOT, attendees=[{"room_id": room["id"]}])
    await client.delete(cal(ALICE, f"/events/{ev['id']}"), headers=await org.headers())
    again = await make_event(org, BOB, **SLOT, attendees=[{"room_id": room["id"]}])
    assert _room_response(again, room["id"]) == "accepted"


async def test_conflicts_allowed_room_accepts_overlaps(client, org, people):
    room = await make_room(org, allow_conflicts=True)
    await make_event(org, ALICE, **SLOT, attendees=[{"room_id": room["id"]}])
    second = await make_event(org, BOB, **SLOT, attendees=[{"room_id": room["id"]}])
    assert _room_response(second, room["id"]) == "accepted"


async def test_max_duration_and_booking_window(client, org, people):
    room = await make_room(org, max_duration_minutes=60, booking_window_days=1095)
    long = await make_event(
        org,
        ALICE,
        start="2027-03-04T09:00:00",
        end="2027-03-04T11:00:00",
        attendees=[{"room_id": room["id"]}],
    )
    assert _room_response(long, room["id"]) == "declined"
    assert "at most 60 minutes" in next(a["comment"] for a in long["attendees"])
    far = await make_event(
        org,
        ALICE,
        start="2040-03-04T09:00:00",
        end="2040-03-04T10:00:00",
        attendees=[{"room_id": room["id"]}],
    )
    assert _room_response(far, room["id"]) == "declined"


async def test_approval_room_waits_for_a_delegate(client, org, people):
    alice, bob = people
    room = await make_room(org, booking_policy="approval", delegates=[BOB])
    assert room["delegates"] == [bob.id]
    ev = await make_event(org, ALICE, **SLOT, attendees=[{"room_id": room["id"]}])
    assert _room_response(ev, room["id"]) == "needs_action"
    pending = await client.get(
        f"/v1/calendar/rooms/{room['id']}/bookings",
        headers=await org.headers(),
        params={
            "start": "2027-03-01T00:00:00Z",
            "end": "2027-03-31T00:00:00Z",
            "status": "pending",
        },
    )
    booking_id = pending.json()["data"][0]["id"]
    alice_token = await user_tokens(org, ALICE, "calendar:read calendar:write")
    denied = await client.post(
        f"/v1/calendar/rooms/{room['id']}/bookings/{booking_id}/respond",
        headers={"Authorization": f"Bearer {alice_token['access_token']}"},
        json={"response": "accepted"},
    )
    assert denied.status_code == 403
    bob_token = await user_tokens(org, BOB, "calendar:read calendar:write")
    ok = await client.post(
        f"/v1/calendar/rooms/{room['id']}/bookings/{booking_id}/respond",
        headers={"Authorization": f"Bearer {bob_token['access_token']}"},
        json={"response": "accepted"},
    )
    assert ok.status_code == 200, ok.text
    mine = await window(org, ALICE, "2027-03-01T00:00:00Z", "2027-03-31T00:00:00Z")
    assert _room_response(mine[0], room["id"]) == "accepted"
    assert (await events_of(org, "calendar.room.booked"))[-1]["room_id"] == room["id"]


async def test_approval_room_needs_a_delegate(client, org, people):
    resp = await client.post(
        "/v1/calendar/rooms",
        headers=await org.headers(),
        json={"name": "X", "booking_policy": "approval"},
    )
    assert resp.status_code == 422 and resp.json()["param"] == "delegates"


async def test_unknown_room_is_422(client, org, people):
    resp = await client.post(
        cal(ALICE, "/events"),
        headers=await org.headers(),
        json={
            "start": "2027-01-01T09:00:00",
            "end": "2027-01-01T10:00:00",
            "time_zone": "UTC",
            "attendees": [{"room_id": "room_nope"}],
        },
    )
    assert resp.status_code == 422 and resp.json()["param"] == "attendees[0].room_id"


async def test_update_and_delete_room_with_etag(client, org, people):
    room = await make_room(org)
    h = await org.headers()
    got = await client.get(f"/v1/calendar/rooms/{room['id']}", headers=h)
    etag = got.headers["etag"]
    ok = await client.patch(
        f"/v1/calendar/rooms/{room['id']}",
        headers={**h, "If-Match": etag},
        json={"capacity": 20, "equipment": ["whiteboard"]},
    )
    assert ok.status_code == 200 and ok.json()["capacity"] == 20
    stale = await client.patch(
        f"/v1/calendar/rooms/{room['id']}", headers={**h, "If-Match": etag}, json={"capacity": 1}
    )
    assert stale.status_code == 412
    assert (await client.delete(f"/v1/calendar/rooms/{room['id']}", headers=h)).status_code == 204
    assert (await client.get(f"/v1/calendar/rooms/{room['id']}", headers=h)).status_code == 404
