"""The IMAP listeners: STARTTLS on `imap_port`, implicit TLS on `imaps_port`, one asyncio
loop holding every connection (an idle one costs a session object and two stream
buffers), bounded per process, per client address and per account.

    server = ImapServer(runtime)
    await server.start()      # listening; server.ports says where
    ...
    await server.stop()
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import ssl
from collections import Counter

from api.imap import sslbuffer
from api.imap.leases import ConnectionLeases
from api.imap.mailstore import MailStore
from api.imap.session import ImapSession
from api.imap.signin import ClientSignIn
from api.imap.watch import MailboxWatcher
from api.kit.serving import serve_until
from api.mail import server_context
from api.runtime import Runtime

log = logging.getLogger("mailplane.imap")

STREAM_LIMIT = 64 * 1024


class ImapServer:
    def __init__(self, runtime: Runtime) -> None:
        settings = runtime.settings
        self.runtime = runtime
        self.settings = settings
        self.hostname = settings.imap_hostname or settings.smtp_hostname or settings.mail_host
        self.store = MailStore(runtime)
        self.signin = ClientSignIn(runtime, "imap")
        self.watcher = MailboxWatcher(self.store, settings.imap_idle_poll)
        self.tls: ssl.SSLContext = server_context(settings, self.hostname)
        self.max_literal = settings.mail_max_message_bytes
        self.servers: dict[str, asyncio.Server] = {}
        self.sessions: set[ImapSession] = set()
        self.per_ip: Counter[str] = Counter()
        self.leases = ConnectionLeases(runtime, "imap")

    async def start(self) -> None:
        loop = asyncio.get_running_loop()
        self.watcher.start()
        self.leases.start()
        settings = self.settings
        for role, port, context in (("imap", settings.imap_port, None),
                                    ("imaps", settings.imaps_port, self.tls)):
            if port < 0:
                continue
            self.servers[role] = await loop.create_server(
                lambda tls=context is not None: self._protocol(tls),
                host=settings.imap_host, port=port, ssl=context, reuse_address=True,
                reuse_port=settings.imap_processes > 1 or None, backlog=1024,
            )
        log.info("imap listening", extra={"fields": {"ports": self.ports}})

    def _protocol(self, tls: bool) -> asyncio.StreamReaderProtocol:
        reader = asyncio.StreamReader(limit=max(STREAM_LIMIT, self.settings.imap_max_line))

        def connected(r: asyncio.StreamReader, w: asyncio.StreamWriter) -> asyncio.Task[None]:
            return asyncio.create_task(self._serve(r, w, tls))

        return asyncio.StreamReaderProtocol(reader, connected)

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter,
                     tls: bool) -> None:
        sslbuffer.share(writer.transport)
        session = ImapSession(self, reader, writer, tls=tls)
        if len(self.sessions) >= self.settings.imap_max_connections or \
                self.per_ip[session.ip] >= self.settings.imap_max_connections_per_ip:
            with contextlib.suppress(Exception):
                writer.write(b"* BYE Too many connections\r\n")
                await writer.drain()
                writer.close()
            return
        self.sessions.add(session)
        self.per_ip[session.ip] += 1
        try:
            await session.run()
        except (ConnectionError, asyncio.IncompleteReadError, ssl.SSLError):
            pass
        except Exception:
            log.exception("imap session failed")
        finally:
            self.sessions.discard(session)
            self.per_ip[session.ip] -= 1
            if self.per_ip[session.ip] <= 0:
                del self.per_ip[session.ip]
            with contextlib.suppress(Exception):
                writer.close()

    async def admit_account(self, session: ImapSession, account_id: str) -> bool:
        """Room for one more signed-in connection of the account, across all processes."""
        lease = await self.leases.claim(account_id,
                                        self.settings.imap_max_connections_per_account)
        session.lease = lease
        return lease is not None

    async def signed_out(self, session: ImapSession) -> None:
        if session.lease is not None:
            lease, session.lease = session.lease, None
            await self.leases.release(lease)
        session.account_id = None

    @property
    def ports(self) -> dict[str, int]:
        return {role: int(server.sockets[0].getsockname()[1])
                for role, server in self.servers.items() if server.sockets}

    async def stop(self) -> None:
        for server in self.servers.values():
            server.close()
        for session in list(self.sessions):
            with contextlib.suppress(Exception):
                session.writer.write(b"* BYE Server shutting down\r\n")
                session.writer.close()
        for server in self.servers.values():
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(server.wait_closed(), timeout=5)
        await self.watcher.stop()
        await self.leases.stop()
        self.servers = {}


async def run_imap(runtime: Runtime, stop: asyncio.Event) -> None:
    """Serve IMAP until `stop` is set."""
    await serve_until(ImapServer(runtime), stop)
