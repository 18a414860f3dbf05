"""Real `mailplane serve --role …` processes on loopback ports, sharing one database and
blob store, for the scale-out and failover tests."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx

from api.config import Settings
from tests.live_server import free_port


def role_env(settings: Settings, **extra: object) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MAILPLANE_")}
    env.update({
        "MAILPLANE_DATABASE_URL": settings.effective_database_url,
        "MAILPLANE_DATA_DIR": str(settings.data_dir),
        "MAILPLANE_SECRET_KEY": settings.secret_key or "test-secret-key-not-for-production",
        "MAILPLANE_RATE_LIMIT_APP_PER_MINUTE": "100000",
        "MAILPLANE_RATE_LIMIT_ORG_PER_MINUTE": "100000",
        "MAILPLANE_LOG_JSON": "true",
        "MAILPLANE_ACCESS_LOG": "false",
    })
    if settings.blob_url:
        env["MAILPLANE_BLOB_URL"] = settings.blob_url
    env.update({f"MAILPLANE_{k.upper()}": str(v) for k, v in extra.items()})
    return env


class RoleProcess:
    """One `mailplane serve` process; `url` is its HTTP address (api role)."""

    def __init__(self, role: str, env: dict[str, str], log: Path, port: int | None = None):
        self.role = role
        self.port = port or free_port()
        self.env = {**env, "MAILPLANE_PORT": str(self.port), "MAILPLANE_HOST": "127.0.0.1"}
        self.log = log
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, *, wait: bool = True) -> RoleProcess:
        out = self.log.open("ab")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "api.cli", "serve", "--role", self.role],
            env=self.env, stdout=out, stderr=subprocess.STDOUT, cwd=Path(__file__).parents[2],
        )
        if wait and self.role == "api":
            self.wait_ready()
        return self

    def wait_ready(self, timeout: float = 900.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self.proc is not None
            if self.proc.poll() is not None:
                raise RuntimeError(f"{self.role} exited: {self.log.read_text()[-3000:]}")
            try:
                if httpx.get(self.url + "/readyz", timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        raise RuntimeError(f"{self.role} not ready: {self.log.read_text()[-3000:]}")

    def kill(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(10)

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)
