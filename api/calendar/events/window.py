"""Cursor pages over an expanded window: occurrences are computed, then sliced after the
cursor's (start, id), so pages stay stable while the window is re-expanded per request."""

from __future__ import annotations

from datetime import datetime

from api.calendar.events.occurrences import Occurrence
from api.errors import MalformedRequest
from api.kit.pagination import PageParams, decode_cursor, encode_cursor


def page_of(
    occurrences: list[Occurrence], params: PageParams
) -> tuple[list[Occurrence], str | None]:
    rows = occurrences
    if params.cursor:
        start_text, last_id = decode_cursor(params.cursor, 2)
        try:
            after = (datetime.fromisoformat(str(start_text)), str(last_id))
        except ValueError:
            raise MalformedRequest("The cursor is not valid.", param="cursor") from None
        rows = [o for o in rows if (o.start_at, o.id) > after]
    if len(rows) <= params.limit:
        return rows, None
    rows = rows[: params.limit]
    return rows, encode_cursor([rows[-1].start_at.isoformat(), rows[-1].id])
