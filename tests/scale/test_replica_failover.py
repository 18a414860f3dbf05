"""The primary dies under SMTP intake; its synchronous replica is promoted: every message
acknowledged before the crash is on the promoted server, and the api and smtp processes
(one URL naming both hosts, target_session_attrs=read-write) serve again within 10 s of
the promotion, without a restart."""

from __future__ import annotations

import asyncio
import smtplib
import threading
import time

import httpx
import pytest
from sqlalchemy import select

from api.app import create_app
from api.config import Settings
from api.runtime import Runtime
from api.storage.migrate import upgrade_async
from api.storage.models import MailMessage
from tests.conftest import PG_URL
from tests.factories.platform import make_org
from tests.live_server import free_port
from tests.scale.pg_cluster import primary_with_sync_replica, promote
from tests.scale.processes import RoleProcess, role_env
from tests.scale.test_failover import _wait_smtp

pytestmark = pytest.mark.skipif(
    not PG_URL, reason="runs in the PostgreSQL pass (it starts its own clusters)")


class Intake(threading.Thread):
    def __init__(self, port: int) -> None:
        super().__init__(daemon=True)
        self.port = port
        self.acked: list[str] = []
        self.refused = 0
        self.halt = threading.Event()

    def run(self) -> None:
        n = 0
        while not self.halt.is_set():
            n += 1
            subject = f"sync-{n}"
            try:
                with smtplib.SMTP("127.0.0.1", self.port, timeout=20) as smtp:
                    smtp.sendmail("s@example.net", ["alice@acme.test"],
                                  f"Subject: {subject}\r\nMessage-ID: <{subject}@x>\r\n\r\nb\r\n")
                self.acked.append(subject)
            except (OSError, smtplib.SMTPException):
                self.refused += 1
                time.sleep(0.05)


async def test_promoted_sync_replica_has_every_acknowledged_message(tmp_path):
    primary, replica = primary_with_sync_replica()
    try:
        url = (f"postgresql+psycopg://postgres@/postgres?host=127.0.0.1:{primary.port}"
               f"&host=127.0.0.1:{replica.port}&target_session_attrs=read-write")
        settings = Settings(database_url=url, data_dir=tmp_path / "data",
                            secret_key="test-secret-key-not-for-production",
                            mail_host="mx.acme.test")
        await upgrade_async(settings.effective_database_url)
        runtime = Runtime.build(settings)
        app = create_app(settings, runtime=runtime, migrate=False)
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app),
                                     base_url="http://testserver") as local:
            org = await make_org(runtime, local, name="Acme", domain="acme.test")
            await org.add_account("alice")
            auth = await org.headers()
        await runtime.db.dispose()

        smtp_port = free_port()
        env = role_env(settings, smtp_port=smtp_port, submission_port=-1, submissions_port=-1)
        api = RoleProcess("api", env, tmp_path / "api.log").start(wait=False)
        smtp = RoleProcess("smtp", env, tmp_path / "smtp.log").start(wait=False)
        intake = Intake(smtp_port)
        try:
            api.wait_ready()
            await _wait_smtp(smtp_port)
            intake.start()
            while len(intake.acked) < 20:
                await asyncio.sleep(0.05)
            await asyncio.to_thread(primary.stop, "immediate")  # a crash, no checkpoint
            acked_before_crash = list(intake.acked)
            await asyncio.to_thread(promote, replica)
            promoted = time.monotonic()
            async with httpx.AsyncClient(base_url=api.url, timeout=30) as http:
                while True:
                    try:
                        ok = (await http.get("/v1/accounts", headers=auth)).status_code == 200
                    except httpx.TransportError:
                        ok = False
                    if ok:
                        break
                    assert time.monotonic() - promoted < 10, "api not back within 10 s"
                    await asyncio.sleep(0.1)
            count = len(intake.acked)
            while len(intake.acked) <= count:
                assert time.monotonic() - promoted < 10, "smtp not back within 10 s"
                await asyncio.sleep(0.05)
        finally:
            intake.halt.set()
            intake.join(30)
            api.stop()
            smtp.stop()
        after = Runtime.build(settings)
        try:
            async with after.db.session(write=False) as session:
                subjects = list((await session.execute(select(MailMessage.subject))).scalars())
        finally:
            await after.db.dispose()
        assert set(acked_before_crash) <= set(subjects)  # nothing acknowledged was lost
        assert set(intake.acked) <= set(subjects)
        assert len(subjects) == len(set(subjects))  # and nothing stored twice
    finally:
        replica.destroy()
        primary.destroy()
