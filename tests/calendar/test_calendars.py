"""Calendars: the default one, more calendars, sharing levels, and who may reach whose."""

from __future__ import annotations

import pytest

from tests.factories.calendar import cal, make_event, window
from tests.factories.platform import user_tokens

ALICE, BOB = "alice@acme.test", "bob@acme.test"


@pytest.fixture
async def people(org):
    return await org.add_account("alice"), await org.add_account("bob")


async def _default(client, org, who):
    return (await client.get(cal(who, "/calendars"), headers=await org.headers())).json()["data"][0]


async def test_default_calendar_cannot_be_deleted_but_others_can(client, org, people):
    h = await org.headers()
    default = await _default(client, org, ALICE)
    assert default["is_default"] and default["access"] == "owner"
    assert (
        await client.delete(cal(ALICE, f"/calendars/{default['id']}"), headers=h)
    ).status_code == 409
    made = await client.post(
        cal(ALICE, "/calendars"),
        headers=h,
        json={"name": "Travel", "color": "#aa3300", "time_zone": "Europe/Paris"},
    )
    assert made.status_code == 201
    ev = await make_event(org, ALICE, calendar_id=made.json()["id"], time_zone=None)
    assert ev["time_zone"] == "Europe/Paris"  # the calendar's zone is the default
    renamed = await client.patch(
        cal(ALICE, f"/calendars/{made.json()['id']}"), headers=h, json={"name": "Trips"}
    )
    assert renamed.json()["name"] == "Trips"
    assert (
        await client.delete(cal(ALICE, f"/calendars/{made.json()['id']}"), headers=h)
    ).status_code == 204
    assert (await client.get(cal(ALICE, f"/events/{ev['id']}"), headers=h)).status_code == 404


async def test_bad_calendar_input(client, org, people):
    h = await org.headers()
    assert (
        await client.post(
            cal(ALICE, "/calendars"), headers=h, json={"name": "x", "time_zone": "Not/AZone"}
        )
    ).status_code == 422
    assert (
        await client.post(cal(ALICE, "/calendars"), headers=h, json={"name": "x", "color": "red"})
    ).status_code == 422
    assert (
        await client.post(
            cal(ALICE, "/calendars"), headers=h, json={"name": "x", "account_id": "acc_x"}
        )
    ).status_code == 422


@pytest.mark.parametrize(
    ("level", "read", "write"), [("freebusy", 403, 403), ("read", 200, 403), ("write", 200, 201)]
)
async def test_share_levels(client, org, people, level, read, write):
    h = await org.headers()
    default = await _default(client, org, ALICE)
    await make_event(org, ALICE, title="Private")
    share = await client.post(
        cal(ALICE, f"/calendars/{default['id']}/shares"),
        headers=h,
        json={"account": BOB, "level": level},
    )
    assert share.status_code == 201
    bobs = (await client.get(cal(BOB, "/calendars"), headers=h)).json()["data"]
    assert [(c["id"], c["access"]) for c in bobs if c["access"] != "owner"] == [
        (default["id"], level)
    ]
    listing = await client.get(
        cal(BOB, "/events"),
        headers=h,
        params={
            "start": "2030-03-01T00:00:00Z",
            "end": "2030-04-01T00:00:00Z",
            "calendar_id": default["id"],
        },
    )
    assert listing.status_code == read
    created = await client.post(
        cal(BOB, "/events"),
        headers=h,
        json={
            "calendar_id": default["id"],
            "start": "2030-03-05T09:00:00",
            "end": "2030-03-05T10:00:00",
        },
    )
    assert created.status_code == write
    if write == 201:
        # a delegate writes in the owner's name: the owner organizes it
        assert created.json()["organizer"]["address"] == ALICE
    # shares are the owner's to manage
    assert (
        await client.get(cal(BOB, f"/calendars/{default['id']}/shares"), headers=h)
    ).status_code == 403
    await client.delete(cal(ALICE, f"/calendars/{default['id']}/shares/{BOB}"), headers=h)
    gone = await client.get(
        cal(BOB, "/events"),
        headers=h,
        params={
            "start": "2030-03-01T00:00:00Z",
            "end": "2030-04-01T00:00:00Z",
            "calendar_id": default["id"],
        },
    )
    assert gone.status_code == 404


async def test_a_user_token_reaches_only_its_own_calendar(client, org, people):
    await make_event(org, ALICE, title="Alice only")
    tokens = await user_tokens(org, BOB, "calendar:read calendar:write")
    h = {"Authorization": f"Bearer {tokens['access_token']}"}
    mine = await client.get(cal("me", "/calendars"), headers=h)
    assert mine.status_code == 200
    theirs = await client.get(
        cal(ALICE, "/events"),
        headers=h,
        params={"start": "2030-03-01T00:00:00Z", "end": "2030-04-01T00:00:00Z"},
    )
    assert theirs.status_code == 404
    ev = await make_event(org, ALICE)
    assert (await client.get(cal("me", f"/events/{ev['id']}"), headers=h)).status_code == 404
    assert (await client.delete(cal("me", f"/events/{ev['id']}"), headers=h)).status_code == 404
    assert len(await window(org, ALICE, "2030-03-01T00:00:00Z", "2030-04-01T00:00:00Z")) == 2


async def test_scopes_are_required(client, org, people):
    read_only = await org.headers("calendar:read")
    resp = await client.post(
        cal(ALICE, "/events"),
        headers=read_only,
        json={"start": "2030-03-05T09:00:00", "end": "2030-03-05T10:00:00"},
    )
    assert resp.status_code == 403
    none = await org.headers("contacts:read")
    assert (await client.get(cal(ALICE, "/calendars"), headers=none)).status_code == 403


async def test_another_organisation_cannot_see_or_touch(client, org, other_org, people):
    await other_org.add_account("eve")
    ev = await make_event(org, ALICE)
    default = await _default(client, org, ALICE)
    eh = await other_org.headers()
    for method, path in [
        ("GET", cal(ALICE, "/calendars")),
        ("GET", cal("eve@globex.test", f"/calendars/{default['id']}")),
        ("GET", cal("eve@globex.test", f"/events/{ev['id']}")),
        ("PATCH", cal("eve@globex.test", f"/events/{ev['id']}")),
        ("DELETE", cal("eve@globex.test", f"/events/{ev['id']}")),
        ("POST", cal("eve@globex.test", f"/events/{ev['id']}/respond")),
        ("GET", cal("eve@globex.test", f"/calendars/{default['id']}/export")),
    ]:
        body = (
            {"title": "x"}
            if method == "PATCH"
            else {"response": "accepted"}
            if method == "POST"
            else None
        )
        resp = await client.request(method, path, headers=eh, json=body)
        assert resp.status_code == 404, (method, path, resp.text)
    share = await client.post(
        cal(ALICE, f"/calendars/{default['id']}/shares"),
        headers=await org.headers(),
        json={"account": "eve@globex.test", "level": "read"},
    )
    assert share.status_code == 404
