"""find_meeting_times reads working hours in the person's (else the organisation's, else the
deployment's) time zone, echoes the hours it used, and an empty answer says why."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from api.calendar.freebusy.working_time import working_time_zone
from tests.factories.calendar import make_event, make_room

ALICE, BOB = "alice@acme.test", "bob@acme.test"
FIND = "/v1/calendar/freebusy/find"
# Monday 2027-01-04, 09:00-12:00 in Beijing: 01:00-04:00 UTC, outside UTC working hours.
MORNING = {"start": "2027-01-04T09:00:00+08:00", "end": "2027-01-04T12:00:00+08:00"}


@pytest.fixture
async def people(org):
    return await org.add_account("alice"), await org.add_account("bob")


def test_the_person_comes_before_the_organisation_before_the_default() -> None:
    person = SimpleNamespace(time_zone="Europe/Berlin")
    org = SimpleNamespace(time_zone="Asia/Shanghai")
    assert working_time_zone(person, org, "UTC") == "Europe/Berlin"
    assert working_time_zone(SimpleNamespace(time_zone=None), org, "UTC") == "Asia/Shanghai"
    assert working_time_zone(object(), object(), "Asia/Tokyo") == "Asia/Tokyo"
    assert working_time_zone(None, None, "UTC") == "UTC"


async def test_an_empty_answer_says_the_window_is_outside_working_hours(client, org, people):
    resp = await client.post(
        FIND, headers=await org.headers(),
        json={"attendees": [ALICE, BOB], "duration_minutes": 60, **MORNING},
    )
    assert resp.status_code == 200, resp.text
    body = resp.json()
    assert body["suggestions"] == []
    assert body["reason"] == "outside_working_hours"
    assert body["working_hours"] == {
        "start": "09:00", "end": "18:00", "days": [1, 2, 3, 4, 5], "time_zone": "UTC"
    }


async def test_the_organisations_zone_is_the_default_when_the_person_has_none(
    client, org, people
):
    # Every organisation has a zone (UTC unless set), so the deployment default
    # (MAILPLANE_DEFAULT_TIME_ZONE) only applies where no organisation is known.
    changed = await client.patch(
        "/v1/organization", headers=await org.headers(), json={"time_zone": "Asia/Shanghai"}
    )
    assert changed.status_code == 200, changed.text
    resp = await client.post(
        FIND, headers=await org.headers(),
        json={"attendees": [ALICE, BOB], "duration_minutes": 60, "step_minutes": 60, **MORNING},
    )
    body = resp.json()
    assert body["reason"] is None
    assert body["working_hours"]["time_zone"] == "Asia/Shanghai"
    assert [s["start"] for s in body["suggestions"]] == [
        "2027-01-04T01:00:00Z", "2027-01-04T02:00:00Z", "2027-01-04T03:00:00Z"
    ]


async def test_the_persons_zone_is_used_when_the_account_has_one(
    client, org, people, monkeypatch
):
    from api.calendar.freebusy import service

    def person_first(account, org_row, default):  # type: ignore[no-untyped-def]
        return "Asia/Shanghai" if account is not None and account.address == ALICE else default

    monkeypatch.setattr(service, "working_time_zone", person_first)
    resp = await client.post(
        FIND, headers=await org.headers(),
        json={"attendees": [ALICE, BOB], "duration_minutes": 180, **MORNING},
    )
    body = resp.json()
    assert body["working_hours"]["time_zone"] == "Asia/Shanghai"
    assert [s["start"] for s in body["suggestions"]] == ["2027-01-04T01:00:00Z"]


async def test_reasons_for_busy_people_busy_rooms_and_nobody(client, org, people):
    hours = {"start": "09:00", "end": "12:00", "time_zone": "Asia/Shanghai"}
    await make_event(org, BOB, start="2027-01-04T09:00:00", end="2027-01-04T12:00:00",
                     time_zone="Asia/Shanghai")
    busy = await client.post(
        FIND, headers=await org.headers(),
        json={"attendees": [ALICE, BOB], "duration_minutes": 60, "working_hours": hours,
              **MORNING},
    )
    assert busy.json()["suggestions"] == [] and busy.json()["reason"] == "attendees_busy"

    await org.add_account("carol")
    room = await make_room(org, name="Lotus")
    await make_event(org, "carol@acme.test", start="2027-01-05T09:00:00",
                     end="2027-01-05T12:00:00", time_zone="Asia/Shanghai",
                     attendees=[{"room_id": room["id"]}])
    rooms = await client.post(
        FIND, headers=await org.headers(),
        json={"attendees": [ALICE], "rooms": [room["id"]], "duration_minutes": 60,
              "working_hours": hours,
              "start": "2027-01-05T09:00:00+08:00", "end": "2027-01-05T12:00:00+08:00"},
    )
    assert rooms.status_code == 200, rooms.text
    assert rooms.json()["suggestions"] == [] and rooms.json()["reason"] == "rooms_busy"
    nobody = await client.post(
        FIND, headers=await org.headers(),
        json={"attendees": ["ghost@acme.test"], "duration_minutes": 60, "working_hours": hours,
              **MORNING},
    )
    assert nobody.json()["reason"] == "no_attendee_found"
    assert nobody.json()["unavailable"] == ["ghost@acme.test"]
