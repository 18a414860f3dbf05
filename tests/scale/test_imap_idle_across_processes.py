"""IMAP IDLE across processes: two real `mailplane serve --role imap` processes on one
PostgreSQL, their mailbox poll slowed to 30 s, so only the cross-process notification
(api/storage/notifier.py, LISTEN/NOTIFY) can wake them fast. A client idling on the second
process sees a message APPENDed through the first, a flag STOREd through the first and a
message delivered by a third process (this test's) within a couple of seconds."""

from __future__ import annotations

import asyncio
import imaplib
import re
import ssl
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from api.config import Settings
from tests.conftest import PG_URL
from tests.factories.platform import ADMIN_PASSWORD
from tests.imap.conftest import deliver, message
from tests.live_server import free_port
from tests.scale.processes import RoleProcess, role_env
from tests.scale.test_failover import _wait_smtp as wait_port

pytestmark = pytest.mark.skipif(
    not PG_URL,
    reason="LISTEN/NOTIFY is PostgreSQL's (SQLite is one machine; the PostgreSQL run covers it)")

ALICE = "alice@acme.test"
POLL = 30  # the fallback poll: anything much faster than this came through a notification
WAKE_WITHIN = 2.0


def _tls() -> ssl.SSLContext:
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE  # loopback, the processes' generated certificate
    return context


def client(port: int) -> imaplib.IMAP4:
    made = imaplib.IMAP4("127.0.0.1", port, timeout=30)
    made.starttls(_tls())
    made.login(ALICE, ADMIN_PASSWORD)
    return made


class Idler:
    """An IDLE on a thread; `lines` collects the untagged responses as they arrive."""

    def __init__(self, port: int) -> None:
        self.imap = client(port)
        self.imap.select("INBOX")
        self.tag = self.imap._new_tag()
        self.imap.send(self.tag + b" IDLE\r\n")
        assert self.imap.readline().startswith(b"+")
        self.lines: list[tuple[float, bytes]] = []

    def read_until(self, pattern: bytes, timeout: float) -> float:
        """Seconds (monotonic clock) at which a line matching `pattern` arrived."""
        self.imap.sock.settimeout(timeout)
        while True:
            line = self.imap.readline()
            if not line:
                raise AssertionError("connection closed while idling")
            self.lines.append((time.monotonic(), line))
            if re.search(pattern, line):
                return time.monotonic()

    def done(self) -> None:
        self.imap.sock.settimeout(30)
        self.imap.send(b"DONE\r\n")
        while not self.imap.readline().startswith(self.tag):
            pass
        self.imap.logout()


@pytest.fixture
def two_imap(settings: Settings, tmp_path: Path) -> Iterator[list[int]]:
    ports = [free_port(), free_port()]
    procs = []
    try:
        for n, port in enumerate(ports, 1):
            env = role_env(settings, imap_port=port, imaps_port=-1, pop3_port=-1,
                           pop3s_port=-1, smtp_port=-1, mail_host="mail.acme.test",
                           imap_idle_poll=POLL)
            procs.append(RoleProcess("imap", env, tmp_path / f"imap{n}.log").start())
            asyncio.run(wait_port(port, 900))  # one at a time: the first makes the TLS key
        yield ports
    finally:
        for proc in procs:
            proc.stop()


async def test_idle_on_one_process_wakes_on_changes_made_through_another(org, two_imap):
    first, second = two_imap
    alice = await org.add_account("alice")
    await deliver(org.runtime, alice, message("already there"))

    idler = await asyncio.to_thread(Idler, second)
    writer = await asyncio.to_thread(client, first)
    try:
        await asyncio.sleep(0.5)  # the idler's watcher has its starting point

        async def latency(pattern: bytes, change) -> float:  # type: ignore[no-untyped-def]
            """Seconds from the change's commit (its answer) to the idler's line; the
            reader waits on its own thread from before the change is made."""
            woke = asyncio.create_task(asyncio.to_thread(idler.read_until, pattern, POLL / 2))
            await asyncio.sleep(0.2)
            await change()
            committed = time.monotonic()
            return max(0.0, await woke - committed)

        async def append() -> None:
            typ, data = await asyncio.to_thread(
                writer.append, "INBOX", None, None, message("through the first process"))
            assert typ == "OK", data

        appended = await latency(rb"^\* 2 EXISTS", append)
        assert appended < WAKE_WITHIN, f"EXISTS after {appended:.2f} s"

        await asyncio.to_thread(writer.select, "INBOX")

        async def flag() -> None:
            typ, _ = await asyncio.to_thread(writer.store, "1", "+FLAGS", r"(\Flagged)")
            assert typ == "OK"

        flagged = await latency(rb"^\* 1 FETCH .*\\Flagged", flag)
        assert flagged < WAKE_WITHIN, f"FETCH after {flagged:.2f} s"

        async def delivery() -> None:  # committed by a third process (this one)
            await deliver(org.runtime, alice, message("delivered elsewhere"))

        delivered = await latency(rb"^\* 3 EXISTS", delivery)
        assert delivered < WAKE_WITHIN, f"EXISTS after {delivered:.2f} s"
        print(f"IDLE wake-ups across processes: append {appended:.3f} s, "
              f"store {flagged:.3f} s, delivery {delivered:.3f} s")
    finally:
        await asyncio.to_thread(idler.done)
        await asyncio.to_thread(writer.logout)
