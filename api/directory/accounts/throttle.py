"""Failed sign-ins slow the next ones down: per address and per client IP, a lockout that
doubles with each failure past a free allowance and is capped, so an attacker can neither
guess fast nor lock a person out for long.

Keys hash the address as typed (not the account id), so unknown addresses lock exactly
like real ones and a lockout reveals nothing about which addresses exist.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from api.kit.clock import utcnow
from api.kit.pagination import PageParams, paginate
from api.storage.models import Account, Domain, LoginThrottle


@dataclass(frozen=True)
class Rule:
    free_failures: int
    base_seconds: float
    cap_seconds: float
    forget_after: timedelta  # failures older than this are forgotten


ADDRESS_RULE = Rule(
    free_failures=5, base_seconds=30, cap_seconds=15 * 60, forget_after=timedelta(hours=1)
)
IP_RULE = Rule(
    free_failures=50, base_seconds=30, cap_seconds=15 * 60, forget_after=timedelta(hours=1)
)


def address_key(address: str) -> str:
    return "addr:" + hashlib.sha256(address.strip().lower().encode()).hexdigest()[:40]


def ip_key(ip: str) -> str:
    return "ip:" + ip[:64]


def keys_for(address: str, ip: str | None) -> list[tuple[str, Rule]]:
    keys = [(address_key(address), ADDRESS_RULE)]
    if ip:
        keys.append((ip_key(ip), IP_RULE))
    return keys


def lockout_seconds(rule: Rule, failures: int) -> float:
    over = failures - rule.free_failures
    if over < 0:
        return 0.0
    return float(min(rule.cap_seconds, rule.base_seconds * 2 ** min(over, 30)))


def client_keys(client_id: str, ip: str | None) -> list[tuple[str, Rule]]:
    """OAuth client authentication: per client id (as typed, known or not) and per IP."""
    keys = [("client:" + hashlib.sha256(client_id.encode()).hexdigest()[:40], ADDRESS_RULE)]
    if ip:
        keys.append((ip_key(ip), IP_RULE))
    return keys


async def locked_until(session: AsyncSession, address: str, ip: str | None) -> datetime | None:
    """The latest lockout in force for this address or IP, or None."""
    return await locked_until_keys(session, keys_for(address, ip))


async def locked_until_keys(
    session: AsyncSession, keys: list[tuple[str, Rule]]
) -> datetime | None:
    now = utcnow()
    latest = None
    for key, _rule in keys:
        row = await session.get(LoginThrottle, key)
        if row is not None and row.locked_until is not None and row.locked_until > now:
            latest = max(latest, row.locked_until) if latest else row.locked_until
    return latest


async def record_failure(session: AsyncSession, address: str, ip: str | None) -> None:
    typed = address.strip().lower()[:320]
    org_id = await _org_of(session, typed)
    await record_failure_keys(session, keys_for(address, ip), org_id=org_id, address=typed)


async def record_failure_keys(
    session: AsyncSession, keys: list[tuple[str, Rule]], *,
    org_id: str | None = None, address: str | None = None,
) -> None:
    """Count one failure against each key. `org_id`: the organisation whose address (or
    domain) was named, so its admins see the lock (`list_locks`); the address is kept on the
    address key only."""
    now = utcnow()
    for key, rule in keys:
        row = await session.get(LoginThrottle, key)
        if row is None:
            row = LoginThrottle(key=key, failures=0, last_failure_at=now)
            session.add(row)
        elif row.last_failure_at < now - rule.forget_after:
            row.failures = 0
        row.failures += 1
        row.last_failure_at = now
        wait = lockout_seconds(rule, row.failures)
        row.locked_until = now + timedelta(seconds=wait) if wait else None
        if org_id is not None:
            row.org_id = org_id
            if key.startswith("addr:"):
                row.address = address


async def _org_of(session: AsyncSession, address: str) -> str | None:
    """The organisation hosting this address (an account's, else its domain's), or None."""
    org_id = await session.scalar(
        select(Account.org_id).where(func.lower(Account.address) == address).limit(1)
    )
    if org_id is None and "@" in address:
        org_id = await session.scalar(
            select(Domain.org_id).where(Domain.name == address.rsplit("@", 1)[1]).limit(1)
        )
    return org_id


async def list_locks(
    session: AsyncSession, org_id: str, page: PageParams, *, locked_only: bool
) -> tuple[list[LoginThrottle], str | None]:
    """The organisation's throttle rows still remembered (a failure within the forget
    window, or a lockout in force); `locked_only`: only lockouts in force."""
    now = utcnow()
    forget = min(ADDRESS_RULE.forget_after, IP_RULE.forget_after)
    query = select(LoginThrottle).where(
        LoginThrottle.org_id == org_id, LoginThrottle.failures > 0,
        or_(LoginThrottle.last_failure_at >= now - forget, LoginThrottle.locked_until > now),
    )
    if locked_only:
        query = query.where(LoginThrottle.locked_until > now)
    return await paginate(session, query, page, [LoginThrottle.key])


async def org_row(session: AsyncSession, org_id: str, key: str) -> LoginThrottle | None:
    row = await session.get(LoginThrottle, key)
    return row if row is not None and row.org_id == org_id else None


async def record_success(session: AsyncSession, address: str) -> None:
    """A right password clears the address's failures (never the IP's: one known account
    must not launder guesses against the others)."""
    await forget(session, address_key(address))


async def forget(session: AsyncSession, key: str) -> None:
    row = await session.get(LoginThrottle, key)
    if row is not None:
        await session.delete(row)
