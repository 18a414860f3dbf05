"""Follow the event stream (`/v1/events/stream`, Server-Sent Events), resuming after any
disconnect from the last event seen, so a long-running OA integration misses nothing.

    from mailplane_sdk import EventStream, Mailplane

    mp = Mailplane(url, client_id, client_secret, scopes=["directory:read"])
    for event in EventStream(mp, types=["directory.account.*"], after=last_saved_sequence):
        handle(event)
        save(event["sequence"])
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import httpx

from mailplane_sdk.errors import MailplaneError

if TYPE_CHECKING:
    from mailplane_sdk.client import Mailplane


def parse_sse(lines: Iterator[str]) -> Iterator[tuple[str | None, str | None, str]]:
    """(id, event, data) for each SSE message; comments and heartbeats are skipped."""
    event_id: str | None = None
    name: str | None = None
    data: list[str] = []
    for line in lines:
        if line == "":
            if data:
                yield event_id, name, "\n".join(data)
            name, data = None, []
            continue
        if line.startswith(":"):
            continue
        field, _, value = line.partition(":")
        value = value[1:] if value.startswith(" ") else value
        if field == "id":
            event_id = value
        elif field == "event":
            name = value
        elif field == "data":
            data.append(value)


class EventStream:
    """An endless iterator of events (dicts), reconnecting with `Last-Event-ID`.

    A 410 `resync_required` (the position is past retention) and other 4xx errors are raised
    as MailplaneError; network trouble and 5xx answers are retried with backoff.
    """

    def __init__(
        self,
        client: Mailplane,
        *,
        types: list[str] | None = None,
        after: int | None = None,
        reconnect_delay: float = 1.0,
        max_delay: float = 30.0,
        read_timeout: float = 60.0,
    ) -> None:
        self.client = client
        self.types = types
        self.last_sequence = after
        self.reconnect_delay = reconnect_delay
        self.max_delay = max_delay
        self.read_timeout = read_timeout
        self.reconnects = 0
        self._closed = False

    def close(self) -> None:
        self._closed = True

    def _params(self) -> dict[str, Any]:
        params: dict[str, Any] = {}
        if self.types:
            params["types"] = ",".join(self.types)
        if self.last_sequence is not None:
            params["after"] = self.last_sequence
        return params

    def __iter__(self) -> Iterator[dict[str, Any]]:
        delay = self.reconnect_delay
        while not self._closed:
            headers = {"Accept": "text/event-stream"}
            if self.last_sequence is not None:
                headers["Last-Event-ID"] = str(self.last_sequence)
            try:
                with self.client.http.stream(
                    "GET",
                    "/v1/events/stream",
                    params=self._params(),
                    headers=headers,
                    timeout=httpx.Timeout(10.0, read=self.read_timeout),
                ) as resp:
                    if 400 <= resp.status_code < 500:
                        resp.read()
                        raise MailplaneError(resp.status_code, resp.json())
                    if resp.status_code >= 500:
                        raise httpx.HTTPStatusError(
                            "server error", request=resp.request, response=resp
                        )
                    for event_id, _name, data in parse_sse(resp.iter_lines()):
                        event = json.loads(data)
                        if event_id and event_id.isdigit():
                            self.last_sequence = int(event_id)
                        delay = self.reconnect_delay
                        yield event
                        if self._closed:
                            return
            except (httpx.TransportError, httpx.HTTPStatusError):
                pass
            if self._closed:
                return
            self.reconnects += 1
            time.sleep(delay)
            delay = min(delay * 2, self.max_delay)
