"""The optional virus-scan hook: a `VirusScanner` protocol and its clamd implementation,
which streams the raw message over clamd's UNIX or TCP socket with the INSTREAM command.

Configure with MAILPLANE_CLAMD = "unix:/run/clamav/clamd.ctl" (or a bare path) or
"tcp:127.0.0.1:3310" (or "host:port"); unset means no scanning. A scanner that cannot be
reached reports an error instead of raising: mail keeps flowing, and the verdict says the
message was not scanned.
"""

from __future__ import annotations

import asyncio
import struct
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from api.config import Settings

CHUNK_BYTES = 64 * 1024
MAX_REPLY_BYTES = 4096


@dataclass(frozen=True)
class ScanResult:
    infected: bool = False
    signature: str | None = None
    error: str | None = None

    @property
    def clean(self) -> bool:
        return not self.infected and self.error is None


@runtime_checkable
class VirusScanner(Protocol):
    """Anything that can scan raw message bytes."""

    async def scan(self, data: bytes) -> ScanResult: ...


def parse_address(address: str) -> tuple[str, str | tuple[str, int]]:
    """("unix", path) or ("tcp", (host, port)) from a MAILPLANE_CLAMD value."""
    value = address.strip()
    if value.startswith("unix:"):
        return "unix", value[5:]
    if value.startswith("/"):
        return "unix", value
    if value.startswith("tcp:"):
        value = value[4:]
    host, sep, port = value.rpartition(":")
    if not sep or not port.isdigit():
        raise ValueError(f"clamd address {address!r}: use unix:/path or tcp:host:port")
    return "tcp", (host.strip("[]") or "127.0.0.1", int(port))


class ClamdScanner:
    """clamd over its socket: `zINSTREAM`, length-prefixed chunks, a zero-length end."""

    def __init__(self, address: str, *, timeout: float = 30.0) -> None:
        self.kind, self.target = parse_address(address)
        self.timeout = timeout

    async def _open(self) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
        if self.kind == "unix":
            assert isinstance(self.target, str)
            return await asyncio.open_unix_connection(self.target)
        host, port = self.target  # type: ignore[misc]
        return await asyncio.open_connection(host, port)

    async def _command(self, payload: bytes, data: bytes | None = None) -> str:
        reader, writer = await self._open()
        try:
            writer.write(payload)
            if data is not None:
                for start in range(0, len(data), CHUNK_BYTES):
                    chunk = data[start : start + CHUNK_BYTES]
                    writer.write(struct.pack(">I", len(chunk)) + chunk)
                    await writer.drain()
                writer.write(struct.pack(">I", 0))
            await writer.drain()
            reply = b""
            while b"\0" not in reply and len(reply) < MAX_REPLY_BYTES:
                piece = await reader.read(MAX_REPLY_BYTES)
                if not piece:
                    break
                reply += piece
        finally:
            writer.close()
            try:
                await writer.wait_closed()
            except OSError:
                pass
        return reply.split(b"\0", 1)[0].decode("utf-8", "replace").strip()

    async def ping(self) -> bool:
        try:
            reply = await asyncio.wait_for(self._command(b"zPING\0"), self.timeout)
        except (OSError, TimeoutError, asyncio.IncompleteReadError):
            return False
        return reply == "PONG"

    async def scan(self, data: bytes) -> ScanResult:
        try:
            reply = await asyncio.wait_for(self._command(b"zINSTREAM\0", data), self.timeout)
        except TimeoutError:
            return ScanResult(error="clamd timed out")
        except (OSError, asyncio.IncompleteReadError) as exc:
            return ScanResult(error=f"clamd unreachable: {type(exc).__name__}")
        return parse_reply(reply)


def parse_reply(reply: str) -> ScanResult:
    """`stream: OK`, `stream: <signature> FOUND`, or `<reason> ERROR`."""
    body = reply.split(":", 1)[1].strip() if reply.startswith("stream:") else reply
    if body == "OK":
        return ScanResult()
    if body.endswith(" FOUND"):
        return ScanResult(infected=True, signature=body[: -len(" FOUND")].strip()[:200])
    return ScanResult(error=(body or "empty reply from clamd")[:200])


class _Misconfigured:
    """Stands in for a scanner whose address cannot be parsed: every scan is an error."""

    def __init__(self, reason: str) -> None:
        self.reason = reason

    async def scan(self, data: bytes) -> ScanResult:
        return ScanResult(error=self.reason)


def scanner_from_settings(settings: Settings) -> VirusScanner | None:
    if not settings.clamd:
        return None
    try:
        return ClamdScanner(settings.clamd, timeout=settings.clamd_timeout)
    except ValueError as exc:
        return _Misconfigured(str(exc))
