"""One TLS read buffer for every connection of the process.

asyncio's SSLProtocol gives each connection its own 256 KiB bytearray to receive TLS records
into, zero-filled when the connection opens: a thousand idle IMAP clients hold 256 MB of
buffers that are only ever used for the instant between `get_buffer` and `buffer_updated`
(the event loop reads the socket into it and the protocol at once copies the bytes into
its MemoryBIO). Both run on the loop's thread without yielding, so one buffer can serve
every connection of the loop: `share` points a connection's protocol at it.
"""

from __future__ import annotations

import asyncio
import contextlib
from typing import Any

_SIZE = 256 * 1024
_shared: dict[int, tuple[bytearray, memoryview]] = {}  # per event loop (its thread)


def share(transport: Any) -> None:
    """Make a TLS transport's protocol read through the loop's shared buffer (a no-op for
    plain transports and for asyncio versions without the per-connection buffer)."""
    protocol = getattr(transport, "_ssl_protocol", None)
    if protocol is None or not hasattr(protocol, "_ssl_buffer_view"):
        return
    if len(protocol._ssl_buffer) != _SIZE or getattr(protocol, "max_size", 0) != _SIZE:
        return
    with contextlib.suppress(RuntimeError):
        key = id(asyncio.get_running_loop())
        buffer = _shared.get(key)
        if buffer is None:
            block = bytearray(_SIZE)
            buffer = _shared[key] = (block, memoryview(block))
        protocol._ssl_buffer, protocol._ssl_buffer_view = buffer
