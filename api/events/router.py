"""REST, SSE and WebSocket access to the event log (`/v1/events`).

Which events a caller sees is decided in `api.events.types` (the domain's read scope; a
user-bound token sees only its own per-person events). Every route here needs at least one
of `mail:read calendar:read contacts:read directory:read webhooks:manage`.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, Query, WebSocket
from fastapi.responses import StreamingResponse
from starlette.websockets import WebSocketState

from api.deps import DbSession, Principal, RuntimeDep
from api.errors import AppError, Unauthorized, ValidationFailed
from api.events import service, stream
from api.events.service import Audience
from api.events.types import parse_patterns
from api.i18n import _
from api.identity.principal import Principal as PrincipalModel
from api.kit.pagination import MAX_LIMIT, Page, decode_cursor, encode_cursor
from api.runtime import Runtime
from schemas.events import EventTypeInfo
from schemas.numbers import INT64_MAX
from schemas.platform import PlatformEvent

router = APIRouter(prefix="/v1/events", tags=["events"])

TypesParam = Annotated[
    list[str] | None,
    Query(description="Event types or patterns (`mail.*`), repeated or comma-separated."),
]
AfterParam = Annotated[
    int | None, Query(ge=0, le=INT64_MAX, description="Only events with a larger sequence.")
]


def _sequence(value: Any, param: str) -> int:
    """A position in the event log: an integer 0 … 2^63-1 (what the column holds)."""
    if isinstance(value, str):
        value = value.strip()
        if not value.isdigit():
            raise ValidationFailed(_(
                "{param} must be an event sequence number.", param=param
            ), param=param)
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= INT64_MAX:
        raise ValidationFailed(_(
            "{param} must be an integer from 0 to 2^63-1.", param=param
        ), param=param)
    return value


async def audience(principal: Principal) -> Audience:
    return Audience.of(principal)


AudienceDep = Annotated[Audience, Depends(audience)]


@router.get("", response_model=Page[PlatformEvent])
async def list_events(
    reader: AudienceDep,
    session: DbSession,
    types: TypesParam = None,
    after: AfterParam = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 50,
    cursor: Annotated[str | None, Query(max_length=512)] = None,
) -> Page[PlatformEvent]:
    """The event log, oldest first, from `after` (a sequence) or a `cursor`.

    Sequences are per organisation and commit-ordered: remembering the last sequence you
    processed and passing it as `after` never skips an event.

    You see an event when you hold the read scope of its domain: `mail.*` needs `mail:read`,
    `calendar.*` `calendar:read`, `contacts.*` `contacts:read`, `directory.*`
    `directory:read`, and `webhook.*`, `platform.*` `webhooks:manage`. A token acting for
    one user sees mail, calendar and contacts events of that user only. The same rule holds
    for the stream, GraphQL subscriptions and webhook endpoints (which keep the scopes of the
    token that created them, narrowed if their app's scopes shrink). A position older than the
    retention period (30 days by default) is a 410 `resync_required`.
    """
    patterns = parse_patterns(types)
    position = _sequence(decode_cursor(cursor, 1)[0], "cursor") if cursor else (after or 0)
    rows = await service.read(session, reader, patterns, position, limit + 1)
    next_cursor = encode_cursor([rows[limit - 1].sequence]) if len(rows) > limit else None
    return Page[PlatformEvent](
        data=[PlatformEvent.model_validate(r) for r in rows[:limit]], next_cursor=next_cursor
    )


@router.get("/types", response_model=Page[EventTypeInfo])
async def list_event_types(reader: AudienceDep) -> Page[EventTypeInfo]:
    """The catalogue of event types, each with the scope needed to see it and the JSON
    Schema of its `data`, in one page (`next_cursor` is always null)."""
    return Page[EventTypeInfo](data=service.event_types(), next_cursor=None)


def _sse(event: Any) -> bytes:
    if event is None:
        return b": heartbeat\n\n"
    body = json.dumps(stream.event_json(event), separators=(",", ":"), default=str)
    return f"id: {event.sequence}\nevent: {event.type}\ndata: {body}\n\n".encode()


def _resume_point(after: int | None, last_event_id: str | None) -> int | None:
    if after is not None:
        return after
    if last_event_id and last_event_id.strip().isdigit():
        return _sequence(last_event_id, "Last-Event-ID")
    return None


@router.get(
    "/stream",
    response_class=StreamingResponse,
    responses={
        200: {
            "content": {"text/event-stream": {"schema": {"type": "string"}}},
            "description": "Server-Sent Events: one `event` per log entry, `id` = sequence.",
        }
    },
)
async def stream_events(
    reader: AudienceDep,
    runtime: RuntimeDep,
    types: TypesParam = None,
    after: AfterParam = None,
    last_event_id: Annotated[str | None, Header(alias="Last-Event-ID", max_length=40)] = None,
) -> StreamingResponse:
    """A live stream of events as Server-Sent Events, for servers with no public URL.

    Each event's SSE `id` is its sequence: reconnect with `Last-Event-ID` (or `after`) and
    the stream resumes exactly after it. Without either it starts with the next event.
    A comment line is sent as a heartbeat every 15 s of silence.
    """
    patterns = parse_patterns(types)
    start = await stream.start_position(runtime.db, reader, _resume_point(after, last_event_id))
    settings = runtime.settings

    async def body() -> AsyncIterator[bytes]:
        yield b"retry: 2000\n\n"
        async for event in stream.follow(
            runtime.db,
            reader,
            patterns,
            start,
            heartbeat=settings.event_stream_heartbeat,
            poll=settings.event_poll_interval,
        ):
            yield _sse(event)

    return StreamingResponse(
        body(),
        media_type="text/event-stream",
        headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
    )


@router.get("/{event_id}", response_model=PlatformEvent)
async def get_event(event_id: str, reader: AudienceDep, session: DbSession) -> PlatformEvent:
    """One event, in full (thin webhook payloads point here)."""
    return PlatformEvent.model_validate(await service.get_event(session, reader, event_id))


@router.websocket("/ws")
async def events_websocket(websocket: WebSocket) -> None:
    """The event stream over WebSocket: JSON messages `{"type": "event", "event": {...}}` and
    `{"type": "heartbeat"}`; resume with `?after=<sequence>` or a `Last-Event-ID` header."""
    runtime: Runtime = websocket.app.state.runtime
    principal: PrincipalModel | None = websocket.scope.get("state", {}).get("principal")
    await websocket.accept()
    try:
        if principal is None:
            raise Unauthorized("A bearer token is required.")
        reader = Audience.of(principal)
        patterns = parse_patterns(websocket.query_params.getlist("types"))
        raw_after = websocket.query_params.get("after")
        after = _sequence(raw_after, "after") if raw_after and raw_after.isdigit() else None
        start = await stream.start_position(
            runtime.db, reader, _resume_point(after, websocket.headers.get("last-event-id"))
        )
    except AppError as error:
        await websocket.send_json({"type": "error", "error": error.to_problem()})
        await websocket.close(code=4000 + error.status)
        return
    settings = runtime.settings

    async def pump() -> None:
        await websocket.send_json({"type": "ready", "after": start})
        async for event in stream.follow(
            runtime.db,
            reader,
            patterns,
            start,
            heartbeat=settings.event_stream_heartbeat,
            poll=settings.event_poll_interval,
        ):
            if event is None:
                await websocket.send_json({"type": "heartbeat"})
            else:
                await websocket.send_text(
                    json.dumps({"type": "event", "event": stream.event_json(event)}, default=str)
                )

    async def drain() -> None:
        # Client messages are ignored; this notices a closed connection while idle.
        while (await websocket.receive())["type"] != "websocket.disconnect":
            pass

    tasks = [asyncio.create_task(pump()), asyncio.create_task(drain())]
    try:
        await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        if websocket.client_state == WebSocketState.CONNECTED:
            try:
                await websocket.close()
            except RuntimeError:
                pass
