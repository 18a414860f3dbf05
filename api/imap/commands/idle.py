"""IDLE (RFC 2177): wait for the client's DONE while reporting changes to the selected
mailbox as they happen (woken by the process's mailbox watcher)."""

from __future__ import annotations

import asyncio
import contextlib
from typing import TYPE_CHECKING

from api.imap.errors import Bad
from api.imap.parser import Command

if TYPE_CHECKING:
    from api.imap.session import ImapSession

AUTH_TIMEOUT = 30 * 60.0  # RFC 9051: at least 30 minutes


async def idle(session: ImapSession, command: Command) -> None:
    account = session.need_auth()
    watcher = session.server.watcher
    start = session.selected.modseq if session.selected else 0
    flag = watcher.watch(account, start)
    session.send(b"+ idling")
    await session.flush()
    line_task = asyncio.create_task(session.read_line(AUTH_TIMEOUT))
    # the client's line wakes the same flag as a mailbox change: one task per idling client
    # (the line's), not one more per wake-up
    line_task.add_done_callback(lambda _: flag.set())
    try:
        while True:
            await flag.wait()
            flag.clear()
            if line_task.done():
                break
            await session.sync(changed=True)
            await session.flush()
    finally:
        watcher.unwatch(account, flag)
        if not line_task.done():
            line_task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await line_task
    line = line_task.result()
    if line is None:
        raise ConnectionError("client went away while idling")
    if line.strip().upper() != b"DONE":
        raise Bad("Expected DONE")
    session.ok(command.tag, "IDLE terminated")
