"""Fixtures for migration tests: one real Dovecot per test session (per xdist worker),
settings that let a migration reach loopback and trust the test certificate, quick
retries, and a worker loop that runs jobs until the migration ends."""

from __future__ import annotations

import asyncio
import shutil
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from api.config import Settings
from api.runtime import Runtime
from api.storage.models import Migration
from api.worker.runner import run_once
from tests.migration.dovecot import Dovecot


@pytest.fixture(scope="session")
def dovecot() -> Iterator[Dovecot]:
    # Not under pytest's tmp dir: that one is 0700, and Postfix and Dovecot drop privileges.
    root = Path(tempfile.mkdtemp(prefix="mailplane-migration-peer-"))
    root.chmod(0o755)
    peer = Dovecot(root)
    reason = peer.start()
    if reason:
        shutil.rmtree(root, ignore_errors=True)
        pytest.skip(f"no Dovecot peer: {reason}")
    yield peer
    peer.stop()
    shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def settings(settings: Settings, dovecot: Dovecot) -> Settings:
    return settings.model_copy(
        update={
            "migration_allow_private": True,
            "migration_ca_file": dovecot.cert,
            "migration_timeout": 10.0,
            "migration_retry_base": 0.2,
            "migration_retry_max": 1.0,
            "migration_connect_retries": 1,
            "migration_max_retries": 5,
            "migration_progress_interval": 0.0,
            "migration_batch_messages": 50,
        }
    )


async def drain(runtime: Runtime, migration_id: str, *, timeout: float = 120) -> Migration:
    """Run the worker until the migration ends (jobs due later are waited for)."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        done = await run_once(runtime, "test-worker")
        async with runtime.db.session(write=False) as session:
            migration = await session.scalar(select(Migration).where(Migration.id == migration_id))
        assert migration is not None
        if migration.status in ("completed", "failed", "cancelled"):
            return migration
        if not done:
            await asyncio.sleep(0.05)
    raise AssertionError(f"migration {migration_id} did not end within {timeout} s")


def source(dovecot: Dovecot, user: str, **extra: Any) -> dict[str, Any]:
    return {
        "host": "127.0.0.1",
        "port": dovecot.imap_port,
        "security": "none",
        "username": user,
        "password": "secret",
        **extra,
    }


def message(
    subject: str,
    *,
    body: str = "Hello.\r\n",
    msgid: str | None = None,
    sender: str = "Old Friend <friend@example.org>",
    extra: str = "",
) -> bytes:
    head = (
        f"From: {sender}\r\nTo: someone@peer.test\r\nSubject: {subject}\r\n"
        f"Date: Tue, 02 Jan 2018 09:30:00 +0800\r\n"
    )
    if msgid is not None:
        head += f"Message-ID: <{msgid}>\r\n"
    return (
        head + extra + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + body
    ).encode()


FIXTURES = Path(__file__).parent
