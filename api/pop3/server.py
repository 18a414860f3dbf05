"""The POP3 listeners: STLS on `pop3_port`, implicit TLS on `pop3s_port`, bounded per
client address, sharing IMAP's mailbox adapter, sign-in and certificate."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import ssl
from collections import Counter

from api.imap.leases import ConnectionLeases
from api.imap.mailstore import MailStore
from api.imap.signin import ClientSignIn
from api.kit.serving import serve_until
from api.mail import server_context
from api.pop3.commands import dispatch
from api.pop3.session import MAX_LINE, Pop3Session
from api.runtime import Runtime

log = logging.getLogger("mailplane.pop3")


class Pop3Server:
    def __init__(self, runtime: Runtime) -> None:
        settings = runtime.settings
        self.settings = settings
        self.store = MailStore(runtime)
        self.signin = ClientSignIn(runtime, "pop3")
        hostname = settings.imap_hostname or settings.smtp_hostname or settings.mail_host
        self.tls: ssl.SSLContext = server_context(settings, hostname)
        self.dispatch = dispatch
        self.servers: dict[str, asyncio.Server] = {}
        self.per_ip: Counter[str] = Counter()
        self.leases = ConnectionLeases(runtime, "pop3")

    async def start(self) -> None:
        settings = self.settings
        self.leases.start()
        for role, port, context in (("pop3", settings.pop3_port, None),
                                    ("pop3s", settings.pop3s_port, self.tls)):
            if port < 0:
                continue
            self.servers[role] = await asyncio.start_server(
                lambda r, w, tls=context is not None: self._serve(r, w, tls),
                host=settings.imap_host, port=port, ssl=context, reuse_address=True,
                reuse_port=settings.imap_processes > 1 or None, limit=MAX_LINE * 16,
            )

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter,
                     tls: bool) -> None:
        session = Pop3Session(self, reader, writer, tls=tls)
        if self.per_ip[session.ip] >= self.settings.imap_max_connections_per_ip:
            with contextlib.suppress(Exception):
                writer.write(b"-ERR [SYS/TEMP] Too many connections\r\n")
                writer.close()
            return
        self.per_ip[session.ip] += 1
        try:
            await session.run()
        except (ConnectionError, ssl.SSLError):
            pass
        except Exception:
            log.exception("pop3 session failed")
        finally:
            self.per_ip[session.ip] -= 1
            if session.lease is not None:
                await self.leases.release(session.lease)
            with contextlib.suppress(Exception):
                writer.close()

    @property
    def ports(self) -> dict[str, int]:
        return {role: int(server.sockets[0].getsockname()[1])
                for role, server in self.servers.items() if server.sockets}

    async def stop(self) -> None:
        for server in self.servers.values():
            server.close()
        for server in self.servers.values():
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(server.wait_closed(), timeout=5)
        await self.leases.stop()
        self.servers = {}


async def run_pop3(runtime: Runtime, stop: asyncio.Event) -> None:
    await serve_until(Pop3Server(runtime), stop)
