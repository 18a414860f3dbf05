"""The SMTP edge: MX, submission (STARTTLS) and submissions (implicit TLS) listeners sharing
one group committer, one DNS cache and one connection limiter.

    edge = SmtpEdge(runtime)
    await edge.start()      # listening; edge.ports says where
    ...
    await edge.stop()       # stops listening, lets queued commits finish
"""

from __future__ import annotations

import asyncio
import logging
import ssl
from typing import Any

from api.kit.serving import serve_until
from api.mail.auth_results import CachedLookup
from api.mail.delivery.committer import GroupCommitter
from api.mail.inbound.limits import ConnectionLimiter
from api.mail.inbound.mx import MxHandler
from api.mail.inbound.protocol import EdgeSMTP
from api.mail.inbound.recipients import RecipientCheck
from api.mail.inbound.submission import SubmissionHandler
from api.mail.inbound.tls import server_context
from api.mail.inbound.warm import warm_up
from api.runtime import Runtime

log = logging.getLogger("mailplane.smtp")

EXTENSIONS = ("PIPELINING", "ENHANCEDSTATUSCODES")
IDENT = "ESMTP Mailplane"


class SmtpEdge:
    def __init__(self, runtime: Runtime) -> None:
        settings = runtime.settings
        self.runtime = runtime
        self.settings = settings
        self.hostname = settings.smtp_hostname or settings.mail_host
        self.lookup = CachedLookup(settings.dns_resolver)
        self.committer = GroupCommitter(runtime, max_batch=settings.smtp_commit_batch)
        self.limiter = ConnectionLimiter(settings.smtp_max_connections,
                                         settings.smtp_max_connections_per_ip)
        self.recipients = RecipientCheck(runtime)
        self.tls: ssl.SSLContext = server_context(settings, self.hostname)
        self.mx = MxHandler(self)
        self.submission = SubmissionHandler(self)
        self.servers: dict[str, asyncio.Server] = {}

    def ehlo_lines(self, server: EdgeSMTP, responses: list[str]) -> list[str]:
        """aiosmtpd's EHLO lines with ours added; an empty AUTH line dropped."""
        lines = [r for r in responses if r.strip() not in ("250-AUTH", "250-AUTH ")]
        body = [r[4:] for r in lines[1:]]
        if body and body[-1] == "HELP":
            body = body[:-1]
        body = [b for b in body if b not in EXTENSIONS] + list(EXTENSIONS)
        return [lines[0], *[f"250-{b}" for b in body[:-1]], f"250 {body[-1]}"]

    def _factory(self, role: str) -> Any:
        settings = self.settings
        common: dict[str, Any] = {
            "limiter": self.limiter, "data_timeout": settings.smtp_data_timeout,
            "data_size_limit": settings.smtp_max_message_bytes, "enable_SMTPUTF8": True,
            "hostname": self.hostname, "ident": IDENT, "timeout": settings.smtp_command_timeout,
        }
        if role == "mx":
            return lambda: EdgeSMTP(self.mx, tls_context=self.tls,
                                    auth_exclude_mechanism=["PLAIN", "LOGIN"], **common)
        if role == "submission":
            return lambda: EdgeSMTP(self.submission, tls_context=self.tls, auth_required=True,
                                    auth_require_tls=True, **common)
        return lambda: EdgeSMTP(self.submission, implicit_tls=True, auth_required=True,
                                auth_require_tls=False, **common)

    async def start(self) -> None:
        settings = self.settings
        loop = asyncio.get_running_loop()
        await warm_up(self.runtime)
        self.committer.start()
        listeners = [("mx", settings.smtp_port, None),
                     ("submission", settings.submission_port, None)]
        listeners.append(("submissions", settings.submissions_port, self.tls))
        for role, port, context in listeners:
            if port < 0:
                continue
            self.servers[role] = await loop.create_server(
                self._factory(role), host=settings.smtp_host, port=port, ssl=context,
                reuse_address=True, reuse_port=settings.smtp_processes > 1 or None,
                backlog=1024,
            )
        log.info("smtp edge listening", extra={"fields": {"ports": self.ports}})

    @property
    def ports(self) -> dict[str, int]:
        return {role: int(server.sockets[0].getsockname()[1])
                for role, server in self.servers.items() if server.sockets}

    async def stop(self) -> None:
        for server in self.servers.values():
            server.close()
        for server in self.servers.values():
            try:
                await asyncio.wait_for(server.wait_closed(), timeout=5)
            except TimeoutError:
                pass
        await self.committer.stop()
        self.servers = {}


async def run_edge(runtime: Runtime, stop: asyncio.Event) -> None:
    """Serve SMTP until `stop` is set."""
    await serve_until(SmtpEdge(runtime), stop)
