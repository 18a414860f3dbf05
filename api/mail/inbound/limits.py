"""Connection limits for the SMTP edge: in total and per client IP (one process's view)."""

from __future__ import annotations

from collections import defaultdict


class ConnectionLimiter:
    def __init__(self, total: int, per_ip: int) -> None:
        self.total_limit = total
        self.per_ip_limit = per_ip
        self.total = 0
        self.by_ip: dict[str, int] = defaultdict(int)

    def acquire(self, ip: str) -> str | None:
        """None when the connection may proceed, else the reply that turns it away."""
        if self.total >= self.total_limit:
            return "421 4.3.2 Too many connections, try again later"
        if self.by_ip[ip] >= self.per_ip_limit:
            return "421 4.7.0 Too many connections from your address, try again later"
        self.total += 1
        self.by_ip[ip] += 1
        return None

    def release(self, ip: str) -> None:
        self.total = max(0, self.total - 1)
        left = self.by_ip.get(ip, 0) - 1
        if left > 0:
            self.by_ip[ip] = left
        else:
            self.by_ip.pop(ip, None)
