"""Events: creating, windows with recurrences expanded, DST, instances, bad input."""

from __future__ import annotations

import pytest

from tests.factories.calendar import cal, events_of, make_event, window

ALICE = "alice@acme.test"


@pytest.fixture
async def alice(org):
    return await org.add_account("alice")


async def test_single_event_round_trips_with_zone_and_utc(client, org, alice):
    ev = await make_event(
        org,
        ALICE,
        title="Review",
        start="2030-07-01T09:30:00",
        end="2030-07-01T10:15:00",
        time_zone="Asia/Shanghai",
        location="3F",
        reminders=[{"minutes_before": 15}],
        online_meeting_url="https://meet.example/x",
    )
    assert ev["start"] == "2030-07-01T09:30:00+08:00"
    assert ev["start_at"] == "2030-07-01T01:30:00Z"
    assert ev["end_at"] == "2030-07-01T02:15:00Z"
    assert ev["reminders"] == [{"minutes_before": 15, "method": "display"}]
    got = await client.get(cal(ALICE, f"/events/{ev['id']}"), headers=await org.headers())
    assert got.status_code == 200
    assert got.json()["title"] == "Review"
    assert got.headers["etag"]
    assert (await events_of(org, "calendar.event.created"))[-1]["id"] == ev["id"]
    assert (await events_of(org, "calendar.event.created"))[-1]["account_id"] == alice.id


async def test_start_with_offset_is_converted_into_the_zone(org, alice):
    ev = await make_event(
        org,
        ALICE,
        start="2030-07-01T01:30:00Z",
        end="2030-07-01T02:30:00+00:00",
        time_zone="Asia/Shanghai",
    )
    assert ev["start"] == "2030-07-01T09:30:00+08:00"


async def test_weekly_series_keeps_wall_clock_across_dst(org, alice):
    await make_event(
        org,
        ALICE,
        start="2030-03-04T09:00:00",
        end="2030-03-04T10:00:00",
        time_zone="America/New_York",
        recurrence={"rrule": "FREQ=WEEKLY;COUNT=4"},
    )
    got = await window(org, ALICE, "2030-03-01T00:00:00Z", "2030-04-01T00:00:00Z")
    assert [g["start"][11:19] for g in got] == ["09:00:00"] * 4
    # 2030-03-10 is the US spring-forward day: UTC moves by an hour, wall clock does not
    assert [g["start_at"][11:13] for g in got] == ["14", "13", "13", "13"]
    assert all(g["series_id"] == got[0]["series_id"] for g in got)


async def test_exdate_and_rdate_shape_the_series(org, alice):
    await make_event(
        org,
        ALICE,
        start="2030-05-06T10:00:00",
        end="2030-05-06T11:00:00",
        time_zone="Europe/Berlin",
        recurrence={
            "rrule": "FREQ=DAILY;COUNT=3",
            "exdates": ["2030-05-07T10:00:00"],
            "rdates": ["2030-05-20T15:00:00"],
        },
    )
    got = await window(org, ALICE, "2030-05-01T00:00:00Z", "2030-06-01T00:00:00Z")
    assert [g["start"] for g in got] == [
        "2030-05-06T10:00:00+02:00",
        "2030-05-08T10:00:00+02:00",
        "2030-05-20T15:00:00+02:00",
    ]


async def test_infinite_series_is_expanded_only_over_the_window(org, alice):
    await make_event(
        org,
        ALICE,
        start="2020-01-01T08:00:00",
        end="2020-01-01T08:30:00",
        recurrence={"rrule": "FREQ=DAILY"},
    )
    got = await window(org, ALICE, "2031-01-01T00:00:00Z", "2031-01-08T00:00:00Z")
    assert len(got) == 7


async def test_window_is_required_and_bounded(client, org, alice):
    h = await org.headers()
    missing = await client.get(cal(ALICE, "/events"), headers=h)
    assert missing.status_code == 422
    wide = await client.get(
        cal(ALICE, "/events"),
        headers=h,
        params={"start": "2030-01-01T00:00:00Z", "end": "2032-01-01T00:00:00Z"},
    )
    assert wide.status_code == 422
    assert wide.json()["param"] == "end"
    backwards = await client.get(
        cal(ALICE, "/events"),
        headers=h,
        params={"start": "2030-02-01T00:00:00Z", "end": "2030-01-01T00:00:00Z"},
    )
    assert backwards.status_code == 422


async def test_window_pages_with_a_stable_cursor(client, org, alice):
    await make_event(
        org,
        ALICE,
        start="2030-01-01T08:00:00",
        end="2030-01-01T09:00:00",
        recurrence={"rrule": "FREQ=DAILY;COUNT=7"},
    )
    h = await org.headers()
    params = {"start": "2030-01-01T00:00:00Z", "end": "2030-02-01T00:00:00Z", "limit": 3}
    first = (await client.get(cal(ALICE, "/events"), headers=h, params=params)).json()
    second = (
        await client.get(
            cal(ALICE, "/events"), headers=h, params={**params, "cursor": first["next_cursor"]}
        )
    ).json()
    third = (
        await client.get(
            cal(ALICE, "/events"), headers=h, params={**params, "cursor": second["next_cursor"]}
        )
    ).json()
    ids = [e["id"] for e in first["data"] + second["data"] + third["data"]]
    assert len(ids) == len(set(ids)) == 7
    assert third["next_cursor"] is None


@pytest.mark.parametrize(
    ("patch", "param"),
    [
        ({"end": "2030-01-01T08:00:00"}, "end"),
        ({"time_zone": "Mars/Olympus"}, "time_zone"),
        ({"recurrence": {"rrule": "FREQ=SOMETIMES"}}, "recurrence.rrule"),
        ({"recurrence": {"rrule": "FREQ=MINUTELY"}}, "recurrence.rrule"),
        ({"recurrence": {"rrule": "FREQ=DAILY;COUNT=3;UNTIL=20300101"}}, "recurrence.rrule"),
        ({"recurrence": {"rrule": "FREQ=DAILY;COUNT=999999"}}, "recurrence.rrule"),
        ({"start": "yesterday"}, "start"),
        ({"all_day": True}, "start"),
        ({"attendees": [{"address": "not an address"}]}, "attendees[0].address"),
        ({"org_id": "org_x"}, "org_id"),
    ],
)
async def test_bad_input_is_422_naming_the_field_and_writes_nothing(
    client, org, alice, patch, param
):
    body = {
        "title": "x",
        "start": "2030-01-01T09:00:00",
        "end": "2030-01-01T10:00:00",
        "time_zone": "UTC",
        **patch,
    }
    resp = await client.post(cal(ALICE, "/events"), json=body, headers=await org.headers())
    assert resp.status_code == 422, resp.text
    assert resp.json()["param"] == param
    assert await window(org, ALICE, "2029-12-01T00:00:00Z", "2030-02-01T00:00:00Z") == []
    assert await events_of(org, "calendar.event.created") == []


async def test_all_day_event_spans_dates(org, alice):
    ev = await make_event(
        org, ALICE, all_day=True, start="2030-06-01", end="2030-06-03", time_zone="Asia/Tokyo"
    )
    assert ev["start"] == "2030-06-01" and ev["end"] == "2030-06-03"
    got = await window(org, ALICE, "2030-06-02T00:00:00Z", "2030-06-02T01:00:00Z")
    assert [g["id"] for g in got] == [ev["id"]]


async def test_get_one_instance_and_unknown_instance_is_404(client, org, alice):
    ev = await make_event(
        org,
        ALICE,
        start="2030-01-06T09:00:00",
        end="2030-01-06T10:00:00",
        recurrence={"rrule": "FREQ=WEEKLY;COUNT=3"},
    )
    h = await org.headers()
    inst = await client.get(cal(ALICE, f"/events/{ev['id']}.20300113T090000Z"), headers=h)
    assert inst.status_code == 200
    assert inst.json()["recurrence_id"] == "2030-01-13T09:00:00+00:00"
    assert inst.json()["series_id"] == ev["id"]
    for bad in (".20300114T090000Z", ".20300127T090000Z", ".garbage", "."):
        resp = await client.get(cal(ALICE, f"/events/{ev['id']}{bad}"), headers=h)
        assert resp.status_code == 404, bad


async def test_changing_this_instance_makes_an_override_that_moves(client, org, alice):
    ev = await make_event(
        org,
        ALICE,
        start="2030-01-06T09:00:00",
        end="2030-01-06T10:00:00",
        time_zone="Europe/London",
        recurrence={"rrule": "FREQ=WEEKLY;COUNT=3"},
    )
    h = await org.headers()
    iid = f"{ev['id']}.20300113T090000Z"
    resp = await client.patch(
        cal(ALICE, f"/events/{iid}"),
        headers=h,
        json={"title": "Moved", "start": "2030-01-14T15:00:00", "end": "2030-01-14T16:00:00"},
    )
    assert resp.status_code == 200, resp.text
    assert resp.json()["id"] == iid
    assert resp.json()["is_exception"] is True
    got = await window(org, ALICE, "2030-01-01T00:00:00Z", "2030-02-01T00:00:00Z")
    assert [(g["id"], g["title"], g["start"]) for g in got] == [
        (f"{ev['id']}.20300106T090000Z", "Sync", "2030-01-06T09:00:00+00:00"),
        (iid, "Moved", "2030-01-14T15:00:00+00:00"),
        (f"{ev['id']}.20300120T090000Z", "Sync", "2030-01-20T09:00:00+00:00"),
    ]
    # the moved instance is found under its original key, and its old slot is empty
    narrow = await window(org, ALICE, "2030-01-13T00:00:00Z", "2030-01-14T00:00:00Z")
    assert narrow == []


async def test_override_still_matches_when_series_zone_differs_from_viewer(client, org, alice):
    ev = await make_event(
        org,
        ALICE,
        start="2030-03-28T09:00:00",
        end="2030-03-28T10:00:00",
        time_zone="Europe/Berlin",
        recurrence={"rrule": "FREQ=DAILY;COUNT=5"},
    )
    h = await org.headers()
    # 2030-03-31 is the EU DST switch: the instance key is in UTC (07:00 after the switch)
    iid = f"{ev['id']}.20300331T070000Z"
    assert (await client.get(cal(ALICE, f"/events/{iid}"), headers=h)).status_code == 200
    resp = await client.patch(cal(ALICE, f"/events/{iid}"), headers=h, json={"title": "DST day"})
    assert resp.status_code == 200
    got = await window(org, ALICE, "2030-03-27T00:00:00-10:00", "2030-04-03T00:00:00+14:00")
    assert [g["title"] for g in got] == ["Sync", "Sync", "Sync", "DST day", "Sync"]
    assert got[3]["start"] == "2030-03-31T09:00:00+02:00"


async def test_series_change_through_an_instance_shifts_the_whole_series(client, org, alice):
    ev = await make_event(
        org,
        ALICE,
        start="2030-01-06T09:00:00",
        end="2030-01-06T10:00:00",
        recurrence={"rrule": "FREQ=WEEKLY;COUNT=3"},
    )
    h = await org.headers()
    resp = await client.patch(
        cal(ALICE, f"/events/{ev['id']}.20300113T090000Z"),
        headers=h,
        params={"scope": "series"},
        json={"start": "2030-01-13T11:00:00", "end": "2030-01-13T12:30:00"},
    )
    assert resp.status_code == 200, resp.text
    got = await window(org, ALICE, "2030-01-01T00:00:00Z", "2030-02-01T00:00:00Z")
    assert [g["start"][11:16] + "-" + g["end"][11:16] for g in got] == ["11:00-12:30"] * 3


async def test_this_and_following_splits_the_series(client, org, alice):
    ev = await make_event(
        org,
        ALICE,
        start="2030-01-06T09:00:00",
        end="2030-01-06T10:00:00",
        recurrence={"rrule": "FREQ=WEEKLY;COUNT=4"},
    )
    h = await org.headers()
    resp = await client.patch(
        cal(ALICE, f"/events/{ev['id']}.20300120T090000Z"),
        headers=h,
        params={"scope": "following"},
        json={"title": "Later", "location": "B"},
    )
    assert resp.status_code == 200, resp.text
    tail = resp.json()
    assert tail["series_id"] is None and tail["id"] != ev["id"]
    assert tail["recurrence"]["rrule"] == "FREQ=WEEKLY;COUNT=2"
    got = await window(org, ALICE, "2030-01-01T00:00:00Z", "2030-03-01T00:00:00Z")
    assert [g["title"] for g in got] == ["Sync", "Sync", "Later", "Later"]
    assert [g["start"][:10] for g in got] == [
        "2030-01-06",
        "2030-01-13",
        "2030-01-20",
        "2030-01-27",
    ]


async def test_cancel_one_instance_then_following_then_series(client, org, alice):
    ev = await make_event(
        org,
        ALICE,
        start="2030-01-06T09:00:00",
        end="2030-01-06T10:00:00",
        recurrence={"rrule": "FREQ=WEEKLY"},
    )
    h = await org.headers()
    assert (
        await client.delete(cal(ALICE, f"/events/{ev['id']}.20300113T090000Z"), headers=h)
    ).status_code == 204
    got = await window(org, ALICE, "2030-01-01T00:00:00Z", "2030-02-01T00:00:00Z")
    assert [g["start"][:10] for g in got] == ["2030-01-06", "2030-01-20", "2030-01-27"]
    assert (
        await client.delete(
            cal(ALICE, f"/events/{ev['id']}.20300127T090000Z"),
            headers=h,
            params={"scope": "following"},
        )
    ).status_code == 204
    got = await window(org, ALICE, "2030-01-01T00:00:00Z", "2030-12-01T00:00:00Z")
    assert [g["start"][:10] for g in got] == ["2030-01-06", "2030-01-20"]
    assert (
        await client.delete(
            cal(ALICE, f"/events/{ev['id']}.20300120T090000Z"),
            headers=h,
            params={"scope": "series"},
        )
    ).status_code == 204
    assert await window(org, ALICE, "2030-01-01T00:00:00Z", "2030-12-01T00:00:00Z") == []
    assert (await client.get(cal(ALICE, f"/events/{ev['id']}"), headers=h)).status_code == 404
    assert (await events_of(org, "calendar.event.cancelled"))[-1]["id"] == ev["id"]


async def test_stale_if_match_is_412(client, org, alice):
    ev = await make_event(org, ALICE)
    h = await org.headers()
    first = await client.get(cal(ALICE, f"/events/{ev['id']}"), headers=h)
    etag = first.headers["etag"]
    ok = await client.patch(
        cal(ALICE, f"/events/{ev['id']}"), json={"title": "A"}, headers={**h, "If-Match": etag}
    )
    assert ok.status_code == 200
    stale = await client.patch(
        cal(ALICE, f"/events/{ev['id']}"), json={"title": "B"}, headers={**h, "If-Match": etag}
    )
    assert stale.status_code == 412


async def test_series_instances_endpoint(client, org, alice):
    ev = await make_event(
        org,
        ALICE,
        start="2030-01-01T09:00:00",
        end="2030-01-01T10:00:00",
        recurrence={"rrule": "FREQ=DAILY;INTERVAL=2"},
    )
    await make_event(
        org, ALICE, title="Other", start="2030-01-02T09:00:00", end="2030-01-02T10:00:00"
    )
    resp = await client.get(
        cal(ALICE, f"/events/{ev['id']}/instances"),
        headers=await org.headers(),
        params={"start": "2030-01-01T00:00:00Z", "end": "2030-01-08T00:00:00Z"},
    )
    assert resp.status_code == 200
    assert [e["start"][:10] for e in resp.json()["data"]] == [
        "2030-01-01",
        "2030-01-03",
        "2030-01-05",
        "2030-01-07",
    ]


async def test_delta_sync_reports_created_updated_cancelled(client, org, alice):
    h = await org.headers()
    state = (await client.get(cal(ALICE, "/events/changes"), headers=h)).json()["new_state"]
    a = await make_event(org, ALICE, title="A")
    b = await make_event(org, ALICE, title="B")
    await client.patch(cal(ALICE, f"/events/{b['id']}"), json={"title": "B2"}, headers=h)
    old = await make_event(org, ALICE, title="Old")
    changes = (
        await client.get(cal(ALICE, "/events/changes"), headers=h, params={"since": state})
    ).json()
    assert sorted(changes["created"]) == sorted([a["id"], b["id"], old["id"]])
    state = changes["new_state"]
    await client.patch(cal(ALICE, f"/events/{a['id']}"), json={"title": "A2"}, headers=h)
    await client.delete(cal(ALICE, f"/events/{old['id']}"), headers=h)
    changes = (
        await client.get(cal(ALICE, "/events/changes"), headers=h, params={"since": state})
    ).json()
    assert changes["updated"] == [a["id"]]
    assert changes["deleted"] == [old["id"]]


async def test_time_zone_change_keeps_wall_clock(client, org, alice):
    ev = await make_event(org, ALICE, start="2030-01-06T09:00:00", end="2030-01-06T10:00:00")
    resp = await client.patch(
        cal(ALICE, f"/events/{ev['id']}"),
        json={"time_zone": "Asia/Shanghai"},
        headers=await org.headers(),
    )
    assert resp.json()["start"] == "2030-01-06T09:00:00+08:00"
    assert resp.json()["start_at"] == "2030-01-06T01:00:00Z"
