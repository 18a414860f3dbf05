"""The webmail at scale: a mailbox of N messages (100,000 by default) seeded through the
delivery core's batch store (`append_many`, as imports do), then headless Chromium times:

- inbox: navigation to /mail → the first rows of the inbox rendered (signed in);
- message: click on a row → its body shown in the reading frame;
- search: typing a two-character Chinese query → the results rendered;
- new mail: an SMTP delivery → its row in the open inbox (median and p95 of `--deliveries`).

    .venv/bin/python benchmarks/webmail.py [--messages 100000] [--runs 10] [--deliveries 20]

Needs `web/dist` (make web) and Debian's `chromium`. Prints one JSON object.
Goals (issue 16): inbox <= 300 ms, message <= 150 ms, search <= 300 ms, new mail <= 1 s.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import json
import os
import re
import shutil
import smtplib
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from pathlib import Path
from urllib.parse import quote

import httpx
from playwright.sync_api import Page, sync_playwright
from sqlalchemy import select

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from api.config import Settings  # noqa: E402
from api.kit.clock import utcnow  # noqa: E402
from api.mail import append_many  # noqa: E402
from api.runtime import Runtime  # noqa: E402
from api.storage.models import Account  # noqa: E402
from benchmarks._servers import free_port  # noqa: E402

BIN = Path(sys.executable).parent
NEW_PASSWORD = "Bench-webmail-2026!"
TOPICS = ["季度预算", "项目进度", "会议纪要", "客户拜访", "采购申请", "招聘计划", "培训安排",
          "年度总结", "合同审批", "市场活动", "Quarterly report", "Weekly sync"]
BODIES = ["请查收附件并于周五前回复。", "详情见下文，谢谢。", "Please review before Friday.",
          "会议改到下午三点，地点不变。", "预算已更新，请确认。"]


def _word(text: str) -> str:
    """An RFC 2047 encoded word (UTF-8, base64): what `EmailMessage` writes for a Chinese
    header, built directly (the seed writes 100,000 of them)."""
    return "=?utf-8?b?" + base64.b64encode(text.encode()).decode() + "?="


def raw_message(i: int, to: str, date: str | None = None) -> bytes:
    """A Chinese or English message, as `EmailMessage` would write it but built from a
    template: a few microseconds instead of a millisecond each."""
    topic = TOPICS[i % len(TOPICS)]
    body = f"{BODIES[i % len(BODIES)]}\n编号 {i}\n".encode()
    return (
        f"From: {_word(f'同事{i % 97}')} <colleague{i % 97}@partner.example>\r\n"
        f"To: {to}\r\n"
        f"Subject: {_word(f'{topic} 第{i}号')}\r\n"
        f"Date: {date or format_datetime(utcnow())}\r\n"
        f"Message-ID: <{i}.{time.time_ns()}@partner.example>\r\n"
        "MIME-Version: 1.0\r\n"
        'Content-Type: text/plain; charset="utf-8"\r\n'
        "Content-Transfer-Encoding: base64\r\n\r\n"
    ).encode() + base64.encodebytes(body).replace(b"\n", b"\r\n")


@contextmanager
def _unsynced() -> Iterator[None]:
    """Seeding only: the blob store's per-file fsyncs (two per message) skipped, and the
    whole data directory synced once at the end instead. The server started afterwards
    syncs every delivery as always."""
    real = os.fsync
    os.fsync = lambda fd: None
    try:
        yield
    finally:
        os.fsync = real
        os.sync()


async def seed(settings: Settings, address: str, n: int, batch: int = 2000) -> None:
    """`n` messages into the inbox through the delivery core's batch store (`append_many`,
    as imports do), `batch` per transaction, received one minute apart (newest last)."""
    runtime = Runtime.build(settings)
    try:
        async with runtime.db.session() as session:
            account = (await session.execute(
                select(Account).where(Account.address == address))).scalar_one()
        first = utcnow() - timedelta(minutes=n)
        with _unsynced():
            for start in range(0, n, batch):
                raws = [raw_message(i, address) for i in range(start, min(n, start + batch))]
                async with runtime.db.session() as session:
                    account = await session.merge(account)
                    await append_many(session, runtime, account, raws, seen=True,
                                      received_at=first + timedelta(minutes=start))
    finally:
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
    page.wait_for_url(re.compile(r"/(console|home)$"))


def cpu_seconds(root: int) -> float:
    """CPU time (user + system) of a process and every process under it, from /proc: what
    a request costs the server, which a loaded machine barely disturbs."""
    tick = os.sysconf("SC_CLK_TCK")
    parents: dict[int, int] = {}
    times: dict[int, float] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(entry.name)] = int(fields[1])
        times[int(entry.name)] = (int(fields[11]) + int(fields[12])) / tick
    tree, changed = {root}, True
    while changed:
        grown = tree | {pid for pid, parent in parents.items() if parent in tree}
        changed, tree = grown != tree, grown
    return sum(times.get(pid, 0.0) for pid in tree)


# what the page asks the API for, in the order it asks (Resource Timing, same origin)
REQUESTS_JS = """() => performance.getEntriesByType('resource')
  .filter(e => e.initiatorType === 'fetch' || e.initiatorType === 'xmlhttprequest')
  .map(e => ({url: e.name.replace(location.origin, ''), start: e.startTime,
              ttfb: e.responseStart - e.requestStart, end: e.responseEnd}))"""


# where the inbox load's time goes, in the page's own clock (ms from navigation start): the
# HTML's first and last byte, the document parsed, the bundle running (`mp:script`), the first
# rows drawn (`mp:rows`); marks from web/src/app/marks.ts
INBOX_STEPS_JS = """() => {
  const n = performance.getEntriesByType('navigation')[0];
  const m = (k) => performance.getEntriesByName(k).at(-1)?.startTime ?? null;
  return {html_first_byte: n.responseStart, html_last_byte: n.responseEnd,
          dom_interactive: n.domInteractive, script_runs: m('mp:script'), rows_drawn: m('mp:rows')};
}"""

# opening a message, in ms from the click's handler (`mp:open`): the message JSON and the
# body frame's document asked and answered, the frame's load event (`mp:body`)
MESSAGE_STEPS_JS = """(id) => {
  const m = (k) => performance.getEntriesByName(k).at(-1)?.startTime ?? null;
  const open = m('mp:open');
  const r = performance.getEntriesByType('resource');
  const json = r.filter((e) => e.name.endsWith('/mail/messages/' + id)).at(-1);
  const body = r.filter((e) => e.name.includes('/web/mail/messages/' + id + '/body')).at(-1);
  const rel = (t) => (t == null || open == null ? null : t - open);
  return {json_start: rel(json?.startTime), json_end: rel(json?.responseEnd),
          body_start: rel(body?.startTime), body_end: rel(body?.responseEnd),
          frame_loaded: rel(m('mp:body'))};
}"""


def step_medians(samples: list[dict]) -> dict:
    """The median of each step over the runs (steps a run did not see left out)."""
    keys = samples[0].keys() if samples else []
    out = {}
    for key in keys:
        values = [s[key] for s in samples if s.get(key) is not None]
        out[key] = round(statistics.median(values), 1) if values else None
    return out


def request_costs(page: Page, server_pid: int, urls: list[str], repeat: int) -> list[dict]:
    """Each API request of the inbox load, asked `repeat` times one after another: median
    wall time and the server's CPU time per request."""
    out = []
    for url in urls:
        walls = []
        before = cpu_seconds(server_pid)
        for _ in range(repeat):
            start = time.perf_counter()
            response = page.request.get(url)
            walls.append((time.perf_counter() - start) * 1000)
            assert response.ok, (url, response.status)
        cpu = (cpu_seconds(server_pid) - before) * 1000 / repeat
        out.append({"url": url, "wall_ms_median": round(statistics.median(walls), 1),
                    "server_cpu_ms": round(cpu, 1)})
    return out


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--messages", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--deliveries", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=20,
                        help="times each API request of the inbox load is replayed for its cost")
    args = parser.parse_args()
    base = Path(tempfile.mkdtemp(prefix="mp-webmail-bench-"))
    port, mx = free_port(), free_port()
    env = {
        **os.environ,
        "MAILPLANE_DATA_DIR": str(base / "data"),
        "MAILPLANE_PORT": str(port),
        "MAILPLANE_ACCESS_LOG": "false",
        "MAILPLANE_SMTP_PORT": str(mx),
        "MAILPLANE_SUBMISSION_PORT": "0",
        "MAILPLANE_SUBMISSIONS_PORT": "-1",
    }
    domain = "bench.test"
    subprocess.run(
        [str(BIN / "mailplane"), "init", "--org", "Bench", "--domain", domain, "--admin", "admin"],
        env=env, check=True, capture_output=True, cwd=base,
    )
    creds = json.loads((base / "data" / "demo-credentials.json").read_text())
    address = creds["admin"]
    t0 = time.perf_counter()
    asyncio.run(seed(Settings(data_dir=base / "data", port=port), address, args.messages))
    seeded_s = time.perf_counter() - t0
    server = subprocess.Popen(
        [str(BIN / "mailplane"), "serve"], env=env, cwd=base,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    rows = "[data-testid=message-list] li"
    try:
        for _ in range(600):
            try:
                if httpx.get(url + "/readyz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        with sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path=shutil.which("chromium"), headless=True, args=["--no-sandbox"]
            )
            context = browser.new_context(
                base_url=url, locale="zh-CN", viewport={"width": 1280, "height": 900}
            )
            page = context.new_page()
            sign_in(page, address, creds["admin_password"])
            inbox, message, search, delivery = [], [], [], []
            inbox_steps, message_steps = [], []
            for i in range(args.runs):
                page.goto("/home")
                page.wait_for_selector("main h1")
                start = time.perf_counter()
                page.goto("/mail")
                page.wait_for_selector(rows)
                inbox.append((time.perf_counter() - start) * 1000)
                inbox_steps.append(page.evaluate(INBOX_STEPS_JS))
                row = page.locator(rows).nth(i + 1)
                subject = row.locator(".subject").inner_text()
                row_id = row.get_attribute("data-id")
                start = time.perf_counter()
                row.locator("button").click()
                page.wait_for_function(
                    "s => document.querySelector('#mail-subject')?.textContent === s", arg=subject)
                page.frame_locator("[data-testid=message-body]").locator("body").wait_for()
                message.append((time.perf_counter() - start) * 1000)
                page.wait_for_function("() => performance.getEntriesByName('mp:body').length > 0")
                message_steps.append(page.evaluate(MESSAGE_STEPS_JS, row_id))
                term = ["预算", "项目", "会议", "合同", "培训"][i % 5]
                start = time.perf_counter()
                page.fill("input[type=search]", term)
                page.wait_for_function(
                    "t => { const r = document.querySelectorAll('[data-testid=message-list] li');"
                    " return r.length > 0 && [...r].every(x => x.textContent.includes(t)); }",
                    arg=term,
                )
                search.append((time.perf_counter() - start) * 1000)
                page.fill("input[type=search]", "")
            page.goto("/mail")
            page.wait_for_selector(rows)
            page.wait_for_timeout(500)
            inbox_requests = page.evaluate(REQUESTS_JS)
            term = "预算"
            page.fill("input[type=search]", term)
            page.wait_for_function(
                "t => [...document.querySelectorAll('[data-testid=message-list] li')]"
                ".every(x => x.textContent.includes(t))", arg=term)
            page.fill("input[type=search]", "")
            page.wait_for_selector(rows)
            first_id = page.locator(rows).first.get_attribute("data-id")
            account = page.evaluate("() => fetch('/web/session').then(r => r.json())")["account_id"]
            # "/mail" itself: the page with its bootstrap (session, /v1/me, the inbox's page)
            replay = ["/mail"] + sorted(
                {r["url"] for r in inbox_requests if "/events/" not in r["url"]}) + [
                f"/v1/accounts/{account}/mail/messages?limit=50&q={quote(term)}",
                f"/v1/accounts/{account}/mail/messages/{first_id}",
                f"/web/mail/messages/{first_id}/body",
            ]
            costs = request_costs(page, server.pid, replay, args.repeat)
            for i in range(args.deliveries):
                subject = f"新邮件 {i} {time.time_ns()}"
                mail = EmailMessage()
                mail["From"], mail["To"], mail["Subject"] = "外部 <ext@partner.example>", \
                    address, subject
                mail["Message-ID"] = make_msgid(domain="partner.example")
                mail.set_content("实时到达")
                start = time.perf_counter()
                with smtplib.SMTP("127.0.0.1", mx, timeout=30) as smtp:
                    smtp.send_message(mail)
                page.wait_for_function(
                    "s => [...document.querySelectorAll('[data-testid=message-list] li')]"
                    ".some(x => x.textContent.includes(s))", arg=subject, timeout=30_000)
                delivery.append((time.perf_counter() - start) * 1000)
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(base, ignore_errors=True)
    print(json.dumps({
        "benchmark": "webmail",
        "messages": args.messages,
        "runs": args.runs,
        "seed_seconds": round(seeded_s, 1),
        "inbox_ms_median": round(statistics.median(inbox), 1),
        "message_ms_median": round(statistics.median(message), 1),
        "inbox_steps_ms_median": step_medians(inbox_steps),
        "message_steps_ms_median": step_medians(message_steps),
        "search_ms_median": round(statistics.median(search), 1),
        "new_mail_ms_median": round(statistics.median(delivery), 1),
        "new_mail_ms_p95": round(p95(delivery), 1),
        "deliveries": args.deliveries,
        "inbox_load_requests": [
            {"url": r["url"], "start_ms": round(r["start"], 1), "ttfb_ms": round(r["ttfb"], 1)}
            for r in inbox_requests
        ],
        "request_costs": costs,
        "goals": {"inbox_ms": 300, "message_ms": 150, "search_ms": 300, "new_mail_ms": 1000},
    }, indent=2))


if __name__ == "__main__":
    main()
