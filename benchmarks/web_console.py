"""The web console at scale: with N accounts (100,000 by default), headless Chromium times
navigation → accounts list rendered and typing → search result (median of 10 each), and
the initial JavaScript + CSS transferred (gzip, as the server sends it).

    .venv/bin/python benchmarks/web_console.py [--accounts 100000] [--runs 10]

Needs `web/dist` (make web) and Debian's `chromium`. Prints one JSON object.
Goals (issue 15): list <= 500 ms, search <= 300 ms, initial payload <= 250 KB gzipped.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
from playwright.sync_api import Page, sync_playwright
from sqlalchemy import insert, select

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from api.config import Settings  # noqa: E402
from api.identity import hash_password  # noqa: E402
from api.kit.clock import utcnow  # noqa: E402
from api.kit.ids import new_id  # noqa: E402
from api.runtime import Runtime  # noqa: E402
from api.storage.models import Account, AccountSearchTerm, Domain  # noqa: E402
from api.storage.models.account_search import rows_for  # noqa: E402
from benchmarks._servers import free_port  # noqa: E402

BIN = Path(sys.executable).parent
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚"
NEW_PASSWORD = "Bench-console-2026!"


async def seed(settings: Settings, domain: str, n: int) -> None:
    """N accounts straight into the database (the API would take minutes at this size), with
    their search terms written by the server's own function, as the indexed `q` reads them."""
    runtime = Runtime.build(settings)
    digest = hash_password("Seeded-account-2026")
    async with runtime.db.session() as session:
        dom = (await session.execute(select(Domain).where(Domain.name == domain))).scalar_one()
        now = utcnow()
        for start in range(0, n, 5000):
            rows = [
                {
                    "id": new_id("acc"),
                    "org_id": dom.org_id,
                    "domain_id": dom.id,
                    "address": f"user{i:06d}@{domain}",
                    "display_name": SURNAMES[i % 20] + GIVEN[(i // 20) % 20] + f"{i:06d}",
                    "password_hash": digest,
                    "employee_number": f"E{i:06d}",
                    "job_title": "工程师",
                    "created_at": now,
                    "updated_at": now,
                }
                for i in range(start, min(n, start + 5000))
            ]
            await session.execute(insert(Account), rows)
            terms = [
                term for row in rows
                for term in rows_for(type("Seeded", (), {**row, "org_id": dom.org_id,
                                                          "mobile": None})())
            ]
            await session.execute(insert(AccountSearchTerm), terms)
    await runtime.db.dispose()


def sign_in(page: Page, address: str, password: str) -> None:
    page.goto("/")
    page.wait_for_url(re.compile(r"/signin"))
    page.fill("#address", address)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/oauth/login"))
    page.fill("input[name=password]", password)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/oauth/password"))
    page.fill("input[name=current_password]", password)
    page.fill("input[name=new_password]", NEW_PASSWORD)
    page.fill("input[name=confirm_password]", NEW_PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/console$"))


def read_server_times(path: Path) -> dict[str, float]:
    """The server's own handling time (access log `ms`) of `GET /v1/accounts` (the list and
    the searches: the log leaves query strings out) and of every request."""
    accounts: list[float] = []
    every: list[float] = []
    for line in path.read_text(errors="replace").splitlines():
        try:
            entry = json.loads(line)
        except ValueError:
            continue
        if not isinstance(entry, dict) or "ms" not in entry:
            continue
        every.append(float(entry["ms"]))
        if entry.get("path") == "/v1/accounts":
            accounts.append(float(entry["ms"]))
    out = {}
    if accounts:
        out["accounts_requests"] = round(statistics.median(accounts), 1)
        out["accounts_requests_max"] = round(max(accounts), 1)
    if every:
        out["all_requests"] = round(statistics.median(every), 1)
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--accounts", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument(
        "--server-times", action="store_true",
        help="also report the server's own time for the list and search requests (access log)",
    )
    args = parser.parse_args()
    base = Path(tempfile.mkdtemp(prefix="mp-web-bench-"))
    port = free_port()
    env = {
        **os.environ,
        "MAILPLANE_DATA_DIR": str(base / "data"),
        "MAILPLANE_PORT": str(port),
        "MAILPLANE_ACCESS_LOG": "true" if args.server_times else "false",
        "MAILPLANE_SMTP_PORT": "0",
        "MAILPLANE_SUBMISSION_PORT": "0",
        "MAILPLANE_SUBMISSIONS_PORT": "-1",
    }
    domain = "bench.test"
    subprocess.run(
        [str(BIN / "mailplane"), "init", "--org", "Bench", "--domain", domain, "--admin", "admin"],
        env=env,
        check=True,
        capture_output=True,
        cwd=base,
    )
    creds = json.loads((base / "data" / "demo-credentials.json").read_text())
    t0 = time.perf_counter()
    asyncio.run(seed(Settings(data_dir=base / "data", port=port), domain, args.accounts))
    seeded_s = time.perf_counter() - t0
    log_path = base / "server.log"
    log = log_path.open("wb") if args.server_times else subprocess.DEVNULL
    server = subprocess.Popen(
        [str(BIN / "mailplane"), "serve", "--role", "api"],
        env=env,
        cwd=base,
        stdout=log,
        stderr=subprocess.STDOUT if args.server_times else subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                if httpx.get(url + "/readyz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
        with sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path=shutil.which("chromium"), headless=True, args=["--no-sandbox"]
            )
            context = browser.new_context(
                base_url=url, locale="zh-CN", viewport={"width": 1280, "height": 900}
            )
            # The initial payload of a first visit (cold cache): scripts and styles as sent.
            first = context.new_page()
            sizes: dict[str, int] = {}
            first.on(
                "requestfinished",
                lambda r: (
                    sizes.__setitem__(r.url, r.sizes()["responseBodySize"])
                    if r.resource_type in ("script", "stylesheet")
                    else None
                ),
            )
            first.goto("/signin")
            first.wait_for_selector("#address")
            initial_bytes = sum(sizes.values())
            first.close()
            page = context.new_page()
            sign_in(page, creds["admin"], creds["admin_password"])
            rows = "[data-testid=accounts] tbody tr"
            cold, in_app, search = [], [], []
            for i in range(args.runs):
                page.goto("/portal/reference")
                page.wait_for_selector("main h1")
                start = time.perf_counter()
                page.goto("/console/accounts")
                page.wait_for_selector(rows)
                cold.append((time.perf_counter() - start) * 1000)
                page.click("#nav >> text=概览")
                page.wait_for_selector("main h1")
                start = time.perf_counter()
                page.click("#nav >> text=成员账号")
                page.wait_for_selector(rows)
                in_app.append((time.perf_counter() - start) * 1000)
                term = f"E{(i * 7919 + 4242) % args.accounts:06d}"
                start = time.perf_counter()
                page.fill("input[type=search]", term)
                page.wait_for_function(
                    "t => { const r = document.querySelectorAll('[data-testid=accounts] tbody tr');"
                    " return r.length === 1 && r[0].textContent.includes(t); }",
                    arg=term,
                )
                search.append((time.perf_counter() - start) * 1000)
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=20)
        server_times = read_server_times(log_path) if args.server_times else None
        shutil.rmtree(base, ignore_errors=True)
    print(
        json.dumps(
            {
                **({"server_ms_median": server_times} if server_times else {}),
                "benchmark": "web_console",
                "accounts": args.accounts,
                "runs": args.runs,
                "seed_seconds": round(seeded_s, 1),
                "list_full_load_ms_median": round(statistics.median(cold), 1),
                "list_in_app_navigation_ms_median": round(statistics.median(in_app), 1),
                "search_ms_median": round(statistics.median(search), 1),
                "search_includes_debounce_ms": 120,
                "initial_js_css_transferred_bytes": initial_bytes,
                "initial_js_css_transferred_kb": round(initial_bytes / 1024, 1),
                "goals": {"list_ms": 500, "search_ms": 300, "initial_kb_gzip": 250},
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
