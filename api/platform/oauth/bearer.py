"""Resolve `Authorization: Bearer …` into a Principal, with a one-second in-process cache.

The cache is why revocation takes effect within one second across processes: every
process re-reads the token row at most a second after it last did.
"""

from __future__ import annotations

import time
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from api.kit.clock import utcnow
from api.platform.oauth.tokens import digest
from api.platform.principal import Principal
from api.storage.models import Account, App, Token

_MAX_ENTRIES = 100_000


class TokenCache:
    def __init__(self, ttl: float = 1.0) -> None:
        self.ttl = ttl
        self._entries: dict[str, tuple[float, Principal | None, datetime | None]] = {}

    def get(self, key: str) -> tuple[bool, Principal | None]:
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


async def load_principal(session: AsyncSession, token: str) -> tuple[Principal | None, datetime | None]:
    row = (
        await session.execute(
            select(Token, App.disabled, Account.status, Account.role)
            .join(App, App.id == Token.app_id)
            .outerjoin(Account, Account.id == Token.account_id)
            .where(Token.access_token_hash == digest(token))
        )
    ).first()
    if row is None:
        return None, None
    tok, app_disabled, account_status, account_role = row
    if tok.revoked_at is not None or tok.expires_at <= utcnow() or app_disabled:
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
    )
    return principal, tok.expires_at


async def authenticate(cache: TokenCache, session_factory, token: str) -> Principal | None:  # type: ignore[no-untyped-def]
    key = digest(token)
    found, principal = cache.get(key)
    if found:
        return principal
    async with session_factory() as session:
        principal, expires_at = await load_principal(session, token)
    cache.put(key, principal, expires_at)
    return principal
