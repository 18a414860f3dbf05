"""The row cache behind window listings and free/busy (api/calendar/events/row_cache.py):
a changed or deleted recurring event is seen at once, however and wherever it changed, and
what the cache renders is what the models render."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import update

from api.calendar.events import service
from api.calendar.events.occurrences import render
from api.calendar.events.render_json import page_json
from api.calendar.events.row_cache import ROWS
from api.calendar.freebusy import service as freebusy
from api.calendar.freebusy.wire import FREEBUSY_JSON
from api.kit.pagination import Page
from api.storage.models import CalendarEvent
from schemas.calendar import BusyInterval, Event, FreeBusyResult, Schedule
from tests.factories.calendar import cal, make_event, window

ALICE = "alice@acme.test"
FB = "/v1/calendar/freebusy"
JAN = ("2030-01-01T00:00:00+08:00", "2030-02-01T00:00:00+08:00")
ROOT = Path(__file__).resolve().parents[2]


async def busy(org, who: str = ALICE) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    resp = await org.client.post(
        FB,
        headers=await org.headers("calendar:read"),
        json={"start": JAN[0], "end": JAN[1], "attendees": [who]},
    )
    assert resp.status_code == 200, resp.text
    return [(b["start"], b["status"]) for b in resp.json()["schedules"][0]["busy"]]


async def starts(org) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return [(e["start"], e["title"]) for e in await window(org, ALICE, *JAN)]


@pytest.fixture
async def standup(org):  # type: ignore[no-untyped-def]
    """A weekly series, listed and asked for free/busy once, so the cache holds it."""
    await org.add_account("alice")
    ev = await make_event(
        org,
        ALICE,
        title="Standup",
        start="2030-01-07T09:00:00",
        end="2030-01-07T09:30:00",
        time_zone="Asia/Shanghai",
        recurrence={"rrule": "FREQ=WEEKLY"},
    )
    mondays = ["2030-01-07", "2030-01-14", "2030-01-21", "2030-01-28"]
    assert await starts(org) == [(f"{d}T09:00:00+08:00", "Standup") for d in mondays]
    assert await busy(org) == [(f"{d}T01:00:00Z", "busy") for d in mondays]
    assert len(ROWS) > 0
    return ev


async def test_an_edited_series_is_listed_and_busy_at_once(org, standup):
    resp = await org.client.patch(
        cal(ALICE, f"/events/{standup['id']}"),
        json={"title": "Retro", "start": "2030-01-08T15:00:00", "end": "2030-01-08T16:00:00"},
        headers=await org.headers(),
    )
    assert resp.status_code == 200, resp.text
    tuesdays = ["2030-01-08", "2030-01-15", "2030-01-22", "2030-01-29"]
    assert await starts(org) == [(f"{d}T15:00:00+08:00", "Retro") for d in tuesdays]
    assert await busy(org) == [(f"{d}T07:00:00Z", "busy") for d in tuesdays]


async def test_a_cancelled_instance_and_a_moved_one_are_seen_at_once(org, standup):
    headers = await org.headers()
    gone = await org.client.delete(
        cal(ALICE, f"/events/{standup['id']}.20300114T010000Z"), headers=headers
    )
    assert gone.status_code == 204, gone.text
    moved = await org.client.patch(
        cal(ALICE, f"/events/{standup['id']}.20300121T010000Z"),
        json={"start": "2030-01-21T11:00:00+08:00", "end": "2030-01-21T11:30:00+08:00"},
        headers=headers,
    )
    assert moved.status_code == 200, moved.text
    assert await starts(org) == [
        ("2030-01-07T09:00:00+08:00", "Standup"),
        ("2030-01-21T11:00:00+08:00", "Standup"),
        ("2030-01-28T09:00:00+08:00", "Standup"),
    ]
    assert await busy(org) == [
        ("2030-01-07T01:00:00Z", "busy"),
        ("2030-01-21T03:00:00Z", "busy"),
        ("2030-01-28T01:00:00Z", "busy"),
    ]


async def test_a_deleted_or_transparent_series_is_gone_at_once(org, standup):
    headers = await org.headers()
    other = await make_event(
        org,
        ALICE,
        title="Gym",
        start="2030-01-09T18:00:00",
        end="2030-01-09T19:00:00",
        time_zone="Asia/Shanghai",
        recurrence={"rrule": "FREQ=WEEKLY;COUNT=2"},
    )
    assert len(await busy(org)) == 6
    resp = await org.client.patch(
        cal(ALICE, f"/events/{other['id']}"), json={"transparency": "transparent"},
        headers=headers,
    )
    assert resp.status_code == 200, resp.text
    assert len(await busy(org)) == 4
    assert len(await starts(org)) == 6
    resp = await org.client.delete(cal(ALICE, f"/events/{standup['id']}"), headers=headers)
    assert resp.status_code == 204, resp.text
    assert await busy(org) == []
    assert await starts(org) == [
        ("2030-01-09T18:00:00+08:00", "Gym"),
        ("2030-01-16T18:00:00+08:00", "Gym"),
    ]


async def test_a_change_that_kept_the_version_is_still_seen(org, runtime, standup):
    # Every write path bumps the version; updated_at (moved by the column's onupdate) is the
    # second half of the stamp, for a write that forgot.
    async with runtime.db.session() as session:
        await session.execute(
            update(CalendarEvent)
            .where(CalendarEvent.id == standup["id"])
            .values(title="Renamed", exdates=["2030-01-14T09:00:00"])
        )
    assert await starts(org) == [
        ("2030-01-07T09:00:00+08:00", "Renamed"),
        ("2030-01-21T09:00:00+08:00", "Renamed"),
        ("2030-01-28T09:00:00+08:00", "Renamed"),
    ]
    assert len(await busy(org)) == 3


async def test_a_change_made_by_another_process_is_seen_at_once(org, settings, standup):
    script = textwrap.dedent(
        """
        import asyncio, sys
        from sqlalchemy import update
        from sqlalchemy.ext.asyncio import create_async_engine
        from api.storage.models import CalendarEvent

        async def main(url, event_id):
            engine = create_async_engine(url)
            async with engine.begin() as conn:
                await conn.execute(
                    update(CalendarEvent)
                    .where(CalendarEvent.id == event_id)
                    .values(
                        title="Elsewhere",
                        exdates=["2030-01-21T09:00:00"],
                        version=CalendarEvent.version + 1,
                    )
                )
            await engine.dispose()

        asyncio.run(main(sys.argv[1], sys.argv[2]))
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script, settings.database_url, standup["id"]],
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert await starts(org) == [
        ("2030-01-07T09:00:00+08:00", "Elsewhere"),
        ("2030-01-14T09:00:00+08:00", "Elsewhere"),
        ("2030-01-28T09:00:00+08:00", "Elsewhere"),
    ]
    assert [s for s, _ in await busy(org)] == [
        "2030-01-07T01:00:00Z",
        "2030-01-14T01:00:00Z",
        "2030-01-28T01:00:00Z",
    ]


async def test_rendered_json_is_the_models_json(org, runtime, standup):
    alice_events = [
        await make_event(
            org,
            ALICE,
            title='Offsite "Q1" 季度会',
            start="2030-01-10",
            end="2030-01-12",
            all_day=True,
            time_zone="Asia/Shanghai",
            recurrence={"rrule": "FREQ=WEEKLY;COUNT=3", "exdates": ["2030-01-17"]},
            attendees=[{"address": "bob@example.net", "name": "Bób \\ Ünïcode"}],
            reminders=[{"minutes_before": 30}],
        ),
        await make_event(
            org, ALICE, title="Once", start="2030-01-20T23:30:00", end="2030-01-21T00:30:00",
            time_zone="America/New_York",
        ),
    ]
    moved = await org.client.patch(
        cal(ALICE, f"/events/{standup['id']}.20300128T010000Z"),
        json={"title": "Moved", "start": "2030-01-28T10:00:00+08:00",
              "end": "2030-01-28T11:00:00+08:00"},
        headers=await org.headers(),
    )
    assert moved.status_code == 200, moved.text
    lo, hi = (datetime.fromisoformat(t) for t in JAN)
    async with runtime.db.session(write=False) as session:
        account = alice_events[0]["account_id"]
        for _ in range(2):  # rendered from the rows, then from what the cache kept
            occurrences = await service.list_window(session, org.id, account, lo, hi)
            assert len(occurrences) == 7
            for cursor in (None, "next-page"):
                expected = Page[Event](
                    data=[render(o) for o in occurrences], next_cursor=cursor
                ).model_dump_json()
                assert page_json(occurrences, cursor) == expected
    listed = await org.client.get(
        cal(ALICE, "/events"), params={"start": JAN[0], "end": JAN[1], "limit": 3},
        headers=await org.headers(),
    )
    assert listed.status_code == 200
    titles = [e["title"] for e in listed.json()["data"]]
    assert titles == ["Standup", 'Offsite "Q1" 季度会', "Standup"]
    assert listed.json()["next_cursor"]


async def test_freebusy_json_is_the_models_json(org, runtime, standup):
    await make_event(
        org, ALICE, title="Maybe", status="tentative", start="2030-01-07T09:15:00",
        end="2030-01-07T10:00:00", time_zone="Asia/Shanghai",
    )
    lo, hi = (datetime.fromisoformat(t) for t in JAN)
    refs = [ALICE, "nobody@acme.test"]
    async with runtime.db.session(write=False) as session:
        plain = await freebusy.schedules(session, org.id, lo, hi, refs)
        models = await freebusy.freebusy(session, org.id, lo, hi, refs)
    assert isinstance(models[0], Schedule) and isinstance(models[0].busy[0], BusyInterval)
    body = FREEBUSY_JSON.dump_json({"start": lo, "end": hi, "schedules": plain})
    expected = FreeBusyResult.model_construct(start=lo, end=hi, schedules=models)
    assert body.decode() == expected.model_dump_json()
    assert [b.status for b in models[0].busy] == ["busy", "tentative", "busy", "busy", "busy"]
