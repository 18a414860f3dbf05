"""SIGKILL of a real `mailplane serve --role imap` with clients connected: clients see the
connection drop, reconnect to the restarted server, and find every APPEND that was
answered OK exactly once, under the UID it was answered with, in the same UIDVALIDITY."""

from __future__ import annotations

import asyncio
import imaplib
import re
import signal
import subprocess
from pathlib import Path

from api.config import Settings
from tests.directory.domains.dns_server import free_port
from tests.factories.platform import ADMIN_PASSWORD, OrgHandle
from tests.imap.conftest import message, on_thread, tls_context
from tests.smtp.test_crash import _env, _start, _wait_port

ALICE = "alice@acme.test"


def _client(port: int, settings: Settings) -> imaplib.IMAP4:
    client = imaplib.IMAP4("127.0.0.1", port, timeout=20)
    client.starttls(tls_context(settings))
    client.login(ALICE, ADMIN_PASSWORD)
    return client


def _append_loop(port: int, settings: Settings, acked: dict[int, int], count: int) -> None:
    try:
        client = _client(port, settings)
        for n in range(count):
            typ, data = client.append("INBOX", None, None, message(f"crash-{n}"))
            match = re.search(rb"APPENDUID (\d+) (\d+)", data[0] or b"")
            if typ == "OK" and match:
                acked[n] = int(match.group(2))
    except (OSError, imaplib.IMAP4.abort, imaplib.IMAP4.error, EOFError):
        return


def _idler(port: int, settings: Settings) -> str:
    client = _client(port, settings)
    client.select("INBOX")
    tag = client._new_tag()
    client.send(tag + b" IDLE\r\n")
    try:
        while True:
            if not client.readline():
                return "closed"
    except (OSError, imaplib.IMAP4.abort, EOFError):
        return "closed"


async def test_sigkill_with_clients_connected_loses_and_duplicates_nothing(
    settings: Settings, org: OrgHandle, tmp_path: Path
) -> None:
    await org.add_account("alice")
    port = free_port()
    env = _env(settings, imap_port=port, imaps_port=-1, pop3_port=-1, pop3s_port=-1,
               smtp_port=-1, mail_host="mail.acme.test")
    log = tmp_path / "imap.log"
    proc = _start("imap", env, log)
    try:
        await _wait_port(port, proc)
        acked: dict[int, int] = {}
        idle = asyncio.create_task(on_thread(_idler, port, settings))
        appending = asyncio.create_task(on_thread(_append_loop, port, settings, acked, 400))
        while len(acked) < 40:
            assert not appending.done(), log.read_text()
            await asyncio.sleep(0.05)
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
        await asyncio.wait_for(appending, 30)
        assert await asyncio.wait_for(idle, 30) == "closed"
        proc = _start("imap", env, log)
        await _wait_port(port, proc)

        def check() -> tuple[list[bytes], dict[int, list[int]]]:
            client = _client(port, settings)
            client.select("INBOX")
            _, data = client.uid("FETCH", "1:*", "(UID BODY.PEEK[HEADER.FIELDS (SUBJECT)])")
            found: dict[int, list[int]] = {}
            for item in data:
                if isinstance(item, tuple):
                    uid = int(re.search(rb"UID (\d+)", item[0]).group(1))  # type: ignore[union-attr]
                    n = int(re.search(rb"crash-(\d+)", item[1]).group(1))  # type: ignore[union-attr]
                    found.setdefault(n, []).append(uid)
            client.logout()
            return data, found

        _, found = await on_thread(check)
        for n, uid in acked.items():
            assert found.get(n) == [uid], (n, uid, found.get(n))
        assert all(len(uids) == 1 for uids in found.values())  # nothing twice
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(15)
            except subprocess.TimeoutExpired:
                proc.kill()
