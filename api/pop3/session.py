"""One POP3 connection: AUTHORIZATION, then TRANSACTION over a snapshot of the inbox
(numbers and sizes fixed at sign-in), then UPDATE at QUIT, where deletions happen."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from api.imap.mailstore import StoreError

if TYPE_CHECKING:
    from api.pop3.server import Pop3Server

log = logging.getLogger("mailplane.pop3")

MAX_LINE = 512  # RFC 2449 allows 255 octets of arguments; SASL responses run longer
TIMEOUT = 600.0  # RFC 1939: at least 10 minutes


class Pop3Error(Exception):
    """Answer `-ERR` with this text."""


@dataclass
class Drop:
    folder_id: str
    uid_validity: int
    items: list[tuple[int, int, str]]  # (uid, size, blob sha256)
    deleted: set[int] = field(default_factory=set)  # message numbers


class Pop3Session:
    def __init__(self, server: Pop3Server, reader: asyncio.StreamReader,
                 writer: asyncio.StreamWriter, *, tls: bool) -> None:
        self.server = server
        self.reader = reader
        self.writer = writer
        self.tls = tls
        peer = writer.get_extra_info("peername")
        self.ip: str = peer[0] if isinstance(peer, tuple) else "unknown"
        self.user: str | None = None
        self.account_id: str | None = None
        self.drop: Drop | None = None
        self.lease: str | None = None  # this connection's place in the per-account bound

    def send(self, line: str | bytes) -> None:
        self.writer.write((line.encode() if isinstance(line, str) else line) + b"\r\n")

    async def read_line(self) -> bytes | None:
        try:
            line = await asyncio.wait_for(self.reader.readuntil(b"\n"), TIMEOUT)
        except (asyncio.IncompleteReadError, ConnectionError, TimeoutError,
                asyncio.LimitOverrunError):
            return None
        return line.rstrip(b"\r\n")

    async def run(self) -> None:
        self.send("+OK Mailplane POP3 ready")
        await self.writer.drain()
        while True:
            line = await self.read_line()
            if line is None:
                return
            if len(line) > MAX_LINE:
                self.send("-ERR Line too long")
                await self.writer.drain()
                continue
            text = line.decode("utf-8", "replace")
            verb, _, arg = text.partition(" ")
            try:
                keep = await self.server.dispatch(self, verb.upper(), arg)
            except Pop3Error as error:
                self.send(f"-ERR {error}")
                keep = True
            except StoreError as error:
                self.send(f"-ERR [SYS/TEMP] {error.message}")
                keep = True
            await self.writer.drain()
            if not keep:
                return

    def item(self, number: str) -> tuple[int, tuple[int, int, str]]:
        drop = self.drop
        assert drop is not None
        if not number.isdigit() or not 1 <= int(number) <= len(drop.items):
            raise Pop3Error("No such message")
        n = int(number)
        if n in drop.deleted:
            raise Pop3Error("Message already deleted")
        return n, drop.items[n - 1]
