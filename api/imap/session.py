"""One IMAP connection: reads whole commands (lines and literals, bounded), dispatches them
to the command handlers, and holds the state they share — who signed in, what is enabled,
the selected mailbox's UID list and the modseq it was last brought up to date at."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
import socket
import time
from typing import TYPE_CHECKING

from api.imap import deflate, pipeline, sslbuffer
from api.imap.capabilities import capability_line
from api.imap.commands import dispatch
from api.imap.errors import Bad, Disconnect, No
from api.imap.mailstore import FolderInfo, StoreError, flags_of
from api.imap.parser import ParseError, parse_command
from api.imap.selected import SelectedMailbox
from api.imap.signin import SignedIn
from api.imap.wire import seqset
from api.kit import mutf7

if TYPE_CHECKING:
    from api.imap.server import ImapServer

log = logging.getLogger("mailplane.imap")

_LITERAL_END = re.compile(rb"\{(\d{1,10})(\+?)\}\r?\n$")
PRE_AUTH_TIMEOUT = 60.0
AUTH_TIMEOUT = 30 * 60.0
BIG_PART = 64 * 1024
QUICK_ACK: int | None = getattr(socket, "TCP_QUICKACK", None)  # Linux only


class ImapSession:
    def __init__(self, server: ImapServer, reader: asyncio.StreamReader,
                 writer: asyncio.StreamWriter, *, tls: bool) -> None:
        self.server = server
        self.reader = reader
        self.writer: asyncio.StreamWriter | deflate.DeflateWriter = writer
        self.tls = tls
        peer = writer.get_extra_info("peername")
        self.ip: str = peer[0] if isinstance(peer, tuple) else "unknown"
        self.account_id: str | None = None
        self.org_id: str | None = None
        self.address: str | None = None
        self.enabled: set[str] = set()
        self.selected: SelectedMailbox | None = None
        self.store = server.store
        self.client_id: dict[str, str] = {}
        self.lease: str | None = None  # this connection's place in the per-account bound
        # reads shared by pipelined UID FETCHes being run (see api.imap.pipeline)
        self.prefetched: pipeline.Prefetched | None = None
        self._tokens = server.settings.imap_max_commands_per_second
        self._last = time.monotonic()

    # --- output ---------------------------------------------------------------------------

    def send(self, line: bytes) -> None:
        self.writer.write(line + b"\r\n")

    def send_parts(self, parts: list[bytes]) -> None:
        """Rendered response lines in pieces: small ones joined into one write, large ones
        (message bodies) handed on as they are, so a body is not copied on its way out."""
        run: list[bytes] = []
        chunks: list[bytes] = []
        for part in parts:
            if len(part) >= BIG_PART:
                if run:
                    chunks.append(b"".join(run))
                    run = []
                chunks.append(part)
            else:
                run.append(part)
        if run:
            chunks.append(b"".join(run))
        self.writer.writelines(chunks)

    def untagged(self, text: str | bytes) -> None:
        self.send(b"* " + (text.encode() if isinstance(text, str) else text))

    async def flush(self) -> None:
        await self.writer.drain()

    @property
    def utf8(self) -> bool:
        return "UTF8=ACCEPT" in self.enabled

    @property
    def condstore(self) -> bool:
        return bool({"CONDSTORE", "QRESYNC"} & self.enabled)

    def wire_name(self, path: str) -> str:
        return path if self.utf8 else mutf7.encode(path)

    def local_name(self, name: str) -> str:
        if self.utf8:
            return name
        try:
            return mutf7.decode(name)
        except mutf7.Utf7Error:
            raise No("The mailbox name is not valid modified UTF-7.", "CANNOT") from None

    # --- input ----------------------------------------------------------------------------

    async def read_command(self) -> bytes | None:
        """One command's bytes with its literals inline, or None at EOF."""
        settings = self.server.settings
        timeout = AUTH_TIMEOUT if self.account_id else PRE_AUTH_TIMEOUT
        parts: list[bytes] = []
        total = 0
        while True:
            try:
                async with asyncio.timeout(timeout):
                    line = await self.reader.readuntil(b"\n")
            except (asyncio.IncompleteReadError, ConnectionError, TimeoutError):
                return None
            except asyncio.LimitOverrunError:
                self.send(b"* BYE Command line too long")
                await self.flush()
                return None
            total += len(line)
            if total > settings.imap_max_line + self.server.max_literal:
                self.send(b"* BYE Command too long")
                await self.flush()
                return None
            parts.append(line)
            match = _LITERAL_END.search(line)
            if match is None:
                return b"".join(parts)
            size = int(match.group(1))
            if size > self.server.max_literal:
                if match.group(2):  # LITERAL+: the bytes are coming anyway
                    self.send(b"* BYE Literal too large")
                    await self.flush()
                    return None
                raise Bad(f"Literal larger than {self.server.max_literal} bytes")
            if not match.group(2):
                self.send(b"+ Ready for literal data")
                await self.flush()
                self._quick_ack()
            try:
                async with asyncio.timeout(timeout):
                    data = await self.reader.readexactly(size)
            except (asyncio.IncompleteReadError, ConnectionError, TimeoutError):
                return None
            total += size
            parts.append(data)

    def _quick_ack(self) -> None:
        """Acknowledge the literal's bytes at once. A client that writes the literal and
        its closing CRLF separately (imaplib does) holds the CRLF back (Nagle) until the
        literal is acknowledged, and Linux delays that acknowledgement by up to 40 ms:
        a two-character SEARCH then waits 40 ms for nothing."""
        sock = self.writer.get_extra_info("socket")
        if sock is not None and QUICK_ACK is not None:
            with contextlib.suppress(OSError):
                sock.setsockopt(socket.IPPROTO_TCP, QUICK_ACK, 1)

    async def read_line(self, timeout: float = PRE_AUTH_TIMEOUT) -> bytes | None:
        try:
            async with asyncio.timeout(timeout):  # no task of its own, unlike wait_for
                line = await self.reader.readuntil(b"\n")
        except (asyncio.IncompleteReadError, ConnectionError, TimeoutError,
                asyncio.LimitOverrunError):
            return None
        return line.rstrip(b"\r\n")

    # --- the loop -------------------------------------------------------------------------

    async def run(self) -> None:
        self.untagged(f"OK [CAPABILITY {capability_line(self)}] Mailplane IMAP4rev2 ready")
        await self.flush()
        try:
            while True:
                try:
                    data = await self.read_command()
                except Bad as error:
                    self.send(b"* BAD " + str(error).encode())
                    await self.flush()
                    # the literal follows unsynchronised or not at all; drop the line
                    continue
                if data is None:
                    return
                await self._throttle()
                if self.selected is not None and pipeline.pipelined(data):
                    if not await self._pipelined(data):
                        return
                    continue
                if not await self.execute(data):
                    return
        finally:
            await self.server.signed_out(self)

    async def _pipelined(self, data: bytes) -> bool:
        """A UID FETCH and those sent right behind it, their reads made at once; False
        when the connection should close."""
        more = await pipeline.buffered(self.reader)
        if more:
            try:
                self.prefetched = await pipeline.prefetch(self, [data, *more])
            except StoreError:
                self.prefetched = None  # each command reports it for itself
        try:
            if not await self.execute(data):
                return False
            for extra in more:
                await self._throttle()
                if not await self.execute(extra):
                    return False
        finally:
            self.prefetched = None
        return True

    async def _throttle(self) -> None:
        rate = self.server.settings.imap_max_commands_per_second
        now = time.monotonic()
        self._tokens = min(rate, self._tokens + (now - self._last) * rate)
        self._last = now
        if self._tokens < 1:
            await asyncio.sleep((1 - self._tokens) / rate)
            self._tokens = 1
        self._tokens -= 1

    async def execute(self, data: bytes) -> bool:
        """Run one command; False when the connection should close."""
        try:
            command = parse_command(data)
        except ParseError as error:
            tag = error.tag or "*"
            self.send(f"{tag} BAD {error.message}".encode())
            await self.flush()
            return True
        try:
            await dispatch(self, command)
        except No as error:
            code = f"[{error.code}] " if error.code else ""
            self.send(f"{command.tag} NO {code}{error.message}".encode())
        except StoreError as error:
            code = f"[{error.code}] " if error.code else ""
            self.send(f"{command.tag} NO {code}{error.message}".encode())
        except Bad as error:
            self.send(f"{command.tag} BAD {error}".encode())
        except Disconnect:
            await self.flush()
            return False
        except (ConnectionError, asyncio.IncompleteReadError):
            return False
        except Exception:
            log.exception("imap command failed", extra={"fields": {"command": command.name}})
            self.send(f"{command.tag} NO [SERVERBUG] Internal error, try again".encode())
        await self.flush()
        return True

    def ok(self, tag: str, text: str = "completed", code: str | None = None) -> None:
        self.send(f"{tag} OK {'[' + code + '] ' if code else ''}{text}".encode())

    @property
    def compressed(self) -> bool:
        return isinstance(self.writer, deflate.DeflateWriter)

    def start_deflate(self) -> None:
        assert isinstance(self.writer, asyncio.StreamWriter)
        self.writer = deflate.start(self.writer)

    async def start_tls(self) -> None:
        await self.writer.start_tls(self.server.tls)
        sslbuffer.share(getattr(self.writer, "transport", None))
        self.tls = True

    async def signed_in(self, who: SignedIn) -> None:
        if not await self.server.admit_account(self, who.account_id):
            raise No("Too many connections for this account", "LIMIT")
        self.account_id, self.org_id, self.address = who.account_id, who.org_id, who.address
        await self.store.open_mailbox(who.account_id)

    # --- state checks ---------------------------------------------------------------------

    def need_auth(self) -> str:
        if self.account_id is None:
            raise Bad("Sign in first")
        return self.account_id

    def need_selected(self) -> SelectedMailbox:
        self.need_auth()
        if self.selected is None:
            raise Bad("Select a mailbox first")
        return self.selected

    async def folder(self, name: str) -> FolderInfo:
        account = self.need_auth()
        found = await self.store.find(account, self.local_name(name))
        if found is None:
            raise No("No such mailbox", "NONEXISTENT")
        return found

    # --- keeping the selected mailbox current ---------------------------------------------

    async def sync(self, *, expunges: bool = True, changed: bool = False) -> set[int]:
        """Report what changed in the selected mailbox since it was last current: new
        messages (EXISTS), flag changes (FETCH) and, when allowed, removals (EXPUNGE or
        VANISHED). Returns the UIDs whose flags were reported. `changed`: the caller knows
        the mailbox moved on (IDLE's watcher), so the cheap modseq check is skipped."""
        sel = self.selected
        if sel is None or self.account_id is None:
            return set()
        if not changed:
            current = await self.store.modseqs([self.account_id])
            if current.get(self.account_id, 0) == sel.modseq:
                return set()
        modseq, rows, uids, folder = await self.store.refresh(
            self.account_id, sel.folder_id, sel.modseq, with_uids=False)
        if folder is None:
            uids = []
        else:
            new_rows = [r for r in rows if r[0] > sel.max_uid]
            if folder.total != len(sel.uids) + len(new_rows):
                modseq, rows, uids, folder = await self.store.refresh(
                    self.account_id, sel.folder_id, sel.modseq, with_uids=True)
        reported: set[int] = set()
        deferred = False
        if uids is not None:
            present = set(uids)
            gone = [u for u in sel.uids if u not in present]
            if gone and not expunges:
                deferred, gone = True, []  # their numbers stay until EXPUNGE may be sent
            if gone:
                if "QRESYNC" in self.enabled:
                    self.untagged(f"VANISHED {seqset(gone)}")
                    sel.uids = [u for u in sel.uids if u in present]
                else:
                    for uid in sorted(gone, reverse=True):
                        msn = sel.msn(uid)
                        if msn is not None:
                            self.untagged(f"{msn} EXPUNGE")
                            sel.remove_at(msn - 1)
            added = [u for u in uids if u > sel.max_uid]
        else:
            added = [r[0] for r in rows if r[0] > sel.max_uid]
        if added:
            sel.append(sorted(added))
            self.untagged(f"{len(sel.uids)} EXISTS")
        for row in rows:
            uid = row[0]
            if uid in added or uid in sel.silent:
                continue
            msn = sel.msn(uid)
            if msn is None:
                continue
            flags = " ".join(flags_of(row))
            extra = f" MODSEQ ({row[7]})" if self.condstore else ""
            self.untagged(f"{msn} FETCH (UID {uid} FLAGS ({flags}){extra})")
            reported.add(uid)
        sel.silent.clear()
        if not deferred:
            sel.modseq = modseq
        return reported
