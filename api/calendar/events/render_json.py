"""Window listings rendered straight to JSON: the same text as `render(occ)` dumped by the
`Event` model (tests/calendar/test_events.py compares them), made once per row stamp.

A one-off event or an override renders the same every time its row is unchanged: its JSON
is kept on the row cache's entry. The instances of a series differ from one another in six
values only (id, recurrence_id, start, end, start_at, end_at): the series' JSON is cut at
those six places once, each instance fills them in (every value serialised by pydantic-core
as the model would), and the result is kept by instance key, which with the row fixes it.
"""

from __future__ import annotations

import uuid
from functools import lru_cache

from pydantic_core import to_json

from api.calendar.events.occurrences import Occurrence, render, tz_of
from api.calendar.events.timing import key_to_rfc3339, parse_local, rfc3339, to_local, zone
from schemas.calendar import Event

VARYING = ("id", "recurrence_id", "start", "end", "start_at", "end_at")
#: Kept on an entry whose series could not be cut (a marker turned up twice): render.
UNCUT = ("",)
#: Instances of one series kept rendered (an instance's JSON depends on its row and key
#: only); a series browsed further than this starts over.
MAX_INSTANCES_KEPT = 1_000


def event_json(occ: Occurrence) -> str:
    """`render(occ).model_dump_json()`, from what the row cache keeps when it can."""
    entry = occ.cached
    if entry is None:
        return render(occ).model_dump_json()
    if occ.key is None or occ.row.recurrence_id:
        if entry.rendered is None:
            entry.rendered = render(occ).model_dump_json()
        return str(entry.rendered)
    if entry.rendered is None:
        entry.rendered = (_cut(occ), {})
    parts, done = entry.rendered
    text = done.get(occ.key)
    if text is None:
        if parts is UNCUT:
            return render(occ).model_dump_json()
        values = _varying(occ)
        text = "".join(piece for pair in zip(parts, (*values, ""), strict=True) for piece in pair)
        if len(done) >= MAX_INSTANCES_KEPT:
            done.clear()
        done[occ.key] = text
    return str(text)


def _varying(occ: Occurrence) -> tuple[str, ...]:
    """The six values of a generated instance, as `render` computes them, as JSON."""
    row = occ.row
    tz = tz_of(row)
    if row.all_day:
        end_local = occ.start_local + (parse_local(row.end_local) - parse_local(row.start_local))
    else:
        end_local = to_local(occ.end_at, tz)
    assert occ.key is not None
    return (
        to_json(f"{occ.series_id}.{occ.key}").decode(),
        _recurrence_id(occ.key, row.time_zone),
        to_json(rfc3339(occ.start_local, tz, all_day=row.all_day)).decode(),
        to_json(rfc3339(end_local, tz, all_day=row.all_day)).decode(),
        to_json(occ.start_at).decode(),
        to_json(occ.end_at).decode(),
    )


@lru_cache(maxsize=65_536)
def _recurrence_id(key: str, zone_name: str) -> str:
    return to_json(key_to_rfc3339(key, zone(zone_name))).decode()


def _cut(occ: Occurrence) -> tuple[str, ...]:
    """The series' JSON around the six values: seven pieces (UNCUT if it cannot be cut)."""
    event = render(occ)
    token = uuid.uuid4().hex
    marks = {name: f"\ue000{token}{i}" for i, name in enumerate(VARYING)}
    fields = {name: getattr(event, name) for name in Event.model_fields}
    text = Event.model_construct(**{**fields, **marks}).model_dump_json(warnings=False)
    pieces: list[str] = []
    rest = text
    for name in VARYING:
        quoted = f'"{marks[name]}"'
        if text.count(quoted) != 1 or quoted not in rest:
            return UNCUT
        before, rest = rest.split(quoted)
        pieces.append(before)
    pieces.append(rest)
    return tuple(pieces)


def page_json(occurrences: list[Occurrence], cursor: str | None) -> str:
    """`Page[Event](data=[render(o) …], next_cursor=cursor).model_dump_json()`."""
    data = ",".join(event_json(o) for o in occurrences)
    return f'{{"data":[{data}],"next_cursor":{to_json(cursor).decode()}}}'
