"""One mailbox of N generated, real-shaped messages (5% Chinese): ingest rate through the
delivery function, p50/p99 of the first page of the inbox and of searches for a rare term,
a common term and a Chinese phrase, and the search index size against the raw mail bytes.
Optionally the same searches as IMAP `SEARCH TEXT` on a Dovecot holding the same messages
(../shared/peers/postfix-dovecot.sh starts it).

    .venv/bin/python benchmarks/mailbox_scale.py --messages 100000 [--dovecot] [--dir PATH]

Prints one JSON object.
"""

from __future__ import annotations

import sys
from pathlib import Path

# This folder holds modules named like the stdlib's (calendar.py): keep it off the path.
_HERE = Path(__file__).resolve().parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != _HERE]
sys.path.insert(0, str(_HERE.parent))

import argparse  # noqa: E402
import asyncio  # noqa: E402
import dataclasses  # noqa: E402
import imaplib  # noqa: E402
import json  # noqa: E402
import multiprocessing  # noqa: E402
import os  # noqa: E402
import random  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from collections import deque  # noqa: E402
from concurrent.futures import ProcessPoolExecutor  # noqa: E402
from datetime import UTC, datetime  # noqa: E402
from email.header import Header  # noqa: E402

from sqlalchemy import select, text  # noqa: E402

from api.bootstrap import create_organization  # noqa: E402
from api.config import Settings  # noqa: E402
from api.kit.clock import utcnow  # noqa: E402
from api.kit.pagination import PageParams  # noqa: E402
from api.mail.delivery import append_many, store_batch  # noqa: E402
from api.mail.delivery.blobsync import DeferredSyncBackend  # noqa: E402
from api.mail.delivery.deliver import deliver  # noqa: E402
from api.mail.mailbox.service import NewMessage, ensure_mailbox, system_folder  # noqa: E402
from api.mail.messages.service import list_messages  # noqa: E402
from api.mail.mime import ParsedMessage, parse_message  # noqa: E402
from api.runtime import Runtime  # noqa: E402
from api.storage.blobs import BlobStore, LocalBlobBackend  # noqa: E402
from api.storage.migrate import upgrade  # noqa: E402
from api.storage.models import Account  # noqa: E402

RARE = "xylophonist"
COMMON = "meeting"
CHINESE = "季度报告"
WORDS = (
    "the of and to in is for on that with as by this be are from at or an have it not "
    "project team update report please review attached schedule customer order invoice "
    "payment budget quarter sales product release plan status deadline office budget "
    "thanks regards hello call notes agenda follow question answer issue ticket server "
    "deploy build test design contract price offer delivery account support request"
).split()
HANZI = (
    "我们的公司客户项目进度会议通知请查收附件今天明天下午上午时间地点联系经理部门销售市场"
    "技术支持产品发布计划预算合同价格订单发货财务人事行政办公室同事谢谢问题回复确认安排"
)
NAMES = ["alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi", "ivan", "judy"]
DOMAINS = ["example.com", "partner.example", "vendor.example.net", "example.cn"]


def _english(rng: random.Random, n: int) -> str:
    words = rng.choices(WORDS, k=n)
    lines = [" ".join(words[i : i + 12]) for i in range(0, n, 12)]
    return "\r\n".join(lines)


def _chinese(rng: random.Random, n: int) -> str:
    chars = "".join(rng.choices(HANZI, k=n))
    return "\r\n".join(chars[i : i + 30] for i in range(0, n, 30))


def generate(i: int, rng: random.Random, account: str) -> bytes:
    chinese = i % 20 == 0
    sender = f"{rng.choice(NAMES)}@{rng.choice(DOMAINS)}"
    if chinese:
        subject = "关于" + "".join(rng.choices(HANZI, k=6))
        body = _chinese(rng, rng.randint(150, 900))
        if i % 200 == 0:
            body += "\r\n请查看" + CHINESE + "的附件。"
        charset = "utf-8"
    else:
        subject = " ".join(rng.choices(WORDS[20:], k=rng.randint(3, 7))).capitalize()
        body = _english(rng, rng.randint(80, 600))
        if i % 3 == 0:
            body += f"\r\nLet us schedule a {COMMON} next week."
        charset = "us-ascii"
    if i % 10_000 == 5:
        body += f"\r\nThe {RARE} will play at the party."
    received = "".join(
        f"Received: from mx{h}.{rng.choice(DOMAINS)}"
        f" (mx{h}.example [192.0.2.{rng.randint(1, 254)}])"
        f"\r\n\tby mx.mailplane.test with ESMTPS id {rng.getrandbits(48):012x};"
        f" Mon, 1 Apr 2024 10:{h:02d}:00 +0000\r\n"
        for h in range(rng.randint(2, 4))
    )
    encoded_subject = Header(subject, "utf-8").encode() if chinese else subject
    head = (
        f"{received}Date: Mon, 1 Apr 2024 10:00:00 +0000\r\nFrom: {sender}\r\nTo: {account}\r\n"
        f"Subject: {encoded_subject}\r\nMessage-ID: <bench-{i}@{sender.split('@')[1]}>\r\n"
        f"MIME-Version: 1.0\r\nContent-Type: text/plain; charset={charset}\r\n"
        f"Content-Transfer-Encoding: 8bit\r\n\r\n"
    )
    return head.encode() + body.encode("utf-8") + b"\r\n"


BLOCK = 500  # messages per random stream: any block is made alike by any process


def messages(start: int, end: int, account: str) -> list[bytes]:
    """Messages start..end-1, each block of BLOCK from its own seeded stream, so the seeding
    workers, the in-process path and the Dovecot side make the same mailbox."""
    out: list[bytes] = []
    i = start
    while i < end:
        block = i // BLOCK
        rng = random.Random(42 * 1_000_003 + block)
        for _ in range(block * BLOCK, i):
            generate(0, rng, account)  # advance to i within its block (starts are aligned)
        stop = min(end, (block + 1) * BLOCK)
        out.extend(generate(j, rng, account) for j in range(i, stop))
        i = stop
    return out


def prepare(start: int, end: int, account: str) -> list[tuple[bytes, ParsedMessage]]:
    """A seeding worker's share: the messages made and parsed by the product's parser
    (`parse_message`, as a migration parses what it fetched)."""
    return [(raw, parse_message(raw)) for raw in messages(start, end, account)]


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000, 3)


def loadavg() -> list[float]:
    """The 1, 5 and 15 minute load averages (the machine is shared: every figure needs it)."""
    try:
        return [float(x) for x in Path("/proc/loadavg").read_text().split()[:3]]
    except OSError:
        return []


def batch_runtime(runtime: Runtime) -> tuple[Runtime, DeferredSyncBackend | None]:
    """What the delivery core's batch writers use (the SMTP group committer, migrations):
    blobs written without an fsync each, the batch made durable by one `sync()` before its
    commit. Storage, index and events are the same `append_many` -> `store_many`."""
    backend = runtime.blobs.backend
    if isinstance(backend, LocalBlobBackend) and not isinstance(backend, DeferredSyncBackend):
        deferred = DeferredSyncBackend(backend.root)
        return dataclasses.replace(runtime, blobs=BlobStore(deferred)), deferred
    return runtime, None


async def ingest(  # type: ignore[no-untyped-def]
    runtime: Runtime, account, n: int, batch: int, sample: int, workers: int,
    until: float | None,
) -> dict:
    """The first `sample` messages one by one through `deliver()` (the SMTP and API path,
    committed every 500), the rest in transactions of `batch` with blobs synced once per
    transaction as the batch writers do: with `workers`, made and parsed in that many
    processes and stored by the delivery core's `store_batch` (what a migration does with
    what it fetched and parsed), else through `append_many()` here. Seeding stops early
    at `until` (a time.time()); what was stored is what gets timed."""
    raw_bytes = 0
    i = 0
    out: dict = {"messages": n}
    bulk, deferred = batch_runtime(runtime)
    pool = (
        ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"))
        if workers else None
    )
    loop = asyncio.get_running_loop()
    bulk_name = "store_batch" if pool else "append_many"
    for phase, count in (("deliver", min(sample, n)), (bulk_name, n - min(sample, n))):
        started, cpu = time.perf_counter(), time.process_time()
        load_before = loadavg()
        first, end = i, i + count
        step = min(batch, 500) if phase == "deliver" else batch
        ahead: deque[asyncio.Future[list[tuple[bytes, ParsedMessage]]]] = deque()
        queued = i
        while i < end:
            if until is not None and time.time() >= until:
                break
            if phase == "deliver":
                raws = messages(i, min(end, i + step), account.address)
                async with runtime.db.session() as session:
                    for raw in raws:
                        await deliver(session, runtime, raw, "bench@example.com", [account.address])
            elif pool is None:
                raws = messages(i, min(end, i + step), account.address)
                async with bulk.db.session() as session:
                    await append_many(session, bulk, account, raws)
                    if deferred is not None:
                        await deferred.sync()
            else:
                while len(ahead) < workers + 1 and queued < end:
                    ahead.append(loop.run_in_executor(
                        pool, prepare, queued, min(end, queued + step), account.address))
                    queued = min(end, queued + step)
                prepared = await ahead.popleft()
                raws = [raw for raw, _ in prepared]
                async with bulk.db.session() as session:
                    await ensure_mailbox(session, account.id, account.org_id)
                    folder = await system_folder(session, account.id, account.org_id, "inbox")
                    refs = await bulk.blobs.backend.write_many(raws)  # type: ignore[attr-defined]
                    when = utcnow()
                    await store_batch(session, bulk.blobs, account, folder, [
                        NewMessage(blob=ref, parsed=parsed, received_at=when)
                        for ref, (_, parsed) in zip(refs, prepared, strict=True)
                    ])
                    if deferred is not None:
                        await deferred.sync()
            raw_bytes += sum(len(r) for r in raws)
            before, i = i, i + len(raws)
            if i // 10_000 != before // 10_000:
                rate = (i - first) / (time.perf_counter() - started)
                print(f"ingested {i} ({rate:.0f}/s, load {loadavg()})", file=sys.stderr,
                      flush=True)
        for left in ahead:
            left.cancel()
        elapsed = time.perf_counter() - started
        count = i - first
        if count:
            out[phase] = {
                "messages": count,
                "seconds": round(elapsed, 1),
                "messages_per_second": round(count / elapsed, 1),
                "cpu_ms_per_message": round((time.process_time() - cpu) / count * 1000, 2),
                "loadavg_before": load_before,
                "loadavg_after": loadavg(),
            }
    if pool is not None:
        pool.shutdown(cancel_futures=True)
    out["messages"] = i
    out["raw_bytes"] = raw_bytes
    out["workers"] = workers
    return out


async def timings(runtime: Runtime, account, repeat: int) -> dict:  # type: ignore[no-untyped-def]
    async def run(q: str | None) -> tuple[list[float], int]:
        out: list[float] = []
        found = 0
        for _ in range(repeat):
            t = time.perf_counter()
            async with runtime.db.session(write=False) as session:
                rows, _ = await list_messages(session, account, PageParams(limit=50), q=q)
            out.append(time.perf_counter() - t)
            found = len(rows)
        return out, found

    result = {}
    for name, q in (
        ("first_page", None),
        ("search_rare", RARE),
        ("search_common", COMMON),
        ("search_chinese", CHINESE),
    ):
        await run(q)  # warm
        values, found = await run(q)
        result[name] = {
            "p50_ms": pct(values, 0.5),
            "p99_ms": pct(values, 0.99),
            "results_on_page": found,
            "loadavg": loadavg(),
        }
    return result


async def index_size(runtime: Runtime) -> int:
    async with runtime.db.session(write=False) as session:
        if runtime.db.is_sqlite:
            value = await session.scalar(
                text("SELECT SUM(pgsize) FROM dbstat WHERE name LIKE 'mail_search%'")
            )
        else:
            value = await session.scalar(text("SELECT pg_total_relation_size('mail_search')"))
    return int(value or 0)


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _imap_searches(repeat: int, port: int) -> dict:
    imap = imaplib.IMAP4("127.0.0.1", port)
    imap.login("user1@peer.test", "secret")
    t = time.perf_counter()
    imap.select("INBOX")
    out: dict = {"select_seconds": round(time.perf_counter() - t, 2)}
    for name, term in (
        ("search_rare", RARE),
        ("search_common", COMMON),
        ("search_chinese", CHINESE),
    ):
        values = []
        hits = 0
        for _ in range(repeat):
            t = time.perf_counter()
            typ, data = imap.uid("SEARCH", "CHARSET", "UTF-8", "TEXT", f'"{term}"'.encode())
            values.append(time.perf_counter() - t)
            hits = len(data[0].split()) if typ == "OK" and data and data[0] else 0
        out[name] = {
            "p50_ms": pct(values, 0.5), "p99_ms": pct(values, 0.99), "hits": hits,
            "loadavg": loadavg(),
        }
    imap.logout()
    return out


XAPIAN_CONF = """
mail_plugins = $mail_plugins fts fts_xapian
plugin {
  fts = xapian
  fts_xapian = partial=3 full=20 verbose=0
  fts_autoindex = yes
  fts_enforced = yes
}
"""


def dovecot(root: Path, n: int, repeat: int, account_email: str, xapian: bool) -> dict:
    """Write the same messages into a Dovecot Maildir and time IMAP SEARCH TEXT, without
    and (with `xapian`) with the fts-xapian plugin."""
    script = Path(__file__).resolve().parent.parent / "tests/peers/postfix-dovecot.sh"
    imap_port = _free_port()
    env = {
        **os.environ,
        "PEER_ROOT": str(root),
        "PEER_IMAP_PORT": str(imap_port),
        "PEER_SMTP_PORT": str(_free_port()),
        "PEER_LMTP_PORT": str(_free_port()),
    }
    conf = root / "dovecot" / "dovecot.conf"
    try:
        subprocess.run(
            ["bash", str(script), "start"],
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        user_dir = root / "mail" / "peer.test" / "user1"
        for sub in ("cur", "new", "tmp"):
            (user_dir / sub).mkdir(parents=True, exist_ok=True)
        raw_bytes = 0
        for start in range(0, n, BLOCK):
            for i, raw in enumerate(messages(start, min(n, start + BLOCK), account_email), start):
                raw_bytes += len(raw)
                (user_dir / "cur" / f"{1700000000 + i}.M{i}P1.bench:2,S").write_bytes(raw)
        subprocess.run(["chown", "-R", "vmail:vmail", str(root / "mail")], check=True)
        out: dict = {
            "messages": n,
            "raw_bytes": raw_bytes,
            "plain": _imap_searches(repeat, imap_port),
        }
        if xapian:
            if subprocess.run(["dpkg", "-s", "dovecot-fts-xapian"], capture_output=True).returncode:
                subprocess.run(
                    ["apt-get", "install", "-y", "-qq", "dovecot-fts-xapian"],
                    check=True,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )
            with open(conf, "a") as fh:
                fh.write(XAPIAN_CONF)
            subprocess.run(["doveadm", "-c", str(conf), "reload"], check=True)
            time.sleep(1)
            t = time.perf_counter()
            subprocess.run(
                ["doveadm", "-c", str(conf), "index", "-u", "user1@peer.test", "INBOX"], check=True
            )
            index_seconds = time.perf_counter() - t
            size = (
                sum(
                    f.stat().st_size
                    for f in (user_dir / "xapian-indexes").rglob("*")
                    if f.is_file()
                )
                if (user_dir / "xapian-indexes").exists()
                else None
            )
            out["xapian"] = {
                "index_seconds": round(index_seconds, 1),
                "index_loadavg_after": loadavg(),
                "index_bytes": size,
                "index_to_mail_ratio": round(size / raw_bytes, 3) if size else None,
                **_imap_searches(repeat, imap_port),
            }
        return out
    finally:
        subprocess.run(
            ["bash", str(script), "stop"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )


async def mailplane_side(args: argparse.Namespace) -> dict:
    data_dir = args.dir or Path(tempfile.mkdtemp(prefix="mailplane-bench-"))
    settings = Settings(
        data_dir=data_dir,
        database_url=args.database_url,
        secret_key="bench-secret-key-0123456789abcdef",
        log_json=True,
    )
    seeded = Path(data_dir) / "mailbox_scale.json"
    reuse = args.reuse and seeded.exists()
    if not reuse:
        await asyncio.to_thread(upgrade, settings.effective_database_url)
    runtime = Runtime.build(settings)
    result: dict = {
        "backend": "sqlite" if runtime.db.is_sqlite else "postgresql",
        "data_dir": str(data_dir),
    }
    if reuse:
        # the mailbox a previous run seeded (--reuse): time the reads again, seed nothing
        result["ingest"] = {**json.loads(seeded.read_text()), "reused": True}
        async with runtime.db.session(write=False) as session:
            account = (await session.execute(
                select(Account).where(Account.address == "admin@bench.test"))).scalar_one()
    else:
        async with runtime.db.session() as session:
            made = await create_organization(
                session, name="Bench", domain="bench.test", admin="admin",
                password="bench-password-1",
            )
        account = made.admin
        until = None
        if args.until:
            hour, minute = (int(x) for x in args.until.split(":"))
            stop = datetime.now(UTC).replace(hour=hour, minute=minute, second=0, microsecond=0)
            until = stop.timestamp()
        result["ingest"] = await ingest(
            runtime, account, args.messages, args.batch, args.deliver_sample, args.workers,
            until,
        )
        seeded.write_text(json.dumps(result["ingest"]))
    result["latency"] = await timings(runtime, account, args.repeat)
    size = await index_size(runtime)
    result["index_bytes"] = size
    result["index_to_mail_ratio"] = round(size / result["ingest"]["raw_bytes"], 3)
    await runtime.db.dispose()
    return result


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--messages", type=int, default=100_000)
    parser.add_argument("--batch", type=int, default=2000, help="messages per transaction")
    parser.add_argument(
        "--deliver-sample",
        type=int,
        default=2000,
        help="messages ingested one by one through deliver()",
    )
    parser.add_argument("--repeat", type=int, default=50)
    parser.add_argument(
        "--workers", type=int, default=2,
        help="processes making and parsing messages for store_batch (0: append_many here)",
    )
    parser.add_argument("--until", default=None, help="HH:MM UTC: stop seeding then, time it")
    parser.add_argument("--dir", type=Path, default=None, help="data directory (kept)")
    parser.add_argument(
        "--reuse", action="store_true",
        help="time the mailbox an earlier run seeded in --dir instead of seeding again",
    )
    parser.add_argument("--database-url", default=None, help="e.g. postgresql://…")
    parser.add_argument("--dovecot", action="store_true", help="also time Dovecot IMAP SEARCH")
    parser.add_argument("--xapian", action="store_true", help="… and with fts-xapian")
    parser.add_argument("--skip-mailplane", action="store_true", help="Dovecot side only")
    parser.add_argument("--dovecot-messages", type=int, default=None)
    args = parser.parse_args()

    result: dict = {"benchmark": "mailbox_scale"}
    if not args.skip_mailplane:
        result.update(await mailplane_side(args))
        print(json.dumps(result), file=sys.stderr, flush=True)  # kept if the peer fails
    if args.dovecot:
        n = args.dovecot_messages or min(args.messages, 100_000)
        # beside the data directory, not in it: Mailplane makes its own 0700, and Postfix's
        # and Dovecot's unprivileged users must reach the peer's folders
        root = Path(tempfile.mkdtemp(prefix="mailbox-scale-peer-"))
        root.chmod(0o755)
        result["dovecot"] = dovecot(
            root, n, max(3, args.repeat // 10), "user1@peer.test", args.xapian
        )
    print(json.dumps(result))


if __name__ == "__main__":
    asyncio.run(main())
