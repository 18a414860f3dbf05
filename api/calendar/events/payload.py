"""The data of a `calendar.event.*` event: what webhooks, streams and sync see of a change."""

from __future__ import annotations

from typing import Any

from api.storage.models import CalendarEvent


def event_data(row: CalendarEvent, **extra: Any) -> dict[str, Any]:
    return {
        "id": row.series_id if row.recurrence_id and row.series_id else row.id,
        "account_id": row.account_id,
        "calendar_id": row.calendar_id,
        "uid": row.uid,
        **({"dav_name": row.dav_name} if row.dav_name else {}),
        **extra,
    }
