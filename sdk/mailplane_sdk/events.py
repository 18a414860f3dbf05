"""Follow the event stream (`/v1/events/stream`, Server-Sent Events), resuming after any
disconnect from the last event seen, so a long-running OA integration misses nothing.

    from mailplane_sdk import Mailplane

    mp = Mailplane(url, client_id, client_secret, scopes=["directory:read"])
    for event in mp.events.stream(types=["directory.account.*"], after=last_saved_sequence):
        handle(event)
        save(event.sequence)

`AsyncMailplane.events.stream(…)` gives an `AsyncEventStream` to use with `async for`.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator, Iterable, Iterator
from typing import Any, Protocol

import httpx

from mailplane_sdk.errors import from_response
from mailplane_sdk.models import PlatformEvent

STREAM_PATH = "/v1/events/stream"


class SSEDecoder:
    """Server-Sent Events from lines: (id, event, data) per message; comments skipped."""

    def __init__(self) -> None:
        self.event_id: str | None = None
        self.name: str | None = None
        self.data: list[str] = []

    def feed(self, line: str) -> tuple[str | None, str | None, str] | None:
        if line == "":
            message = (self.event_id, self.name, "\n".join(self.data)) if self.data else None
            self.name, self.data = None, []
            return message
        if line.startswith(":"):
            return None
        field, _, value = line.partition(":")
        value = value[1:] if value.startswith(" ") else value
        if field == "id":
            self.event_id = value
        elif field == "event":
            self.name = value
        elif field == "data":
            self.data.append(value)
        return None


def parse_sse(lines: Iterable[str]) -> Iterator[tuple[str | None, str | None, str]]:
    """(id, event, data) for each SSE message; comments and heartbeats are skipped."""
    decoder = SSEDecoder()
    for line in lines:
        message = decoder.feed(line)
        if message is not None:
            yield message


class _HasHttp(Protocol):
    @property
    def http(self) -> Any: ...


class _Position:
    """Where a stream is (the last sequence seen) and how long to wait before reconnecting."""

    def __init__(
        self,
        types: list[str] | None,
        after: int | None,
        reconnect_delay: float,
        max_delay: float,
        read_timeout: float,
    ) -> None:
        self.types = types
        self.last_sequence = after
        self.reconnect_delay = reconnect_delay
        self.max_delay = max_delay
        self.read_timeout = read_timeout
        self.delay = reconnect_delay
        self.reconnects = 0
        self.closed = False

    def request(self) -> dict[str, Any]:
        params: dict[str, Any] = {}
        headers = {"Accept": "text/event-stream"}
        if self.types:
            params["types"] = ",".join(self.types)
        if self.last_sequence is not None:
            params["after"] = self.last_sequence
            headers["Last-Event-ID"] = str(self.last_sequence)
        return {
            "params": params,
            "headers": headers,
            "timeout": httpx.Timeout(10.0, read=self.read_timeout),
        }

    def check(self, response: httpx.Response) -> None:
        """4xx ends the stream with a typed error; 5xx is retried like a dropped connection."""
        if 400 <= response.status_code < 500:
            raise from_response(response)
        if response.status_code >= 500:
            raise httpx.HTTPStatusError("server error", request=response.request, response=response)

    def event(self, message: tuple[str | None, str | None, str]) -> PlatformEvent:
        event_id, _name, data = message
        event = PlatformEvent.from_dict(json.loads(data))
        self.last_sequence = int(event_id) if event_id and event_id.isdigit() else event.sequence
        self.delay = self.reconnect_delay
        return event

    def backoff(self) -> float:
        self.reconnects += 1
        wait, self.delay = self.delay, min(self.delay * 2, self.max_delay)
        return wait


RETRIED = (httpx.TransportError, httpx.HTTPStatusError)


class EventStream:
    """An endless iterator of events, reconnecting with `Last-Event-ID`.

    A 410 `ResyncRequired` (the position is past retention) and other 4xx errors are raised;
    network trouble and 5xx answers are retried with backoff.
    """

    def __init__(
        self,
        client: _HasHttp,
        *,
        types: list[str] | None = None,
        after: int | None = None,
        reconnect_delay: float = 1.0,
        max_delay: float = 30.0,
        read_timeout: float = 60.0,
    ) -> None:
        self.http: httpx.Client = client.http
        self.position = _Position(types, after, reconnect_delay, max_delay, read_timeout)

    @property
    def last_sequence(self) -> int | None:
        return self.position.last_sequence

    @property
    def reconnects(self) -> int:
        return self.position.reconnects

    def close(self) -> None:
        self.position.closed = True

    def __iter__(self) -> Iterator[PlatformEvent]:
        position = self.position
        while not position.closed:
            try:
                with self.http.stream("GET", STREAM_PATH, **position.request()) as response:
                    if response.status_code >= 400:
                        response.read()
                    position.check(response)
                    decoder = SSEDecoder()
                    for line in response.iter_lines():
                        message = decoder.feed(line)
                        if message is not None:
                            yield position.event(message)
                            if position.closed:
                                return
            except RETRIED:
                pass
            if not position.closed:
                time.sleep(position.backoff())


class AsyncEventStream:
    """`EventStream` for `AsyncMailplane`: `async for event in mp.events.stream(…)`."""

    def __init__(
        self,
        client: _HasHttp,
        *,
        types: list[str] | None = None,
        after: int | None = None,
        reconnect_delay: float = 1.0,
        max_delay: float = 30.0,
        read_timeout: float = 60.0,
    ) -> None:
        self.http: httpx.AsyncClient = client.http
        self.position = _Position(types, after, reconnect_delay, max_delay, read_timeout)

    @property
    def last_sequence(self) -> int | None:
        return self.position.last_sequence

    def close(self) -> None:
        self.position.closed = True

    async def __aiter__(self) -> AsyncIterator[PlatformEvent]:
        position = self.position
        while not position.closed:
            try:
                async with self.http.stream("GET", STREAM_PATH, **position.request()) as response:
                    if response.status_code >= 400:
                        await response.aread()
                    position.check(response)
                    decoder = SSEDecoder()
                    async for line in response.aiter_lines():
                        message = decoder.feed(line)
                        if message is not None:
                            yield position.event(message)
                            if position.closed:
                                return
            except RETRIED:
                pass
            if not position.closed:
                await asyncio.sleep(position.backoff())
