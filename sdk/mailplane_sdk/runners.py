"""The two executors of `Call`s: `SyncRunner` over `httpx.Client`, `AsyncRunner` over
`httpx.AsyncClient`. Namespaces describe requests once; a runner sends them, raises the
typed error of any 4xx/5xx answer, walks pages and drives multi-step flows (uploads)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Generator, Iterator
from typing import Any, TypeVar

import httpx

from mailplane_sdk.calls import Call
from mailplane_sdk.errors import MailplaneError, from_response
from mailplane_sdk.pagination import Page, next_call

T = TypeVar("T")

# A flow yields Calls and receives each one's value (or has its exception thrown in).
Flow = Generator[Call[Any], Any, T]
# Exceptions a flow may catch and recover from (anything else ends it).
RECOVERABLE = (MailplaneError, httpx.TransportError)


def _checked(response: httpx.Response) -> httpx.Response:
    if response.status_code >= 400:
        raise from_response(response)
    return response


class SyncRunner:
    """Sends Calls with a synchronous httpx client."""

    def __init__(self, http: httpx.Client) -> None:
        self.http = http
        self.last_response: httpx.Response | None = None

    def send(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        self.last_response = self.http.request(method, path, **kwargs)
        return _checked(self.last_response)

    def run(self, call: Call[T]) -> T:
        return call.read(self.send(call.method, call.path, **call.request_kwargs()))

    def paginate(self, call: Call[Page[T]]) -> Iterator[T]:
        current: Call[Page[T]] | None = call
        while current is not None:
            page = self.run(current)
            yield from page.items
            current = next_call(current, page)

    def drive(self, flow: Flow[T]) -> T:
        try:
            step = next(flow)
            while True:
                try:
                    value = self.run(step)
                except RECOVERABLE as exc:
                    step = flow.throw(exc)
                else:
                    step = flow.send(value)
        except StopIteration as done:
            return done.value  # type: ignore[no-any-return]


class AsyncRunner:
    """Sends Calls with an asynchronous httpx client."""

    def __init__(self, http: httpx.AsyncClient) -> None:
        self.http = http
        self.last_response: httpx.Response | None = None

    async def send(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        self.last_response = await self.http.request(method, path, **kwargs)
        return _checked(self.last_response)

    async def run(self, call: Call[T]) -> T:
        return call.read(await self.send(call.method, call.path, **call.request_kwargs()))

    async def paginate(self, call: Call[Page[T]]) -> AsyncIterator[T]:
        current: Call[Page[T]] | None = call
        while current is not None:
            page = await self.run(current)
            for item in page.items:
                yield item
            current = next_call(current, page)

    async def drive(self, flow: Flow[T]) -> T:
        try:
            step = next(flow)
            while True:
                try:
                    value = await self.run(step)
                except RECOVERABLE as exc:
                    step = flow.throw(exc)
                else:
                    step = flow.send(value)
        except StopIteration as done:
            return done.value  # type: ignore[no-any-return]


Runner = SyncRunner | AsyncRunner
