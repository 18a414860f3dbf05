"""RCPT TO decisions: hosted or not (no open relay), known or not, may this sender post to
the group, is the mailbox full. Answers about single accounts (and their mailbox usage) are
cached for a moment, so a burst of mail to one person costs one lookup: one statement for a
remote address or an account's own (`plain`), the directory's `resolve_recipients` for the
rest. Group answers depend on the sender and are not cached. Delivery to addresses answered
here (accounts, aliases) trusts whose they are for that moment and re-reads each account in
its own transaction (one deleted since RCPT is refused); groups are resolved again at
delivery."""

from __future__ import annotations

import time
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from api.directory import resolve_recipients
from api.runtime import Runtime
from api.storage.models import Account, Domain, Mailbox

MAX_ENTRIES = 50_000


@dataclass(frozen=True)
class Known:
    kind: str  # local | remote | unknown
    account_id: str | None = None
    org_id: str | None = None
    quota: int | None = None
    used: int = 0


async def plain(session: AsyncSession, key: str) -> Known | None:
    """The common answers of `resolve_recipients` for one lower-cased address in one
    statement: a domain not hosted here (remote), or an account's own address in a primary
    domain (local, with its quota and usage; unknown once deleted). None for everything else
    (alias domains, aliases, groups, no such address): the caller resolves those in full."""
    domain = key.rsplit("@", 1)[-1]
    rows = (await session.execute(
        select(Domain.alias_of, Account.id, Account.org_id, Account.status, Account.quota_bytes,
               Mailbox.used_bytes)
        .select_from(Domain)
        .outerjoin(Account, func.lower(Account.address) == key)
        .outerjoin(Mailbox, Mailbox.account_id == Account.id)
        .where(Domain.name == domain)
    )).all()
    if not rows:
        return Known("remote")
    if len(rows) > 1:
        return None
    alias_of, account_id, org_id, status, quota, used = rows[0]
    if alias_of is not None or account_id is None:
        return None
    if status in ("deleted", ""):
        return Known("unknown")
    return Known("local", account_id, org_id, quota, used or 0)


async def _resolved(session: AsyncSession, address: str, sender: str) -> Known | str | None:
    """The directory's full answer: Known, or the SMTP refusal of a group that does not take
    mail from `sender`, or None for a group that does (not cached: it depends on the sender)."""
    key = address.strip().lower()
    resolution = await resolve_recipients(session, [address], sender=sender or None)
    if resolution.refused:
        reason = next(iter(resolution.refused.values()))
        return f"550 5.7.1 <{key}>: {reason}"
    if resolution.unknown:
        return Known("unknown")
    if resolution.remote:
        return Known("remote")
    if resolution.groups:
        return None
    account_id = next(iter(resolution.local))
    row = (await session.execute(
        select(Account.org_id, Account.quota_bytes, Mailbox.used_bytes)
        .outerjoin(Mailbox, Mailbox.account_id == Account.id)
        .where(Account.id == account_id)
    )).first()
    return Known("unknown") if row is None else Known("local", account_id, row[0], row[1],
                                                       row[2] or 0)


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
                found = await plain(session, key) or await _resolved(session, address, sender)
            if not isinstance(found, Known):
                return found  # a refusal, or a group (its members are checked at delivery)
            known = found
            self._remember(key, known)
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

    def _remember(self, key: str, known: Known) -> None:
        if len(self._cache) >= MAX_ENTRIES:
            self._cache.clear()
        self._cache[key] = (time.monotonic() + self.ttl, known)

    def forget(self, address: str) -> None:
        self._cache.pop(address.strip().lower(), None)
