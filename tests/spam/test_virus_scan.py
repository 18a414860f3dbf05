"""The clamd hook against a small fake clamd that speaks the real protocol (zINSTREAM with
length-prefixed chunks, NUL-terminated replies) on loopback TCP and on a UNIX socket."""

from __future__ import annotations

import asyncio
import struct
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from api.config import Settings
from api.mail.spam import ClamdScanner, ScanResult, VirusScanner, classify
from api.mail.spam.virus import parse_address, parse_reply, scanner_from_settings
from tests.factories.spam import message

EICAR = rb"X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"


class FakeClamd:
    """Implements zPING and zINSTREAM the way clamd does; remembers what it was sent."""

    def __init__(self, *, max_stream: int = 10 * 1024 * 1024, stall: bool = False) -> None:
        self.max_stream = max_stream
        self.stall = stall
        self.received: list[bytes] = []
        self.chunk_sizes: list[int] = []

    async def handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            command = (await reader.readuntil(b"\0"))[:-1]
            if self.stall:
                await asyncio.sleep(30)
            if command == b"zPING":
                writer.write(b"PONG\0")
            elif command == b"zINSTREAM":
                data = bytearray()
                while True:
                    (size,) = struct.unpack(">I", await reader.readexactly(4))
                    if size == 0:
                        break
                    self.chunk_sizes.append(size)
                    data += await reader.readexactly(size)
                    if len(data) > self.max_stream:
                        writer.write(b"INSTREAM size limit exceeded. ERROR\0")
                        await writer.drain()
                        return
                self.received.append(bytes(data))
                found = EICAR in data
                writer.write(b"stream: Eicar-Test-Signature FOUND\0" if found
                             else b"stream: OK\0")
            else:
                writer.write(b"UNKNOWN COMMAND\0")
            await writer.drain()
        finally:
            writer.close()


@pytest.fixture
async def clamd_tcp() -> AsyncIterator[tuple[FakeClamd, str]]:
    fake = FakeClamd()
    server = await asyncio.start_server(fake.handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    async with server:
        yield fake, f"tcp:127.0.0.1:{port}"


@pytest.fixture
async def clamd_unix(tmp_path: Path) -> AsyncIterator[tuple[FakeClamd, str]]:
    fake = FakeClamd()
    path = tmp_path / "clamd.sock"
    server = await asyncio.start_unix_server(fake.handle, str(path))
    async with server:
        yield fake, f"unix:{path}"


def test_the_clamd_scanner_satisfies_the_hook_protocol() -> None:
    assert isinstance(ClamdScanner("tcp:127.0.0.1:3310"), VirusScanner)


@pytest.mark.parametrize(("value", "parsed"), [
    ("unix:/run/clamav/clamd.ctl", ("unix", "/run/clamav/clamd.ctl")),
    ("/run/clamd.sock", ("unix", "/run/clamd.sock")),
    ("tcp:10.0.0.5:3310", ("tcp", ("10.0.0.5", 3310))),
    ("clamav.internal:3310", ("tcp", ("clamav.internal", 3310))),
    ("tcp:[::1]:3310", ("tcp", ("::1", 3310))),
])
def test_addresses_parse(value: str, parsed: tuple) -> None:
    assert parse_address(value) == parsed


@pytest.mark.parametrize(("reply", "result"), [
    ("stream: OK", ScanResult()),
    ("stream: Win.Test.EICAR_HDB-1 FOUND", ScanResult(True, "Win.Test.EICAR_HDB-1")),
    ("INSTREAM size limit exceeded. ERROR",
     ScanResult(error="INSTREAM size limit exceeded. ERROR")),
    ("", ScanResult(error="empty reply from clamd")),
])
def test_replies_parse(reply: str, result: ScanResult) -> None:
    assert parse_reply(reply) == result


async def test_clean_message_over_tcp_is_streamed_in_chunks(clamd_tcp) -> None:
    fake, address = clamd_tcp
    data = b"x" * 200_000
    result = await ClamdScanner(address).scan(data)
    assert result.clean
    assert fake.received == [data]
    assert max(fake.chunk_sizes) <= 64 * 1024 and len(fake.chunk_sizes) == 4
    assert await ClamdScanner(address).ping()


async def test_infected_message_over_a_unix_socket(clamd_unix) -> None:
    fake, address = clamd_unix
    result = await ClamdScanner(address).scan(message(body=EICAR.decode()))
    assert result.infected and result.signature == "Eicar-Test-Signature"


async def test_oversize_stream_is_an_error_not_a_crash() -> None:
    fake = FakeClamd(max_stream=1000)
    server = await asyncio.start_server(fake.handle, "127.0.0.1", 0)
    async with server:
        port = server.sockets[0].getsockname()[1]
        result = await ClamdScanner(f"127.0.0.1:{port}").scan(b"y" * 5000)
    assert result.error and not result.infected


async def test_unreachable_or_stalled_clamd_reports_an_error(tmp_path: Path) -> None:
    missing = await ClamdScanner(f"unix:{tmp_path / 'nothing.sock'}").scan(b"data")
    assert missing.error and "unreachable" in missing.error
    assert not await ClamdScanner(f"unix:{tmp_path / 'nothing.sock'}").ping()
    fake = FakeClamd(stall=True)
    server = await asyncio.start_server(fake.handle, "127.0.0.1", 0)
    async with server:
        port = server.sockets[0].getsockname()[1]
        stalled = await ClamdScanner(f"tcp:127.0.0.1:{port}", timeout=0.3).scan(b"data")
    assert stalled.error == "clamd timed out"


def test_unset_means_no_scanning_and_a_bad_address_means_errors() -> None:
    assert scanner_from_settings(Settings(clamd=None)) is None
    assert isinstance(scanner_from_settings(Settings(clamd="tcp:127.0.0.1:3310")), ClamdScanner)


async def test_misconfigured_address_never_stops_mail() -> None:
    scanner = scanner_from_settings(Settings(clamd="no-port-here"))
    assert scanner is not None
    assert (await scanner.scan(b"x")).error


async def test_classify_refuses_a_virus_even_from_an_allowed_sender(org, clamd_tcp) -> None:
    _, address = clamd_tcp
    settings = org.runtime.settings.model_copy(update={"clamd": address})
    async with org.runtime.db.session(write=False) as session:
        infected = await classify(session, org.id, message(body=EICAR.decode()), None,
                                  {"dmarc": "pass"}, settings=settings)
        clean = await classify(session, org.id, message(), None, {}, settings=settings)
    assert infected.action == "reject" and infected.virus == "Eicar-Test-Signature"
    assert "VIRUS_FOUND" in {h.name for h in infected.reasons}
    assert clean.action == "inbox" and clean.virus is None


async def test_classify_keeps_mail_flowing_when_clamd_is_down(org, tmp_path: Path) -> None:
    settings = org.runtime.settings.model_copy(
        update={"clamd": f"unix:{tmp_path / 'down.sock'}", "clamd_timeout": 1.0})
    async with org.runtime.db.session(write=False) as session:
        v = await classify(session, org.id, message(), None, {}, settings=settings)
    assert v.action == "inbox"
    assert "VIRUS_SCAN_FAILED" in {h.name for h in v.reasons}
