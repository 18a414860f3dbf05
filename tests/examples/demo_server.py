"""A `make run` server for the example tests: `mailplane init` and `mailplane serve --role
all` as real subprocesses (HTTP API, SMTP edge, outbound delivery and the worker), on free
loopback ports, with a recording SMTP relay standing in for the internet."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import httpx
from aiosmtpd.controller import Controller

from tests.live_server import free_port

REPO = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
# Exactly what `make run` runs (see the Makefile).
INIT = [
    "init",
    "--org",
    "Demo Corp",
    "--domain",
    "demo.mailplane.test",
    "--admin",
    "admin",
    "--if-missing",
]
DOMAIN = "demo.mailplane.test"
T = TypeVar("T")


@dataclass
class Relayed:
    sender: str
    recipients: list[str]
    data: bytes


@dataclass
class Relay:
    """The smarthost every remote message goes through: it accepts and records."""

    messages: list[Relayed] = field(default_factory=list)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.messages.append(
            Relayed(
                envelope.mail_from, list(envelope.rcpt_tos), bytes(envelope.original_content or b"")
            )
        )
        return "250 2.0.0 Ok: queued as RELAY"


@dataclass
class DemoServer:
    base: Path  # plays the repository root: `data/` (with demo-credentials.json) is under it
    url: str
    process: subprocess.Popen[bytes]
    relay: Relay
    log: Path

    @property
    def credentials(self) -> dict[str, str]:
        import json

        return dict(json.loads((self.base / "data" / "demo-credentials.json").read_text()))

    def example_env(self, **extra: str) -> dict[str, str]:
        """What a new user has in a second terminal: only the server URL, if even that.
        The credentials come from `data/demo-credentials.json` under the working directory."""
        env = {k: v for k, v in os.environ.items() if not k.startswith("MAILPLANE_")}
        env.update({"MAILPLANE_URL": self.url, "PYTHONUNBUFFERED": "1"}, **extra)
        return env

    def run(
        self, example: str, *args: str, timeout: float = 180, check: bool = True, **env: str
    ) -> subprocess.CompletedProcess[str]:
        """Run `python examples/<example> args…` to its end and return what it printed."""
        done = subprocess.run(
            [sys.executable, str(REPO / "examples" / example), *args],
            cwd=self.base,
            env=self.example_env(**env),
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        if check and done.returncode != 0:
            raise AssertionError(
                f"{example} exited {done.returncode}\n--- stdout\n{done.stdout}\n--- stderr\n"
                f"{done.stderr}\n--- server log (tail)\n{self.server_log_tail()}"
            )
        return done

    def start(self, example: str, *args: str, **env: str) -> Running:
        """Start a long-running example (a receiver, a stream follower) in the background."""
        process = subprocess.Popen(
            [sys.executable, str(REPO / "examples" / example), *args],
            cwd=self.base,
            env=self.example_env(**env),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        return Running(process)

    def server_log_tail(self, lines: int = 40) -> str:
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])

    @property
    def mx_port(self) -> int:
        """The SMTP (MX) port the server picked, from its start-up log line."""
        import json

        for line in self.log.read_text(errors="replace").splitlines():
            if '"smtp edge listening"' in line:
                return int(json.loads(line)["ports"]["mx"])
        raise AssertionError(f"no SMTP listener in the server log\n{self.server_log_tail()}")

    def admin_client(self) -> httpx.Client:
        """An httpx client with the admin app's token, for the tests' own checks."""
        creds = self.credentials
        token = httpx.post(
            f"{self.url}/oauth/token",
            data={"grant_type": "client_credentials"},
            auth=(creds["client_id"], creds["client_secret"]),
        ).json()["access_token"]
        return httpx.Client(
            base_url=self.url, headers={"Authorization": f"Bearer {token}"}, timeout=30
        )


def until(probe: Callable[[], T | None], what: str, timeout: float = 30) -> T:
    """Call `probe` until it returns something truthy (server work finishes asynchronously)."""
    deadline = time.monotonic() + timeout
    while True:
        value = probe()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.2)


class Running:
    """A background example whose output lines are collected as they are printed."""

    def __init__(self, process: subprocess.Popen[str]) -> None:
        self.process = process
        self.lines: list[str] = []
        self._changed = threading.Condition()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            with self._changed:
                self.lines.append(line.rstrip("\n"))
                self._changed.notify_all()
        with self._changed:
            self._changed.notify_all()

    @property
    def output(self) -> str:
        return "\n".join(self.lines)

    def wait_for(self, pattern: str, timeout: float = 30, count: int = 1) -> list[str]:
        """The lines matching the regex `pattern`, once `count` of them have been printed."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while True:
                found = [line for line in self.lines if re.search(pattern, line)]
                if len(found) >= count:
                    return found
                left = deadline - time.monotonic()
                if left <= 0 or (self.process.poll() is not None and not self._reader.is_alive()):
                    raise AssertionError(
                        f"no {count} line(s) matching {pattern!r} (exit {self.process.poll()}):\n"
                        f"{self.output}"
                    )
                self._changed.wait(min(left, 0.5))

    def stop(self, timeout: float = 20, sig: signal.Signals = signal.SIGINT) -> int:
        """Ctrl-C (SIGINT) by default, and wait for a clean exit."""
        if self.process.poll() is None:
            self.process.send_signal(sig)
        try:
            code = self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)
            raise
        self._reader.join(timeout=5)
        return code

    def wait(self, timeout: float = 60) -> int:
        code = self.process.wait(timeout=timeout)
        self._reader.join(timeout=5)
        return code


def _server_env(
    base: Path, database_url: str | None, port: int, relay_port: int, extra: dict[str, str]
) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MAILPLANE_")}
    env.update(
        {
            "MAILPLANE_DATA_DIR": str(base / "data"),
            "MAILPLANE_PORT": str(port),
            "MAILPLANE_SMTP_PORT": "0",
            "MAILPLANE_SUBMISSION_PORT": "0",
            "MAILPLANE_SUBMISSIONS_PORT": "-1",
            # the mail-client listeners of `--role all` on any free port, never the defaults
            "MAILPLANE_IMAP_PORT": "0",
            "MAILPLANE_IMAPS_PORT": "-1",
            "MAILPLANE_POP3_PORT": "0",
            "MAILPLANE_POP3S_PORT": "-1",
            # Remote mail goes to the recording relay instead of the internet.
            "MAILPLANE_SMARTHOST": f"127.0.0.1:{relay_port}",
            # The webhook example's receiver listens on loopback, which SSRF defence refuses
            # by default; a demo on one machine has to allow it (the example's docstring says so).
            "MAILPLANE_WEBHOOKS_ALLOW_PRIVATE": "true",
            "MAILPLANE_EVENT_POLL_INTERVAL": "0.1",
            "MAILPLANE_ACCESS_LOG": "false",
        }
    )
    if database_url:
        env["MAILPLANE_DATABASE_URL"] = database_url
    env.update(extra)
    return env


def start_demo(
    base: Path, database_url: str | None, extra_env: dict[str, str] | None = None
) -> tuple[DemoServer, Controller]:
    relay = Relay()
    controller = Controller(relay, hostname="127.0.0.1", port=free_port())
    controller.start()
    port = free_port()
    env = _server_env(base, database_url, port, controller.port, extra_env or {})
    subprocess.run(
        [str(BIN / "mailplane"), *INIT],
        cwd=base,
        env=env,
        check=True,
        capture_output=True,
        timeout=120,
    )
    log = base / "server.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [str(BIN / "mailplane"), "serve", "--role", "all"],
            cwd=base,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    demo = DemoServer(base, url, process, relay, log)
    deadline = time.monotonic() + 240  # a loaded shared machine can take minutes
    while True:
        if process.poll() is not None:
            controller.stop()
            raise RuntimeError(f"mailplane serve exited\n{demo.server_log_tail()}")
        try:
            if httpx.get(f"{url}/readyz", timeout=2).status_code == 200:
                return demo, controller
        except httpx.TransportError:
            pass
        if time.monotonic() > deadline:
            process.terminate()
            controller.stop()
            raise RuntimeError(f"mailplane serve did not become ready\n{demo.server_log_tail()}")
        time.sleep(0.2)


def stop_demo(demo: DemoServer, controller: Controller) -> None:
    demo.process.terminate()
    try:
        demo.process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        demo.process.kill()
        demo.process.wait(timeout=10)
    controller.stop()
