"""A real Dovecot on loopback as the migration source: started with the shared peer script
(tests/peers/postfix-dovecot.sh: packages, vmail user, base config), then restarted with
POP3, TLS (a throw-away self-signed certificate), SPECIAL-USE folders and no auth delay.

Mailboxes are seeded by writing Maildir++ files directly (exact bytes, flags in the file
name, INTERNALDATE as the file's mtime), as a migration meets them on an old server.
"""

from __future__ import annotations

import base64
import fcntl
import os
import signal
import socket
import subprocess
import tempfile
import time
import uuid
from pathlib import Path

PEER_SCRIPT = Path(__file__).resolve().parent.parent / "peers" / "postfix-dovecot.sh"
DOMAIN = "peer.test"
PASSWORD = "secret"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def mutf7(name: str) -> str:
    """RFC 3501 modified UTF-7, written independently of the code under test."""
    out, run = "", ""
    for ch in name + "\x00":
        if ch != "\x00" and not (0x20 <= ord(ch) <= 0x7E):
            run += ch
            continue
        if run:
            b64 = base64.b64encode(run.encode("utf-16-be")).decode().rstrip("=")
            out += "&" + b64.replace("/", ",") + "-"
            run = ""
        if ch == "&":
            out += "&-"
        elif ch != "\x00":
            out += ch
    return out


def _install_pop3() -> str | None:
    """None when the POP3 module is there (installing it when root), else why not."""
    if Path("/usr/lib/dovecot/pop3").exists():
        return None
    if os.geteuid() != 0 or not Path("/usr/bin/apt-get").exists():
        return "dovecot-pop3d is not installed and cannot be installed here (not root)"
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    with open(Path(tempfile.gettempdir()) / "mailplane-apt.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        for step in (
            ["apt-get", "install", "-y", "-q", "dovecot-pop3d"],
            ["apt-get", "update", "-q"],
            ["apt-get", "install", "-y", "-q", "dovecot-pop3d"],
        ):
            if Path("/usr/lib/dovecot/pop3").exists():
                break
            subprocess.run(step, env=env, capture_output=True, timeout=900, check=False)
    return (
        None if Path("/usr/lib/dovecot/pop3").exists() else "apt-get install dovecot-pop3d failed"
    )


class Dovecot:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.imap_port = free_port()
        self.imaps_port = free_port()
        self.pop3_port = free_port()
        self.pop3s_port = free_port()
        self.smtp_port = free_port()
        self.lmtp_port = free_port()
        self.conf = root / "mailplane-dovecot.conf"
        self.cert = root / "tls" / "cert.pem"

    # -- lifecycle ----------------------------------------------------------------------

    def start(self) -> str | None:
        """Start it; None when running, else the reason it cannot run here."""
        if os.geteuid() != 0:
            return "the Dovecot peer needs root (it creates the vmail user and installs packages)"
        reason = _install_pop3()
        if reason:
            return reason
        env = {
            **os.environ,
            "PEER_ROOT": str(self.root),
            "PEER_SMTP_PORT": str(self.smtp_port),
            "PEER_LMTP_PORT": str(self.lmtp_port),
            "PEER_IMAP_PORT": str(self.imap_port),
        }
        started = subprocess.run(
            ["bash", str(PEER_SCRIPT), "start"],
            env=env,
            capture_output=True,
            text=True,
            timeout=900,
            check=False,
        )
        if started.returncode != 0:
            return f"the peer script failed: {started.stderr[-500:]}"
        # Postfix is not needed here; our own Dovecot configuration replaces the script's.
        subprocess.run(
            ["postfix", "-c", str(self.root / "pf"), "stop"], capture_output=True, check=False
        )
        subprocess.run(
            ["doveadm", "-c", str(self.root / "dovecot" / "dovecot.conf"), "stop"],
            capture_output=True,
            check=False,
        )
        self._wait_closed(self.imap_port)
        self._write_config()
        self.launch()
        return None

    def _write_config(self) -> None:
        tls = self.root / "tls"
        tls.mkdir(exist_ok=True)
        subprocess.run(
            [
                "openssl",
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-days",
                "2",
                "-keyout",
                str(tls / "key.pem"),
                "-out",
                str(self.cert),
                "-subj",
                "/CN=localhost",
                "-addext",
                "subjectAltName=DNS:localhost,IP:127.0.0.1",
            ],
            capture_output=True,
            check=True,
        )
        (tls / "key.pem").chmod(0o644)
        base = (self.root / "dovecot" / "dovecot.conf").read_text()
        self.conf.write_text(
            base
            + f"""
# --- Mailplane migration tests: POP3, TLS, SPECIAL-USE, quick auth failures ---
protocols = imap pop3
ssl = yes
ssl_cert = <{self.cert}
ssl_key = <{tls / "key.pem"}
auth_failure_delay = 0
mail_max_userip_connections = 50
service imap-login {{
  inet_listener imaps {{
    address = 127.0.0.1
    port = {self.imaps_port}
    ssl = yes
  }}
}}
service pop3-login {{
  inet_listener pop3 {{
    address = 127.0.0.1
    port = {self.pop3_port}
  }}
  inet_listener pop3s {{
    address = 127.0.0.1
    port = {self.pop3s_port}
    ssl = yes
  }}
}}
namespace inbox {{
  inbox = yes
  separator = /
  mailbox "Sent Messages" {{
    special_use = \\Sent
  }}
  mailbox "Deleted Messages" {{
    special_use = \\Trash
  }}
  mailbox "All Mail" {{
    special_use = \\All
  }}
}}
"""
        )

    def launch(self) -> None:
        # the daemon must not hold our pipes open (run() would wait for them forever)
        for attempt in range(20):  # a port of a killed instance may linger a moment
            with open(self.root / "dovecot-launch.log", "ab") as log:
                started = subprocess.run(
                    ["dovecot", "-c", str(self.conf)],
                    stdin=subprocess.DEVNULL, stdout=log, stderr=log, check=False,
                )
            if started.returncode == 0:
                break
            if attempt == 19:
                raise RuntimeError((self.root / "dovecot-launch.log").read_text()[-2000:])
            time.sleep(0.5)
        for port in (self.imap_port, self.imaps_port, self.pop3_port):
            self._wait_open(port)

    def kill(self) -> None:
        """SIGKILL the master and every process under it: an outage, not a shutdown."""
        pid_file = self.root / "dovecot" / "run" / "master.pid"
        master = int(pid_file.read_text().strip())
        doomed = [master, *self._descendants(master)]
        try:  # the daemon leads its own process group: no child it forks late survives
            os.killpg(os.getpgid(master), signal.SIGKILL)
        except ProcessLookupError:
            pass
        for pid in doomed:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        for port in (self.imap_port, self.imaps_port, self.pop3_port, self.pop3s_port):
            self._wait_closed(port)

    def stop(self) -> None:
        subprocess.run(["doveadm", "-c", str(self.conf), "stop"], capture_output=True, check=False)

    @staticmethod
    def _descendants(root: int) -> list[int]:
        parents: dict[int, int] = {}
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
        out, frontier = [], [root]
        while frontier:
            children = [pid for pid, ppid in parents.items() if ppid in frontier]
            out.extend(children)
            frontier = children
        return out

    @staticmethod
    def _wait_open(port: int, timeout: float = 20) -> None:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError(f"Dovecot did not open port {port}")

    @staticmethod
    def _wait_closed(port: int, timeout: float = 20) -> None:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
            except OSError:
                return
            time.sleep(0.05)

    # -- mailboxes ----------------------------------------------------------------------

    def new_user(self, prefix: str = "u") -> str:
        return f"{prefix}{uuid.uuid4().hex[:10]}@{DOMAIN}"

    def maildir(self, user: str, folder: str = "INBOX") -> Path:
        local = user.split("@", 1)[0]
        home = self.root / "mail" / DOMAIN / local
        if folder.upper() == "INBOX":
            path = home
        else:
            path = home / ("." + ".".join(mutf7(part) for part in folder.split("/")))
        for sub in ("cur", "new", "tmp"):
            (path / sub).mkdir(parents=True, exist_ok=True)
        return path

    def add(
        self,
        user: str,
        raw: bytes,
        *,
        folder: str = "INBOX",
        flags: str = "",
        internaldate: float | None = None,
    ) -> Path:
        """Drop one message into a folder (flags as Maildir letters: S seen, F flagged,
        R answered, D draft, T deleted)."""
        box = self.maildir(user, folder)
        unique = f"{int(time.time())}.M{uuid.uuid4().int % 10**9}P{os.getpid()}.mailplane"
        path = box / "cur" / f"{unique},S={len(raw)}:2,{''.join(sorted(flags))}"
        path.write_bytes(raw)
        if internaldate is not None:
            os.utime(path, (internaldate, internaldate))
        return path

    def own(self, user: str) -> None:
        """Give the seeded files to the vmail user Dovecot reads them as."""
        home = self.root / "mail" / DOMAIN / user.split("@", 1)[0]
        subprocess.run(["chown", "-R", "vmail:vmail", str(home)], check=True)
        subprocess.run(["chown", "vmail:vmail", str(home.parent)], check=False)
