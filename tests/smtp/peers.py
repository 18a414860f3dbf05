"""Postfix + Dovecot on loopback (tests/peers/postfix-dovecot.sh), one instance per test
process, relaying other domains to a port reserved for Mailplane's MX."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from tests.directory.domains.dns_server import free_port
from tests.smtp.tools import PEER_SCRIPT


@dataclass
class PostfixPeer:
    root: Path
    smtp_port: int
    mailplane_port: int  # where this Postfix relays mail for domains other than peer.test

    def env(self) -> dict[str, str]:
        return {**os.environ, "PEER_ROOT": str(self.root), "PEER_SMTP_PORT": str(self.smtp_port),
                "PEER_LMTP_PORT": str(self.lmtp_port), "PEER_IMAP_PORT": str(self.imap_port),
                "PEER_RELAYHOST": f"[127.0.0.1]:{self.mailplane_port}"}

    lmtp_port: int = 0
    imap_port: int = 0

    def start(self) -> None:
        subprocess.run(["bash", str(PEER_SCRIPT), "start"], env=self.env(), check=True,
                       capture_output=True, timeout=900)

    def stop(self) -> None:
        subprocess.run(["bash", str(PEER_SCRIPT), "stop"], env=self.env(), check=False,
                       capture_output=True, timeout=120)

    def maildir(self, user: str, domain: str = "peer.test") -> list[Path]:
        folder = self.root / "mail" / domain / user / "new"
        return sorted(folder.glob("*")) if folder.exists() else []

    def log(self) -> str:
        path = self.root / "postfix.log"
        return path.read_text(errors="replace") if path.exists() else ""


def new_peer(tag: str) -> PostfixPeer:
    return PostfixPeer(root=Path(f"/tmp/mp-peer-{tag}-{os.getpid()}"), smtp_port=free_port(),
                       mailplane_port=free_port(), lmtp_port=free_port(), imap_port=free_port())


def dkimverify(message: bytes, resolver: str) -> tuple[int, str]:
    """dkimpy's own `dkimverify` command, asking the local DNS server for keys."""
    host, port = resolver.split(":")
    code = (
        "import dns.resolver as r; res = r.Resolver(configure=False); "
        f"res.nameservers = ['{host}']; res.port = {int(port)}; r.default_resolver = res; "
        "import sys; sys.argv = ['dkimverify']; from dkim.dkimverify import main; main()"
    )
    done = subprocess.run([sys.executable, "-c", code], input=message, capture_output=True,
                          timeout=60)
    return done.returncode, (done.stdout + done.stderr).decode()
