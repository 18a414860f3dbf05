"""GraphQL access to the event log: `events` and `eventTypes` queries and the `events`
subscription (graphql-transport-ws), with the same visibility rules as REST and SSE."""

from __future__ import annotations

from collections.abc import AsyncGenerator
from datetime import datetime
from typing import Any

import strawberry
from strawberry.scalars import JSON
from strawberry.types import Info

from api.errors import AppError, Unauthorized
from api.events import service, stream
from api.events.service import Audience
from api.events.types import parse_patterns
from api.graphql_kit import Context, as_graphql_error, checked_page, unit_of_work


@strawberry.type
class EventType:
    id: str
    type: str
    occurred_at: datetime
    org_id: str
    sequence: int
    data: JSON

    @classmethod
    def of(cls, row: Any) -> EventType:
        return cls(
            id=row.id,
            type=row.type,
            occurred_at=row.occurred_at,
            org_id=row.org_id,
            sequence=row.sequence,
            data=row.data,
        )


@strawberry.type
class EventPage:
    data: list[EventType]
    next_after: int | None


@strawberry.type
class EventTypeInfoType:
    type: str
    domain: str
    description: str
    scope: str
    data_schema: JSON


def _audience(info: Info[Context, Any]) -> Audience:
    try:
        principal = info.context.principal
        if principal is None:
            raise Unauthorized("An access token is required.")
        return Audience.of(principal)
    except AppError as error:
        raise as_graphql_error(error) from None


def _patterns(types: list[str] | None) -> list[str]:
    try:
        return parse_patterns(types)
    except AppError as error:
        raise as_graphql_error(error) from None


@strawberry.type
class EventsQuery:
    @strawberry.field(description="The event log after a sequence, oldest first.")
    async def events(
        self,
        info: Info[Context, Any],
        after: int = 0,
        types: list[str] | None = None,
        limit: int = 50,
    ) -> EventPage:
        reader = _audience(info)
        limit = checked_page(limit, None).limit
        async with unit_of_work(info, write=False) as session:
            rows = await service.read(session, reader, _patterns(types), after, limit + 1)
        more = len(rows) > limit
        rows = rows[:limit]
        return EventPage(
            data=[EventType.of(r) for r in rows], next_after=rows[-1].sequence if more else None
        )

    @strawberry.field(description="The catalogue of event types.")
    async def event_types(self, info: Info[Context, Any]) -> list[EventTypeInfoType]:
        _audience(info)
        return [EventTypeInfoType(**t.model_dump()) for t in service.event_types()]


@strawberry.type
class EventsSubscription:
    @strawberry.subscription(
        description="Events as they commit; resume with `after` (the last sequence you saw)."
    )
    async def events(
        self,
        info: Info[Context, Any],
        types: list[str] | None = None,
        after: int | None = None,
    ) -> AsyncGenerator[EventType, None]:
        reader = _audience(info)
        patterns = _patterns(types)
        runtime = info.context.runtime
        try:
            start = await stream.start_position(runtime.db, reader, after)
        except AppError as error:
            raise as_graphql_error(error) from None
        settings = runtime.settings
        async for event in stream.follow(
            runtime.db,
            reader,
            patterns,
            start,
            heartbeat=settings.event_stream_heartbeat,
            poll=settings.event_poll_interval,
        ):
            if event is not None:  # the protocol has its own ping/pong
                yield EventType.of(event)
