"""Resuming without duplicates: a folder whose UIDVALIDITY changed (deleted and recreated
on the source) is imported again against the dedupe ledger, and a worker killed (SIGKILL,
or its task cancelled) in the middle of a batch leaves every message imported once."""

from __future__ import annotations

import asyncio
import imaplib
import json
import os
import signal
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select, update

from api.config import Settings
from api.kit.clock import utcnow
from api.migration import importer, transfer
from api.migration.transfer import run_slice
from api.storage.models import (
    BlobRecord,
    Job,
    MailFolder,
    MailMessage,
    MigrationAccount,
    MigrationCursor,
    MigrationFolder,
)
from tests.factories.platform import OrgHandle
from tests.migration.conftest import drain, message, source
from tests.migration.dovecot import Dovecot
from tests.migration.test_imap import start

ROOT = Path(__file__).resolve().parent.parent.parent
TOTAL = 120


@pytest.fixture
def settings(settings: Settings) -> Settings:
    # a killed worker's account lease runs out quickly (the heartbeat renews every 1 s)
    return settings.model_copy(
        update={"migration_lease_seconds": 3.0, "migration_batch_messages": 20}
    )


async def imported(org: OrgHandle, account_id: str) -> tuple[int, int]:
    """(messages, distinct Message-IDs) in the account."""
    async with org.runtime.db.session(write=False) as session:
        total, distinct = (
            await session.execute(
                select(
                    func.count(), func.count(func.distinct(MailMessage.message_id_header))
                ).where(MailMessage.account_id == account_id)
            )
        ).one()
    return int(total), int(distinct)


async def item_of(org: OrgHandle, migration_id: str) -> MigrationAccount:
    async with org.runtime.db.session(write=False) as session:
        item = await session.scalar(
            select(MigrationAccount).where(MigrationAccount.migration_id == migration_id)
        )
    assert item is not None
    return item


def imap_session(dovecot: Dovecot, user: str) -> imaplib.IMAP4:
    imap = imaplib.IMAP4("127.0.0.1", dovecot.imap_port)
    imap.login(user, "secret")
    return imap


async def test_uidvalidity_reset_reimports_without_duplicates(
    client: httpx.AsyncClient, org: OrgHandle, dovecot: Dovecot
) -> None:
    kim = await org.add_account("kim")
    user = dovecot.new_user()
    first = [message(f"archived {i}", msgid=f"arch{i}@old", body=f"kept {i}\r\n") for i in range(5)]
    for raw in first:
        dovecot.add(user, raw, folder="Archive", flags="S")
    dovecot.own(user)
    body = {"accounts": [{"account": kim.address, "source": source(dovecot, user)}]}
    done = await drain(org.runtime, (await start(client, org, body))["id"])
    assert done.status == "completed", done.error
    async with org.runtime.db.session(write=False) as session:
        before = await session.scalar(select(MigrationCursor.uidvalidity))

    # the folder is deleted and recreated on the source: same mail, new UIDVALIDITY, UIDs
    # from 1 again; one copy gained a header on the way (same Message-ID, same body), one
    # message reuses a Message-ID with another body, and one is new
    imap = imap_session(dovecot, user)
    assert imap.delete("Archive")[0] == "OK"
    assert imap.create("Archive")[0] == "OK"
    for raw in first[:4]:
        assert imap.append("Archive", r"(\Seen)", None, raw)[0] == "OK"
    resent = b"Received: from relay.old (relay.old [192.0.2.9])\r\n" + first[4]
    assert imap.append("Archive", r"(\Seen)", None, resent)[0] == "OK"
    reused = message("archived 0, edited", msgid="arch0@old", body="a different body\r\n")
    assert imap.append("Archive", None, None, reused)[0] == "OK"
    assert imap.append("Archive", None, None, message("new", msgid="fresh@old"))[0] == "OK"
    imap.logout()

    again = await start(client, org, body)
    done = await drain(org.runtime, again["id"])
    assert done.status == "completed", done.error
    async with org.runtime.db.session(write=False) as session:
        after = await session.scalar(select(MigrationCursor.uidvalidity))
        folder = await session.scalar(
            select(MailFolder).where(MailFolder.account_id == kim.id, MailFolder.name == "Archive")
        )
        subjects = sorted(
            (
                await session.execute(
                    select(MailMessage.subject).where(MailMessage.account_id == kim.id)
                )
            ).scalars()
        )
    assert after is not None and after != before  # the reset was seen
    assert subjects == sorted([f"archived {i}" for i in range(5)] + ["archived 0, edited", "new"])
    assert folder is not None and folder.total_count == 7
    resp = await client.get(f"/v1/directory/migrations/{again['id']}", headers=await org.headers())
    counts = resp.json()["counts"]
    assert counts["messages_total"] == 7
    assert counts["messages_imported"] == 2 and counts["messages_skipped"] == 5


async def test_worker_killed_mid_batch_resumes_with_every_message_once(
    client: httpx.AsyncClient, org: OrgHandle, dovecot: Dovecot, settings: Settings, tmp_path: Path
) -> None:
    lee = await org.add_account("lee")
    user = dovecot.new_user()
    for i in range(TOTAL):
        dovecot.add(user, message(f"kill {i}", msgid=f"kill{i}@old", body=f"n {i}\r\n" * 30))
    dovecot.own(user)
    job = await start(
        client, org, {"accounts": [{"account": lee.address, "source": source(dovecot, user)}]}
    )

    config, marker = tmp_path / "settings.json", tmp_path / "in-batch"
    config.write_text(settings.model_dump_json())
    worker = subprocess.Popen(
        [sys.executable, "-m", "tests.migration.worker_process", str(config), str(marker), "3"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=(tmp_path / "worker.log").open("wb"),
    )
    try:
        deadline = time.monotonic() + 60
        while not marker.exists():
            assert worker.poll() is None, (tmp_path / "worker.log").read_text()[-3000:]
            assert time.monotonic() < deadline, "the worker never reached its third batch"
            await asyncio.sleep(0.05)
        assert json.loads(marker.read_text())["imported"] == 20  # stored, not committed
    finally:
        os.kill(worker.pid, signal.SIGKILL)
        worker.wait()

    assert await imported(org, lee.id) == (40, 40)  # two batches committed, the third lost
    item = await item_of(org, job["id"])
    assert item.status == "running" and item.messages_done == 40
    # the dead worker's job comes back when its lease runs out (5 minutes: moved forward
    # here); the account's own lease has run out meanwhile (3 s, no heartbeat)
    async with org.runtime.db.session() as session:
        await session.execute(
            update(Job)
            .where(Job.status == "running")
            .values(lease_until=utcnow() - timedelta(seconds=1))
        )
    await asyncio.sleep(3.5)
    done = await drain(org.runtime, job["id"], timeout=120)
    assert done.status == "completed", done.error
    await assert_each_once(org, lee.id)
    item = await item_of(org, job["id"])
    assert item.messages_done == TOTAL and item.messages_skipped == 0


async def test_worker_task_cancelled_mid_batch_resumes_with_every_message_once(
    client: httpx.AsyncClient,
    org: OrgHandle,
    dovecot: Dovecot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    max_ = await org.add_account("max")
    user = dovecot.new_user()
    for i in range(TOTAL):
        dovecot.add(user, message(f"cancel {i}", msgid=f"cancel{i}@old"))
    dovecot.own(user)
    job = await start(
        client, org, {"accounts": [{"account": max_.address, "source": source(dovecot, user)}]}
    )
    real = importer.store_batch
    calls = {"n": 0}
    in_batch = asyncio.Event()

    async def store_then_wait(*args: Any, **kwargs: Any) -> importer.Outcome:
        outcome = await real(*args, **kwargs)
        calls["n"] += 1
        if calls["n"] == 4:
            in_batch.set()
            await asyncio.sleep(3600)  # cancelled here, before the batch commits
        return outcome

    monkeypatch.setattr(importer, "store_batch", store_then_wait)
    task = asyncio.create_task(drain(org.runtime, job["id"]))
    await asyncio.wait_for(in_batch.wait(), 60)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert await imported(org, max_.id) == (60, 60)
    item = await item_of(org, job["id"])
    assert item.lease_owner is None  # given back on the way out

    monkeypatch.setattr(importer, "store_batch", real)
    result = await run_slice(org.runtime, item.id, schedule=False)
    assert result.state == "done"
    await assert_each_once(org, max_.id)


async def assert_each_once(org: OrgHandle, account_id: str) -> None:
    assert await imported(org, account_id) == (TOTAL, TOTAL)
    async with org.runtime.db.session(write=False) as session:
        folder = await session.scalar(
            select(MailFolder).where(
                MailFolder.account_id == account_id, MailFolder.role == "inbox"
            )
        )
        refcounts = (
            (
                await session.execute(
                    select(BlobRecord.refcount).where(
                        BlobRecord.sha256.in_(
                            select(MailMessage.blob_sha256).where(
                                MailMessage.account_id == account_id
                            )
                        )
                    )
                )
            )
            .scalars()
            .all()
        )
    assert folder is not None and folder.total_count == TOTAL
    assert sorted(set(refcounts)) == [1] and len(refcounts) == TOTAL


async def test_uidvalidity_reset_between_slices_of_one_job_loses_nothing(
    client: httpx.AsyncClient,
    org: OrgHandle,
    dovecot: Dovecot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The folder is recreated while the job is between two slices: its new UIDs start
    at 1 again, below the high-water mark of the old ones, and must all be looked at."""
    rui = await org.add_account("rui")
    user = dovecot.new_user()
    old = [message(f"old {i}", msgid=f"old{i}@old", body=f"o {i}\r\n") for i in range(100)]
    for raw in old:
        dovecot.add(user, raw, folder="Archive", flags="S")
    dovecot.own(user)
    job = await start(
        client, org, {"accounts": [{"account": rui.address, "source": source(dovecot, user)}]}
    )
    item = await item_of(org, job["id"])
    real = transfer._Transfer._commit
    commits = {"n": 0, "stop_after": 3}  # the next batch is already fetched: 4 batches

    async def commit_then_time_up(self, ids, batch):  # type: ignore[no-untyped-def]
        await real(self, ids, batch)
        commits["n"] += 1
        if commits["n"] == commits["stop_after"]:
            self.deadline = 0.0  # the slice's time is up after this batch

    monkeypatch.setattr(transfer._Transfer, "_commit", commit_then_time_up)
    assert (await run_slice(org.runtime, item.id, schedule=False)).state == "continue"
    assert await imported(org, rui.id) == (80, 80)  # the inbox is empty; Archive 1-80 of 100
    async with org.runtime.db.session(write=False) as session:
        folder_row = await session.scalar(
            select(MigrationFolder).where(
                MigrationFolder.item_id == item.id, MigrationFolder.source_name == "Archive"
            )
        )
    assert folder_row is not None and folder_row.status == "running"
    async with org.runtime.db.session(write=False) as session:
        have = sorted(
            int(subject.split()[1])
            for subject in (
                await session.execute(
                    select(MailMessage.subject).where(MailMessage.account_id == rui.id)
                )
            ).scalars()
        )

    imap = imap_session(dovecot, user)
    assert imap.delete("Archive")[0] == "OK" and imap.create("Archive")[0] == "OK"
    # UIDs 1-20: mail already imported; 21-60: new mail
    again = [old[i] for i in have[:20]]
    for raw in again + [message(f"new {i}", msgid=f"new{i}@old") for i in range(40)]:
        assert imap.append("Archive", r"(\Seen)", None, raw)[0] == "OK"
    imap.logout()

    commits.update(n=0, stop_after=1)  # UIDs 1-40 of the new folder, below the old 80
    assert (await run_slice(org.runtime, item.id, schedule=False)).state == "continue"
    assert await imported(org, rui.id) == (100, 100)
    monkeypatch.setattr(transfer._Transfer, "_commit", real)
    assert (await run_slice(org.runtime, item.id, schedule=False)).state == "done"
    assert await imported(org, rui.id) == (120, 120)
