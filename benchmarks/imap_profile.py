"""CPU time and a cProfile of single IMAP commands, the server in this process (its own
thread's CPU only) and an imaplib client on a thread: what one command costs on the
server, which the machine's load barely changes.

    .venv/bin/python benchmarks/imap_profile.py [--messages 10000] [--keep /tmp/seed]
        [--only search,fetch,flags,idle,mbsync] [--profile] [--idle 300]

The seeded mailbox (same corpus as benchmarks/imap.py) is kept under --keep and reused.
SQLite (the figures are the IMAP path's; benchmarks/imap.py covers PostgreSQL).
"""

from __future__ import annotations

import sys  # noqa: I001
from pathlib import Path

sys.path[0] = str(Path(__file__).resolve().parent.parent)

import argparse  # noqa: E402
import asyncio  # noqa: E402
import cProfile  # noqa: E402
import gc  # noqa: E402
import imaplib  # noqa: E402
import io  # noqa: E402
import json  # noqa: E402
import pstats  # noqa: E402
import shutil  # noqa: E402
import ssl  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
import tracemalloc  # noqa: E402
from collections import Counter  # noqa: E402
from collections.abc import Callable  # noqa: E402
from typing import Any  # noqa: E402

from api.config import Settings  # noqa: E402
from api.imap import ImapServer  # noqa: E402
from api.imap.session import ImapSession  # noqa: E402
from api.runtime import Runtime  # noqa: E402
from api.storage.migrate import upgrade  # noqa: E402
from benchmarks.imap import CHINESE, RARE, USER_PASSWORD, corpus, seed_mailplane  # noqa: E402


def settings_for(root: Path) -> Settings:
    url = f"sqlite+aiosqlite:///{root / 'mailplane.db'}"
    return Settings(data_dir=root, database_url=url, secret_key="bench-secret-key",
                    mail_max_message_bytes=50_000_000, imap_port=-1, imaps_port=0,
                    pop3_port=-1, pop3s_port=-1, mail_host="localhost",
                    imap_max_connections_per_ip=5000, imap_max_connections_per_account=5000,
                    imap_max_commands_per_second=100000)


class Client:
    def __init__(self, port: int) -> None:
        context = ssl.create_default_context()
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
        self.c = imaplib.IMAP4_SSL("127.0.0.1", port, ssl_context=context, timeout=300)
        self.c.login("bench@bench.test", USER_PASSWORD)


async def measure(label: str, fn: Callable[[], Any], profile: bool, out: dict[str, Any],
                  repeat: int = 1) -> Any:
    """Server CPU (the process's, less the client thread's: the event loop and the database
    driver's thread) and wall time of running fn on a client thread."""
    result = None
    runs = []
    client_cpu = [0.0]

    def timed() -> Any:
        start = time.thread_time()
        try:
            return fn()
        finally:
            client_cpu[0] = time.thread_time() - start

    for _ in range(repeat):
        prof = cProfile.Profile() if profile else None
        cpu0, wall0 = time.process_time(), time.perf_counter()
        if prof:
            prof.enable()
        result = await asyncio.to_thread(timed)
        if prof:
            prof.disable()
        runs.append((time.process_time() - cpu0 - client_cpu[0], time.perf_counter() - wall0))
        if prof:
            text = io.StringIO()
            pstats.Stats(prof, stream=text).sort_stats("cumulative").print_stats(35)
            print(f"==== {label}\n{text.getvalue()[:9000]}", file=sys.stderr)
    runs.sort()
    cpu, wall = runs[len(runs) // 2]
    out[label] = {"server_cpu_ms": round(cpu * 1000, 2), "wall_ms": round(wall * 1000, 2)}
    return result


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--messages", type=int, default=10000)
    parser.add_argument("--size", type=int, default=4000)
    parser.add_argument("--keep", default="/tmp/imap-profile")
    parser.add_argument("--only", default="search,fetch,flags,idle")
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--idle", type=int, default=300)
    args = parser.parse_args()
    only = set(args.only.split(","))
    root = Path(f"{args.keep}-{args.messages}")
    settings = settings_for(root)
    marker = root / "seeded"
    if not marker.exists():
        root.mkdir(parents=True, exist_ok=True)
        await asyncio.to_thread(upgrade, settings.effective_database_url)
        await seed_mailplane(settings, corpus(args.messages, args.size))
        marker.write_text("ok")
    runtime = Runtime.build(settings)
    server = ImapServer(runtime)
    await server.start()
    port = server.ports["imaps"]
    out: dict[str, Any] = {"messages": args.messages}
    try:
        client = await asyncio.to_thread(Client, port)
        c = client.c
        await asyncio.to_thread(c.select, "INBOX", True)
        if "search" in only:
            def rare() -> Any:
                return c.uid("SEARCH", "TEXT", RARE)

            def chinese() -> Any:
                c.literal = CHINESE.encode()  # type: ignore[assignment]
                return c.uid("SEARCH", "CHARSET", "UTF-8", "TEXT")

            r = await measure("search_rare", rare, args.profile, out, repeat=5)
            out["search_rare"]["hits"] = len(r[1][0].split())
            r = await measure("search_chinese", chinese, args.profile, out, repeat=5)
            out["search_chinese"]["hits"] = len(r[1][0].split())
        if "fetch" in only:
            def bodies() -> Any:
                return c.uid("FETCH", "1:*", "(BODY.PEEK[])")

            r = await measure("fetch_bodies", bodies, args.profile, out)
            out["fetch_bodies"]["messages"] = sum(1 for d in r[1] if isinstance(d, tuple))
        if "flags" in only:
            def select_flags() -> Any:
                other = Client(port).c
                other.select("INBOX")
                got = other.fetch("1:*", "(FLAGS)")
                other.logout()
                return got

            def login_only() -> Any:
                Client(port).c.logout()

            await measure("login_logout", login_only, False, out, repeat=3)
            r = await measure("select_fetch_flags", select_flags, args.profile, out, repeat=3)
            out["select_fetch_flags"]["messages"] = len(r[1])
        if "idle" in only:
            await idle(port, args.idle, out, server)
        if "mbsync" in only:
            await mbsync(port, root, settings, args.profile, out)
        await asyncio.to_thread(c.logout)
    finally:
        await server.stop()
        await runtime.db.dispose()
    print(json.dumps(out, indent=2))


async def mbsync(port: int, root: Path, settings: Settings, profile: bool,
                 out: dict[str, Any]) -> None:
    """A full mbsync of the inbox to an empty Maildir, with the commands it sent counted."""
    home = Path(tempfile.mkdtemp(prefix="mbsync-", dir=root))
    (home / "mail").mkdir()
    (home / "rc").write_text(f"""IMAPAccount a
Host 127.0.0.1
Port {port}
User bench@bench.test
Pass {USER_PASSWORD}
SSLType IMAPS
CertificateFile {settings.data_dir / "smtp-tls" / "cert.pem"}
PipelineDepth 50

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
    counts: Counter[str] = Counter()
    original = ImapSession.execute

    async def counting(self: ImapSession, data: bytes) -> bool:
        head = data.split(b" ", 3)
        name = b" ".join(head[1:3] if head[1:2] == [b"UID"] else head[1:2]).decode(
            errors="replace").strip()
        counts[name] += 1
        return await original(self, data)

    ImapSession.execute = counting  # type: ignore[method-assign]

    def run() -> Any:
        return subprocess.run(["mbsync", "-c", str(home / "rc"), "-a"], capture_output=True,
                              check=False, timeout=1800)

    try:
        done = await measure("mbsync_full_sync", run, profile, out)
    finally:
        ImapSession.execute = original  # type: ignore[method-assign]
    out["mbsync_full_sync"]["commands"] = dict(counts)
    out["mbsync_full_sync"]["returncode"] = done.returncode
    if done.returncode:
        out["mbsync_full_sync"]["error"] = (done.stdout + done.stderr).decode()[-300:]
    shutil.rmtree(home, ignore_errors=True)


async def idle(port: int, count: int, out: dict[str, Any], server: ImapServer) -> None:
    def open_one() -> imaplib.IMAP4_SSL:
        c = Client(port).c
        c.select("INBOX")
        c.send(c._new_tag() + b" IDLE\r\n")
        c.readline()
        return c

    warm = [await asyncio.to_thread(open_one) for _ in range(5)]
    gc.collect()
    tracemalloc.start(5)
    before = tracemalloc.take_snapshot()
    size0 = tracemalloc.get_traced_memory()[0]
    clients = [await asyncio.to_thread(open_one) for _ in range(count)]
    await asyncio.sleep(1.0)
    gc.collect()
    size1 = tracemalloc.get_traced_memory()[0]
    after = tracemalloc.take_snapshot()
    tracemalloc.stop()
    stats = after.compare_to(before, "traceback")[:12]
    for s in stats:
        print(f"{s.size_diff / count:8.0f} B/conn  {s.count_diff / count:5.1f} blocks",
              file=sys.stderr)
        for line in s.traceback.format()[-6:]:
            print("     ", line, file=sys.stderr)
    out["idle"] = {"connections": count, "python_heap_bytes_per_connection":
                   round((size1 - size0) / count)}

    def close(c: imaplib.IMAP4_SSL) -> None:
        try:
            c.send(b"DONE\r\n")
            c.shutdown()
        except OSError:
            pass

    for c in clients + warm:
        await asyncio.to_thread(close, c)


if __name__ == "__main__":
    asyncio.run(main())
