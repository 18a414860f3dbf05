"""A real authoritative DNS server (Knot DNS) on a loopback port, serving zones tests write.

`AuthoritativeDns.publish({"acme.test": [...zone lines...]})` replaces every served zone and
returns once the server answers with the new serials. Zone lines are relative to the zone
(`@ MX 10 mail.mailplane.test.`) or absolute (`x.acme.test. 3600 IN TXT "..."`).
"""

from __future__ import annotations

import fcntl
import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import dns.message
import dns.query
import dns.rdatatype

PACKAGE = "knot"
CANDIDATES = ("/usr/sbin/knotd", "/usr/bin/knotd")


def find_knotd() -> str | None:
    found = shutil.which("knotd")
    return found or next((p for p in CANDIDATES if os.path.exists(p)), None)


def ensure_knotd() -> tuple[str | None, str]:
    """The knotd binary, installing Debian's `knot` package when root; else (None, why)."""
    found = find_knotd()
    if found:
        return found, ""
    if not hasattr(os, "geteuid") or os.geteuid() != 0 or not shutil.which("apt-get"):
        return None, "knotd is not installed and this user cannot apt-get install knot"
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    steps = (
        ["apt-get", "install", "-y", "-q", PACKAGE],
        ["apt-get", "update", "-q"],
        ["apt-get", "install", "-y", "-q", PACKAGE],
    )
    # test processes (pytest -n) install one at a time: dpkg has a single lock
    with open(Path(tempfile.gettempdir()) / "mailplane-knot-install.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        for step in steps:
            found = find_knotd()
            if found:
                return found, ""
            subprocess.run(step, env=env, capture_output=True, timeout=600, check=False)
    found = find_knotd()
    return (found, "") if found else (None, "`apt-get install knot` did not provide knotd")


def free_port() -> int:
    """A port free for both UDP and TCP on 127.0.0.1."""
    for _ in range(50):
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as udp:
            udp.bind(("127.0.0.1", 0))
            port = int(udp.getsockname()[1])
            with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as tcp:
                try:
                    tcp.bind(("127.0.0.1", port))
                except OSError:
                    continue
                return port
    raise RuntimeError("no free port")


class AuthoritativeDns:
    def __init__(self, knotd: str) -> None:
        self.knotd = knotd
        self.knotc = str(Path(knotd).with_name("knotc"))
        self.dir = Path(tempfile.mkdtemp(prefix="mpknot"))
        self.port = free_port()
        self.serial = int(time.time()) % 1_000_000_000
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def address(self) -> str:
        return f"127.0.0.1:{self.port}"

    def start(self) -> None:
        (self.dir / "zones").mkdir()
        (self.dir / "db").mkdir()
        (self.dir / "zones.conf").write_text("")
        (self.dir / "knot.conf").write_text(
            "server:\n"
            f'    rundir: "{self.dir}"\n'
            f"    listen: 127.0.0.1@{self.port}\n"
            f'    pidfile: "{self.dir}/knot.pid"\n'
            "log:\n  - target: stderr\n    any: error\n"
            f'database:\n    storage: "{self.dir}/db"\n'
            "template:\n  - id: default\n"
            f'    storage: "{self.dir}/zones"\n'
            "    zonefile-sync: -1\n    zonefile-load: whole\n    journal-content: none\n"
            f'include: "{self.dir}/zones.conf"\n'
        )
        self.log = open(self.dir / "knot.log", "wb")  # noqa: SIM115
        self.process = subprocess.Popen(
            [self.knotd, "-c", str(self.dir / "knot.conf")], stdout=self.log, stderr=self.log
        )
        deadline = time.monotonic() + 10
        while not (self.dir / "knot.sock").exists():
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("knotd did not start: " + (self.dir / "knot.log").read_text())
            time.sleep(0.02)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()
        shutil.rmtree(self.dir, ignore_errors=True)

    def publish(self, zones: dict[str, list[str]]) -> None:
        """Serve exactly `zones` (apex -> record lines); SOA and NS are added."""
        self.serial += 1
        conf = "zone:\n" + "".join(f"  - domain: {apex}\n" for apex in zones) if zones else ""
        for apex, lines in zones.items():
            body = [
                f"$ORIGIN {apex}.",
                "$TTL 60",
                f"@ SOA ns.{apex}. hostmaster.{apex}. {self.serial} 60 60 60 60",
                f"@ NS ns.{apex}.",
                "ns A 127.0.0.1",
                *lines,
            ]
            (self.dir / "zones" / f"{apex}.zone").write_text("\n".join(body) + "\n")
        (self.dir / "zones.conf").write_text(conf)
        subprocess.run(
            [self.knotc, "-s", str(self.dir / "knot.sock"), "reload"],
            check=True,
            capture_output=True,
            timeout=10,
        )
        for apex in zones:
            self._wait_for_serial(apex)

    def _wait_for_serial(self, apex: str) -> None:
        deadline = time.monotonic() + 10
        while True:
            try:
                query = dns.message.make_query(apex + ".", dns.rdatatype.SOA)
                reply = dns.query.udp(query, "127.0.0.1", port=self.port, timeout=1)
                if any(r.serial == self.serial for rrset in reply.answer for r in rrset):
                    return
            except Exception:  # noqa: BLE001  (not up yet)
                pass
            if time.monotonic() > deadline:
                log = (self.dir / "knot.log").read_text()
                raise RuntimeError(f"zone {apex} did not load: {log[-2000:]}")
            time.sleep(0.02)
