"""A DNS view for the SMTP edge: the configured resolver plus a short in-process cache, so a
burst of mail from one domain costs one SPF, DKIM-key and DMARC lookup, not one per message.

Answers (records or "none") are kept `ttl` seconds; a failing resolver is remembered for
`failure_ttl` seconds so a dead DNS server degrades to `temperror` at once, not a timeout
per message.
"""

from __future__ import annotations

import time
from typing import Any

from dns.rdata import Rdata

from api.directory.dns.resolver import DnsUnavailable, Lookup

MAX_ENTRIES = 50_000


class CachedLookup(Lookup):
    """`Lookup` with a time-bounded cache of typed answers (positive and negative)."""

    def __init__(
        self, resolver_spec: str | None, *, timeout: float | None = 5.0, ttl: float = 60.0,
        failure_ttl: float = 5.0,
    ) -> None:
        try:
            super().__init__(resolver_spec, timeout=timeout)
            self.broken: str | None = None
        except DnsUnavailable as exc:  # no resolver on this host: every lookup is temperror
            self.broken = exc.detail
        self.ttl = ttl
        self.failure_ttl = failure_ttl
        self._cache: dict[tuple[str, str], tuple[float, list[Rdata] | DnsUnavailable]] = {}

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
        try:
            answer = await super().query(name, rdtype)
        except DnsUnavailable as exc:
            self._remember(key, now + self.failure_ttl, exc)
            raise
        self._remember(key, now + self.ttl, answer)
        return answer

    def _remember(self, key: tuple[str, str], until: float, value: Any) -> None:
        if len(self._cache) >= MAX_ENTRIES:
            self._cache.clear()
        self._cache[key] = (until, value)
