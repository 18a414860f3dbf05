"""Retries as an httpx transport, so every request (hand-written or generated) gets them.

A 429 or 503 answer, a 409 `idempotency_in_progress` and a dropped connection are retried,
waiting as `Retry-After` says (capped) or with jittered exponential backoff. Every POST, PATCH,
PUT and DELETE carries an `Idempotency-Key` (the caller's, or one generated here), identical on
every attempt, so the server runs a mutation at most once however often it is resent.
"""

from __future__ import annotations

import asyncio
import random
import time
import uuid
from dataclasses import dataclass
from email.utils import parsedate_to_datetime

import httpx

MUTATING = frozenset({"POST", "PATCH", "PUT", "DELETE"})
RETRY_STATUSES = frozenset({429, 503})
RETRY_ERRORS: tuple[type[Exception], ...] = (
    httpx.ConnectError,
    httpx.ConnectTimeout,
    httpx.PoolTimeout,
    httpx.ReadError,
    httpx.WriteError,
    httpx.RemoteProtocolError,
)
# The OAuth endpoints are not idempotent-key aware: a token request is retried as it is.
NO_KEY_PREFIXES = ("/oauth/",)


@dataclass(frozen=True)
class RetryPolicy:
    """How often and how long to retry."""

    max_retries: int = 3
    backoff: float = 0.5
    max_backoff: float = 8.0
    max_retry_after: float = 60.0

    def prepare(self, request: httpx.Request) -> None:
        """Give a mutation its Idempotency-Key before the first attempt."""
        if (
            request.method in MUTATING
            and "idempotency-key" not in request.headers
            and not request.url.path.startswith(NO_KEY_PREFIXES)
        ):
            request.headers["Idempotency-Key"] = f"sdk-{uuid.uuid4()}"

    def should_retry(
        self, attempt: int, request: httpx.Request, response: httpx.Response | None
    ) -> bool:
        """Whether to try again after `attempt` (0-based) ended with `response` or an error."""
        if attempt >= self.max_retries:
            return False
        if response is None:
            return True
        if response.status_code in RETRY_STATUSES:
            return True
        # The first request with this key is still running on the server: wait for it.
        return (
            response.status_code == 409
            and "idempotency-key" in request.headers
            and (b"idempotency_in_progress" in _peek(response))
        )

    def delay(self, attempt: int, response: httpx.Response | None) -> float:
        """Seconds to wait before the next attempt."""
        if response is not None:
            hinted = retry_after(response.headers.get("retry-after"))
            if hinted is not None:
                return min(hinted, self.max_retry_after)
        base = min(self.backoff * 2.0**attempt, self.max_backoff)
        return base / 2 + random.uniform(0, base / 2)


def _peek(response: httpx.Response) -> bytes:
    try:
        return response.content[:2048]
    except httpx.ResponseNotRead:
        return b""


def retry_after(value: str | None) -> float | None:
    """Seconds from a `Retry-After` header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


class RetryTransport(httpx.BaseTransport):
    """Wraps a transport with the retry policy (synchronous clients)."""

    def __init__(
        self, inner: httpx.BaseTransport | None = None, policy: RetryPolicy | None = None
    ) -> None:
        self.inner = inner or httpx.HTTPTransport()
        self.policy = policy or RetryPolicy()
        self.sleep = time.sleep

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.policy.prepare(request)
        attempt = 0
        while True:
            try:
                response = self.inner.handle_request(request)
            except RETRY_ERRORS:
                if not self.policy.should_retry(attempt, request, None):
                    raise
                self.sleep(self.policy.delay(attempt, None))
                attempt += 1
                continue
            if response.status_code in RETRY_STATUSES or response.status_code == 409:
                response.read()
                if self.policy.should_retry(attempt, request, response):
                    response.close()
                    self.sleep(self.policy.delay(attempt, response))
                    attempt += 1
                    continue
            return response

    def close(self) -> None:
        self.inner.close()


class AsyncRetryTransport(httpx.AsyncBaseTransport):
    """Wraps a transport with the retry policy (asynchronous clients)."""

    def __init__(
        self, inner: httpx.AsyncBaseTransport | None = None, policy: RetryPolicy | None = None
    ) -> None:
        self.inner = inner or httpx.AsyncHTTPTransport()
        self.policy = policy or RetryPolicy()
        self.sleep = asyncio.sleep

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.policy.prepare(request)
        attempt = 0
        while True:
            try:
                response = await self.inner.handle_async_request(request)
            except RETRY_ERRORS:
                if not self.policy.should_retry(attempt, request, None):
                    raise
                await self.sleep(self.policy.delay(attempt, None))
                attempt += 1
                continue
            if response.status_code in RETRY_STATUSES or response.status_code == 409:
                await response.aread()
                if self.policy.should_retry(attempt, request, response):
                    await response.aclose()
                    await self.sleep(self.policy.delay(attempt, response))
                    attempt += 1
                    continue
            return response

    async def aclose(self) -> None:
        await self.inner.aclose()
