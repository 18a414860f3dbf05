"""Free/busy across people and rooms, and finding a time."""

from __future__ import annotations

import pytest

from tests.factories.calendar import cal, make_event, make_room

ALICE, BOB = "alice@acme.test", "bob@acme.test"
FB = "/v1/calendar/freebusy"


@pytest.fixture
async def people(org):
    return await org.add_account("alice"), await org.add_account("bob")


async def test_busy_intervals_expand_recurrence_and_hide_details(client, org, people):
    alice, _ = people
    await make_event(
        org,
        ALICE,
        title="Secret",
        start="2030-01-06T09:00:00",
        end="2030-01-06T10:00:00",
        time_zone="Asia/Shanghai",
        recurrence={"rrule": "FREQ=DAILY;COUNT=3"},
    )
    await make_event(
        org,
        ALICE,
        title="Maybe",
        status="tentative",
        start="2030-01-07T14:00:00",
        end="2030-01-07T15:00:00",
        time_zone="Asia/Shanghai",
    )
    await make_event(
        org,
        ALICE,
        title="Reminder",
        transparency="transparent",
        start="2030-01-07T16:00:00",
        end="2030-01-07T17:00:00",
        time_zone="Asia/Shanghai",
    )
    resp = await client.post(
        FB,
        headers=await org.headers("calendar:read"),
        json={
            "start": "2030-01-06T00:00:00+08:00",
            "end": "2030-01-09T00:00:00+08:00",
            "attendees": [ALICE, alice.id, "nobody@acme.test"],
        },
    )
    assert resp.status_code == 200, resp.text
    first, by_id, missing = resp.json()["schedules"]
    assert first["type"] == "account" and first["id"] == alice.id
    assert [(b["start"], b["status"]) for b in first["busy"]] == [
        ("2030-01-06T01:00:00Z", "busy"),
        ("2030-01-07T01:00:00Z", "busy"),
        ("2030-01-07T06:00:00Z", "tentative"),
        ("2030-01-08T01:00:00Z", "busy"),
    ]
    assert by_id["busy"] == first["busy"]
    assert missing["error"] == "not_found" and missing["busy"] == []
    assert "Secret" not in resp.text


async def test_overlapping_events_merge(client, org, people):
    await make_event(org, ALICE, start="2030-01-06T09:00:00", end="2030-01-06T10:30:00")
    await make_event(org, ALICE, start="2030-01-06T10:00:00", end="2030-01-06T11:00:00")
    resp = await client.post(
        FB,
        headers=await org.headers(),
        json={"start": "2030-01-06T00:00:00Z", "end": "2030-01-07T00:00:00Z", "attendees": [ALICE]},
    )
    assert resp.json()["schedules"][0]["busy"] == [
        {"start": "2030-01-06T09:00:00Z", "end": "2030-01-06T11:00:00Z", "status": "busy"}
    ]


async def test_limits_are_enforced(client, org, people):
    h = await org.headers()
    too_long = await client.post(
        FB,
        headers=h,
        json={"start": "2030-01-01T00:00:00Z", "end": "2030-03-05T00:00:00Z", "attendees": [ALICE]},
    )
    assert too_long.status_code == 422 and too_long.json()["param"] == "end"
    too_many = await client.post(
        FB,
        headers=h,
        json={
            "start": "2030-01-01T00:00:00Z",
            "end": "2030-01-02T00:00:00Z",
            "attendees": [f"u{i}@acme.test" for i in range(101)],
        },
    )
    assert too_many.status_code == 422
    naive = await client.post(
        FB,
        headers=h,
        json={"start": "2030-01-01T00:00:00", "end": "2030-01-02T00:00:00", "attendees": [ALICE]},
    )
    assert naive.status_code == 422
    no_scope = await client.post(
        FB,
        headers=await org.headers("contacts:read"),
        json={"start": "2030-01-01T00:00:00Z", "end": "2030-01-02T00:00:00Z", "attendees": [ALICE]},
    )
    assert no_scope.status_code == 403


async def test_other_organisations_people_are_not_found(client, org, other_org, people):
    await other_org.add_account("eve")
    await make_event(org, ALICE)
    resp = await client.post(
        FB,
        headers=await other_org.headers(),
        json={
            "start": "2030-03-01T00:00:00Z",
            "end": "2030-03-31T00:00:00Z",
            "attendees": [ALICE, people[0].id],
        },
    )
    assert [s["error"] for s in resp.json()["schedules"]] == ["not_found", "not_found"]


async def test_find_a_time_avoids_busy_people_and_picks_a_free_room(client, org, people):
    await org.add_account("carol")
    room_a = await make_room(org, name="A")
    room_b = await make_room(org, name="B")
    # Monday 2027-01-04 (Shanghai): alice busy 09-10, bob 10-12; carol holds room A 12-13
    await make_event(
        org,
        ALICE,
        start="2027-01-04T09:00:00",
        end="2027-01-04T10:00:00",
        time_zone="Asia/Shanghai",
    )
    await make_event(
        org, BOB, start="2027-01-04T10:00:00", end="2027-01-04T12:00:00", time_zone="Asia/Shanghai"
    )
    held = await make_event(
        org,
        "carol@acme.test",
        start="2027-01-04T12:00:00",
        end="2027-01-04T13:00:00",
        time_zone="Asia/Shanghai",
        attendees=[{"room_id": room_a["id"]}],
    )
    assert held["attendees"][0]["response"] == "accepted"
    resp = await client.post(
        FB + "/find",
        headers=await org.headers(),
        json={
            "attendees": [ALICE, BOB, "ghost@acme.test"],
            "rooms": [room_a["id"], room_b["id"]],
            "duration_minutes": 60,
            "start": "2027-01-02T00:00:00+08:00",
            "end": "2027-01-05T00:00:00+08:00",
            "working_hours": {"start": "09:00", "end": "14:00", "time_zone": "Asia/Shanghai"},
            "step_minutes": 60,
            "max_results": 3,
        },
    )
    assert resp.status_code == 200, resp.text
    body = resp.json()
    assert body["unavailable"] == ["ghost@acme.test"]
    # the weekend is skipped; 09-12 are taken by people; at 12 room A is held, so B; at 13 A is free
    assert [(s["start"], s["room_id"]) for s in body["suggestions"]] == [
        ("2027-01-04T04:00:00Z", room_b["id"]),
        ("2027-01-04T05:00:00Z", room_a["id"]),
    ]


async def test_find_a_time_rejects_bad_working_hours(client, org, people):
    resp = await client.post(
        FB + "/find",
        headers=await org.headers(),
        json={
            "attendees": [ALICE],
            "duration_minutes": 30,
            "start": "2030-01-05T00:00:00Z",
            "end": "2030-01-08T00:00:00Z",
            "working_hours": {"start": "18:00", "end": "09:00"},
        },
    )
    assert resp.status_code == 422


async def test_shared_freebusy_level_cannot_read_event_details(client, org, people):
    alice, bob = people
    cals = (await client.get(cal(ALICE, "/calendars"), headers=await org.headers())).json()["data"]
    await client.post(
        cal(ALICE, f"/calendars/{cals[0]['id']}/shares"),
        headers=await org.headers(),
        json={"account": BOB, "level": "freebusy"},
    )
    resp = await client.get(
        cal(BOB, "/events"),
        headers=await org.headers(),
        params={
            "start": "2030-01-01T00:00:00Z",
            "end": "2030-02-01T00:00:00Z",
            "calendar_id": cals[0]["id"],
        },
    )
    assert resp.status_code == 403
