"""Scale-out figures, on loopback: blob write/read throughput of the local, PostgreSQL and
S3 backends beside a plain file copy; SMTP intake and authenticated API requests with one
and with two processes per role on PostgreSQL (and their ratio); the CPU cost of IMAP
sessions and of full-text search (IMAP SEARCH, the API's `q`); the unavailability window
of a failover to a promoted synchronous replica (median of N rounds).

    .venv/bin/python benchmarks/scale_out.py [--blob-mb 16] [--blobs 4] [--big-mb 0]
        [--messages 1000] [--sessions 10] [--api-seconds 10] [--api-clients 16]
        [--failovers 5] [--imap-sessions 100] [--searches 100]
        [--skip blobs,smtp,imap,api,search,failover]

PostgreSQL runs in throwaway clusters (Debian's binaries, as the tests use them); S3 is
moto's server. Prints one JSON object. Run as root (initdb runs as `postgres`).
"""

from __future__ import annotations

import sys
from pathlib import Path

# benchmarks/ holds a calendar.py that would shadow the standard library's module
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

import argparse  # noqa: E402
import asyncio  # noqa: E402
import hashlib  # noqa: E402
import imaplib  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import shutil  # noqa: E402
import ssl  # noqa: E402
import statistics  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from collections.abc import AsyncIterator  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402
import psycopg  # noqa: E402

from api.app import create_app  # noqa: E402
from api.bootstrap import create_organization  # noqa: E402
from api.config import Settings  # noqa: E402
from api.identity.passwords import hash_password  # noqa: E402
from api.kit.ids import new_id  # noqa: E402
from api.runtime import Runtime  # noqa: E402
from api.storage.blob_url import open_backend  # noqa: E402
from api.storage.migrate import upgrade_async  # noqa: E402
from api.storage.models import Account  # noqa: E402
from tests.live_server import free_port  # noqa: E402
from tests.scale.pg_cluster import (  # noqa: E402
    Cluster,
    as_postgres,
    pg_bin,
    primary_with_sync_replica,
    promote,
)
from tests.scale.processes import RoleProcess, role_env  # noqa: E402
from tests.storage.s3_server import s3_server  # noqa: E402

MIB = 1024 * 1024
USERS = 20
SECRET = "bench-secret-key-not-for-production"
PASSWORD = "correct-horse-battery"


# -- blobs -------------------------------------------------------------------------------

async def _stream(seed: int, size: int) -> AsyncIterator[bytes]:
    block = hashlib.sha256(seed.to_bytes(8, "big")).digest() * (MIB // 32)
    sent = 0
    n = 0
    while sent < size:
        piece = block[: min(MIB, size - sent)]
        piece = n.to_bytes(8, "big") + piece[8:] if len(piece) >= 8 else piece
        sent += len(piece)
        n += 1
        yield piece


async def blob_round(url: str, database_url: str | None, count: int, size: int, spool: Path
                     ) -> dict[str, float]:
    backend = open_backend(url, database_url=database_url, spool_dir=spool)
    try:
        started = time.perf_counter()
        refs = [await backend.write(_stream(seed, size), None) for seed in range(count)]
        wrote = time.perf_counter() - started
        started = time.perf_counter()
        got = 0
        for ref in refs:
            async for chunk in backend.open_range(ref.sha256):
                got += len(chunk)
        read = time.perf_counter() - started
        assert got == count * size
        for ref in refs:
            await backend.remove(ref.sha256)
    finally:
        await backend.close()  # type: ignore[attr-defined]
    total = count * size / MIB
    return {"write_mib_s": round(total / wrote, 1), "read_mib_s": round(total / read, 1)}


def file_copy_round(count: int, size: int, work: Path) -> dict[str, float]:
    src = work / "copy-src"
    src.mkdir(exist_ok=True)
    files = []
    for seed in range(count):
        path = src / str(seed)
        with path.open("wb") as fh:
            fh.write(os.urandom(size))
        files.append(path)
    dst = work / "copy-dst"
    dst.mkdir(exist_ok=True)
    started = time.perf_counter()
    for path in files:
        shutil.copyfile(path, dst / path.name)
        with (dst / path.name).open("rb") as fh:
            os.fsync(fh.fileno())
    wrote = time.perf_counter() - started
    started = time.perf_counter()
    for path in files:
        with (dst / path.name).open("rb") as fh:
            while fh.read(MIB):
                pass
    read = time.perf_counter() - started
    total = count * size / MIB
    return {"write_mib_s": round(total / wrote, 1), "read_mib_s": round(total / read, 1)}


async def bench_blobs(args: argparse.Namespace, work: Path) -> dict[str, object]:
    size, count = args.blob_mb * MIB, args.blobs
    out: dict[str, object] = {"blob_mib": args.blob_mb, "blobs": count}
    out["file_copy"] = file_copy_round(count, size, work)
    out["local"] = await blob_round(f"file://{work / 'local'}", None, count, size, work)
    cluster = Cluster().init().start()
    try:
        url = cluster.url.replace("postgresql://", "postgresql+psycopg://")
        await upgrade_async(url)
        out["postgresql"] = await blob_round("postgresql:", url, count, size, work)
    finally:
        cluster.destroy()
    with s3_server() as endpoint:
        s3 = f"s3://test:test@bench-blobs/mail?endpoint={endpoint}&create_bucket=1"
        out["s3_moto"] = await blob_round(s3, None, count, size, work)
        if args.big_mb:
            big = await blob_round(s3 + f"&part_size={64 * MIB}", None, 1, args.big_mb * MIB, work)
            out["s3_moto_single_blob"] = {"mib": args.big_mb, **big}
    return out


# -- CPU time: per-core costs that hold even on a loaded machine --------------------------

TICK = os.sysconf("SC_CLK_TCK")


def _stat(pid: int) -> tuple[int, float]:
    """(parent pid, CPU seconds of the process and of its reaped children)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return int(fields[1]), sum(int(f) for f in fields[11:15]) / TICK


def tree_cpu(root: int) -> float:
    """CPU seconds used by `root` and every live descendant (and their reaped children)."""
    parents: dict[int, int] = {}
    cpu: dict[int, float] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parents[int(entry.name)], cpu[int(entry.name)] = _stat(int(entry.name))
            except (OSError, ValueError, IndexError):
                continue
    total, todo = 0.0, [root]
    while todo:
        pid = todo.pop()
        total += cpu.get(pid, 0.0)
        todo.extend(child for child, parent in parents.items() if parent == pid)
    return total


def postmaster(cluster: Cluster) -> int:
    return int((cluster.data / "postmaster.pid").read_text().split()[0])


# -- an installation on a throwaway PostgreSQL ------------------------------------------

async def prepare(settings: Settings, domain: str = "bench.test") -> str:
    """An organisation, USERS mailboxes, and a client-credentials token."""
    await upgrade_async(settings.effective_database_url)
    runtime = Runtime.build(settings)
    secret = hash_password(PASSWORD)  # one hash for all: IMAP sign-in checks it
    async with runtime.db.session() as session:
        made = await create_organization(session, name="Bench", domain=domain, admin="admin",
                                         password=PASSWORD)
        for i in range(1, USERS + 1):
            session.add(Account(id=new_id("acc"), org_id=made.org.id, domain_id=made.domain.id,
                                address=f"user{i}@{domain}", display_name=f"User {i}",
                                password_hash=secret, role="member", must_change_password=False,
                                status="active"))
    app = create_app(settings, runtime=runtime, migrate=False)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app),
                                 base_url="http://bench") as client:
        answer = await client.post("/oauth/token", data={"grant_type": "client_credentials"},
                                   auth=(made.app.id, made.client_secret))
        token = str(answer.json()["access_token"])
    await runtime.db.dispose()
    return token


async def _smtp_session(port: int, queue: asyncio.Queue[int], acked: list[float]) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)

    async def reply() -> str:
        while True:
            line = (await asyncio.wait_for(reader.readline(), 60)).decode()
            if not line or line[3:4] != "-":
                return line

    await reply()
    writer.write(b"EHLO bench.test\r\n")
    await writer.drain()
    await reply()
    while not queue.empty():
        n = queue.get_nowait()
        to = f"user{n % USERS + 1}@bench.test"
        body = (f"From: load@example.net\r\nTo: {to}\r\nSubject: n{n}\r\n"
                f"Message-ID: <bench-{n}@example.net>\r\n\r\n" + ("x" * 76 + "\r\n") * 60 + ".\r\n")
        writer.write(f"MAIL FROM:<load@example.net>\r\nRCPT TO:<{to}>\r\nDATA\r\n".encode())
        await writer.drain()
        for _ in range(3):
            await reply()
        writer.write(body.encode())
        await writer.drain()
        if (await reply()).startswith("250"):
            acked.append(time.perf_counter())
    writer.write(b"QUIT\r\n")
    writer.close()


async def smtp_round(settings: Settings, processes: int, args: argparse.Namespace, work: Path,
                     db_pid: int) -> dict[str, float]:
    port = free_port()
    env = role_env(settings, smtp_port=port, submission_port=-1, submissions_port=-1,
                   smtp_processes=processes, mail_host="mx.bench.test")
    smtp = RoleProcess("smtp", env, work / f"smtp{processes}.log").start(wait=False)
    try:
        deadline = time.monotonic() + 900  # a loaded machine starts Python slowly
        while True:
            try:
                _, w = await asyncio.open_connection("127.0.0.1", port)
                w.close()
                break
            except OSError:
                assert time.monotonic() < deadline, "smtp did not start"
                await asyncio.sleep(0.2)
        await asyncio.sleep(2 if processes > 1 else 0.5)  # the forked listeners bind too
        queue: asyncio.Queue[int] = asyncio.Queue()
        for n in range(args.messages):
            queue.put_nowait(n)
        acked: list[float] = []
        assert smtp.proc is not None
        app_cpu, db_cpu = tree_cpu(smtp.proc.pid), tree_cpu(db_pid)
        started = time.perf_counter()
        await asyncio.gather(*(_smtp_session(port, queue, acked) for _ in range(args.sessions)))
        seconds = max(acked) - started
        app_cpu, db_cpu = tree_cpu(smtp.proc.pid) - app_cpu, tree_cpu(db_pid) - db_cpu
        return {"messages": len(acked), "per_second": round(len(acked) / seconds, 1),
                "smtp_cpu_ms_per_message": round(app_cpu * 1000 / len(acked), 2),
                "postgres_cpu_ms_per_message": round(db_cpu * 1000 / len(acked), 2)}
    finally:
        smtp.stop()


async def api_round(urls: list[str], token: str, args: argparse.Namespace, pids: list[int],
                    db_pid: int) -> dict[str, float]:
    latencies: list[float] = []
    errors = 0
    stop = time.perf_counter() + args.api_seconds

    async def client(n: int) -> None:
        nonlocal errors
        async with httpx.AsyncClient(base_url=urls[n % len(urls)], timeout=30) as http:
            while time.perf_counter() < stop:
                t = time.perf_counter()
                answer = await http.get("/v1/accounts", params={"limit": 10},
                                        headers={"Authorization": f"Bearer {token}"})
                if answer.status_code == 200:
                    latencies.append(time.perf_counter() - t)
                else:
                    errors += 1

    app_cpu, db_cpu = sum(tree_cpu(p) for p in pids), tree_cpu(db_pid)
    started = time.perf_counter()
    await asyncio.gather(*(client(n) for n in range(args.api_clients)))
    seconds = time.perf_counter() - started
    app_cpu = sum(tree_cpu(p) for p in pids) - app_cpu
    db_cpu = tree_cpu(db_pid) - db_cpu
    done = max(len(latencies), 1)
    return {"requests": len(latencies), "per_second": round(len(latencies) / seconds, 1),
            "p50_ms": round(statistics.median(latencies) * 1000, 1), "errors": errors,
            "api_cpu_ms_per_request": round(app_cpu * 1000 / done, 2),
            "postgres_cpu_ms_per_request": round(db_cpu * 1000 / done, 2)}


def _imap_session(port: int, user: int, word: str) -> tuple[int, int]:
    """Sign in, SELECT, FETCH every body, one full-text SEARCH: (messages, hits)."""
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE  # loopback, the process's generated certificate
    client = imaplib.IMAP4("127.0.0.1", port, timeout=120)
    client.starttls(context)
    client.login(f"user{user}@bench.test", PASSWORD)
    _, data = client.select("INBOX", readonly=True)
    count = int(data[0] or 0)
    if count:
        client.fetch("1:*", "(BODY.PEEK[])")
    _, found = client.uid("SEARCH", "TEXT", word)
    client.logout()
    return count, len((found[0] or b"").split())


async def imap_round(settings: Settings, args: argparse.Namespace, work: Path,
                     db_pid: int) -> dict[str, float]:
    """CPU per IMAP session on the mailboxes the SMTP rounds filled: STARTTLS, sign-in,
    SELECT, FETCH of every body, one full-text SEARCH, LOGOUT."""
    port = free_port()
    env = role_env(settings, imap_port=port, imaps_port=-1, pop3_port=-1, pop3s_port=-1,
                   smtp_port=-1, mail_host="mx.bench.test")
    imap = RoleProcess("imap", env, work / "imap.log").start(wait=False)
    try:
        deadline = time.monotonic() + 900
        while True:
            try:
                _, w = await asyncio.open_connection("127.0.0.1", port)
                w.close()
                break
            except OSError:
                assert time.monotonic() < deadline, "imap did not start"
                await asyncio.sleep(0.2)
        assert imap.proc is not None
        gate = asyncio.Semaphore(args.sessions)

        async def one(n: int, word: str) -> tuple[int, int]:
            async with gate:
                return await asyncio.to_thread(_imap_session, port, n % USERS + 1, word)

        await one(0, "warmup")
        app_cpu, db_cpu = tree_cpu(imap.proc.pid), tree_cpu(db_pid)
        started = time.perf_counter()
        done = await asyncio.gather(*(one(n, "nothinglikethis") for n in range(args.imap_sessions)))
        seconds = time.perf_counter() - started
        app_cpu, db_cpu = tree_cpu(imap.proc.pid) - app_cpu, tree_cpu(db_pid) - db_cpu
        fetched = sum(c for c, _ in done)
        return {"sessions": len(done), "messages_fetched": fetched,
                "sessions_per_second": round(len(done) / seconds, 1),
                "imap_cpu_ms_per_session": round(app_cpu * 1000 / len(done), 2),
                "imap_cpu_ms_per_message_fetched": round(app_cpu * 1000 / max(fetched, 1), 3),
                "postgres_cpu_ms_per_session": round(db_cpu * 1000 / len(done), 2)}
    finally:
        imap.stop()


async def search_round(urls: list[str], token: str, args: argparse.Namespace, pids: list[int],
                       db_pid: int) -> dict[str, float]:
    """The API's full-text search over one mailbox (`q`), CPU per search."""
    done = 0
    app_cpu, db_cpu = sum(tree_cpu(p) for p in pids), tree_cpu(db_pid)
    started = time.perf_counter()
    async with httpx.AsyncClient(base_url=urls[0], timeout=60) as http:
        for n in range(args.searches):
            answer = await http.get(f"/v1/accounts/user{n % USERS + 1}@bench.test/mail/messages",
                                    params={"q": "n1" if n % 2 else "load", "limit": 20},
                                    headers={"Authorization": f"Bearer {token}"})
            assert answer.status_code == 200, answer.text
            done += 1
    seconds = time.perf_counter() - started
    app_cpu = sum(tree_cpu(p) for p in pids) - app_cpu
    db_cpu = tree_cpu(db_pid) - db_cpu
    return {"searches": done, "per_second": round(done / seconds, 1),
            "api_cpu_ms_per_search": round(app_cpu * 1000 / done, 2),
            "postgres_cpu_ms_per_search": round(db_cpu * 1000 / done, 2)}


async def bench_roles(args: argparse.Namespace, work: Path) -> dict[str, object]:
    out: dict[str, object] = {}
    cluster = Cluster().init(max_connections="200").start()
    try:
        settings = Settings(database_url=cluster.url, data_dir=work / "roles",
                            secret_key=SECRET, mail_host="mx.bench.test")
        token = await prepare(settings)
        if "smtp" not in args.skip:
            one = await smtp_round(settings, 1, args, work, postmaster(cluster))
            two = await smtp_round(settings, 2, args, work, postmaster(cluster))
            out["smtp_intake"] = {"one_process": one, "two_processes": two,
                                  "ratio": round(two["per_second"] / one["per_second"], 2)}
            if "imap" not in args.skip:
                out["imap_sessions"] = await imap_round(settings, args, work,
                                                        postmaster(cluster))
        if "api" not in args.skip:
            env = role_env(settings)
            apis = [RoleProcess("api", env, work / f"api{n}.log").start(wait=False)
                    for n in (1, 2)]
            try:
                for api in apis:
                    api.wait_ready(900)
                pids = [a.proc.pid for a in apis if a.proc is not None]
                one = await api_round([apis[0].url], token, args, pids, postmaster(cluster))
                two = await api_round([a.url for a in apis], token, args, pids,
                                      postmaster(cluster))
                if "search" not in args.skip and "smtp" not in args.skip:
                    out["api_search"] = await search_round(
                        [apis[0].url], token, args, pids, postmaster(cluster))
            finally:
                for api in apis:
                    api.stop()
            out["api_requests"] = {"one_process": one, "two_processes": two,
                                   "ratio": round(two["per_second"] / one["per_second"], 2)}
    finally:
        cluster.destroy()
    return out


# -- failover ----------------------------------------------------------------------------

async def bench_failover(args: argparse.Namespace, work: Path) -> dict[str, object]:
    primary, replica = primary_with_sync_replica()
    clusters = [primary, replica]
    try:
        url = (f"postgresql+psycopg://postgres@/postgres?host=127.0.0.1:{primary.port}"
               f"&host=127.0.0.1:{replica.port}&target_session_attrs=read-write")
        settings = Settings(database_url=url, data_dir=work / "failover", secret_key=SECRET)
        token = await prepare(settings)
        api = RoleProcess("api", role_env(settings), work / "failover-api.log").start()
        windows, after_promotion = [], []
        try:
            async with httpx.AsyncClient(base_url=api.url, timeout=5) as http:
                async def ok() -> bool:
                    try:
                        answer = await http.get("/v1/accounts", params={"limit": 1},
                                                headers={"Authorization": f"Bearer {token}"})
                        return answer.status_code == 200
                    except httpx.TransportError:
                        return False

                for round_ in range(args.failovers):
                    current, standby = clusters
                    assert await ok()
                    crashed = time.perf_counter()
                    await asyncio.to_thread(current.stop, "immediate")
                    await asyncio.to_thread(promote, standby)
                    promoted = time.perf_counter()
                    while not await ok():
                        await asyncio.sleep(0.02)
                    back = time.perf_counter()
                    windows.append(back - crashed)
                    after_promotion.append(back - promoted)
                    if round_ + 1 < args.failovers:  # the old primary becomes the new standby
                        await asyncio.to_thread(_rebuild_standby, current, standby)
                    clusters = [standby, current]
        finally:
            api.stop()
        return {
            "rounds": len(windows),
            "window_s_median": round(statistics.median(windows), 2),
            "window_s_all": [round(w, 2) for w in windows],
            "after_promotion_s_median": round(statistics.median(after_promotion), 2),
        }
    finally:
        for cluster in clusters:
            cluster.destroy()


def _rebuild_standby(old: Cluster, primary: Cluster) -> None:
    shutil.rmtree(old.data)
    as_postgres([pg_bin("pg_basebackup"), "-D", str(old.data), "-R", "-X", "stream",
                  "--no-sync", "-d",
                  f"host=127.0.0.1 port={primary.port} user=postgres application_name=replica1"])
    with (old.data / "postgresql.auto.conf").open("a") as fh:
        fh.write(f"port = {old.port}\nunix_socket_directories = '{old.root}'\n"
                 "synchronous_standby_names = ''\n")
    old.start()
    with psycopg.connect(primary.url, autocommit=True) as conn:
        conn.execute("ALTER SYSTEM SET synchronous_standby_names = 'replica1'")
        conn.execute("SELECT pg_reload_conf()")
        deadline = time.monotonic() + 30
        while conn.execute("SELECT count(*) FROM pg_stat_replication WHERE sync_state = 'sync'"
                           ).fetchone()[0] == 0:  # type: ignore[index]
            assert time.monotonic() < deadline, "standby did not attach"
            time.sleep(0.1)


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--blob-mb", type=int, default=16)
    parser.add_argument("--blobs", type=int, default=4)
    parser.add_argument("--big-mb", type=int, default=0)
    parser.add_argument("--messages", type=int, default=1000)
    parser.add_argument("--sessions", type=int, default=10)
    parser.add_argument("--api-seconds", type=float, default=10.0)
    parser.add_argument("--api-clients", type=int, default=16)
    parser.add_argument("--failovers", type=int, default=5)
    parser.add_argument("--imap-sessions", type=int, default=100)
    parser.add_argument("--searches", type=int, default=100)
    parser.add_argument("--skip", default="")
    args = parser.parse_args()
    args.skip = set(filter(None, args.skip.split(",")))
    work = Path(tempfile.mkdtemp(prefix="mp-scale-"))
    os.chmod(work, 0o755)
    result: dict[str, object] = {"cores": os.cpu_count(), "load_average": os.getloadavg()[0]}
    try:
        if "blobs" not in args.skip:
            result["blobs"] = await bench_blobs(args, work)
        if not {"smtp", "api"} <= args.skip:
            result.update(await bench_roles(args, work))
        if "failover" not in args.skip and args.failovers:
            result["failover"] = await bench_failover(args, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    asyncio.run(main())
