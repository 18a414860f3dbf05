"""SMTP intake, side by side: `smtp-source` (Postfix's load generator) sends N messages of
SIZE bytes over SESSIONS parallel sessions to user1..user50 of a hosted domain, first into
Mailplane's MX (`mailplane serve --role smtp`), then into Postfix -> Dovecot LMTP
(tests/peers/postfix-dovecot.sh bench); each counted from the first connection until the
last message is stored. Then outbound: N queued messages DKIM-signed and delivered by
`mailplane serve --role worker` to the local Postfix.

    .venv/bin/python benchmarks/smtp_ingest.py [--messages 5000] [--size 5120]
        [--sessions 20] [--processes 2] [--outbound 1000] [--database-url URL]

Prints one JSON object. Needs root for the Debian packages (postfix, dovecot, knot).
"""

from __future__ import annotations

import sys
from pathlib import Path

# benchmarks/ holds a calendar.py that would shadow the standard library's module
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

import argparse  # noqa: E402
import asyncio  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import shutil  # noqa: E402
import signal  # noqa: E402
import socket  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import func, select, text  # noqa: E402

from api.bootstrap import create_organization  # noqa: E402
from api.config import Settings  # noqa: E402
from api.kit.ids import new_id  # noqa: E402
from api.runtime import Runtime  # noqa: E402
from api.storage.migrate import upgrade_async  # noqa: E402
from api.storage.models import Account, MailMessage, MailOutbound  # noqa: E402
from tests.directory.domains.dns_server import AuthoritativeDns, ensure_knotd  # noqa: E402
from tests.smtp.tools import PEER_SCRIPT, ensure_binary  # noqa: E402

MAILPLANE = str(Path(sys.executable).with_name("mailplane"))
USERS = 50


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def smtp_source(port: int, count: int, size: int, sessions: int) -> None:
    """The peer script's pattern: 50 recipients, 10 smtp-source runs at a time, each with
    sessions/10 parallel sessions."""
    per = (count + USERS - 1) // USERS
    running: list[subprocess.Popen[bytes]] = []
    for i in range(1, USERS + 1):
        running.append(subprocess.Popen(
            ["smtp-source", "-s", str(max(1, sessions // 10)), "-m", str(per), "-l", str(size),
             "-f", "sender@client.test", "-t", f"user{i}@peer.test", f"127.0.0.1:{port}"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        if len(running) >= 10:
            for proc in running:
                proc.wait()
            running = []
    for proc in running:
        proc.wait()


def tree_cpu(pid: int) -> float:
    """CPU seconds used so far by a process and its children (Linux /proc)."""
    total, pids = 0.0, [pid]
    try:
        for task in Path(f"/proc/{pid}/task").iterdir():
            pids += [int(c) for c in (task / "children").read_text().split()]
    except OSError:
        pass
    tick = os.sysconf("SC_CLK_TCK")
    for one in pids:
        try:
            fields = Path(f"/proc/{one}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / tick
        except (OSError, IndexError, ValueError):
            pass
    return total


def env_for(settings: Settings, **extra: object) -> dict[str, str]:
    env = {**os.environ, "MAILPLANE_DATA_DIR": str(settings.data_dir),
           "MAILPLANE_DATABASE_URL": settings.effective_database_url,
           "MAILPLANE_SECRET_KEY": "bench", "MAILPLANE_DNS_RESOLVER": settings.dns_resolver or "",
           "MAILPLANE_MAIL_HOST": "mx.peer.test", "MAILPLANE_SUBMISSION_PORT": "-1",
           "MAILPLANE_SUBMISSIONS_PORT": "-1", "MAILPLANE_LOG_JSON": "true"}
    env.update({f"MAILPLANE_{k.upper()}": str(v) for k, v in extra.items()})
    return env


def wait_port(port: int, proc: subprocess.Popen[bytes], timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError("mailplane exited")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("mailplane did not listen")


async def prepare(settings: Settings, domain: str) -> tuple[Runtime, str, str]:
    await upgrade_async(settings.effective_database_url)
    runtime = Runtime.build(settings)
    async with runtime.db.session() as session:
        made = await create_organization(session, name="Bench", domain=domain, admin="admin",
                                         password="correct-horse-battery")
        for i in range(1, USERS + 1):
            session.add(Account(id=new_id("acc"), org_id=made.org.id, domain_id=made.domain.id,
                                address=f"user{i}@{domain}", display_name=f"User {i}",
                                password_hash=None, role="member", must_change_password=False,
                                status="active"))
    return runtime, made.org.id, made.admin.id


async def count(runtime: Runtime, stmt) -> int:  # type: ignore[no-untyped-def]
    async with runtime.db.session(write=False) as session:
        return int(await session.scalar(stmt) or 0)


async def mailplane_intake(args: argparse.Namespace, dns: str, work: Path) -> dict[str, object]:
    settings = Settings(data_dir=work / "intake", database_url=args.database_url
                        or f"sqlite+aiosqlite:///{work / 'intake' / 'mailplane.db'}",
                        dns_resolver=dns, secret_key="bench")
    runtime, _, _ = await prepare(settings, "peer.test")
    port = free_port()
    proc = subprocess.Popen([MAILPLANE, "serve", "--role", "smtp"],
                            env=env_for(settings, smtp_port=port,
                                        smtp_processes=args.processes),
                            stdout=subprocess.DEVNULL, stderr=(work / "intake.log").open("wb"))
    try:
        wait_port(port, proc)
        stmt = select(func.count()).select_from(MailMessage)
        before = await count(runtime, stmt)
        cpu0 = tree_cpu(proc.pid)
        t0 = time.monotonic()
        await asyncio.to_thread(smtp_source, port, args.messages, args.size, args.sessions)
        want = before + (args.messages + USERS - 1) // USERS * USERS
        deadline = time.monotonic() + 600
        got = before
        while got < want and time.monotonic() < deadline:
            await asyncio.sleep(0.1)
            got = await count(runtime, stmt)
        seconds = time.monotonic() - t0
        cpu = tree_cpu(proc.pid) - cpu0
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(60)
        await runtime.db.dispose()
    stored = got - before
    return {"peer": "mailplane", "messages": stored, "size_bytes": args.size,
            "seconds": round(seconds, 3), "messages_per_s": round(stored / seconds, 1),
            "processes": args.processes,
            "database": "postgresql" if args.database_url else "sqlite",
            "server_cpu_ms_per_message": round(cpu * 1000 / max(1, stored), 1)}


def postfix_intake(args: argparse.Namespace, peer_env: dict[str, str]) -> dict[str, object]:
    done = subprocess.run(["bash", str(PEER_SCRIPT), "bench", str(args.messages), str(args.size),
                           str(args.sessions)], env=peer_env, capture_output=True, timeout=1800)
    return dict(json.loads(done.stdout.decode().strip().splitlines()[-1]))


async def outbound(args: argparse.Namespace, dns: str, work: Path,
                   peer_port: int) -> dict[str, object]:
    from api.mail.delivery.deliver import deliver

    settings = Settings(data_dir=work / "outbound", database_url=args.database_url
                        or f"sqlite+aiosqlite:///{work / 'outbound' / 'mailplane.db'}",
                        dns_resolver=dns, secret_key="bench")
    if args.database_url:  # a clean slate in the shared database
        async with Runtime.build(settings).db.session() as session:
            await session.execute(text("DELETE FROM mail_outbound"))
    runtime, org_id, admin_id = await prepare(settings, "sender.test")
    body = ("x" * 76 + "\r\n") * max(1, args.size // 78)
    for start in range(0, args.outbound, 200):
        async with runtime.db.session() as session:
            for i in range(start, min(args.outbound, start + 200)):
                raw = (f"From: admin@sender.test\r\nTo: user{i % USERS + 1}@peer.test\r\n"
                       f"Subject: outbound {i}\r\nMessage-ID: <out{i}@sender.test>\r\n"
                       f"MIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\n{body}").encode()
                await deliver(session, runtime, raw, "admin@sender.test",
                              [f"user{i % USERS + 1}@peer.test"], org_id=org_id,
                              sender_account_id=admin_id)
    pending = select(func.count()).select_from(MailOutbound).where(
        MailOutbound.status != "sent", MailOutbound.org_id == org_id)
    proc = subprocess.Popen([MAILPLANE, "serve", "--role", "worker"],
                            env=env_for(settings, smarthost=f"127.0.0.1:{peer_port}",
                                        outbound_per_destination=20),
                            stdout=subprocess.DEVNULL, stderr=(work / "outbound.log").open("wb"))
    try:
        t0 = time.monotonic()
        deadline = t0 + 900
        left = args.outbound
        while left and time.monotonic() < deadline:
            await asyncio.sleep(0.1)
            left = await count(runtime, pending)
        seconds = time.monotonic() - t0
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(60)
        await runtime.db.dispose()
    sent = args.outbound - left
    return {"messages": sent, "seconds": round(seconds, 3),
            "messages_per_s": round(sent / seconds, 1), "dkim_signed": True,
            "to": "postfix (smarthost)"}


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--messages", type=int, default=5000)
    parser.add_argument("--size", type=int, default=5120)
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--outbound", type=int, default=1000)
    parser.add_argument("--database-url", default=None)
    args = parser.parse_args()
    for binary, packages in (("smtp-source", ["postfix"]), ("postfix", ["postfix"]),
                             ("dovecot", ["dovecot-lmtpd", "dovecot-imapd"])):
        if ensure_binary(binary, packages) is None:
            sys.exit(f"needs {binary} (Debian {' '.join(packages)})")
    knotd, why = ensure_knotd()
    if knotd is None:
        sys.exit(f"needs knot: {why}")
    work = Path(tempfile.mkdtemp(prefix="mp-smtp-bench-"))
    work.chmod(0o755)  # Dovecot's vmail user must reach the peer's Maildirs inside
    dns = AuthoritativeDns(knotd)
    dns.start()
    dns.publish({"client.test": ['@ TXT "v=spf1 ip4:127.0.0.1 -all"'],
                 "sender.test": ['@ TXT "v=spf1 ip4:127.0.0.1 -all"']})
    peer_env = {**os.environ, "PEER_ROOT": str(work / "peer"),
                "PEER_SMTP_PORT": str(free_port()), "PEER_LMTP_PORT": str(free_port()),
                "PEER_IMAP_PORT": str(free_port())}
    try:
        load_before = os.getloadavg()
        mailplane = await mailplane_intake(args, dns.address, work)
        print(json.dumps({"mailplane": mailplane}), file=sys.stderr)
        subprocess.run(["bash", str(PEER_SCRIPT), "start"], env=peer_env, check=True,
                       capture_output=True, timeout=900)
        postfix = postfix_intake(args, peer_env)
        print(json.dumps({"postfix_dovecot": postfix}), file=sys.stderr)
        out = await outbound(args, dns.address, work, int(peer_env["PEER_SMTP_PORT"]))
        result = {
            "benchmark": "smtp_ingest", "mailplane": mailplane, "postfix_dovecot": postfix,
            "ratio": round(float(mailplane["messages_per_s"])  # type: ignore[arg-type]
                           / float(postfix["messages_per_s"]), 2),
            "outbound": out, "cores": os.cpu_count(),
            "load_average_before": [round(x, 1) for x in load_before],
            "load_average_after": [round(x, 1) for x in os.getloadavg()],
        }
        print(json.dumps(result))
    finally:
        subprocess.run(["bash", str(PEER_SCRIPT), "stop"], env=peer_env, capture_output=True,
                       timeout=120)
        dns.stop()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    asyncio.run(main())
