"""Sending one delivery: the payload (thin above 256 KB), Standard Webhooks headers, a 15 s
deadline, and what the answer means: only 2xx succeeds, 3xx is never followed, 410 disables
the endpoint, `Retry-After` on 429/503 sets the next try, everything else follows the
retry schedule."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.utils import parsedate_to_datetime
from typing import Any

import httpx

from api.platform.webhooks import signing

#: Seconds to wait before each attempt: the first at once, the last about 27 h after it.
SCHEDULE: tuple[int, ...] = (0, 5, 300, 1800, 7200, 18000, 36000, 36000)
JITTER = 0.1
THIN_ABOVE = 256 * 1024
SNIPPET = 1000
MAX_RETRY_AFTER = 24 * 3600


@dataclass
class Outcome:
    ok: bool
    status_code: int | None
    latency_ms: int
    error: str | None = None
    snippet: str | None = None
    retry_after: float | None = None

    @property
    def gone(self) -> bool:
        return self.status_code == 410


def event_body(event: dict[str, Any], *, fetch_url: str) -> bytes:
    """The JSON body for an event; above 256 KB only ids and a URL to fetch the rest."""
    body = json.dumps(event, separators=(",", ":"), default=str).encode()
    if len(body) <= THIN_ABOVE:
        return body
    data = event.get("data") or {}
    thin = {
        "id": event["id"],
        "type": event["type"],
        "occurred_at": event["occurred_at"],
        "org_id": event["org_id"],
        "sequence": event["sequence"],
        "data": {k: data[k] for k in ("id", "account_id") if k in data},
        "thin": True,
        "url": fetch_url,
    }
    return json.dumps(thin, separators=(",", ":"), default=str).encode()


def next_delay(step: int, rng: Callable[[], float]) -> float | None:
    """Seconds until the attempt after attempt `step` (0-based), or None when exhausted."""
    if step + 1 >= len(SCHEDULE):
        return None
    base = SCHEDULE[step + 1]
    return base * (1 - JITTER + 2 * JITTER * rng())


def retry_after(value: str | None, now: datetime) -> float | None:
    if not value:
        return None
    value = value.strip()
    try:
        seconds = float(value)
    except ValueError:
        try:
            seconds = (parsedate_to_datetime(value) - now).total_seconds()
        except (TypeError, ValueError):
            return None
    return max(0.0, min(seconds, MAX_RETRY_AFTER))


def schedule_after_failure(
    outcome: Outcome, step: int, now: datetime, rng: Callable[[], float]
) -> datetime | None:
    """When to try again after a failed attempt `step`, or None to give up."""
    delay = next_delay(step, rng)
    if delay is None:
        return None
    if outcome.retry_after is not None:
        delay = outcome.retry_after
    return now + timedelta(seconds=delay)


async def send(
    client: httpx.AsyncClient,
    url: str,
    keys: Sequence[bytes],
    msg_id: str,
    body: bytes,
    *,
    timeout: float,
    now: datetime,
) -> Outcome:
    """POST one signed payload; never raises for network trouble (it is an Outcome)."""
    headers = signing.headers(keys, msg_id, int(time.time()), body)
    started = time.perf_counter()

    async def post() -> Outcome:
        async with client.stream("POST", url, content=body, headers=headers) as resp:
            chunk = b""
            async for part in resp.aiter_bytes():
                chunk += part
                if len(chunk) >= SNIPPET:
                    break
            code = resp.status_code
            after = None
            if code in (429, 503):
                after = retry_after(resp.headers.get("retry-after"), now)
            return Outcome(
                ok=200 <= code < 300,
                status_code=code,
                latency_ms=0,
                snippet=chunk[:SNIPPET].decode("utf-8", "replace") or None,
                error=None if 200 <= code < 300 else f"HTTP {code}",
                retry_after=after,
            )

    try:
        async with asyncio.timeout(timeout):
            outcome = await post()
    except TimeoutError:
        outcome = Outcome(ok=False, status_code=None, latency_ms=0, error="timed out")
    except httpx.HTTPError as exc:
        outcome = Outcome(
            ok=False, status_code=None, latency_ms=0, error=f"{type(exc).__name__}: {exc}"[:500]
        )
    outcome.latency_ms = int((time.perf_counter() - started) * 1000)
    return outcome
