"""Bulk import throughput against the argon2id ceiling, memory as rows grow, and
list-accounts latency with 100,000 accounts.

    .venv/bin/python benchmarks/directory_import.py [--rows 10000] [--list-accounts 100000]

Prints one JSON object. The import runs exactly as the worker runs it (file checked,
stored, then processed in batches); every row has a password, so every row costs one
argon2id hash with the production parameters (api/identity/passwords.py HASHER). The
ceiling is measured in the same run: hashes/s on one thread and on every core.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import resource
import statistics
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

# Run as a script, this folder comes first on sys.path, where a benchmark named like a stdlib
# module (calendar.py) would shadow it: use the repository root instead.
_HERE = Path(__file__).resolve().parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != _HERE]
sys.path.insert(0, str(_HERE.parent))

import httpx  # noqa: E402
from sqlalchemy import insert  # noqa: E402

from api.config import Settings  # noqa: E402
from api.identity.passwords import HASHER  # noqa: E402
from api.kit.ids import new_id  # noqa: E402


def rss_mib() -> float:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def argon2_rate(threads: int, seconds: float) -> float:
    """argon2id hashes per second with the production parameters on `threads` threads."""
    stop = time.perf_counter() + seconds
    counts = [0] * threads

    def work(i: int) -> None:
        while time.perf_counter() < stop:
            HASHER.hash(f"benchmark-password-{i}")
            counts[i] += 1

    start = time.perf_counter()
    with ThreadPoolExecutor(threads) as pool:
        list(pool.map(work, range(threads)))
    return sum(counts) / (time.perf_counter() - start)


def people_csv(rows: int) -> bytes:
    lines = ["address,display_name,employee_number,mobile,job_title,departments,password"]
    for i in range(rows):
        lines.append(
            f"user{i}@bench.test,User {i},E{i:06d},1{3800000000 + i},Engineer,"
            f"Division {i % 10}/Team {i % 7},Bench-password-{i:06d}"
        )
    return ("\n".join(lines) + "\n").encode()


async def bench_import(rt, org_id: str, rows: int) -> dict[str, float]:  # type: ignore[no-untyped-def]
    from api.directory.imports import service

    data = people_csv(rows)
    samples: dict[int, float] = {}

    def progress(done: int, total: int) -> None:
        for mark in (total // 4, total // 2, total):
            if done >= mark and mark not in samples:
                samples[mark] = rss_mib()

    start = time.perf_counter()
    async with rt.db.session() as session:
        job = await service.create_import(
            session, rt, org_id, data, filename="bench.csv", actor=None, enqueue_job=False
        )
    job = await service.process_import(rt, job.id, progress=progress)
    elapsed = time.perf_counter() - start
    assert job.status == "completed" and job.counts["created"] == rows, job.counts
    marks = sorted(samples)
    return {
        "rows": rows,
        "seconds": round(elapsed, 2),
        "rows_per_s": round(rows / elapsed, 2),
        "rss_mib_at_25pct": round(samples[marks[0]], 1),
        "rss_mib_at_100pct": round(samples[marks[-1]], 1),
    }


async def seed_accounts(rt, org_id: str, domain_id: str, total: int) -> None:  # type: ignore[no-untyped-def]
    from api.storage.models import Account, AccountSearchTerm
    from api.storage.models.account_search import rows_for

    hashed = HASHER.hash("not-used-for-sign-in")
    made = 0
    while made < total:
        chunk = []
        for i in range(made, min(total, made + 5000)):
            chunk.append(
                {
                    "id": new_id("acc"),
                    "org_id": org_id,
                    "domain_id": domain_id,
                    "address": f"seed{i}@bench.test",
                    "display_name": f"Seed {i}",
                    "password_hash": hashed,
                    "role": "member",
                    "status": "active",
                    "must_change_password": False,
                    "job_title": "Staff",
                    "kind": "employee",
                    "hidden_from_address_book": False,
                    "version": 1,
                }
            )
        terms = [row for account in chunk for row in rows_for(argparse.Namespace(
            employee_number=None, mobile=None, **account))]
        async with rt.db.session() as session:
            await session.execute(insert(Account), chunk)
            await session.execute(insert(AccountSearchTerm), terms)  # what the ORM hook writes
        made += len(chunk)


async def bench_list(app, org, rounds: int) -> dict[str, float]:  # type: ignore[no-untyped-def]
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
        from tests.factories.platform import client_credentials_token

        token = await client_credentials_token(client, org.app.id, org.client_secret)
        headers = {"Authorization": f"Bearer {token}"}

        async def p50(params: dict[str, str]) -> float:
            times = []
            for _ in range(rounds):
                t = time.perf_counter()
                resp = await client.get("/v1/accounts", params=params, headers=headers)
                times.append((time.perf_counter() - t) * 1000)
                assert resp.status_code == 200, resp.text
            return round(statistics.median(times), 2)

        first = (await client.get("/v1/accounts", params={"limit": 50}, headers=headers)).json()
        deep = first["next_cursor"]
        for _ in range(200):  # 10,000 accounts in
            deep = (
                await client.get(
                    "/v1/accounts", params={"limit": 50, "cursor": deep}, headers=headers
                )
            ).json()["next_cursor"]
        return {
            "p50_ms_first_page_50": await p50({"limit": "50"}),
            "p50_ms_deep_page_50": await p50({"limit": "50", "cursor": deep}),
            "p50_ms_page_500": await p50({"limit": "500"}),
            "p50_ms_q_search_50": await p50({"limit": "50", "q": "seed9999"}),
        }


async def main(args: argparse.Namespace) -> dict[str, object]:
    from api.app import create_app
    from api.bootstrap import create_organization
    from api.runtime import Runtime
    from api.storage.migrate import upgrade

    tmp = Path(tempfile.mkdtemp(prefix="mp-bench-"))
    settings = Settings(
        data_dir=tmp,
        database_url=os.environ.get("MAILPLANE_BENCH_DATABASE_URL"),
        secret_key="bench",
        log_json=True,
        rate_limit_app_per_minute=10**9,
        rate_limit_org_per_minute=10**9,
    )
    await asyncio.to_thread(upgrade, settings.effective_database_url)
    rt = Runtime.build(settings)
    async with rt.db.session() as session:
        made = await create_organization(
            session,
            name="Bench",
            domain="bench.test",
            admin="admin",
            password="correct-horse-battery",
        )
    cores = os.cpu_count() or 1
    out: dict[str, object] = {
        "benchmark": "directory_import",
        "database": "postgresql" if not settings.is_sqlite else "sqlite",
        "cores": cores,
        "argon2id": {
            "time_cost": HASHER.time_cost,
            "memory_kib": HASHER.memory_cost,
            "parallelism": HASHER.parallelism,
        },
    }
    ceiling_1 = argon2_rate(1, args.ceiling_seconds)
    ceiling_all = argon2_rate(cores, args.ceiling_seconds)
    result = await bench_import(rt, made.org.id, args.rows)
    ceiling_all_after = argon2_rate(cores, args.ceiling_seconds)
    ceiling = (ceiling_all + ceiling_all_after) / 2
    out["argon2id_hashes_per_s_1_thread"] = round(ceiling_1, 2)
    out["argon2id_hashes_per_s_all_cores"] = round(ceiling, 2)
    out["import"] = result
    out["import_vs_ceiling_all_cores"] = round(float(result["rows_per_s"]) / ceiling, 3)
    out["import_vs_ceiling_1_thread"] = round(float(result["rows_per_s"]) / ceiling_1, 3)
    out["peak_rss_mib"] = round(peak_rss_mib(), 1)
    if args.list_accounts:
        await seed_accounts(rt, made.org.id, made.domain.id, args.list_accounts - args.rows - 1)
        app = create_app(settings, runtime=rt, migrate=False)
        out["list_accounts"] = {
            "accounts": args.list_accounts,
            **await bench_list(app, made, args.rounds),
        }
    await rt.db.dispose()
    out["load_average_1m"] = round(os.getloadavg()[0], 2)
    return out


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--list-accounts", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=100)
    parser.add_argument("--ceiling-seconds", type=float, default=5.0)
    print(json.dumps(asyncio.run(main(parser.parse_args())), indent=2))
