"""Pipelined UID FETCH: commands a client sent together, already waiting in the read
buffer (mbsync keeps 50 in flight, one per message), read from the store at once: one
transaction for all their rows and one worker-thread trip for all their (small) bodies,
instead of one of each per command. The commands still run one by one, in order, each
answered as it would be alone; only their reads are shared, and only while nothing else
happens in between (any other command, or a change in the mailbox, and each reads for
itself again)."""

from __future__ import annotations

import asyncio
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import Row

from api.imap.commands.sets import resolve
from api.imap.parser import ParseError, SeqSet, parse_command

if TYPE_CHECKING:
    from api.imap.session import ImapSession

# a UID FETCH line without a literal: the only kind read ahead of its turn
PIPELINED = re.compile(rb"^[^ \r\n]+ UID FETCH [0-9:,*]+ [^{\r\n]*\r?\n$", re.IGNORECASE)
MAX_COMMANDS = 64
MAX_UIDS = 500
SMALL = 1024 * 1024  # bodies read ahead only up to this size each
MAX_BYTES = 16 * 1024 * 1024  # and this much in all
# items that neither change a message (no \Seen set) nor need anything but its row and bytes
READ_ONLY = {"UID", "FLAGS", "MODSEQ", "RFC822.SIZE", "INTERNALDATE", "EMAILID", "THREADID",
             "SAVEDATE", "ENVELOPE", "BODYSTRUCTURE", "BODY.PEEK", "BINARY.PEEK", "BINARY.SIZE"}
NEEDS_BYTES = {"ENVELOPE", "BODYSTRUCTURE", "BODY.PEEK", "BINARY.PEEK", "BINARY.SIZE"}


@dataclass
class Prefetched:
    folder_id: str
    modseq: int
    asked: set[int]
    rows: dict[int, Row[Any]]
    raws: dict[int, bytes] = field(default_factory=dict)

    def covers(self, folder_id: str, modseq: int, uids: list[int]) -> bool:
        return folder_id == self.folder_id and modseq == self.modseq and \
            self.asked.issuperset(uids)


def pipelined(data: bytes) -> bool:
    return PIPELINED.match(data) is not None


async def buffered(reader: asyncio.StreamReader) -> list[bytes]:
    """The UID FETCH commands that follow in the read buffer, complete and without
    literals (up to MAX_COMMANDS), taken out of it; stops at the first other line."""
    buffer: bytearray | None = getattr(reader, "_buffer", None)
    out: list[bytes] = []
    while buffer is not None and len(out) < MAX_COMMANDS:
        end = buffer.find(b"\n")
        if end < 0 or not pipelined(bytes(buffer[: end + 1])):
            break
        out.append(await reader.readuntil(b"\n"))  # already there: returns at once
    return out


async def prefetch(session: ImapSession, commands: list[bytes]) -> Prefetched | None:
    """Rows and small bodies of every message the commands name, when all of them are
    read-only UID FETCHes of a few messages of the selected mailbox; else None."""
    sel = session.selected
    if sel is None or session.account_id is None:
        return None
    asked: set[int] = set()
    need_bytes = False
    for data in commands:
        try:
            command = parse_command(data)
        except ParseError:
            return None
        if command.name != "FETCH" or not command.uid or command.args.get("changedsince") \
                is not None or command.args.get("vanished"):
            return None
        names = {i.name for i in command.args["items"]}  # type: ignore[attr-defined]
        if not names <= READ_ONLY:
            return None
        need_bytes = need_bytes or bool(names & NEEDS_BYTES)
        numbers = command.args["set"]
        assert isinstance(numbers, SeqSet)
        asked.update(resolve(sel, numbers, uid=True))
        if len(asked) > MAX_UIDS:
            return None
    modseq, rows = await session.store.fetch_rows(session.account_id, sel.folder_id,
                                                  sorted(asked), stored=True)
    found = Prefetched(sel.folder_id, modseq, asked, {r[0]: r for r in rows})
    if need_bytes:
        small: list[Row[Any]] = []
        total = 0
        for row in rows:
            if row.size <= SMALL and total + row.size <= MAX_BYTES:
                small.append(row)
                total += row.size
        if small:
            datas = await session.store.raws([r.blob_sha256 for r in small])
            found.raws = {r[0]: d for r, d in zip(small, datas, strict=True)}
    return found
