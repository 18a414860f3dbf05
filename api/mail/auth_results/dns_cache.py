"""A DNS view for the SMTP edge: the configured resolver plus a short in-process cache, so a
burst of mail from one domain costs one SPF, DKIM-key and DMARC lookup, not one per message.

Answers (records or "none") are kept `ttl` seconds; a failing resolver is remembered for
`failure_ttl` seconds so a dead DNS server degrades to `temperror` at once, not a timeout
per message; concurrent identical lookups share one query.
"""

from __future__ import annotations

import asyncio
import time
from typing import Any

from dns.rdata import Rdata

from api.directory import DnsUnavailable, Lookup

MAX_ENTRIES = 50_000


class CachedLookup(Lookup):
    """`Lookup` with a time-bounded cache of typed answers (positive and negative)."""

    def __init__(
        self, resolver_spec: str | None, *, timeout: float | None = 5.0, ttl: float = 60.0,
        failure_ttl: float = 30.0,
    ) -> None:
        try:
            super().__init__(resolver_spec, timeout=timeout)
            self.broken: str | None = None
        except DnsUnavailable as exc:  # no resolver on this host: every lookup is temperror
            self.broken = exc.detail
        self.ttl = ttl
        self.failure_ttl = failure_ttl
        self._cache: dict[tuple[str, str], tuple[float, list[Rdata] | DnsUnavailable]] = {}
        self._inflight: dict[tuple[str, str], asyncio.Future[list[Rdata]]] = {}

    async def query(self, name: str, rdtype: str) -> list[Rdata]:
        if self.broken is not None:
            raise DnsUnavailable(self.broken)
        key = (name.lower().rstrip("."), rdtype)
        now = time.monotonic()
        hit = self._cache.get(key)
        if hit is not None and hit[0] > now:
            if isinstance(hit[1], DnsUnavailable):
                raise hit[1]
            return hit[1]
        pending = self._inflight.get(key)
        if pending is not None:  # single flight: one lookup however many sessions ask
            return await asyncio.shield(pending)
        future: asyncio.Future[list[Rdata]] = asyncio.get_running_loop().create_future()
        self._inflight[key] = future
        try:
            answer = await super().query(name, rdtype)
        except DnsUnavailable as exc:
            self._remember(key, time.monotonic() + self.failure_ttl, exc)
            future.set_exception(exc)
            future.exception()
            raise
        except BaseException:
            future.cancel()
            raise
        finally:
            self._inflight.pop(key, None)
        self._remember(key, time.monotonic() + self.ttl, answer)
        future.set_result(answer)
        return answer

    def _remember(self, key: tuple[str, str], until: float, value: Any) -> None:
        if len(self._cache) >= MAX_ENTRIES:
            self._cache.clear()
        self._cache[key] = (until, value)
