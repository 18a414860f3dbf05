"""List-accounts latency with every filter an OA system uses, at 100,000 accounts.

    .venv/bin/python benchmarks/account_search.py [--accounts 100000] [--rounds 50]

Prints one JSON object: p50/p95 milliseconds of `GET /v1/accounts` through the in-process
app (token check, query, serialisation) for the first page, `q` prefix searches (a name
word, pinyin initials, an address), employee number, mobile, status and a department with
its sub-departments. Accounts are seeded with Chinese names, search terms written by the
same function the server uses (api/storage/models/account_search.py). Set
MAILPLANE_BENCH_DATABASE_URL for PostgreSQL; SQLite in a temporary folder otherwise.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

_HERE = Path(__file__).resolve().parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != _HERE]
sys.path.insert(0, str(_HERE.parent))

import httpx  # noqa: E402
from sqlalchemy import insert, text  # noqa: E402

from api.config import Settings  # noqa: E402
from api.kit.ids import new_id  # noqa: E402

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰飞鹏辉建文斌宇浩凯"


async def seed(rt, org_id: str, domain_id: str, total: int) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """`total` accounts in 20 departments (5 under each of 4 parents); returns probe values."""
    from api.storage.models import Account, AccountDepartment, AccountSearchTerm, Department
    from api.storage.models.account_search import rows_for

    rng = random.Random(14)
    parents = [new_id("dep") for _ in range(4)]
    children = [(new_id("dep"), parents[i % 4]) for i in range(16)]
    async with rt.db.session() as session:
        await session.execute(insert(Department), [
            {"id": d, "org_id": org_id, "parent_id": None, "name": f"P{i}", "sort_order": i,
             "version": 1} for i, d in enumerate(parents)
        ] + [
            {"id": d, "org_id": org_id, "parent_id": p, "name": f"C{i}", "sort_order": i,
             "version": 1} for i, (d, p) in enumerate(children)
        ])
    all_deps = parents + [c for c, _ in children]
    made = 0
    probe: dict[str, str] = {"department": parents[0]}
    while made < total:
        accounts, memberships, terms = [], [], []
        for i in range(made, min(total, made + 5000)):
            name = rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN)
            row = {
                "id": new_id("acc"), "org_id": org_id, "domain_id": domain_id,
                "address": f"user{i}@bench.test", "display_name": name,
                "password_hash": None, "role": "member",
                "status": "frozen" if i % 50 == 0 else "active",
                "must_change_password": False, "job_title": "Staff", "kind": "employee",
                "hidden_from_address_book": False, "version": 1,
                "employee_number": f"E{i:06d}", "mobile": f"+86139{i:08d}",
            }
            accounts.append(row)
            memberships.append({"account_id": row["id"], "org_id": org_id,
                                "department_id": all_deps[i % len(all_deps)]})
            terms.extend(rows_for(argparse.Namespace(**row)))
            if i == total // 2:
                probe.update(name=name, employee_number=row["employee_number"],
                             mobile=row["mobile"], address=row["address"])
        async with rt.db.session() as session:
            await session.execute(insert(Account), accounts)
            await session.execute(insert(AccountDepartment), memberships)
            await session.execute(insert(AccountSearchTerm), terms)
        made += len(accounts)
    return probe


async def measure(app, org, probe: dict[str, str], rounds: int) -> dict[str, object]:  # type: ignore[no-untyped-def]
    from api.storage.models.account_search import pinyin_terms

    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
        from tests.factories.platform import client_credentials_token

        token = await client_credentials_token(client, org.app.id, org.client_secret)
        headers = {"Authorization": f"Bearer {token}"}
        initials = min(pinyin_terms(probe["name"]), key=len)

        async def timed(params: dict[str, str]) -> dict[str, float | int]:
            times, found = [], 0
            for _ in range(rounds):
                t = time.perf_counter()
                resp = await client.get("/v1/accounts", params=params, headers=headers)
                times.append((time.perf_counter() - t) * 1000)
                assert resp.status_code == 200, resp.text
                found = len(resp.json()["data"])
            times.sort()
            return {"p50_ms": round(statistics.median(times), 2),
                    "p95_ms": round(times[int(len(times) * 0.95) - 1], 2), "rows": found}

        cases = {
            "first_page_50": {"limit": "50"},
            "q_full_name": {"q": probe["name"]},
            "q_pinyin_initials": {"q": initials},
            "q_address_prefix": {"q": probe["address"][:9]},
            "q_no_match": {"q": "zzzzqx"},
            "employee_number": {"employee_number": probe["employee_number"]},
            "mobile": {"mobile": probe["mobile"]},
            "status_frozen": {"status": "frozen"},
            "department_with_subdepartments": {
                "department_id": probe["department"], "include_subdepartments": "true"},
        }
        return {name: {"params": params, **await timed(params)} for name, params in cases.items()}


async def main(args: argparse.Namespace) -> dict[str, object]:
    from api.app import create_app
    from api.bootstrap import create_organization
    from api.runtime import Runtime
    from api.storage.migrate import upgrade

    tmp = Path(tempfile.mkdtemp(prefix="mp-bench-"))
    settings = Settings(
        data_dir=tmp, database_url=os.environ.get("MAILPLANE_BENCH_DATABASE_URL"),
        secret_key="bench", log_json=True, access_log=False,
        rate_limit_app_per_minute=10**9, rate_limit_org_per_minute=10**9,
    )
    await asyncio.to_thread(upgrade, settings.effective_database_url)
    rt = Runtime.build(settings)
    async with rt.db.session() as session:
        made = await create_organization(
            session, name="Bench", domain="bench.test", admin="admin",
            password="correct-horse-battery",
        )
    t = time.perf_counter()
    probe = await seed(rt, made.org.id, made.domain.id, args.accounts)
    if not settings.is_sqlite:
        # A bulk load leaves PostgreSQL without statistics until autovacuum analyses the
        # tables (CI's server runs without it): plan on real row counts, as production does.
        async with rt.db.engine.begin() as conn:  # committed: statistics are transactional
            await conn.execute(text("ANALYZE"))
    seeded_s = time.perf_counter() - t
    app = create_app(settings, runtime=rt, migrate=False)
    results = await measure(app, made, probe, args.rounds)
    await rt.db.dispose()
    return {
        "benchmark": "account_search",
        "database": "sqlite" if settings.is_sqlite else "postgresql",
        "accounts": args.accounts,
        "rounds": args.rounds,
        "seed_seconds": round(seeded_s, 1),
        "list_accounts": results,
        "load_average_1m": round(os.getloadavg()[0], 2),
    }


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--accounts", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=50)
    print(json.dumps(asyncio.run(main(parser.parse_args())), indent=2, ensure_ascii=False))
