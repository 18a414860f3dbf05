"""An Idempotency-Key's claim dies with its process: SIGKILL a real API server while the
request holding the key is in flight, restart it, and the retry runs (it had not taken
effect) instead of answering 409 `idempotency_in_progress` until the key expires.

The request held in flight is a domain DNS verification against a resolver that never
answers (a UDP socket on loopback); after the restart the same resolver answers NXDOMAIN at
once, so the re-run completes.
"""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import dns.message
import dns.rcode
import httpx
from sqlalchemy import select

from api.config import Settings
from api.runtime import Runtime
from api.storage.models import IdempotencyRecord
from tests.factories.platform import OrgHandle
from tests.live_server import free_port

MAILPLANE = str(Path(sys.executable).with_name("mailplane"))
LEASE = 1.5


class SwitchableDns:
    """A UDP resolver on loopback that drops every query until `answer` is set, then
    answers NXDOMAIN."""

    def __init__(self) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.settimeout(0.2)
        self.answer = threading.Event()
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    @property
    def address(self) -> str:
        return f"127.0.0.1:{self.sock.getsockname()[1]}"

    def _serve(self) -> None:
        while not self.stop.is_set():
            try:
                data, peer = self.sock.recvfrom(4096)
            except TimeoutError:
                continue
            if not self.answer.is_set():
                continue
            reply = dns.message.make_response(dns.message.from_wire(data))
            reply.set_rcode(dns.rcode.NXDOMAIN)
            self.sock.sendto(reply.to_wire(), peer)

    def close(self) -> None:
        self.stop.set()
        self.thread.join(2)
        self.sock.close()


def _start(settings: Settings, port: int, resolver: str, log: Path) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "MAILPLANE_DATA_DIR": str(settings.data_dir),
        "MAILPLANE_DATABASE_URL": settings.effective_database_url,
        "MAILPLANE_SECRET_KEY": "test-secret-key-not-for-production",
        "MAILPLANE_DNS_RESOLVER": resolver,
        "MAILPLANE_IDEMPOTENCY_LEASE": str(LEASE),
        "MAILPLANE_LOG_JSON": "true",
    }
    return subprocess.Popen(
        [MAILPLANE, "serve", "--role", "api", "--port", str(port), "--host", "127.0.0.1"],
        env=env,
        stdout=log.open("ab"),
        stderr=subprocess.STDOUT,
    )


async def _wait_http(base: str, proc: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    async with httpx.AsyncClient(base_url=base) as http:
        while True:
            assert proc.poll() is None, "server exited"
            try:
                await http.get("/healthz")
                return
            except httpx.TransportError:
                assert time.monotonic() < deadline, "server did not listen"
                await asyncio.sleep(0.1)


async def _record(runtime: Runtime, key: str) -> IdempotencyRecord | None:
    async with runtime.db.session(write=False) as session:
        return await session.scalar(select(IdempotencyRecord).where(IdempotencyRecord.key == key))


async def test_sigkill_mid_request_frees_the_key_for_a_retry_that_runs(
    org: OrgHandle, runtime: Runtime, settings: Settings, tmp_path: Path
) -> None:
    resolver = SwitchableDns()
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log = tmp_path / "api.log"
    headers = {**await org.headers(), "Idempotency-Key": "verify-after-crash-1"}
    path = f"/v1/domains/{org.domain}/verify"
    server = _start(settings, port, resolver.address, log)
    try:
        await _wait_http(base, server)
        async with httpx.AsyncClient(base_url=base, timeout=60) as http:
            inflight = asyncio.create_task(http.post(path, headers=headers))
            deadline = time.monotonic() + 30
            while (row := await _record(runtime, "verify-after-crash-1")) is None:
                assert time.monotonic() < deadline and not inflight.done(), "request never claimed"
                await asyncio.sleep(0.05)
            assert row.state == "running" and not inflight.done()
            server.send_signal(signal.SIGKILL)
            await asyncio.to_thread(server.wait, 30)
            try:
                await inflight
            except httpx.TransportError:
                pass
        resolver.answer.set()
        server = _start(settings, port, resolver.address, log)
        await _wait_http(base, server)
        async with httpx.AsyncClient(base_url=base, timeout=60) as http:
            deadline = time.monotonic() + LEASE + 10
            while True:
                retry = await http.post(path, headers=headers)
                if retry.status_code != 409 or time.monotonic() > deadline:
                    break
                await asyncio.sleep(0.25)
            assert retry.status_code == 200, retry.text
            assert "idempotent-replayed" not in retry.headers  # it ran again
            again = await http.post(path, headers=headers)
            assert again.status_code == 200, again.text
            assert again.headers["idempotent-replayed"] == "true"
            assert again.json() == retry.json()
    finally:
        if server.poll() is None:
            server.send_signal(signal.SIGTERM)
            await asyncio.to_thread(server.wait, 60)
        resolver.close()
