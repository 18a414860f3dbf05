"""The SMTP protocol as the edge speaks it: aiosmtpd's state machine plus connection limits,
a data timeout, enhanced status codes on every reply, asynchronous AUTH PLAIN/LOGIN and
implicit TLS. What to accept is decided by the handlers (mx.py, submission.py)."""

from __future__ import annotations

import asyncio
import base64
import binascii
import logging
from typing import Any

from aiosmtpd.smtp import SMTP, AuthResult

from api.mail.inbound.limits import ConnectionLimiter
from api.storage.outage import SMTP_REPLY, is_database_outage, is_transaction_conflict

DATA_LIMIT_FALLBACK = 64 * 1024 * 1024  # when no message size limit is configured

# aiosmtpd's own replies, with the RFC 3463 enhanced codes we advertise
log = logging.getLogger("mailplane.smtp")

REPLIES = {
    "250 OK": "250 2.0.0 OK",
    "221 Bye": "221 2.0.0 Bye",
    "503 Error: need MAIL command": "503 5.5.1 Error: need MAIL command",
    "503 Error: need RCPT command": "503 5.5.1 Error: need RCPT command",
    "503 Error: nested MAIL command": "503 5.5.1 Error: nested MAIL command",
    "503 Already authenticated": "503 5.5.1 Already authenticated",
    "552 Error: message size exceeds fixed maximum message size":
        "552 5.3.4 Message size exceeds fixed maximum message size",
    "552 Error: Too much mail data": "552 5.3.4 Message size exceeds fixed maximum message size",
    "500 Line too long (see RFC5321 4.5.3.1.6)": "500 5.5.2 Line too long (RFC 5321 4.5.3.1.6)",
    "500 Command line too long": "500 5.5.2 Command line too long",
    "500 Error: bad syntax": "500 5.5.2 Error: bad syntax",
    "553 5.1.3 Error: malformed address": "553 5.1.3 Error: malformed address",
    "530 Must issue a STARTTLS command first": "530 5.7.0 Must issue a STARTTLS command first",
    "454 TLS not available": "454 4.7.0 TLS not available",
    "220 Ready to start TLS": "220 2.0.0 Ready to start TLS",
    "501 Syntax: DATA": "501 5.5.4 Syntax: DATA",
    "501 Syntax: RSET": "501 5.5.4 Syntax: RSET",
}


_NAMES: dict[type, list[str]] = {}


class EdgeSMTP(SMTP):
    """One SMTP connection."""

    def __dir__(self) -> list[str]:
        """Only the command and AUTH methods: aiosmtpd builds each connection's dispatch
        tables from `dir(self)` and `inspect.getmembers(self)`, which read every attribute
        (0.2 ms a connection, and many senders open one per message); the class's list is
        worked out once."""
        names = _NAMES.get(type(self))
        if names is None:
            names = _NAMES[type(self)] = [
                n for n in super().__dir__() if n.startswith(("smtp_", "auth_"))
            ]
        return names

    def __init__(
        self, handler: Any, *, limiter: ConnectionLimiter, data_timeout: float,
        implicit_tls: bool = False, **kwargs: Any,
    ) -> None:
        super().__init__(handler, **kwargs)
        self.limiter = limiter
        self.data_timeout = data_timeout
        self.implicit_tls = implicit_tls
        self.client_ip = ""
        self._admitted = False
        self._turned_away = False

    async def handle_exception(self, error: Exception) -> str:
        """The database away, or a deadlock it broke by rolling this transaction back: a
        temporary failure the client retries, never a 5xx."""
        if is_database_outage(error) or is_transaction_conflict(error):
            log.warning("storage unavailable during an SMTP command")
            return SMTP_REPLY
        return await super().handle_exception(error)  # type: ignore[no-any-return]

    # --- connection lifecycle ------------------------------------------------------------

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        first = self.transport is None and self._original_transport is None
        if first:
            peer = transport.get_extra_info("peername")
            self.client_ip = str(peer[0]) if isinstance(peer, tuple) and peer else ""
            refusal = self.limiter.acquire(self.client_ip)
            if refusal is not None:
                self._turned_away = True
                transport.write(refusal.encode() + b"\r\n")  # type: ignore[attr-defined]
                transport.close()
                return
            self._admitted = True
        super().connection_made(transport)

    def connection_lost(self, error: Exception | None) -> None:
        if self._turned_away:
            return
        if self._admitted:
            self._admitted = False
            self.limiter.release(self.client_ip)
        super().connection_lost(error)

    def eof_received(self) -> bool | None:
        if self._turned_away:
            return False
        return super().eof_received()

    @property
    def encrypted(self) -> bool:
        return self.implicit_tls or self._tls_protocol is not None

    # --- replies -------------------------------------------------------------------------

    async def push(self, status: Any) -> None:
        if isinstance(status, str):
            status = REPLIES.get(status, status)
        await super().push(status)

    async def smtp_DATA(self, arg: str) -> None:
        self._reset_timeout(self.data_timeout)
        # aiosmtpd splits DATA on CRLF only, so a message with bare-LF line endings was one
        # "line" and, past 1,001 bytes, refused as too long. During DATA its per-line limit
        # rises to the message size limit; content.line_endings normalises bare LF and checks
        # line length per line, whatever the line ending (Postfix 3.9's `normalize`).
        limit = (self.data_size_limit or DATA_LIMIT_FALLBACK) + 1024
        saved, reader = self.line_length_limit, self._reader
        saved_reader = reader._limit
        self.line_length_limit = reader._limit = limit
        try:
            await super().smtp_DATA(arg)
        finally:
            self.line_length_limit = saved
            if self._reader is reader:
                reader._limit = saved_reader

    # --- AUTH: the credential check is a database call, so it is awaited ----------------

    async def auth_PLAIN(self, _: Any, args: list[str]) -> AuthResult:
        if len(args) == 1:
            blob = await self.challenge_auth("")
            if not isinstance(blob, bytes):
                return AuthResult(success=False, handled=False)
        else:
            try:
                blob = base64.b64decode(args[1].encode(), validate=True)
            except (binascii.Error, ValueError):
                await self.push("501 5.5.2 Can't decode base64")
                return AuthResult(success=False, handled=True)
        parts = blob.split(b"\x00")
        if len(parts) != 3:
            await self.push("501 5.5.2 Can't split auth value")
            return AuthResult(success=False, handled=True)
        return await self._check("PLAIN", parts[1], parts[2])

    async def auth_LOGIN(self, _: Any, args: list[str]) -> AuthResult:
        if len(args) == 1:
            login = await self.challenge_auth(self.AuthLoginUsernameChallenge)
            if not isinstance(login, bytes):
                return AuthResult(success=False, handled=False)
        else:
            try:
                login = base64.b64decode(args[1].encode(), validate=True)
            except (binascii.Error, ValueError):
                await self.push("501 5.5.2 Can't decode base64")
                return AuthResult(success=False, handled=True)
        password = await self.challenge_auth(self.AuthLoginPasswordChallenge)
        if not isinstance(password, bytes):
            return AuthResult(success=False, handled=False)
        return await self._check("LOGIN", login, password)

    async def _check(self, mechanism: str, login: bytes, password: bytes) -> AuthResult:
        check = getattr(self.event_handler, "authenticate", None)
        if check is None:
            return AuthResult(success=False, handled=False)
        identity = await check(self, login.decode("utf-8", "replace"),
                               password.decode("utf-8", "replace"))
        if identity is None:
            return AuthResult(success=False, handled=False)
        return AuthResult(success=True, auth_data=identity)
