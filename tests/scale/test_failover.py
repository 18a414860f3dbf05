"""Losing the database: readiness goes false, REST answers 503 problem+json with
Retry-After, SMTP answers 451 and acknowledges nothing it did not commit; everything
resumes by itself when the database returns. Real api and smtp processes on a throwaway
PostgreSQL cluster that the test stops and starts."""

from __future__ import annotations

import asyncio
import smtplib
import time
from collections.abc import Iterator

import httpx
import pytest
from sqlalchemy import func, select

from api.app import create_app
from api.config import Settings
from api.runtime import Runtime
from api.storage.migrate import upgrade_async
from api.storage.models import MailMessage
from tests.conftest import PG_URL
from tests.factories.platform import make_org
from tests.live_server import free_port
from tests.scale.pg_cluster import Cluster
from tests.scale.processes import RoleProcess, role_env

pytestmark = pytest.mark.skipif(
    not PG_URL, reason="runs in the PostgreSQL pass (it starts its own cluster)")


@pytest.fixture
def cluster() -> Iterator[Cluster]:
    made = Cluster().init().start()
    try:
        yield made
    finally:
        made.destroy()


def send(port: int, n: int) -> tuple[int, bytes]:
    """One message to alice@acme.test; the reply code to RCPT or DATA, whichever refused."""
    with smtplib.SMTP("127.0.0.1", port, timeout=30) as smtp:
        smtp.ehlo("failover.test")
        smtp.mail("sender@example.net")
        code, text = smtp.rcpt("alice@acme.test")
        if code != 250:
            return code, text
        code, text = smtp.data(
            f"From: sender@example.net\r\nTo: alice@acme.test\r\nSubject: n{n}\r\n"
            f"Message-ID: <failover-{n}@example.net>\r\n\r\nbody {n}\r\n".encode())
        return code, text


async def test_database_loss_answers_try_later_everywhere_and_recovers(cluster, tmp_path):
    settings = Settings(database_url=cluster.url, data_dir=tmp_path / "data",
                        secret_key="test-secret-key-not-for-production", mail_host="mx.acme.test")
    await upgrade_async(settings.effective_database_url)
    runtime = Runtime.build(settings)
    transport = httpx.ASGITransport(app=create_app(settings, runtime=runtime, migrate=False))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as local:
        org = await make_org(runtime, local, name="Acme", domain="acme.test")
        token = await org.token()
        await org.add_account("alice")
    auth = {"Authorization": f"Bearer {token}"}

    smtp_port = free_port()
    env = role_env(settings, smtp_port=smtp_port, submission_port=-1, submissions_port=-1,
                   token_cache_seconds=0)
    api = RoleProcess("api", env, tmp_path / "api.log").start(wait=False)
    smtp = RoleProcess("smtp", env, tmp_path / "smtp.log").start(wait=False)
    try:
        api.wait_ready()
        await _wait_smtp(smtp_port)
        assert (await asyncio.to_thread(send, smtp_port, 0))[0] == 250
        async with httpx.AsyncClient(base_url=api.url, timeout=30) as http:
            assert (await http.get("/v1/accounts", headers=auth)).status_code == 200

            await asyncio.to_thread(cluster.stop)
            # /readyz reports the background probe (every 1 s, failed after 2 s): false
            # within a few seconds, not at once
            stopped = time.monotonic()
            while (ready := await http.get("/readyz")).status_code == 200:
                assert time.monotonic() - stopped < 6, "still ready without a database"
                await asyncio.sleep(0.1)
            assert ready.status_code == 503 and int(ready.headers["retry-after"]) > 0
            answer = await http.get("/v1/accounts", headers=auth)
            assert answer.status_code == 503, answer.text
            assert answer.headers["content-type"].startswith("application/problem+json")
            assert answer.json()["code"] == "database_unavailable"
            assert int(answer.headers["retry-after"]) > 0
            code, _ = await asyncio.to_thread(send, smtp_port, 1)
            assert code in (421, 451)

            await asyncio.to_thread(cluster.start)
            back = time.monotonic()
            while (await http.get("/readyz")).status_code != 200:
                assert time.monotonic() - back < 15, "not ready again"
                await asyncio.sleep(0.2)
            assert (await http.get("/v1/accounts", headers=auth)).status_code == 200
        while (await asyncio.to_thread(send, smtp_port, 2))[0] != 250:
            assert time.monotonic() - back < 15, "SMTP did not resume"
            await asyncio.sleep(0.2)
        async with runtime.db.session(write=False) as session:
            stored = set((await session.execute(select(MailMessage.subject))).scalars().all())
            assert await session.scalar(select(func.count()).select_from(MailMessage)) == 2
        assert stored == {"n0", "n2"}  # the refused message was not half-stored
    finally:
        api.stop()
        smtp.stop()
        await runtime.db.dispose()


async def _wait_smtp(port: int, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            _, writer = await asyncio.open_connection("127.0.0.1", port)
            writer.close()
            return
        except OSError:
            assert time.monotonic() < deadline, "smtp did not listen"
            await asyncio.sleep(0.1)
