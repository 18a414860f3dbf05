"""Backup while mail arrives, restore into an empty installation, and every mailbox matches
byte for byte; an organisation export that mail, calendar and contacts tools read back.
SQLite in the SQLite pass; in the PostgreSQL pass a throwaway cluster (pg_dump needs the
whole database to itself), restored into a second, empty database of it."""

from __future__ import annotations

import asyncio
import csv
import mailbox
import smtplib
import subprocess
import threading
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
import vobject
from icalendar import Calendar as ICalendar
from sqlalchemy import select

from api.app import create_app
from api.config import Settings
from api.ops.backup import backup, restore
from api.ops.org_export import export_org
from api.runtime import Runtime
from api.storage.migrate import upgrade_async
from api.storage.models import Account, MailFolder, MailMessage
from tests.conftest import PG_URL
from tests.factories.platform import OrgHandle, make_org
from tests.live_server import free_port
from tests.scale.pg_cluster import Cluster, pg_bin
from tests.scale.processes import RoleProcess, role_env


@dataclass
class Installation:
    source: Settings
    target: Settings


@pytest.fixture
def installation(tmp_path: Path):  # type: ignore[no-untyped-def]
    base = {"secret_key": "test-secret-key-not-for-production", "mail_host": "mx.acme.test"}
    if not PG_URL:
        yield Installation(
            Settings(data_dir=tmp_path / "src", **base),
            Settings(data_dir=tmp_path / "dst", **base),
        )
        return
    cluster = Cluster().init().start()
    try:
        subprocess.run([pg_bin("createdb"), "-h", "127.0.0.1", "-p", str(cluster.port),
                        "-U", "postgres", "restored"], check=True)
        yield Installation(
            Settings(data_dir=tmp_path / "src", database_url=cluster.url, **base),
            Settings(data_dir=tmp_path / "dst",
                     database_url=cluster.url.rsplit("/", 1)[0] + "/restored", **base),
        )
    finally:
        cluster.destroy()


@pytest.fixture
async def source(installation: Installation) -> AsyncIterator[tuple[Runtime, OrgHandle]]:
    settings = installation.source
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    await upgrade_async(settings.effective_database_url)
    runtime = Runtime.build(settings)
    transport = httpx.ASGITransport(app=create_app(settings, runtime=runtime, migrate=False))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        org = await make_org(runtime, client, name="Acme", domain="acme.test")
        await org.add_account("alice")
        await org.add_account("bob")
        yield runtime, org
    await runtime.db.dispose()


class Sender(threading.Thread):
    """Sends mail to alice and bob until stopped; records the subjects that got 250."""

    def __init__(self, port: int) -> None:
        super().__init__(daemon=True)
        self.port = port
        self.acked: list[str] = []
        self.halt = threading.Event()

    def run(self) -> None:
        n = 0
        while not self.halt.is_set():
            try:
                with smtplib.SMTP("127.0.0.1", self.port, timeout=30) as smtp:
                    while not self.halt.is_set():
                        n += 1
                        to = "alice@acme.test" if n % 2 else "bob@acme.test"
                        subject = f"during-backup-{n}"
                        body = (f"From: Sender <s@example.net>\r\nTo: {to}\r\nSubject: {subject}"
                                f"\r\nMessage-ID: <b{n}@example.net>\r\n\r\n" + "line\r\n" * n)
                        smtp.sendmail("s@example.net", [to], body.encode())
                        self.acked.append(subject)
            except (OSError, smtplib.SMTPException):
                time.sleep(0.1)


async def _mailboxes(runtime: Runtime) -> dict[str, tuple]:  # type: ignore[type-arg]
    """Every message: where it is, its flags and its raw bytes, keyed by message id."""
    async with runtime.db.session(write=False) as session:
        rows = (await session.execute(
            select(MailMessage, Account.address, MailFolder.name)
            .join(Account, Account.id == MailMessage.account_id)
            .join(MailFolder, MailFolder.id == MailMessage.folder_id)
        )).all()
    out = {}
    for message, address, folder in rows:
        raw = await runtime.blobs.read_all(message.blob_sha256)
        out[message.id] = (address, folder, message.seen, message.flagged, message.subject, raw)
    return out


async def test_backup_while_mail_arrives_restores_every_mailbox_byte_for_byte(
    installation: Installation, source, tmp_path: Path
):
    runtime, org = source
    smtp_port = free_port()
    env = role_env(installation.source, smtp_port=smtp_port, submission_port=-1,
                   submissions_port=-1)
    smtp = RoleProcess("smtp", env, tmp_path / "smtp.log").start(wait=False)
    sender = Sender(smtp_port)
    try:
        sender.start()
        deadline = time.monotonic() + 90
        while len(sender.acked) < 10:
            assert time.monotonic() < deadline, (tmp_path / "smtp.log").read_text()[-2000:]
            await asyncio.sleep(0.1)
        before = list(sender.acked)
        report = await backup(installation.source, tmp_path / "backup")
        after = len(sender.acked)
        while len(sender.acked) < after + 3:  # mail kept arriving after the snapshot too
            await asyncio.sleep(0.1)
    finally:
        sender.halt.set()
        sender.join(30)
        smtp.stop()
    assert report.blobs >= 10

    restored_report = await restore(installation.target, tmp_path / "backup")
    assert restored_report.blobs == report.blobs
    restored = Runtime.build(installation.target)
    try:
        original = await _mailboxes(runtime)
        copy = await _mailboxes(restored)
    finally:
        await restored.db.dispose()
    subjects = {entry[4] for entry in copy.values()}
    assert set(before) <= subjects  # everything acknowledged before the backup began
    assert set(copy) <= set(original)  # nothing invented
    for message_id, entry in copy.items():
        assert entry == original[message_id]  # same mailbox, folder, flags and bytes
    # the snapshot is one instant: no later message without every earlier one
    numbers = sorted(int(s.rsplit("-", 1)[1]) for s in subjects if s.startswith("during-"))
    assert numbers == list(range(1, len(numbers) + 1))


async def test_org_export_reads_back_in_standard_tools(source, tmp_path: Path):
    runtime, org = source
    headers = await org.headers()
    transport = httpx.ASGITransport(app=create_app(runtime.settings, runtime=runtime,
                                                   migrate=False))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        base = "/v1/accounts/alice@acme.test"
        sent = await http.post(f"{base}/mail/send", headers=headers, json={
            "to": [{"address": "bob@acme.test"}], "subject": "From the start",
            "text": "From here on\n>From there\nend"})
        assert sent.status_code in (200, 201, 202), sent.text
        made = await http.post(f"{base}/calendar/events", headers=headers, json={
            "title": "Board meeting", "start": "2030-01-07T10:00:00",
            "end": "2030-01-07T11:00:00", "time_zone": "Asia/Shanghai"})
        assert made.status_code == 201, made.text
        made = await http.post(f"{base}/contacts", headers=headers, json={
            "display_name": "王小明", "emails": [{"address": "xiaoming@example.cn"}]})
        assert made.status_code == 201, made.text
    for fmt in ("mbox", "maildir"):
        report = await export_org(runtime, org.id, tmp_path / fmt, mail_format=fmt)
        assert report.accounts == 3 and report.messages >= 2

    inbox = [p for p in (tmp_path / "mbox/mail/bob@acme.test").glob("*.mbox")
             if mailbox.mbox(p).keys()]
    messages = [m for p in inbox for m in mailbox.mbox(p)]
    [got] = [m for m in messages if m["Subject"] == "From the start"]
    assert "From here on" in got.get_payload(decode=True).decode()  # quoted and unquoted
    maildir_msgs = [m for p in (tmp_path / "maildir/mail/bob@acme.test").iterdir()
                    for m in mailbox.Maildir(p, create=False)]
    assert any(m["Subject"] == "From the start" for m in maildir_msgs)
    [ics] = (tmp_path / "mbox/calendars/alice@acme.test").glob("*.ics")
    events = [c for c in ICalendar.from_ical(ics.read_bytes()).walk("VEVENT")]
    assert [str(e["SUMMARY"]) for e in events] == ["Board meeting"]
    [vcf] = (tmp_path / "mbox/contacts/alice@acme.test").glob("*.vcf")
    cards = list(vobject.readComponents(vcf.read_text(encoding="utf-8")))
    assert [c.fn.value for c in cards] == ["王小明"]
    rows = list(csv.DictReader((tmp_path / "mbox/directory/accounts.csv").open(encoding="utf-8")))
    assert {"alice@acme.test", "bob@acme.test"} <= {v for r in rows for v in r.values()}
