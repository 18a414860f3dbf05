"""Free/busy answers as plain dicts, serialised in one call: the same JSON as
`FreeBusyResult` (tests/calendar/test_freebusy.py compares them), without building a
model per busy interval (a hundred people's month is thousands of intervals)."""

from __future__ import annotations

from datetime import datetime

from pydantic import TypeAdapter
from typing_extensions import TypedDict


class BusyIntervalWire(TypedDict):
    start: datetime
    end: datetime
    status: str


class ScheduleWire(TypedDict):
    attendee: str
    type: str | None
    id: str | None
    busy: list[BusyIntervalWire]
    error: str | None


class FreeBusyWire(TypedDict):
    start: datetime
    end: datetime
    schedules: list[ScheduleWire]


FREEBUSY_JSON: TypeAdapter[FreeBusyWire] = TypeAdapter(FreeBusyWire)
