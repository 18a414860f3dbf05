"""Mail-client sign-in for IMAP and POP3: the account password or an app password (checked
by the SMTP edge's SASL verifier: argon2 off the loop, throttled per address and IP), or
an OAuth access token acting for the account with a mail scope (OAUTHBEARER, XOAUTH2, or
given as the password). Frozen or deleted accounts are refused; every sign-in, and every
failure for a known address, is audited with its protocol and source address."""

from __future__ import annotations

import base64
import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from sqlalchemy import func, select

from api.directory import credentials
from api.identity import record
from api.identity.bearer import load_principal
from api.mail import SaslVerifier
from api.runtime import Runtime
from api.storage.models import Account

READ_SCOPES = frozenset({"mail:read", "mail:write"})


@dataclass(frozen=True)
class SignedIn:
    account_id: str
    org_id: str
    address: str
    credential: str  # password | app_password | oauth


def plain_response(data: bytes) -> tuple[str, str] | None:
    """(login, password) of a SASL PLAIN response (authzid must be empty or the login)."""
    parts = data.split(b"\x00")
    if len(parts) != 3:
        return None
    try:
        authz, login, password = (p.decode("utf-8") for p in parts)
    except UnicodeDecodeError:
        return None
    if authz and authz.lower() != login.lower():
        return None
    return login, password


def bearer_response(mechanism: str, data: bytes) -> tuple[str, str] | None:
    """(user, token) of an OAUTHBEARER (RFC 7628) or XOAUTH2 response."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    user, token = "", ""
    if mechanism == "OAUTHBEARER":
        head, _, rest = text.partition("\x01")
        for piece in head.split(","):
            if piece.startswith("a="):
                user = piece[2:].replace("=2C", ",").replace("=3D", "=")
        fields = rest.split("\x01")
    else:
        fields = text.split("\x01")
    for field_ in fields:
        if field_.startswith("user="):
            user = field_[5:]
        elif field_.lower().startswith("auth=bearer "):
            token = field_[12:].strip()
    return (user, token) if token else None


BEARER_ERROR = json.dumps({"status": "invalid_token", "scope": "mail:read"}).encode()
MECHANISMS = ("PLAIN", "LOGIN", "OAUTHBEARER", "XOAUTH2")


def bearer_error() -> bytes:
    return base64.b64encode(BEARER_ERROR)


class MalformedResponse(Exception):
    """A SASL response that is not one (a PLAIN message without its two NULs)."""


Ask = Callable[[bytes], Awaitable[bytes]]


async def sasl_sign_in(signin: ClientSignIn, mechanism: str, initial: bytes | None, ask: Ask,
                       ip: str | None) -> SignedIn | None:
    """One SASL exchange (PLAIN, LOGIN, OAUTHBEARER, XOAUTH2), the same for IMAP's
    AUTHENTICATE and POP3's AUTH: `initial` is the decoded initial response (None when the
    client sent none); `ask(challenge)` sends a challenge (unencoded) as the protocol does
    and returns the client's decoded answer, raising when the client cancels. None when the
    credentials are refused (throttled and audited by `signin`)."""
    if mechanism == "LOGIN":
        user = initial if initial else await ask(b"Username:")
        password = await ask(b"Password:")
        return await signin.password(user.decode("utf-8", "replace"),
                                     password.decode("utf-8", "replace"), ip, "LOGIN")
    data = initial if initial is not None else await ask(b"")
    if mechanism == "PLAIN":
        pair = plain_response(data)
        if pair is None:
            raise MalformedResponse("Malformed PLAIN response")
        return await signin.password(pair[0], pair[1], ip, "PLAIN")
    parsed = bearer_response(mechanism, data)
    who = await signin.token(parsed[0], parsed[1], ip, mechanism) if parsed else None
    if who is None:
        await ask(BEARER_ERROR)  # RFC 7628 3.2.2: the client answers with a dummy response
    return who


class ClientSignIn:
    """One per server process: `await signin.password(...)` / `await signin.token(...)`."""

    def __init__(self, runtime: Runtime, protocol: str) -> None:
        self.runtime = runtime
        self.protocol = protocol
        self.sasl = SaslVerifier(runtime, runtime.settings.smtp_auth_concurrency)

    async def password(self, login: str, password: str, ip: str | None,
                       mechanism: str) -> SignedIn | None:
        if password.startswith("mpat_"):
            return await self.token(login, password, ip, mechanism)
        identity = await self.sasl.authenticate(login, password, ip)
        if identity is None:
            await self._failed(login, ip, mechanism)
            return None
        credential = "app_password" if identity.app_password_id else "password"
        if credential == "password" and not await self._password_allowed(identity.account_id):
            # answered exactly like a wrong password: a stolen account password is not
            # confirmed to whoever tries it here
            await self._failed(login, ip, mechanism, reason="password_not_allowed")
            return None
        return await self._audit(identity.account_id, ip, mechanism, credential)

    async def _password_allowed(self, account_id: str) -> bool:
        """The organisation's policy: may mail clients use the account password?"""
        async with self.runtime.db.session(write=False) as session:
            account = await session.get(Account, account_id)
            if account is None:
                return False
            policy = await credentials.load_policy(session, account.org_id)
            return policy.mail_clients_allow_password

    async def token(self, login: str, token: str, ip: str | None,
                    mechanism: str) -> SignedIn | None:
        async with self.runtime.db.session(write=False) as session:
            principal, _ = await load_principal(session, token)
        if (
            principal is None or not principal.account_id
            or not (READ_SCOPES & principal.scopes)
            or (login and (principal.address or "").lower() != login.strip().lower())
        ):
            await self._failed(login, ip, mechanism)
            return None
        return await self._audit(principal.account_id, ip, mechanism, "oauth")

    async def _audit(self, account_id: str, ip: str | None, mechanism: str,
                     credential: str) -> SignedIn | None:
        async with self.runtime.db.session() as session:
            account = await session.get(Account, account_id)
            if account is None or account.status != "active":
                return None
            await record(
                session, org_id=account.org_id, action="mail.client.signed_in",
                actor_type="account", actor_id=account.id, ip=ip, target_type="account",
                target_id=account.id,
                details={"protocol": self.protocol, "mechanism": mechanism,
                         "credential": credential},
            )
            return SignedIn(account.id, account.org_id, account.address, credential)

    async def _failed(self, login: str, ip: str | None, mechanism: str,
                      reason: str = "invalid") -> None:
        address = login.strip().lower()[:320]
        async with self.runtime.db.session() as session:
            account = await session.scalar(
                select(Account).where(func.lower(Account.address) == address)
            )
            if account is None:
                return
            await record(
                session, org_id=account.org_id, action="mail.client.sign_in_failed",
                actor_type="account", actor_id=account.id, ip=ip, target_type="account",
                target_id=account.id, result="failure",
                details={"protocol": self.protocol, "mechanism": mechanism,
                         "frozen": account.status != "active", "reason": reason},
            )
