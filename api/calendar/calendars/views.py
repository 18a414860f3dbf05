"""Calendar rows rendered as API models, shared by REST and GraphQL."""

from __future__ import annotations

from fastapi import Request

from api.storage.models import Calendar as CalendarRow
from schemas.calendar import Calendar


def calendar_out(calendar: CalendarRow, access: str) -> Calendar:
    return Calendar(
        id=calendar.id,
        account_id=calendar.account_id,
        room_id=calendar.room_id,
        name=calendar.name,
        description=calendar.description,
        color=calendar.color,
        time_zone=calendar.time_zone,
        is_default=calendar.is_default,
        access=access,  # type: ignore[arg-type]
        feed_enabled=calendar.feed_token_hash is not None,
        created_at=calendar.created_at,
        updated_at=calendar.updated_at,
    )


def feed_path(token: str) -> str:
    return f"/v1/calendar/feeds/{token}.ics"


def feed_url(request: Request, token: str) -> str:
    public = request.app.state.runtime.settings.public_url
    base = public.rstrip("/") if public else str(request.base_url).rstrip("/")
    return base + feed_path(token)
