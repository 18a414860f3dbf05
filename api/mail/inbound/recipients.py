"""RCPT TO decisions: hosted or not (no open relay), known or not, may this sender post to
the group, is the mailbox full. Answers about single accounts (and their mailbox usage) are
cached for a moment, so a burst of mail to one person costs one lookup; group answers
depend on the sender and are not. Delivery to addresses answered here (accounts, aliases)
trusts whose they are for that moment and re-reads each account in its own transaction (one
deleted since RCPT is refused); groups are resolved again at delivery."""

from __future__ import annotations

import time
from dataclasses import dataclass

from sqlalchemy import select

from api.directory import resolve_recipients
from api.runtime import Runtime
from api.storage.models import Account, Mailbox

MAX_ENTRIES = 50_000


@dataclass(frozen=True)
class Known:
    kind: str  # local | remote | unknown
    account_id: str | None = None
    org_id: str | None = None
    quota: int | None = None
    used: int = 0


class RecipientCheck:
    def __init__(self, runtime: Runtime, *, ttl: float = 2.0) -> None:
        self.runtime = runtime
        self.ttl = ttl
        self._cache: dict[str, tuple[float, Known]] = {}

    def cached(self, address: str) -> Known | None:
        hit = self._cache.get(address.strip().lower())
        return hit[1] if hit is not None and hit[0] > time.monotonic() else None

    async def check(
        self, address: str, sender: str, *, size: int = 0, allow_remote: bool,
    ) -> str | None:
        """None to accept `address`, else the SMTP reply that refuses it."""
        key = address.strip().lower()
        known = self.cached(key)
        if known is None:
            async with self.runtime.db.session(write=False) as session:
                resolution = await resolve_recipients(session, [address], sender=sender or None)
                if resolution.refused:
                    reason = next(iter(resolution.refused.values()))
                    return f"550 5.7.1 <{key}>: {reason}"
                if resolution.unknown:
                    known = Known("unknown")
                elif resolution.remote:
                    known = Known("remote")
                elif resolution.groups:
                    return None  # a group: its members' mailboxes are checked at delivery
                else:
                    account_id = next(iter(resolution.local))
                    row = (await session.execute(
                        select(Account.org_id, Account.quota_bytes, Mailbox.used_bytes)
                        .outerjoin(Mailbox, Mailbox.account_id == Account.id)
                        .where(Account.id == account_id)
                    )).first()
                    if row is None:
                        known = Known("unknown")
                    else:
                        known = Known("local", account_id, row[0], row[1], row[2] or 0)
            if len(self._cache) >= MAX_ENTRIES:
                self._cache.clear()
            self._cache[key] = (time.monotonic() + self.ttl, known)
        if known.kind == "unknown":
            return f"550 5.1.1 <{key}>: Recipient address rejected: User unknown"
        if known.kind == "remote":
            return None if allow_remote else f"550 5.7.1 <{key}>: Relay access denied"
        if known.quota:
            if size and known.used + size > known.quota:
                return f"552 5.2.2 <{key}>: Mailbox full"
            if known.used >= known.quota:
                return f"452 4.2.2 <{key}>: Mailbox full, try again later"
        return None

    def forget(self, address: str) -> None:
        self._cache.pop(address.strip().lower(), None)
