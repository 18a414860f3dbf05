"""COMPRESS=DEFLATE (RFC 4978): after the tagged OK, both directions of the connection are
raw deflate streams. Incoming bytes are inflated under the stream's own protocol (so the
session keeps reading commands from the same StreamReader), outgoing ones are deflated and
sync-flushed at every drain, so each response reaches the client whole.

    session.writer = start(session.writer)
"""

from __future__ import annotations

import asyncio
import zlib
from typing import Any

LEVEL = 1  # cheap on CPU: most of the gain of level 6 on mail text at a fraction of its cost
MAX_EXPANSION = 8 * 1024 * 1024  # bytes one received chunk may inflate to (a deflate bomb)


class _Inflating(asyncio.Protocol):
    """Sits between the transport and the stream's protocol, inflating what arrives."""

    def __init__(self, inner: asyncio.BaseProtocol, transport: asyncio.BaseTransport) -> None:
        self.inner = inner
        self.transport = transport
        self.inflater = zlib.decompressobj(-zlib.MAX_WBITS)

    def data_received(self, data: bytes) -> None:
        try:
            out = self.inflater.decompress(data, MAX_EXPANSION)
        except zlib.error:
            self.transport.close()
            return
        if self.inflater.unconsumed_tail:
            self.transport.close()  # more than MAX_EXPANSION from one chunk: refuse
            return
        if out:
            self.inner.data_received(out)  # type: ignore[attr-defined]

    def eof_received(self) -> bool | None:
        return self.inner.eof_received()  # type: ignore[attr-defined, no-any-return]

    def connection_lost(self, exc: Exception | None) -> None:
        self.inner.connection_lost(exc)

    def pause_writing(self) -> None:
        self.inner.pause_writing()

    def resume_writing(self) -> None:
        self.inner.resume_writing()


class DeflateWriter:
    """The StreamWriter surface the session uses, deflating on the way out."""

    def __init__(self, writer: asyncio.StreamWriter) -> None:
        self.inner = writer
        self.deflater = zlib.compressobj(LEVEL, zlib.DEFLATED, -zlib.MAX_WBITS)

    def write(self, data: bytes) -> None:
        out = self.deflater.compress(data)
        if out:
            self.inner.write(out)

    def writelines(self, parts: list[bytes]) -> None:
        for part in parts:
            self.write(part)

    async def drain(self) -> None:
        self.inner.write(self.deflater.flush(zlib.Z_SYNC_FLUSH))
        await self.inner.drain()

    def close(self) -> None:
        try:
            self.inner.write(self.deflater.flush(zlib.Z_FINISH))
        except (zlib.error, RuntimeError):
            pass
        self.inner.close()

    def get_extra_info(self, name: str, default: Any = None) -> Any:
        return self.inner.get_extra_info(name, default)

    async def start_tls(self, *args: Any, **kwargs: Any) -> None:
        raise RuntimeError("TLS cannot start inside a compressed stream")


def start(writer: asyncio.StreamWriter) -> DeflateWriter:
    """Deflate the connection from here on, both ways; call right after the OK is flushed
    (the client sends nothing more until it has read it)."""
    transport = writer.transport
    transport.set_protocol(_Inflating(transport.get_protocol(), transport))
    return DeflateWriter(writer)
