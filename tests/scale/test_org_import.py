"""An organisation exported from installation A (`mailplane export`) and imported into an
empty installation B (`mailplane org import`, the real command): every message byte for
byte in the same folder (a nested Chinese-named one), with its flags, keywords and internal
date; every event (a recurring series) and every contact and contact group. Importing
again (the mbox export, the Maildir export, a .tar.gz of it) duplicates nothing; a
tampered export is refused before anything is stored; an organisation without the
exported domain gets none of it. SQLite in the SQLite pass, PostgreSQL (a fresh schema for
B) in the PostgreSQL pass."""

from __future__ import annotations

import base64
import os
import re
import shutil
import subprocess
import sys
import tarfile
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import httpx
import psycopg
import pytest
from sqlalchemy import func, select

from api.app import create_app
from api.calendar.ics.service import export_ics
from api.config import Settings, normalise_database_url
from api.contacts.contacts.transfer import export_vcards
from api.mail.delivery.append import append_message
from api.ops import export_repository
from api.ops.org_export import export_org, folder_path
from api.ops.org_import import MalformedExport, import_org
from api.runtime import Runtime
from api.storage.migrate import upgrade_async
from api.storage.models import Account, Event, MailFolder, MailMessage
from tests.conftest import PG_URL
from tests.factories.platform import OrgHandle, make_org

ATTACHED = bytes(range(256)) * 40  # a binary attachment, every byte value

WITH_ATTACHMENT = (
    b"From: Zhang San <zs@example.cn>\r\nTo: alice@acme.test\r\n"
    b"Subject: =?UTF-8?B?6aG555uu6K6h5YiS?=\r\nMessage-ID: <att@example.cn>\r\n"
    b"MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n"
    b"--b1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
    b"\xe8\xa7\x81\xe9\x99\x84\xe4\xbb\xb6\r\n"
    b"--b1\r\nContent-Type: application/octet-stream; name=\"plan.bin\"\r\n"
    b"Content-Disposition: attachment; filename=\"plan.bin\"\r\n"
    b"Content-Transfer-Encoding: base64\r\n\r\n"
    + base64.encodebytes(ATTACHED).replace(b"\n", b"\r\n")
    + b"--b1--\r\n"
)
LF_ONLY = (b"From: bob@acme.test\nTo: alice@acme.test\nSubject: lf only\n\n"
           b"From here on\n>From there\n>>From further\nno final newline")
MIXED = b"From: c@example.net\r\nSubject: mixed ends\nTo: alice@acme.test\r\n\r\nbody\nmore\r\n"
PLAIN = b"From: d@example.net\r\nTo: alice@acme.test\r\nSubject: twice\r\n\r\nsame bytes\r\n"


@pytest.fixture
async def empty_b(tmp_path: Path) -> AsyncIterator[Settings]:
    """Installation B: its own database (a new SQLite file, or a new PostgreSQL schema)
    and its own data directory (so its own blobs)."""
    base = {"secret_key": "test-secret-key-not-for-production", "mail_host": "mx.acme.test",
            "data_dir": tmp_path / "b"}
    if not PG_URL:
        settings = Settings(database_url=f"sqlite+aiosqlite:///{tmp_path / 'b.db'}", **base)
        await upgrade_async(settings.effective_database_url)
        yield settings
        return
    schema = f"mp_import_{os.getpid()}"
    plain = PG_URL.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(plain, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
        conn.execute(f"CREATE SCHEMA {schema}")
    sep = "&" if "?" in PG_URL else "?"
    url = normalise_database_url(f"{PG_URL}{sep}options=-csearch_path%3D{schema}")
    settings = Settings(database_url=url, **base)
    await upgrade_async(settings.effective_database_url)
    try:
        yield settings
    finally:
        with psycopg.connect(plain, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")


async def _fill(runtime: Runtime, org: OrgHandle, client: httpx.AsyncClient) -> None:
    """Installation A's content: what each format must carry."""
    alice = await org.add_account("alice")
    await org.add_account("bob")
    headers = await org.headers()
    base = "/v1/accounts/alice@acme.test"
    top = await client.post(f"{base}/mail/folders", headers=headers, json={"name": "项目"})
    assert top.status_code == 201, top.text
    sub = await client.post(f"{base}/mail/folders", headers=headers,
                            json={"name": "二〇三〇年 计划", "parent_id": top.json()["id"]})
    assert sub.status_code == 201, sub.text
    when = datetime(2030, 1, 2, 3, 4, 5, 123456, tzinfo=UTC)
    async with runtime.db.session() as session:
        account = await session.get(Account, alice.id)
        assert account is not None
        await append_message(session, runtime, account, WITH_ATTACHMENT,
                             folder_id=sub.json()["id"], flags={"seen": True, "flagged": True},
                             keywords=["$label1", "项目"], received_at=when)
        await append_message(session, runtime, account, LF_ONLY, flags={"answered": True},
                             received_at=when.replace(day=3))
        await append_message(session, runtime, account, MIXED, received_at=when.replace(day=4))
        for day in (5, 6):  # the same bytes twice in one folder: both must arrive
            await append_message(session, runtime, account, PLAIN, folder_id=top.json()["id"],
                                 flags={"draft": day == 5}, received_at=when.replace(day=day))
    made = await client.post(f"{base}/calendar/events", headers=headers, json={
        "title": "周会 Weekly", "start": "2030-01-07T10:00:00", "end": "2030-01-07T11:00:00",
        "time_zone": "Asia/Shanghai", "recurrence": {"rrule": "FREQ=WEEKLY;COUNT=6"},
        "description": "每周一"})
    assert made.status_code == 201, made.text
    other = await client.post(f"{base}/calendar/calendars", headers=headers,
                              json={"name": "家庭", "time_zone": "Europe/Berlin"})
    assert other.status_code == 201, other.text
    made = await client.post(f"{base}/calendar/events", headers=headers, json={
        "calendar_id": other.json()["id"], "title": "Dinner", "start": "2030-02-01T19:00:00",
        "end": "2030-02-01T21:00:00", "time_zone": "Europe/Berlin"})
    assert made.status_code == 201, made.text
    ids = []
    for name, address in (("王小明", "xiaoming@example.cn"), ("Ann Lee", "ann@example.com")):
        made = await client.post(f"{base}/contacts", headers=headers, json={
            "display_name": name, "emails": [{"address": address}]})
        assert made.status_code == 201, made.text
        ids.append(made.json()["id"])
    group = await client.post(f"{base}/contacts/groups", headers=headers,
                              json={"name": "朋友", "member_ids": ids})
    assert group.status_code == 201, group.text


_VOLATILE = re.compile(r"^(DTSTAMP|REV|PRODID|LAST-MODIFIED|CREATED)[:;].*\r?\n",
                       re.MULTILINE)


def _parts(text: str, kind: str) -> list[str]:
    """The components of an iCalendar or vCard text, without stamps, in a stable order
    (rows a rerun updated may come back in another order)."""
    found = re.findall(rf"BEGIN:{kind}\r?\n.*?END:{kind}\r?\n", text, re.DOTALL)
    assert found or kind not in text
    # lines sorted too: a group's MEMBER lines follow no order
    return sorted("\n".join(sorted(_VOLATILE.sub("", part).splitlines())) for part in found)


async def _snapshot(runtime: Runtime, org_id: str) -> dict[str, object]:
    """Everything the import must carry, keyed by what survives a move (addresses, folder
    paths, names), with the ids and stamps that legitimately differ left out."""
    out: dict[str, object] = {}
    async with runtime.db.session(write=False) as session:
        people = await export_repository.accounts(session, org_id)
    for person in people:
        if person.address.startswith("admin@"):
            continue
        async with runtime.db.session(write=False) as session:
            folders = await export_repository.folders(session, org_id, person.id)
            by_id = {f.id: f for f in folders}
            rows = (await session.execute(select(MailMessage).where(
                MailMessage.org_id == org_id, MailMessage.account_id == person.id))).scalars()
            mail = sorted([
                (tuple(folder_path(by_id[m.folder_id], by_id)), by_id[m.folder_id].role,
                 m.received_at.isoformat(), m.seen, m.flagged, m.answered, m.forwarded,
                 m.draft, sorted(m.keywords or []), await runtime.blobs.read_all(m.blob_sha256))
                for m in rows])
            counts = sorted((tuple(folder_path(f, by_id)), f.total_count, f.unread_count)
                            for f in folders)
            calendars = {c.name: _parts((await export_ics(session, c)).decode(), "VEVENT")
                         for c in await export_repository.calendars(session, org_id, person.id)}
            books = {b.name: _parts(await export_vcards(session, runtime, b, "4.0"), "VCARD")
                     for b in await export_repository.address_books(session, org_id, person.id)}
        out[person.address] = {"mail": mail, "counts": counts, "calendars": calendars,
                               "books": books}
    return out


def _cli(settings: Settings, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MAILPLANE_")}
    env |= {"MAILPLANE_DATABASE_URL": settings.effective_database_url,
            "MAILPLANE_DATA_DIR": str(settings.data_dir),
            "MAILPLANE_SECRET_KEY": settings.secret_key or "", "PYTHONPATH": os.getcwd()}
    return subprocess.run([sys.executable, "-m", "api.cli", *args], env=env, text=True,
                          capture_output=True, timeout=600, cwd=Path(__file__).parents[2])


async def _messages(runtime: Runtime, org_id: str) -> int:
    async with runtime.db.session(write=False) as session:
        return int(await session.scalar(select(func.count()).select_from(MailMessage).where(
            MailMessage.org_id == org_id)) or 0)


async def test_export_from_a_imports_into_empty_b_exactly_and_idempotently(
        runtime, client, org, empty_b, tmp_path: Path):
    await _fill(runtime, org, client)
    for fmt in ("mbox", "maildir"):
        await export_org(runtime, org.id, tmp_path / fmt, mail_format=fmt)  # type: ignore[arg-type]
    before = await _snapshot(runtime, org.id)
    assert len(before["alice@acme.test"]["mail"]) == 5  # type: ignore[index]

    b = Runtime.build(empty_b)
    app_b = create_app(empty_b, runtime=b, migrate=False)
    try:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app_b),
                                     base_url="http://b") as client_b:
            target = await make_org(b, client_b, name="Acme", domain="acme.test")
            stranger = await make_org(b, client_b, name="Other", domain="other.test")

        # a tampered export: refused, clearly, before anything is stored
        bad = tmp_path / "bad"
        shutil.copytree(tmp_path / "mbox", bad)
        [mbox] = [p for p in (bad / "mail" / "alice@acme.test").glob("*.mbox")
                  if b"plan.bin" in p.read_bytes()]
        mbox.write_bytes(mbox.read_bytes().replace(b"plan.bin", b"plan.exe"))
        refused = _cli(empty_b, "org", "import", str(bad), "--org", "acme.test")
        assert refused.returncode == 1, refused.stdout + refused.stderr
        assert "SHA-256 mismatch" in refused.stderr and "项目/二〇三〇年 计划" in refused.stderr
        async with b.db.session(write=False) as session:
            assert await session.scalar(select(func.count()).select_from(Account).where(
                Account.org_id == target.id)) == 1  # the admin only
        (bad / "mailplane" / "manifest.json").write_text("{}", encoding="utf-8")
        with pytest.raises(MalformedExport, match="not a mailplane-org-export manifest"):
            await import_org(b, target.id, bad)

        # another organisation without the exported domain gets nothing
        with pytest.raises(MalformedExport, match="accounts not imported"):
            await import_org(b, stranger.id, tmp_path / "mbox")
        assert await _messages(b, stranger.id) == 0

        # the real command, from the mbox export
        done = _cli(empty_b, "org", "import", str(tmp_path / "mbox"), "--org", "acme.test")
        assert done.returncode == 0, done.stdout + done.stderr
        assert '"messages": 5' in done.stdout, done.stdout
        assert await _snapshot(b, target.id) == before

        # again, from the mbox, the Maildir and an archive: nothing twice
        archive = tmp_path / "export.tar.gz"
        with tarfile.open(archive, "w:gz") as tar:
            tar.add(tmp_path / "maildir", arcname="acme-export")
        for source in (tmp_path / "mbox", tmp_path / "maildir", archive):
            again = await import_org(b, target.id, source)
            assert again.messages == 0 and again.messages_present == 5, again
        assert await _snapshot(b, target.id) == before
        async with b.db.session(write=False) as session:
            imported = await session.scalar(select(func.count()).select_from(Event).where(
                Event.org_id == target.id, Event.type == "mail.message.imported"))
            folders = (await session.execute(select(MailFolder.name).where(
                MailFolder.org_id == target.id))).scalars().all()
        assert imported == 5
        assert sorted(folders).count("二〇三〇年 计划") == 1
    finally:
        await b.blobs.close()
        await b.db.dispose()
