"""Checking SMTP AUTH credentials without stalling the event loop.

A submission sign-in is the account's password, one of its app passwords, or an OAuth
access token acting for it with `mail:send`. argon2 costs tens of milliseconds of CPU and
19 MiB per check, so the hashing runs in worker threads behind a small limiter (bounded CPU
and memory; the loop keeps answering every other connection meanwhile), and the database
reads and writes around it stay on the loop, outside any transaction held during hashing.
Sign-ins are throttled per address and per client IP exactly like the web sign-in.
"""

from __future__ import annotations

from dataclasses import dataclass

import anyio
from anyio import to_thread
from sqlalchemy import func, select

from api.directory import app_passwords, throttle
from api.identity.bearer import load_principal
from api.identity.passwords import hash_password, needs_rehash, verify_password
from api.runtime import Runtime
from api.storage.models import Account

PASSWORD = "password"  # what `check` returns when the account password matched

MAX_LOGIN = 320
MAX_PASSWORD = 4096


@dataclass(frozen=True)
class Identity:
    """Who an SMTP session signed in as (the session's `auth_data`)."""

    account_id: str
    app_password_id: str | None = None  # None: the account password or an OAuth token


def check(password: str, account_hash: str | None, candidates: list[tuple[str, str]]) -> str | None:
    """Blocking (run it in a thread): which credential `password` is — an app password's id,
    `PASSWORD`, or None. Always costs at least one argon2 verification."""
    if app_passwords.looks_like_app_password(password):
        typed = app_passwords.normalise(password)
        for app_password_id, digest in candidates:
            if verify_password(digest, typed):
                return app_password_id
    return PASSWORD if verify_password(account_hash, password) else None


class SaslVerifier:
    """One per SMTP edge: `await verifier.authenticate(login, password, ip)`."""

    def __init__(self, runtime: Runtime, concurrency: int = 4) -> None:
        self.runtime = runtime
        self.concurrency = concurrency
        self._limiter: anyio.CapacityLimiter | None = None

    @property
    def limiter(self) -> anyio.CapacityLimiter:
        if self._limiter is None:  # made on first use: it belongs to the running loop
            self._limiter = anyio.CapacityLimiter(self.concurrency)
        return self._limiter

    async def authenticate(self, login: str, password: str, ip: str | None) -> Identity | None:
        """Who `login` / `password` sign in as, or None (wrong, locked out, or inactive)."""
        if not login or not password or len(login) > MAX_LOGIN or len(password) > MAX_PASSWORD:
            return None
        address = login.strip().lower()
        identity = await self._token(address, password)
        if identity is not None:
            return identity
        db = self.runtime.db
        async with db.session(write=False) as session:
            if await throttle.locked_until(session, address, ip) is not None:
                return None
            account = await session.scalar(
                select(Account).where(func.lower(Account.address) == address)
            )
            account_id = account.id if account is not None else None
            account_hash = account.password_hash if account is not None else None
            candidates = (
                await app_passwords.candidates_for(session, account.id)
                if account is not None and account.status == "active"
                else []
            )
        matched = await to_thread.run_sync(
            check, password, account_hash, candidates, limiter=self.limiter
        )
        fresh_hash = None
        if matched == PASSWORD and account_hash and needs_rehash(account_hash):
            fresh_hash = await to_thread.run_sync(hash_password, password, limiter=self.limiter)
        async with db.session() as session:
            if matched is None or account_id is None:
                await throttle.record_failure(session, address, ip)
                return None
            await throttle.record_success(session, address)
            account = await session.get(Account, account_id)
            if account is None or account.status != "active":
                return None
            if matched == PASSWORD:
                if fresh_hash is not None and account.password_hash == account_hash:
                    account.password_hash = fresh_hash
                return Identity(account.id)
            if not await app_passwords.mark_used(session, matched, account.id, ip):
                return None  # revoked while we were hashing
            return Identity(account.id, matched)

    async def _token(self, address: str, token: str) -> Identity | None:
        """An OAuth access token acting for `address` with `mail:send` (no hashing: a digest
        lookup), for OA systems that already hold one."""
        if not token.startswith("mpat_"):
            return None
        async with self.runtime.db.session(write=False) as session:
            principal, _ = await load_principal(session, token)
        if (
            principal is not None
            and principal.account_id
            and "mail:send" in principal.scopes
            and (principal.address or "").lower() == address
        ):
            return Identity(principal.account_id)
        return None
