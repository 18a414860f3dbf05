"""`mp.events`: the organisation's event log, read as pages or followed live."""

from __future__ import annotations

import builtins
from typing import overload

from typing_extensions import Unpack

from mailplane_sdk.calls import Spec, model
from mailplane_sdk.coverage import covers
from mailplane_sdk.endpoints import Namespace, R, endpoint, paged
from mailplane_sdk.events import AsyncEventStream, EventStream
from mailplane_sdk.generated import params
from mailplane_sdk.generated.models import EventTypeInfo, WebhookAttempt
from mailplane_sdk.models import PlatformEvent
from mailplane_sdk.pagination import Page, page_of, single_page_of
from mailplane_sdk.runners import AsyncRunner, SyncRunner


class Events(Namespace[R]):
    """`mp.events`."""

    @paged("GET", "/v1/events", "list_events")
    def list(self, /, **query: Unpack[params.ListEventsQuery]) -> Spec[Page[PlatformEvent]]:
        """Events after `after` (a sequence), oldest first; `types` filters (`mail.*`)."""
        return Spec(page_of(PlatformEvent.from_dict), params=query)

    @endpoint("GET", "/v1/events/{event_id}", "get_event")
    def get(self, event_id: str) -> Spec[PlatformEvent]:
        return Spec(model(PlatformEvent), path={"event_id": event_id})

    @endpoint("GET", "/v1/events/types", "list_event_types")
    def types(self) -> Spec[builtins.list[EventTypeInfo]]:
        """The event catalogue: every type with its data schema."""
        return Spec(single_page_of(EventTypeInfo.from_dict))

    @paged("GET", "/v1/events/{event_id}/attempts", "list_event_attempts")
    def attempts(
        self, event_id: str, /, **query: Unpack[params.ListEventAttemptsQuery]
    ) -> Spec[Page[WebhookAttempt]]:
        """Webhook delivery attempts of one event, across endpoints."""
        return Spec(page_of(WebhookAttempt.from_dict), path={"event_id": event_id}, params=query)

    @overload
    def stream(
        self: Events[SyncRunner],
        *,
        types: builtins.list[str] | None = None,
        after: int | None = None,
        reconnect_delay: float = 1.0,
        max_delay: float = 30.0,
        read_timeout: float = 60.0,
    ) -> EventStream: ...
    @overload
    def stream(
        self: Events[AsyncRunner],
        *,
        types: builtins.list[str] | None = None,
        after: int | None = None,
        reconnect_delay: float = 1.0,
        max_delay: float = 30.0,
        read_timeout: float = 60.0,
    ) -> AsyncEventStream: ...
    @covers("stream_events")
    def stream(
        self,
        *,
        types: builtins.list[str] | None = None,
        after: int | None = None,
        reconnect_delay: float = 1.0,
        max_delay: float = 30.0,
        read_timeout: float = 60.0,
    ) -> EventStream | AsyncEventStream:
        """Follow the log live (SSE), resuming from the last event after any disconnect."""
        cls = AsyncEventStream if isinstance(self._runner, AsyncRunner) else EventStream
        return cls(
            self._runner,
            types=types,
            after=after,
            reconnect_delay=reconnect_delay,
            max_delay=max_delay,
            read_timeout=read_timeout,
        )
