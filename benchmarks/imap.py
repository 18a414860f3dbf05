"""Mailplane's IMAP server side by side with Dovecot (the shared Postfix + Dovecot peer, with
fts-xapian when the package is there) on the same mailbox: FETCH of every body, SELECT +
FETCH FLAGS, UID SEARCH TEXT for a rare word and for two Chinese characters, IDLE
connections (memory per connection, APPEND-to-EXISTS latency) and an mbsync full sync.

    .venv/bin/python benchmarks/imap.py [--messages 2000] [--size 4000] [--idle 200]
        [--port-base 24100]

Prints one JSON object. Needs root (the Dovecot peer). Mailplane runs as a real
`mailplane serve --role imap` process on SQLite (PostgreSQL when
MAILPLANE_TEST_DATABASE_URL is set); both servers are spoken to over implicit TLS.
"""

from __future__ import annotations

import sys  # noqa: I001
from pathlib import Path

sys.path[0] = str(Path(__file__).resolve().parent.parent)

import argparse  # noqa: E402
import asyncio  # noqa: E402
import imaplib  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import shutil  # noqa: E402
import ssl  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
import threading  # noqa: E402
import time  # noqa: E402

from api.config import Settings  # noqa: E402
from api.storage.migrate import upgrade  # noqa: E402
from tests.migration.dovecot import Dovecot  # noqa: E402

USER_PASSWORD = "bench-password-1"
RARE = "xylophonequartz"
CHINESE = "项目"
FTS_PLUGIN = Path("/usr/lib/dovecot/modules/lib21_fts_xapian_plugin.so")


def corpus(count: int, size: int) -> list[bytes]:
    words = ("meeting report budget travel lunch 会议 报告 预算 出差 午餐 季度 总结 客户 "
             "合同 发票 review deadline plan").split()
    out = []
    for i in range(count):
        text = " ".join(words[(i * 7 + k) % len(words)] for k in range(40))
        if i == count // 2:
            text += f" {RARE}"
        if i % 50 == 0:
            text += f" 请查看{CHINESE}进展"
        head = (f"From: Sender {i % 97} <s{i % 97}@example.org>\r\nTo: bench@bench.test\r\n"
                f"Subject: Message {i} {words[i % len(words)]}\r\n"
                f"Message-ID: <bench{i}@example.org>\r\n"
                "Date: Tue, 02 Jan 2018 09:30:00 +0800\r\nMIME-Version: 1.0\r\n"
                "Content-Type: text/plain; charset=utf-8\r\n"
                "Content-Transfer-Encoding: 8bit\r\n\r\n").encode()
        line = (text + "\r\n").encode()
        body = (line * (size // len(line) + 1))[: max(len(line), size - len(head))]
        out.append(head + body)
    return out


# --- the two servers ---------------------------------------------------------------------


def start_mailplane(root: Path, raws: list[bytes], port: int) -> tuple[subprocess.Popen[bytes],
                                                                      dict[str, str]]:
    data = root / "mailplane"
    url = os.environ.get("MAILPLANE_TEST_DATABASE_URL")
    if url:
        url = url.replace("postgresql://", "postgresql+psycopg://")
    else:
        url = f"sqlite+aiosqlite:///{data / 'mailplane.db'}"
    settings = Settings(data_dir=data, database_url=url, secret_key="bench-secret-key",
                        mail_max_message_bytes=50_000_000)
    upgrade(settings.effective_database_url)
    asyncio.run(seed_mailplane(settings, raws))
    env = {**os.environ, "MAILPLANE_DATA_DIR": str(data), "MAILPLANE_DATABASE_URL": url,
           "MAILPLANE_SECRET_KEY": "bench-secret-key", "MAILPLANE_IMAP_PORT": "-1",
           "MAILPLANE_IMAPS_PORT": str(port), "MAILPLANE_POP3_PORT": "-1",
           "MAILPLANE_POP3S_PORT": "-1", "MAILPLANE_MAIL_HOST": "localhost",
           "MAILPLANE_LOG_LEVEL": "warning", "MAILPLANE_IMAP_MAX_CONNECTIONS_PER_IP": "5000",
           "MAILPLANE_IMAP_MAX_CONNECTIONS_PER_ACCOUNT": "5000",
           "MAILPLANE_IMAP_MAX_COMMANDS_PER_SECOND": "100000"}
    binary = str(Path(sys.executable).with_name("mailplane"))
    proc = subprocess.Popen([binary, "serve", "--role", "imap"], env=env,
                            stdout=(root / "mailplane.log").open("wb"), stderr=subprocess.STDOUT)
    try:
        wait_port(port, timeout=180)  # a loaded machine starts it slowly
    except BaseException:
        proc.kill()  # never leave the server behind
        proc.wait(10)
        raise
    return proc, {"cert": str(data / "smtp-tls" / "cert.pem")}


async def seed_mailplane(settings: Settings, raws: list[bytes]) -> None:
    from api.bootstrap import create_organization
    from api.identity import hash_password
    from api.kit.ids import new_id
    from api.mail import append_many
    from api.runtime import Runtime
    from api.storage.models import Account

    runtime = Runtime.build(settings)
    async with runtime.db.session() as session:
        made = await create_organization(session, name="Bench", domain="bench.test",
                                         admin="admin")
        account = Account(id=new_id("acc"), org_id=made.org.id, domain_id=made.domain.id,
                          address="bench@bench.test", display_name="Bench",
                          password_hash=hash_password(USER_PASSWORD), role="member",
                          must_change_password=False, status="active")
        session.add(account)
    for start in range(0, len(raws), 500):
        async with runtime.db.session() as session:
            fresh = await session.get(Account, account.id)
            assert fresh is not None
            await append_many(session, runtime, fresh, raws[start : start + 500], seen=True)
    await runtime.db.dispose()


def start_dovecot(root: Path, raws: list[bytes], base: int) -> tuple[Dovecot, bool]:
    peer = Dovecot(root / "dovecot")
    (root / "dovecot").mkdir()
    peer.imap_port, peer.imaps_port, peer.pop3_port, peer.pop3s_port = (
        base, base + 1, base + 2, base + 3)
    peer.smtp_port, peer.lmtp_port = base + 4, base + 5
    reason = peer.start()
    if reason:
        raise SystemExit(f"Dovecot peer: {reason}")
    fts = FTS_PLUGIN.exists()
    conf = peer.conf.read_text() + """
# many IDLE clients: with TLS, each keeps an imap-login process (the TLS proxy) and an imap one
default_process_limit = 5000
default_client_limit = 10000
protocol imap {
  mail_max_userip_connections = 5000
}
"""
    peer.conf.write_text(conf)
    if fts:
        peer.conf.write_text(conf + """
mail_plugins = $mail_plugins fts fts_xapian
plugin {
  fts = xapian
  fts_xapian = partial=2 full=20 verbose=0
  fts_autoindex = yes
  fts_enforced = yes
}
""")
    peer.stop()
    time.sleep(1)
    peer.launch()
    user = "bench@peer.test"
    for raw in raws:
        peer.add(user, raw, flags="S")
    peer.own(user)
    if fts:
        subprocess.run(["doveadm", "-c", str(peer.conf), "index", "-u", user, "INBOX"],
                       capture_output=True, check=False, timeout=1800)
    return peer, fts


def wait_port(port: int, timeout: float = 60) -> None:
    import socket

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"nothing listens on {port}")


# --- measurements ------------------------------------------------------------------------


class Target:
    def __init__(self, name: str, port: int, user: str, password: str, cert: str | None) -> None:
        self.name, self.port, self.user, self.password = name, port, user, password
        self.context = ssl.create_default_context()
        self.context.check_hostname = False
        self.context.verify_mode = ssl.CERT_NONE
        self.cert = cert

    def client(self) -> imaplib.IMAP4_SSL:
        c = imaplib.IMAP4_SSL("127.0.0.1", self.port, ssl_context=self.context, timeout=120)
        c.login(self.user, self.password)
        return c


def fetch_bodies(t: Target) -> dict[str, float]:
    c = t.client()
    c.select("INBOX", readonly=True)
    start = time.perf_counter()
    _, data = c.uid("FETCH", "1:*", "(BODY.PEEK[])")
    took = time.perf_counter() - start
    bodies = [d[1] for d in data if isinstance(d, tuple)]
    c.logout()
    size = sum(len(b) for b in bodies)
    return {"messages": len(bodies), "seconds": round(took, 3),
            "messages_per_s": round(len(bodies) / took, 1),
            "mb_per_s": round(size / took / 1e6, 2)}


def select_flags(t: Target) -> dict[str, float]:
    runs = []
    for _ in range(3):
        c = t.client()
        start = time.perf_counter()
        c.select("INBOX")
        _, data = c.fetch("1:*", "(FLAGS)")
        runs.append(time.perf_counter() - start)
        c.logout()
    return {"seconds_median": round(statistics.median(runs), 4), "messages": len(data)}


def search(t: Target) -> dict[str, object]:
    c = t.client()
    c.select("INBOX", readonly=True)
    out: dict[str, object] = {}
    for label, args, literal in (("rare_word", ("TEXT", RARE), None),
                                 ("two_chinese_characters", ("CHARSET", "UTF-8", "TEXT"),
                                  CHINESE.encode())):
        runs, found = [], b""
        for _ in range(5):
            start = time.perf_counter()
            c.literal = literal  # 8-bit text travels as a literal
            _, data = c.uid("SEARCH", *args)
            runs.append(time.perf_counter() - start)
            found = data[0] or b""
        out[label] = {"ms_median": round(statistics.median(runs) * 1000, 2),
                      "hits": len(found.split())}
    c.logout()
    return out


def rss_kb(pids: list[int]) -> int:
    total = 0
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total


def processes(names: tuple[str, ...]) -> list[int]:
    out = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                comm = (entry / "comm").read_text().strip()
            except OSError:
                continue
            if comm in names:
                out.append(int(entry.name))
    return out


def idle(t: Target, count: int, pids: callable) -> dict[str, object]:  # type: ignore[valid-type]
    before = rss_kb(pids())
    clients = []
    for _ in range(count):
        c = t.client()
        c.select("INBOX")
        tag = c._new_tag()
        c.send(tag + b" IDLE\r\n")
        c.readline()  # + idling
        clients.append(c)
    time.sleep(1.0)
    after = rss_kb(pids())
    seen: list[float] = []
    lock = threading.Lock()

    def wait(c: imaplib.IMAP4_SSL, started: list[float]) -> None:
        c.sock.settimeout(30)
        while True:
            line = c.readline()
            if not line or b"EXISTS" in line:
                with lock:
                    seen.append(time.perf_counter() - started[0])
                return

    started = [0.0]
    threads = [threading.Thread(target=wait, args=(c, started), daemon=True) for c in clients]
    for th in threads:
        th.start()
    sender = t.client()
    started[0] = time.perf_counter()
    sender.append("INBOX", None, None, b"Subject: wake\r\n\r\nup\r\n")
    for th in threads:
        th.join(35)
    sender.logout()
    for c in clients:
        try:
            c.send(b"DONE\r\n")
            c.shutdown()
        except OSError:
            pass
    seen.sort()
    p99 = seen[min(len(seen) - 1, int(len(seen) * 0.99))] if seen else None
    return {"connections": count, "rss_kb_per_connection": round((after - before) / count, 1),
            "woken": len(seen), "latency_ms_p50": round(seen[len(seen) // 2] * 1000, 1)
            if seen else None, "latency_ms_p99": round(p99 * 1000, 1) if p99 else None}


def mbsync(t: Target, root: Path) -> dict[str, float] | None:
    binary = shutil.which("mbsync")
    if binary is None:
        return None
    home = root / f"mbsync-{t.name}"
    (home / "mail").mkdir(parents=True)
    cert_line = f"CertificateFile {t.cert}\n" if t.cert else ""
    rc = home / "rc"
    # Dovecot's throw-away certificate is a CA certificate for "localhost" (mbsync checks the
    # name against it); Mailplane's is a host certificate, trusted as it is
    host = "localhost" if t.name == "dovecot" else "127.0.0.1"
    rc.write_text(f"""IMAPAccount a
Host {host}
Port {t.port}
User {t.user}
Pass {t.password}
SSLType IMAPS
{cert_line}PipelineDepth 50

IMAPStore far
Account a

MaildirStore near
Path {home}/mail/
Inbox {home}/mail/INBOX

Channel c
Far :far:
Near :near:
Patterns INBOX
Create Near
SyncState *
""")
    start = time.perf_counter()
    done = subprocess.run([binary, "-c", str(rc), "-a"], capture_output=True, timeout=1800,
                          check=False)
    took = time.perf_counter() - start
    inbox = home / "mail" / "INBOX"
    files = sum(1 for sub in ("cur", "new") if (inbox / sub).exists()
                for _ in (inbox / sub).iterdir())
    out: dict[str, object] = {"seconds": round(took, 2), "messages": files}
    if done.returncode:
        out["error"] = (done.stdout + done.stderr).decode(errors="replace")[-400:]
    return out  # type: ignore[return-value]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--messages", type=int, default=2000)
    parser.add_argument("--size", type=int, default=4000)
    parser.add_argument("--idle", type=int, default=200)
    parser.add_argument("--port-base", type=int, default=24100)
    parser.add_argument("--skip-mbsync", action="store_true")
    args = parser.parse_args()
    raws = corpus(args.messages, args.size)
    root = Path(tempfile.mkdtemp(prefix="imap-bench-"))
    root.chmod(0o755)  # the peer's daemons run as their own users
    mp_port = args.port_base + 10
    proc, info = start_mailplane(root, raws, mp_port)
    try:
        peer, fts = start_dovecot(root, raws, args.port_base)
    except BaseException:
        proc.terminate()
        raise
    dovecot_cert = str(peer.cert)
    targets = [
        Target("mailplane", mp_port, "bench@bench.test", USER_PASSWORD, info["cert"]),
        Target("dovecot", peer.imaps_port, "bench@peer.test", "secret", dovecot_cert),
    ]
    pid_sets = {"mailplane": lambda: [proc.pid],
                "dovecot": lambda: processes(("imap", "imap-login"))}
    result: dict[str, object] = {
        "messages": args.messages, "message_size": args.size,
        "database": "postgresql" if os.environ.get("MAILPLANE_TEST_DATABASE_URL") else "sqlite",
        "dovecot_fts": "xapian" if fts else "none (substring scan)",
        "note": "shared 2-core machine under load; single runs, indicative only",
    }
    try:
        for t in targets:
            entry: dict[str, object] = {}
            result[t.name] = entry
            steps = [("fetch_all_bodies", lambda t=t: fetch_bodies(t)),
                     ("select_fetch_flags", lambda t=t: select_flags(t)),
                     ("uid_search_text", lambda t=t: search(t)),
                     ("idle", lambda t=t: idle(t, args.idle, pid_sets[t.name]))]
            if not args.skip_mbsync:
                steps.append(("mbsync_full_sync", lambda t=t: mbsync(t, root)))
            for name, step in steps:
                try:
                    entry[name] = step()
                except Exception as error:  # report it and go on with the next measurement
                    entry[name] = {"error": f"{type(error).__name__}: {error}"[:300]}
    finally:
        # the figures first: a slow shutdown under load must not lose them
        print(json.dumps(result, indent=2, ensure_ascii=False), flush=True)
        proc.terminate()
        try:
            proc.wait(60)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(10)
        peer.stop()
    shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
