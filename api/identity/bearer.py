"""Resolve `Authorization: Bearer …` into a Principal, with a one-second in-process cache.

Revocation takes effect across processes at once on PostgreSQL (a committed change to a
token, app or account signals `notify.TOKENS` to every process, which empties its cache) and
within one second otherwise: every process re-reads the token row at most a second after it
last did.
"""

from __future__ import annotations

import asyncio
import time
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from api.identity.grant_binding import binds
from api.identity.principal import Principal
from api.identity.token_strings import digest
from api.kit.clock import utcnow
from api.storage import notify
from api.storage.models import Account, App, Organization, Token

_MAX_ENTRIES = 100_000


class TokenCache:
    def __init__(self, ttl: float = 1.0) -> None:
        self.ttl = ttl
        self._entries: dict[str, tuple[float, Principal | None, datetime | None]] = {}
        self.inflight: dict[str, asyncio.Future[Principal | None]] = {}
        self._generation = notify.generation(notify.TOKENS)

    def get(self, key: str) -> tuple[bool, Principal | None]:
        seen = notify.generation(notify.TOKENS)
        if seen != self._generation:  # a token, app or account changed somewhere
            self._generation = seen
            self._entries.clear()
        hit = self._entries.get(key)
        if hit is None:
            return False, None
        until, principal, expires_at = hit
        if time.monotonic() > until or (expires_at is not None and utcnow() >= expires_at):
            del self._entries[key]
            return False, None
        return True, principal

    def put(self, key: str, principal: Principal | None, expires_at: datetime | None) -> None:
        if len(self._entries) >= _MAX_ENTRIES:
            self._entries.clear()
        self._entries[key] = (time.monotonic() + self.ttl, principal, expires_at)

    def clear(self) -> None:
        self._entries.clear()


async def load_principal(
    session: AsyncSession, token: str
) -> tuple[Principal | None, datetime | None]:
    row = (
        await session.execute(
            select(
                Token, App.disabled, App.name, App.org_id, Organization.name,
                Account.status, Account.role, Account.address, Account.display_name,
                Account.org_id, Account.locale, Organization.locale, Account.time_zone,
                Organization.time_zone,
            )
            .join(App, App.id == Token.app_id)
            .join(Organization, Organization.id == Token.org_id)
            .outerjoin(Account, Account.id == Token.account_id)
            .where(Token.access_token_hash == digest(token))
        )
    ).first()
    if row is None:
        return None, None
    (tok, app_disabled, app_name, app_org_id, org_name, account_status, account_role, address,
     display_name, account_org_id, account_locale, org_locale, account_zone, org_zone) = row
    if tok.revoked_at is not None or tok.expires_at <= utcnow() or app_disabled:
        return None, None
    # A token whose person and app are of different organisations authenticates nobody.
    if not binds(grant_org_id=tok.org_id, app_org_id=app_org_id, account_org_id=account_org_id,
                 has_account=tok.account_id is not None):
        return None, None
    if tok.account_id is not None and account_status != "active":
        return None, None
    principal = Principal(
        kind="app_user" if tok.account_id else "app",
        org_id=tok.org_id,
        scopes=frozenset(tok.scope.split()),
        app_id=tok.app_id,
        account_id=tok.account_id,
        role=account_role or "member",
        token_id=tok.id,
        org_name=org_name,
        app_name=app_name,
        address=address,
        display_name=display_name,
        locale=account_locale or org_locale,
        time_zone=(account_zone or org_zone or "UTC") if tok.account_id else None,
    )
    return principal, tok.expires_at


async def authenticate(cache: TokenCache, session_factory, token: str) -> Principal | None:  # type: ignore[no-untyped-def]
    key = digest(token)
    found, principal = cache.get(key)
    if found:
        return principal
    # Single flight: when the entry expires under load, one request reads the row and the
    # concurrent ones wait for it instead of stampeding the database.
    pending = cache.inflight.get(key)
    if pending is not None:
        return await asyncio.shield(pending)
    future: asyncio.Future[Principal | None] = asyncio.get_running_loop().create_future()
    cache.inflight[key] = future
    try:
        async with session_factory() as session:
            principal, expires_at = await load_principal(session, token)
        cache.put(key, principal, expires_at)
        future.set_result(principal)
        return principal
    except BaseException as exc:
        future.set_exception(exc)
        future.exception()  # mark retrieved: waiters re-raise it, nobody logs it twice
        raise
    finally:
        del cache.inflight[key]
