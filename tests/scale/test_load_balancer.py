"""Two api processes behind HAProxy (deploy/haproxy/haproxy.cfg, Debian's haproxy) with
health checks on /readyz: when one process is SIGKILLed
every request still answers 200 (refused connections are retried on the other process,
the dead one leaves rotation) and a bearer token keeps working on the survivor."""

from __future__ import annotations

import asyncio
import os
import subprocess
import time
from pathlib import Path

import httpx
import pytest

from tests.conftest import PG_URL
from tests.live_server import free_port
from tests.scale.processes import RoleProcess, role_env

pytestmark = pytest.mark.skipif(
    bool(PG_URL), reason="runs in the SQLite pass (the PostgreSQL pass runs the failover tests)")

CONFIG = Path(__file__).parents[2] / "deploy" / "haproxy" / "haproxy.cfg"


@pytest.fixture
def balanced(settings, tmp_path):  # type: ignore[no-untyped-def]
    env = role_env(settings)
    apis = [RoleProcess("api", env, tmp_path / f"api{n}.log").start(wait=False) for n in (1, 2)]
    port = free_port()
    proxy = None
    try:
        for api in apis:
            api.wait_ready()
        proxy = subprocess.Popen(
            ["haproxy", "-db", "-f", str(CONFIG)],
            env={**os.environ, "MAILPLANE_LB_BIND": f"127.0.0.1:{port}",
                 "MAILPLANE_API_1": f"127.0.0.1:{apis[0].port}",
                 "MAILPLANE_API_2": f"127.0.0.1:{apis[1].port}"},
            stdout=(tmp_path / "haproxy.log").open("wb"), stderr=subprocess.STDOUT,
        )
        yield f"http://127.0.0.1:{port}", apis
    finally:
        if proxy is not None:
            proxy.terminate()
            proxy.wait(10)
        for api in apis:
            api.stop()


async def test_requests_survive_losing_one_api_process(org, balanced):
    url, apis = balanced
    auth = await org.headers()
    async with httpx.AsyncClient(base_url=url, timeout=30) as http:
        deadline = time.monotonic() + 30
        while True:
            try:
                if (await http.get("/readyz")).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, "haproxy did not come up"
            await asyncio.sleep(0.2)
        for _ in range(10):
            assert (await http.get("/v1/accounts", headers=auth)).status_code == 200
        statuses: list[int] = []
        apis[0].kill()
        killed = time.monotonic()
        while time.monotonic() - killed < 4:  # across the health checks' 2 s to mark it down
            statuses.append((await http.get("/v1/accounts", headers=auth)).status_code)
            await asyncio.sleep(0.02)
        assert statuses and set(statuses) == {200}, statuses
        made = await http.post("/v1/accounts", headers=auth, json={
            "address": f"after@{org.domain}", "display_name": "After",
            "password": "Corr3ct-Horse-Battery"})
        assert made.status_code == 201, made.text
