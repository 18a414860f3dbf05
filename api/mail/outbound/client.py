"""One SMTP client connection to a destination (aiosmtplib): the first host that answers,
opportunistic STARTTLS (falling back to plain text when the handshake fails), AUTH for a
smarthost, then any number of transactions over the same connection."""

from __future__ import annotations

import ssl
from dataclasses import dataclass, field

import aiosmtplib

from api.mail.outbound.destinations import Host, PermanentFailure, TemporaryFailure


@dataclass
class Reply:
    code: int
    text: str

    @property
    def line(self) -> str:
        return f"{self.code} {self.text}".replace("\r", " ").replace("\n", " ")[:500]


@dataclass
class TransactionResult:
    """Per recipient: None (accepted by DATA), or the reply that refused it."""

    refused: dict[str, Reply] = field(default_factory=dict)
    accepted: list[str] = field(default_factory=list)
    data_reply: Reply | None = None


def _tls_context() -> ssl.SSLContext:
    context = ssl.create_default_context()
    context.check_hostname = False  # opportunistic: encrypt, never refuse (RFC 7435)
    context.verify_mode = ssl.CERT_NONE
    return context


class Connection:
    def __init__(
        self, hosts: list[Host], *, helo: str, timeout: float,
        username: str | None = None, password: str | None = None,
    ) -> None:
        self.hosts = hosts
        self.helo = helo
        self.timeout = timeout
        self.username = username
        self.password = password
        self.smtp: aiosmtplib.SMTP | None = None
        self.host: Host | None = None
        self.tls = False

    @property
    def open(self) -> bool:
        return self.smtp is not None and self.smtp.is_connected

    async def connect(self) -> None:
        errors: list[str] = []
        for host in self.hosts:
            for use_tls in (True, False):
                try:
                    await self._connect(host, use_tls)
                    return
                except _NoTls as exc:
                    errors.append(f"{host.name}[{host.address}]: {exc}")
                    continue  # same host again, in plain text
                except PermanentFailure:
                    raise
                except (aiosmtplib.SMTPException, OSError, TimeoutError) as exc:
                    errors.append(f"{host.name}[{host.address}]: {_describe(exc)}")
                    break
        raise TemporaryFailure("could not connect: " + "; ".join(errors)[:900])

    async def _connect(self, host: Host, use_tls: bool) -> None:
        smtp = aiosmtplib.SMTP(hostname=host.address, port=host.port, timeout=self.timeout,
                               local_hostname=self.helo, start_tls=False,
                               validate_certs=False)
        await smtp.connect()
        try:
            await smtp.ehlo()
            tls = False
            if use_tls and smtp.supports_extension("starttls"):
                try:
                    await smtp.starttls(server_hostname=host.name, tls_context=_tls_context())
                    await smtp.ehlo()
                    tls = True
                except (aiosmtplib.SMTPException, ssl.SSLError, OSError) as exc:
                    smtp.close()
                    raise _NoTls(_describe(exc)) from exc
            if self.username and self.password:
                try:
                    await smtp.login(self.username, self.password)
                except aiosmtplib.SMTPAuthenticationError as exc:
                    raise TemporaryFailure(f"smarthost refused our credentials: {exc}",
                                           "4.7.8") from exc
        except BaseException:
            if smtp.is_connected:
                smtp.close()
            raise
        self.smtp, self.host, self.tls = smtp, host, tls

    async def send(self, sender: str, recipients: list[str], data: bytes) -> TransactionResult:
        """MAIL, RCPT for each recipient, DATA. Connection failures raise TemporaryFailure
        (and close the connection); refusals come back in the result."""
        if not self.open:
            await self.connect()
        smtp = self.smtp
        assert smtp is not None
        result = TransactionResult()
        try:
            options = [f"SIZE={len(data)}"] if smtp.supports_extension("size") else []
            if any(b > 127 for b in data) and smtp.supports_extension("8bitmime"):
                options.append("BODY=8BITMIME")
            utf8 = not (sender.isascii() and all(r.isascii() for r in recipients))
            if utf8:
                if not smtp.supports_extension("smtputf8"):
                    raise PermanentFailure("5.6.7", "the server does not accept non-ASCII "
                                           "addresses (no SMTPUTF8)")
                options.append("SMTPUTF8")
            encoding = "utf-8" if utf8 else "ascii"
            try:
                await smtp.mail(sender, options=options, encoding=encoding)
            except aiosmtplib.SMTPResponseException as exc:
                reply = Reply(exc.code, exc.message)
                result.refused = {r: reply for r in recipients}
                await self._reset()
                return result
            for rcpt in recipients:
                try:
                    await smtp.rcpt(rcpt, encoding=encoding)
                    result.accepted.append(rcpt)
                except aiosmtplib.SMTPResponseException as exc:
                    result.refused[rcpt] = Reply(exc.code, exc.message)
            if not result.accepted:
                await self._reset()
                return result
            try:
                response = await smtp.data(data)
                result.data_reply = Reply(response.code, response.message)
            except aiosmtplib.SMTPResponseException as exc:
                reply = Reply(exc.code, exc.message)
                result.data_reply = reply
                for rcpt in result.accepted:
                    result.refused[rcpt] = reply
                result.accepted = []
            return result
        except (aiosmtplib.SMTPServerDisconnected, aiosmtplib.SMTPTimeoutError, OSError,
                TimeoutError) as exc:
            self.close()
            raise TemporaryFailure(f"connection to {self._where()} lost: {_describe(exc)}") \
                from exc
        except aiosmtplib.SMTPException as exc:
            self.close()
            raise TemporaryFailure(f"{self._where()}: {_describe(exc)}") from exc

    async def _reset(self) -> None:
        assert self.smtp is not None
        try:
            await self.smtp.rset()
        except (aiosmtplib.SMTPException, OSError, TimeoutError):
            self.close()

    def _where(self) -> str:
        return f"{self.host.name}[{self.host.address}]" if self.host else "server"

    async def quit(self) -> None:
        if self.smtp is not None and self.smtp.is_connected:
            try:
                await self.smtp.quit()
            except (aiosmtplib.SMTPException, OSError, TimeoutError):
                self.close()
        self.smtp = None

    def close(self) -> None:
        if self.smtp is not None and self.smtp.is_connected:
            self.smtp.close()
        self.smtp = None


class _NoTls(Exception):
    pass


def _describe(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}".replace("\r", " ").replace("\n", " ")[:300]
