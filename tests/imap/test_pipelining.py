"""Commands a client sends without waiting (mbsync keeps 50 UID FETCHes in flight) are
answered exactly as when sent one by one, in order, even when a flag change or a
body fetch that sets \\Seen sits among them; FETCH FLAGS of a folder renders flags and
keywords, sequence numbers across a gap, sets and CHANGEDSINCE as the general path."""

from __future__ import annotations

import re
from typing import Any

import pytest

from api.imap import ImapServer, pipeline
from api.runtime import Runtime
from tests.factories.platform import OrgHandle
from tests.imap.conftest import deliver, message, on_thread
from tests.imap.test_commands import _raw_session, _read_until

PIPELINE = [
    b"p1 UID FETCH 1 (UID FLAGS RFC822.SIZE BODY.PEEK[])",
    b"p2 UID FETCH 2 (BODY.PEEK[HEADER.FIELDS (SUBJECT)] INTERNALDATE)",
    b"p3 UID FETCH 3 (FLAGS ENVELOPE)",
    b"p4 UID FETCH 99 (BODY.PEEK[])",
    b"p5 UID FETCH 4:5 (UID BODY.PEEK[1] BODYSTRUCTURE)",
    b"p6 UID FETCH 2,5 (RFC822.SIZE)",
]


async def test_pipelined_uid_fetches_answer_as_one_by_one(
    imap: ImapServer, org: OrgHandle, runtime: Runtime, monkeypatch: pytest.MonkeyPatch
) -> None:
    shared: list[int] = []
    original = pipeline.prefetch

    async def spy(session: Any, commands: list[bytes]) -> pipeline.Prefetched | None:
        found = await original(session, commands)
        if found is not None:
            shared.append(len(commands))
        return found

    monkeypatch.setattr(pipeline, "prefetch", spy)
    alice = await org.add_account("alice")
    for i in range(5):
        await deliver(runtime, alice, message(f"管道 {i}", f"正文 {i}"))

    def one_by_one() -> bytes:
        sock = _raw_session(imap)
        sock.sendall(b"s EXAMINE INBOX\r\n")
        _read_until(sock, b"s OK")
        out = b""
        for command in PIPELINE:
            sock.sendall(command + b"\r\n")
            out += _read_until(sock, command.split(b" ")[0] + b" OK")
        sock.close()
        return out

    def together() -> bytes:
        sock = _raw_session(imap)
        sock.sendall(b"s EXAMINE INBOX\r\n")
        _read_until(sock, b"s OK")
        sock.sendall(b"".join(c + b"\r\n" for c in PIPELINE))
        out = _read_until(sock, b"p6 OK")
        sock.close()
        return out

    alone = await on_thread(one_by_one)
    assert alone.count(b"BODY[] {") == 1 and b"p4 OK" in alone
    assert b"\\Seen" not in alone
    assert not shared  # one by one: nothing to read ahead
    assert await on_thread(together) == alone
    assert shared and sum(shared) >= 2  # the commands behind the first shared its reads


async def test_pipelined_commands_see_the_changes_made_among_them(
    imap: ImapServer, org: OrgHandle, runtime: Runtime
) -> None:
    alice = await org.add_account("alice")
    for i in range(3):
        await deliver(runtime, alice, message(f"变更 {i}"))

    def go() -> bytes:
        sock = _raw_session(imap)
        sock.sendall(b"s SELECT INBOX\r\n")
        _read_until(sock, b"s OK")
        sock.sendall(b"a UID FETCH 1 (FLAGS)\r\nb UID FETCH 2 (BODY[])\r\n"
                     b"c UID FETCH 2 (FLAGS BODY.PEEK[HEADER])\r\n"
                     b"d UID STORE 1 +FLAGS.SILENT (\\Flagged $Label1)\r\n"
                     b"e UID FETCH 1 (FLAGS BODY.PEEK[])\r\nf UID FETCH 1:3 (FLAGS)\r\n")
        out = _read_until(sock, b"f OK")
        sock.close()
        return out

    out = await on_thread(go)
    tags = re.findall(rb"^([a-f]) OK", out, re.MULTILINE)
    assert tags == [b"a", b"b", b"c", b"d", b"e", b"f"]
    a, rest = out.split(b"a OK", 1)
    b, rest = rest.split(b"b OK", 1)
    c, rest = rest.split(b"c OK", 1)
    e = rest.split(b"d OK", 1)[1].split(b"e OK", 1)[0]
    f = rest.split(b"e OK", 1)[1]
    assert b"FLAGS ()" in a
    assert b"\\Seen" in b and b"\\Seen" in c
    assert b"FLAGS (\\Flagged $Label1)" in e
    assert b"* 1 FETCH (UID 1 FLAGS (\\Flagged $Label1))" in f
    assert b"* 2 FETCH (UID 2 FLAGS (\\Seen))" in f
    assert b"* 3 FETCH (UID 3 FLAGS ())" in f


async def test_fetch_flags_of_a_folder_with_keywords_a_gap_and_changedsince(
    imap: ImapServer, org: OrgHandle, runtime: Runtime
) -> None:
    alice = await org.add_account("alice")
    for i in range(5):
        await deliver(runtime, alice, message(f"旗帜 {i}"))

    def go() -> dict[str, bytes]:
        sock = _raw_session(imap)
        sock.sendall(b"s SELECT INBOX (CONDSTORE)\r\n")
        selected = _read_until(sock, b"s OK")
        highest = re.search(rb"HIGHESTMODSEQ (\d+)", selected)
        assert highest is not None
        sock.sendall(b"a UID STORE 1 +FLAGS.SILENT (\\Answered \\Seen $Forwarded Work)\r\n"
                     b"b UID STORE 2 +FLAGS.SILENT (\\Deleted)\r\nc UID EXPUNGE 2\r\n"
                     b"d UID STORE 4 +FLAGS.SILENT (\\Draft \\Flagged)\r\n")
        _read_until(sock, b"d OK")
        out = {}
        sock.sendall(b"f FETCH 1:* (FLAGS)\r\n")
        out["all"] = _read_until(sock, b"f OK")
        sock.sendall(b"g UID FETCH 1,4:5 (MODSEQ FLAGS)\r\n")
        out["set"] = _read_until(sock, b"g OK")
        sock.sendall(b"h UID FETCH 1:* (FLAGS) (CHANGEDSINCE " + highest.group(1) + b")\r\n")
        out["since"] = _read_until(sock, b"h OK")
        sock.close()
        return out

    out = await on_thread(go)
    lines = re.findall(rb"^\* \d+ FETCH .*$", out["all"], re.MULTILINE)
    assert [ln.rstrip(b"\r") for ln in lines] == [
        b"* 1 FETCH (FLAGS (\\Seen \\Answered $Forwarded Work))",
        b"* 2 FETCH (FLAGS ())",
        b"* 3 FETCH (FLAGS (\\Flagged \\Draft))",
        b"* 4 FETCH (FLAGS ())",
    ]
    got = re.findall(rb"^\* (\d+) FETCH \(UID (\d+) MODSEQ \((\d+)\) FLAGS \(([^)]*)\)\)",
                     out["set"], re.MULTILINE)
    assert [(n, u, f) for n, u, _, f in got] == [
        (b"1", b"1", b"\\Seen \\Answered $Forwarded Work"), (b"3", b"4", b"\\Flagged \\Draft"),
        (b"4", b"5", b"")]
    since = re.findall(rb"^\* (\d+) FETCH \(UID (\d+) ", out["since"], re.MULTILINE)
    assert since == [(b"1", b"1"), (b"3", b"4")]
