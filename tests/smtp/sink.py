"""A scriptable remote MX for outbound tests (aiosmtpd in the test's event loop): records
what it accepts and answers with the replies a test sets."""

from __future__ import annotations

import asyncio
import ssl
from dataclasses import dataclass, field
from typing import Any

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword


@dataclass
class Received:
    sender: str
    recipients: list[str]
    data: bytes
    tls: bool
    login: str | None


@dataclass
class Sink:
    messages: list[Received] = field(default_factory=list)
    rcpt_replies: dict[str, list[str]] = field(default_factory=dict)  # address -> replies to use
    data_delay: float = 0.0
    connections: int = 0
    server: asyncio.Server | None = None

    @property
    def port(self) -> int:
        assert self.server is not None
        return int(self.server.sockets[0].getsockname()[1])

    async def handle_EHLO(self, server: Any, session: Any, envelope: Any, hostname: str,
                          responses: list[str]) -> list[str]:
        session.host_name = hostname
        return responses

    async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str,
                          options: list[str]) -> str:
        queue = self.rcpt_replies.get(address)
        reply = (queue.pop(0) if len(queue) > 1 else queue[0]) if queue else "250 2.1.5 OK"
        if reply.startswith("250"):
            envelope.rcpt_tos.append(address)
        return reply

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        if self.data_delay:
            await asyncio.sleep(self.data_delay)
        login = session.login_data.decode() if isinstance(session.login_data, bytes) else None
        self.messages.append(Received(envelope.mail_from, list(envelope.rcpt_tos),
                                      bytes(envelope.original_content), session.ssl is not None,
                                      login))
        return "250 2.0.0 Ok: queued as SINK"

    async def start(self, *, tls: ssl.SSLContext | None = None, auth: tuple[str, str] | None = None,
                    port: int = 0) -> Sink:
        loop = asyncio.get_running_loop()

        def authenticator(server: Any, session: Any, envelope: Any, mechanism: str,
                          data: Any) -> AuthResult:
            ok = auth is not None and isinstance(data, LoginPassword) and (
                data.login.decode(), data.password.decode()) == auth
            return AuthResult(success=ok, handled=False, auth_data=data if ok else None)

        def factory() -> SMTP:
            self.connections += 1
            return SMTP(self, hostname="mx.remote.example", tls_context=tls,
                        authenticator=authenticator if auth else None,
                        auth_require_tls=False, enable_SMTPUTF8=True)

        self.server = await loop.create_server(factory, "127.0.0.1", port)
        return self

    async def stop(self) -> None:
        if self.server is not None:
            self.server.close()
