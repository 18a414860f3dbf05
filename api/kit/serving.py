"""Run a protocol listener (SMTP, IMAP, POP3) from start until a stop event, then close it."""

from __future__ import annotations

import asyncio
from typing import Protocol


class Listener(Protocol):
    async def start(self) -> None: ...
    async def stop(self) -> None: ...


async def serve_until(listener: Listener, stop: asyncio.Event) -> None:
    """Start `listener`, wait for `stop`, and stop it whatever ends the wait."""
    await listener.start()
    try:
        await stop.wait()
    finally:
        await listener.stop()
