"""COMPRESS=DEFLATE (RFC 4978) and SEARCHRES (RFC 5182) at the socket level: a client that
deflates its commands and inflates the answers (raw zlib streams, as Thunderbird and
Dovecot's clients do) over implicit TLS, and `$` reused by FETCH, STORE, UID SEARCH and
MOVE, surviving an expunge, emptied by a failed SAVE."""

from __future__ import annotations

import imaplib
import re
import socket
import ssl
import zlib

import pytest

from api.imap import ImapServer
from api.runtime import Runtime
from tests.factories.platform import ADMIN_PASSWORD, OrgHandle
from tests.imap.conftest import connect, deliver, message, on_thread, tls_context

ALICE = "alice@acme.test"


class Wire:
    """A line-oriented IMAP client on a TLS socket, deflating both ways once asked."""

    def __init__(self, server: ImapServer) -> None:
        raw = socket.create_connection(("127.0.0.1", server.ports["imaps"]), timeout=20)
        self.sock = tls_context(server.settings).wrap_socket(raw, server_hostname="127.0.0.1")
        self.deflater: zlib._Compress | None = None
        self.inflater: zlib._Decompress | None = None
        self.buffer = b""
        self.received_wire = 0  # bytes as they came off the socket
        self.n = 0
        self.readline()  # greeting

    def send(self, data: bytes) -> None:
        if self.deflater is not None:
            data = self.deflater.compress(data) + self.deflater.flush(zlib.Z_SYNC_FLUSH)
        self.sock.sendall(data)

    def _fill(self) -> None:
        chunk = self.sock.recv(65536)
        if not chunk:
            raise EOFError
        self.received_wire += len(chunk)
        self.buffer += self.inflater.decompress(chunk) if self.inflater else chunk

    def readline(self) -> bytes:
        while b"\r\n" not in self.buffer:
            self._fill()
        line, self.buffer = self.buffer.split(b"\r\n", 1)
        literal = re.search(rb"\{(\d+)\}$", line)
        if literal:
            size = int(literal.group(1))
            while len(self.buffer) < size:
                self._fill()
            line += b"\r\n" + self.buffer[:size]
            self.buffer = self.buffer[size:]
            line += self.readline()
        return line

    def command(self, text: str) -> tuple[list[bytes], bytes]:
        self.n += 1
        tag = f"w{self.n}".encode()
        self.send(tag + b" " + text.encode() + b"\r\n")
        untagged = []
        while True:
            line = self.readline()
            if line.startswith(tag + b" "):
                return untagged, line
            untagged.append(line)

    def compress(self) -> bytes:
        _, done = self.command("COMPRESS DEFLATE")
        if b" OK" in done:
            self.deflater = zlib.compressobj(6, zlib.DEFLATED, -15)
            self.inflater = zlib.decompressobj(-15)
        return done


@pytest.fixture
async def mailbox(runtime: Runtime, org: OrgHandle) -> None:
    alice = await org.add_account("alice")
    body = "季度报告 quarterly report " * 400
    for n in range(12):
        await deliver(runtime, alice, message(f"report {n}", body if n % 3 == 0 else "短"))


async def test_compress_deflate_round_trip(imap: ImapServer, mailbox: None) -> None:
    def go() -> dict[str, object]:
        w = Wire(imap)
        _, caps = w.command(f"LOGIN {ALICE} {ADMIN_PASSWORD}")
        caps_line = w.command("CAPABILITY")[0][0]
        assert b"COMPRESS=DEFLATE" in caps_line
        ok = w.compress()
        again = w.command("COMPRESS DEFLATE")[1]  # already on
        w.command("SELECT INBOX")
        before = w.received_wire
        untagged, done = w.command("FETCH 1:* (UID BODY.PEEK[])")
        wire = w.received_wire - before
        inflated = sum(len(x) for x in untagged)
        mail = "Subject: 压缩\r\n\r\nzipped-append\r\n".encode()
        append_ok = w.command(f"APPEND INBOX {{{len(mail)}+}}\r\n" + mail.decode())[1]
        searched = w.command("UID SEARCH BODY zipped")[0]
        w.command("LOGOUT")
        return {"ok": ok, "again": again, "done": done, "wire": wire, "inflated": inflated,
                "fetched": len(untagged), "append": append_ok, "searched": searched}

    got = await on_thread(go)
    assert b"OK" in got["ok"]  # type: ignore[operator]
    assert b"NO [COMPRESSIONACTIVE]" in got["again"]  # type: ignore[operator]
    assert b"OK" in got["done"] and got["fetched"] == 12  # type: ignore[operator]
    # the repetitive bodies travel in a small fraction of their size
    assert got["wire"] < got["inflated"] / 5  # type: ignore[operator]
    assert b"APPENDUID" in got["append"]  # type: ignore[operator]
    assert got["searched"] and re.match(rb"\* SEARCH \d+", got["searched"][0])  # type: ignore[index]


async def test_compress_needs_sign_in_and_refuses_garbage(imap: ImapServer,
                                                          mailbox: None) -> None:
    def go() -> tuple[bytes, bytes, bytes]:
        w = Wire(imap)
        early = w.command("COMPRESS DEFLATE")[1]
        w.command(f"LOGIN {ALICE} {ADMIN_PASSWORD}")
        other = w.command("COMPRESS GZIP")[1]
        w.compress()
        w.sock.sendall(b"\xff\xfe not deflate at all \x00" * 10)  # not a deflate stream
        try:
            w.readline()
            closed = b"answered"
        except (EOFError, OSError, ssl.SSLError):
            closed = b"closed"
        return early, other, closed

    early, other, closed = await on_thread(go)
    assert b" BAD " in early
    assert b" BAD " in other
    assert closed == b"closed"


def _uids(data: list[bytes | None]) -> list[int]:
    return [int(x) for x in (data[0] or b"").split()]


async def test_searchres_saves_and_reuses_a_result(imap: ImapServer, mailbox: None) -> None:
    def go() -> dict[str, object]:
        c = connect(imap, ALICE)
        assert b"SEARCHRES" in c.capability()[1][0]
        c.select("INBOX")
        all_uids = _uids(c.uid("SEARCH", "ALL")[1])
        saved = c.uid("SEARCH", "RETURN (SAVE)", "BODY", "quarterly")
        typ, fetched = c.uid("FETCH", "$", "(UID)")
        fetched_uids = sorted(int(m) for m in re.findall(rb"UID (\d+)", b" ".join(
            x if isinstance(x, bytes) else x[0] for x in fetched)))
        flagged = c.uid("STORE", "$", "+FLAGS.SILENT", "(\\Flagged)")[0]
        flagged_uids = _uids(c.uid("SEARCH", "FLAGGED")[1])
        # narrow the saved set by itself: $ inside a search key
        narrowed = _uids(c.uid("SEARCH", "UID", "$", "SUBJECT", "9")[1])
        # MIN/MAX with SAVE keep only those, and the ESEARCH answer still comes
        c.uid("SEARCH", "RETURN (MIN MAX SAVE)", "BODY", "quarterly")
        minmax = c.response("ESEARCH")[1]
        kept = _uids(c.uid("SEARCH", "UID", "$")[1])
        # expunge the lowest: $ forgets it
        c.uid("SEARCH", "RETURN (SAVE)", "BODY", "quarterly")
        c.uid("STORE", str(fetched_uids[0]), "+FLAGS.SILENT", "(\\Deleted)")
        c.expunge()
        after_expunge = _uids(c.uid("SEARCH", "UID", "$")[1])
        moved = c.uid("MOVE", "$", "Archive")
        left = _uids(c.uid("SEARCH", "BODY", "quarterly")[1])
        # a failed SAVE (unknown charset) leaves $ empty
        failed = c._simple_command("UID", "SEARCH", "RETURN (SAVE) CHARSET KOI8-U BODY x")
        empty = _uids(c.uid("SEARCH", "UID", "$")[1])
        c.logout()
        return {"all": all_uids, "saved": saved, "fetched": fetched_uids, "flagged": flagged,
                "flagged_uids": flagged_uids, "narrowed": narrowed, "minmax": minmax,
                "kept": kept, "after": after_expunge, "moved": moved, "left": left,
                "failed": failed, "empty": empty}

    try:
        got = await on_thread(go)
    except imaplib.IMAP4.error as error:
        raise AssertionError(str(error)) from None
    expected = [u for i, u in enumerate(got["all"]) if i % 3 == 0]  # type: ignore[arg-type]
    assert got["saved"][0] == "OK" and got["saved"][1] == [None]  # type: ignore[index]
    assert got["fetched"] == expected
    assert got["flagged_uids"] == expected
    assert got["narrowed"] == [u for u in expected if u == got["all"][9]]  # type: ignore[index]
    assert b"MIN" in got["minmax"][0] and b"MAX" in got["minmax"][0]  # type: ignore[index]
    assert got["kept"] == [expected[0], expected[-1]]
    assert got["after"] == expected[1:]
    assert got["moved"][0] == "OK" and got["left"] == []  # type: ignore[index]
    assert got["empty"] == []
