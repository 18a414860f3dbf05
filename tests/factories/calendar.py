"""Factories for calendar and contacts tests: people, events, rooms, and the jobs iMIP queues."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from api.storage.models import Event, Job
from tests.factories.platform import OrgHandle

BASE = "/v1/accounts/{who}/calendar"


def cal(who: str, path: str = "") -> str:
    return BASE.format(who=who) + path


async def make_event(org: OrgHandle, who: str, **fields: Any) -> dict[str, Any]:
    body = {"title": "Sync", "start": "2030-03-04T09:00:00", "end": "2030-03-04T10:00:00",
            "time_zone": "UTC", **fields}
    resp = await org.client.post(cal(who, "/events"), json=body, headers=await org.headers())
    assert resp.status_code == 201, resp.text
    return dict(resp.json())


async def make_room(org: OrgHandle, **fields: Any) -> dict[str, Any]:
    body = {"name": "Room A", "capacity": 8, "building": "HQ", "floor": "3",
            "booking_window_days": 1095, **fields}
    resp = await org.client.post("/v1/calendar/rooms", json=body, headers=await org.headers())
    assert resp.status_code == 201, resp.text
    return dict(resp.json())


async def window(org: OrgHandle, who: str, start: str, end: str, **params: Any) -> list[dict[str, Any]]:
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
        rows = (await session.execute(
            select(Job).where(Job.kind == "calendar.imip.send", Job.org_id == org.id)
            .order_by(Job.created_at, Job.id)
        )).scalars().all()
    payloads = [dict(r.payload) for r in rows]
    return [p for p in payloads if method is None or p["method"] == method]


async def events_of(org: OrgHandle, type_: str) -> list[dict[str, Any]]:
    async with org.runtime.db.session(write=False) as session:
        rows = (await session.execute(
            select(Event).where(Event.org_id == org.id, Event.type == type_).order_by(Event.sequence)
        )).scalars().all()
    return [dict(r.data) for r in rows]
