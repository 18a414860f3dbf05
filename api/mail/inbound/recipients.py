"""RCPT TO decisions: hosted or not (no open relay), known or not, may this sender post to
the group, is the mailbox full. Single-account answers are cached for a moment so a burst
of mail to one person costs one lookup; group answers depend on the sender and are not."""

from __future__ import annotations

import time
from dataclasses import dataclass

from sqlalchemy import select

from api.directory.recipients import resolve_recipients
from api.runtime import Runtime
from api.storage.models import Account, Mailbox

MAX_ENTRIES = 50_000


@dataclass(frozen=True)
class _Known:
    kind: str  # local | remote | unknown
    account_id: str | None = None


class RecipientCheck:
    def __init__(self, runtime: Runtime, *, ttl: float = 2.0) -> None:
        self.runtime = runtime
        self.ttl = ttl
        self._cache: dict[str, tuple[float, _Known]] = {}

    async def check(
        self, address: str, sender: str, *, size: int = 0, allow_remote: bool,
    ) -> str | None:
        """None to accept `address`, else the SMTP reply that refuses it."""
        key = address.strip().lower()
        hit = self._cache.get(key)
        now = time.monotonic()
        async with self.runtime.db.session(write=False) as session:
            if hit is not None and hit[0] > now:
                known = hit[1]
            else:
                resolution = await resolve_recipients(session, [address], sender=sender or None)
                if resolution.refused:
                    reason = next(iter(resolution.refused.values()))
                    return f"550 5.7.1 <{key}>: {reason}"
                if resolution.unknown:
                    known = _Known("unknown")
                elif resolution.remote:
                    known = _Known("remote")
                elif resolution.groups:
                    return None  # a group: its members' mailboxes are checked at delivery
                else:
                    known = _Known("local", next(iter(resolution.local)))
                if len(self._cache) >= MAX_ENTRIES:
                    self._cache.clear()
                self._cache[key] = (now + self.ttl, known)
            if known.kind == "unknown":
                return f"550 5.1.1 <{key}>: Recipient address rejected: User unknown"
            if known.kind == "remote":
                return None if allow_remote else f"550 5.7.1 <{key}>: Relay access denied"
            row = (await session.execute(
                select(Account.quota_bytes, Mailbox.used_bytes)
                .outerjoin(Mailbox, Mailbox.account_id == Account.id)
                .where(Account.id == known.account_id)
            )).first()
        if row is None:
            return f"550 5.1.1 <{key}>: Recipient address rejected: User unknown"
        quota, used = row[0], row[1] or 0
        if quota:
            if size and used + size > quota:
                return f"552 5.2.2 <{key}>: Mailbox full"
            if used >= quota:
                return f"452 4.2.2 <{key}>: Mailbox full, try again later"
        return None

    def forget(self, address: str) -> None:
        self._cache.pop(address.strip().lower(), None)
