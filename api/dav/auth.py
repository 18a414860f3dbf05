"""Who is calling `/dav/`: HTTP Basic with an app password (or the account password) through
the same verifier, throttle and lockout as SMTP AUTH, or an OAuth Bearer token acting for a
person with the calendar/contacts scopes (resolved by the authentication middleware).

argon2 costs tens of milliseconds per check and clients send credentials with every request,
so a verified Basic credential is remembered for `CACHE_SECONDS` under a keyed digest (never
the password itself). Each request still re-reads the account and the app password's row
(an indexed lookup, no hashing), so revoking an app password, changing the password or
freezing the account takes effect at the next request. Each fresh verification is audited
(`dav.sign_in`); failures count towards the same lockout as every other door.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import time
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession
from starlette.requests import Request

from api.directory import app_passwords
from api.errors import Forbidden, Unauthorized
from api.identity import Principal, record
from api.mail import SaslVerifier
from api.runtime import Runtime
from api.storage.models import Account

CACHE_SECONDS = 60.0
MAX_CACHE = 10_000
DAV_SCOPES = frozenset({"calendar:read", "calendar:write", "contacts:read", "contacts:write"})
REALM = 'Basic realm="Mailplane", charset="UTF-8"'


@dataclass(frozen=True)
class DavUser:
    """The person a request acts for, and what it may do."""

    account_id: str
    org_id: str
    address: str
    scopes: frozenset[str]
    principal: Principal
    account: Account | None = None  # the row read in this request's unit of work (Basic)

    def may(self, scope: str) -> bool:
        return scope in self.scopes


def unauthorized(detail: str) -> Unauthorized:
    error = Unauthorized(detail)
    error.headers["WWW-Authenticate"] = REALM
    return error


@dataclass(frozen=True)
class Remembered:
    """A verified Basic credential: which account, through which app password (None: the
    account password, remembered with the hash it matched)."""

    until: float
    account_id: str
    app_password_id: str | None
    password_hash: str | None


class DavAuthenticator:
    """One per app: `credential = await auth.credential(request)` before the unit of work,
    then `await auth.user(session, credential)` inside it."""

    def __init__(self, runtime: Runtime) -> None:
        self.runtime = runtime
        self.verifier = SaslVerifier(runtime, concurrency=2)
        self._key = secrets.token_bytes(32)
        self._cache: dict[bytes, Remembered] = {}

    def _digest(self, login: str, password: str) -> bytes:
        return hmac.new(self._key, f"{login}\0{password}".encode(), hashlib.sha256).digest()

    async def credential(self, request: Request) -> DavUser | tuple[bytes, Remembered]:
        """A Bearer token's user, or a Basic credential verified now or earlier."""
        principal = getattr(request.state, "principal", None)
        if principal is not None:
            return await self._bearer(principal)
        if getattr(request.state, "token_presented", False):
            raise unauthorized("The access token is invalid, expired or revoked.")
        header = request.headers.get("authorization", "")
        scheme, _, value = header.partition(" ")
        if scheme.lower() != "basic" or not value.strip():
            raise unauthorized("Sign in with your address and an app password.")
        try:
            login, sep, password = (
                base64.b64decode(value.strip(), validate=True).decode().partition(":")
            )
        except (ValueError, UnicodeDecodeError):
            raise unauthorized("The Basic credentials are malformed.") from None
        if not sep:
            raise unauthorized("The Basic credentials are malformed.")
        ip = request.client.host if request.client else None
        key = self._digest(login.strip().lower(), password)
        return key, await self._basic(key, login.strip().lower(), password, ip)

    async def user(
        self, session: AsyncSession, credential: DavUser | tuple[bytes, Remembered]
    ) -> DavUser:
        """The request's user, re-reading the account and app password behind a Basic
        credential (an indexed lookup in the request's own unit of work, no hashing)."""
        if isinstance(credential, DavUser):
            return credential
        key, known = credential
        account = await session.get(Account, known.account_id)
        still = account is not None and account.status == "active"
        if still and known.app_password_id is not None:
            ids = {i for i, _ in await app_passwords.candidates_for(session, known.account_id)}
            still = known.app_password_id in ids
        elif still and account is not None:
            still = account.password_hash == known.password_hash
        if not still or account is None:
            # revoked, changed, frozen or deleted since it was verified: takes effect at once
            self._cache.pop(key, None)
            raise unauthorized("The account or app password cannot sign in any more.")
        return DavUser(
            account.id,
            account.org_id,
            account.address,
            DAV_SCOPES,
            Principal(
                kind="account",
                org_id=account.org_id,
                scopes=DAV_SCOPES,
                account_id=account.id,
                role=account.role,
                address=account.address,
                display_name=account.display_name,
            ),
            account,
        )

    async def _basic(self, key: bytes, login: str, password: str, ip: str | None) -> Remembered:
        now = time.monotonic()
        hit = self._cache.get(key)
        if hit is not None and hit.until > now:
            return hit
        identity = await self.verifier.authenticate(login, password, ip)
        async with self.runtime.db.session() as session:
            account = await session.get(Account, identity.account_id) if identity else None
            if identity is None or account is None:
                # the verifier counted the failure towards the address's and IP's lockout
                raise unauthorized(
                    "The address or password is wrong, or sign-in is locked for now."
                )
            await record(
                session,
                org_id=account.org_id,
                action="dav.sign_in",
                actor_type="account",
                actor_id=account.id,
                ip=ip,
                target_type="account",
                target_id=account.id,
                details={"app_password_id": identity.app_password_id},
            )
            known = Remembered(
                now + CACHE_SECONDS,
                account.id,
                identity.app_password_id,
                account.password_hash if identity.app_password_id is None else None,
            )
        if len(self._cache) >= MAX_CACHE:
            self._cache.clear()
        self._cache[key] = known
        return known

    async def _bearer(self, principal: Principal) -> DavUser:
        if principal.account_id is None or principal.address is None:
            raise Forbidden("DAV needs a token acting for a person.")
        scopes = frozenset(principal.scopes) & DAV_SCOPES
        if not scopes:
            raise Forbidden("The token has none of the calendar or contacts scopes.")
        return DavUser(principal.account_id, principal.org_id, principal.address, scopes, principal)
