"""Calendar side by side with Radicale on the same 2,000 events (10% weekly-recurring, zone
Asia/Shanghai), in one run:

- event creations/s at concurrency 8: Mailplane REST `POST …/calendar/events` vs CalDAV PUT;
- a one-month window with recurrences expanded (Mailplane `GET …/calendar/events`, all pages
  of 500; Radicale REPORT calendar-query with and without `expand`);
- free/busy for that month (Mailplane `POST /v1/calendar/freebusy`; Radicale free-busy-query);
- free/busy for 500 accounts over one month with recurring events (5 concurrent requests of
  100 accounts, the API's per-request cap), p50 of the whole batch.

Beside each Mailplane figure, the server process's CPU per operation (from /proc/<pid>/stat
over the measured runs), which a busy shared machine disturbs far less than wall time; and
the load average before and after.

    .venv/bin/python benchmarks/calendar_bench.py [--events 2000] [--accounts 500] [--runs 10]

Both servers run as subprocesses on loopback; Mailplane on its default SQLite.
Prints one JSON object.
"""

from __future__ import annotations

import os
import sys

# Run as a script, this file's folder comes first on sys.path and `calendar` would be this
# file instead of the standard library's (which httpx needs): put the repository there.
if sys.path and os.path.abspath(sys.path[0]) == os.path.dirname(os.path.abspath(__file__)):
    sys.path[0] = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

import argparse
import asyncio
import json
import random
import statistics
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx

from benchmarks._servers import free_port  # noqa: E402

ZONE = "Asia/Shanghai"
MONTH = ("2030-06-01T00:00:00+08:00", "2030-07-01T00:00:00+08:00")
MONTH_UTC = ("20300531T160000Z", "20300630T160000Z")
CONCURRENCY = 8


def dataset(n: int, seed: int = 42) -> list[dict[str, Any]]:
    """n events over 2030, working hours in Shanghai; every tenth repeats weekly forever."""
    rnd = random.Random(seed)
    out = []
    for i in range(n):
        day = date(2030, 1, 1) + timedelta(days=rnd.randrange(365))
        start = datetime(day.year, day.month, day.day, rnd.randrange(9, 18), rnd.choice((0, 30)))
        end = start + timedelta(minutes=rnd.choice((30, 60, 90)))
        out.append(
            {
                "uid": f"bench-{i}@bench.test",
                "title": f"Event {i}",
                "start": start,
                "end": end,
                "rrule": "FREQ=WEEKLY" if i % 10 == 0 else None,
            }
        )
    return out


def rest_body(e: dict[str, Any]) -> dict[str, Any]:
    body = {
        "uid": e["uid"],
        "title": e["title"],
        "start": e["start"].isoformat(),
        "end": e["end"].isoformat(),
        "time_zone": ZONE,
    }
    if e["rrule"]:
        body["recurrence"] = {"rrule": e["rrule"]}
    return body


def ics(e: dict[str, Any]) -> bytes:
    fmt = "%Y%m%dT%H%M%S"
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//bench//EN",
        "BEGIN:VEVENT",
        f"UID:{e['uid']}",
        "DTSTAMP:20300101T000000Z",
        f"DTSTART;TZID={ZONE}:{e['start'].strftime(fmt)}",
        f"DTEND;TZID={ZONE}:{e['end'].strftime(fmt)}",
        f"SUMMARY:{e['title']}",
    ]
    if e["rrule"]:
        lines.append(f"RRULE:{e['rrule']}")
    lines += ["END:VEVENT", "END:VCALENDAR", ""]
    return "\r\n".join(lines).encode()


async def concurrently(jobs: list[Any], worker: Any) -> float:
    queue: asyncio.Queue[Any] = asyncio.Queue()
    for job in jobs:
        queue.put_nowait(job)

    async def run() -> None:
        while not queue.empty():
            await worker(queue.get_nowait())

    started = time.perf_counter()
    await asyncio.gather(*[run() for _ in range(CONCURRENCY)])
    return time.perf_counter() - started


def ms(seconds: float) -> float:
    return round(seconds * 1000, 1)


# ---- Mailplane ---------------------------------------------------------------------------


async def seed_accounts(data_dir: str, domain: str, accounts: int, seed: int = 7) -> None:
    """500 colleagues with a month of meetings each (a fifth of them weekly), written straight
    as rows (setup, not what is measured; the rows are what the API would have stored)."""
    from sqlalchemy import select

    from api.calendar.events.inputs import timing
    from api.config import Settings
    from api.kit.ids import new_id
    from api.runtime import Runtime
    from api.storage.models import Account, Calendar, CalendarEvent, Domain

    rt = Runtime.build(Settings(data_dir=Path(data_dir)))
    rnd = random.Random(seed)
    async with rt.db.session() as session:
        dom = (await session.execute(select(Domain).where(Domain.name == domain))).scalar_one()
        for i in range(accounts):
            person = Account(
                id=new_id("acc"),
                org_id=dom.org_id,
                domain_id=dom.id,
                address=f"fb{i:03d}@{domain}",
                display_name=f"FB {i}",
            )
            calendar = Calendar(
                id=new_id("cal"),
                org_id=dom.org_id,
                account_id=person.id,
                name="Calendar",
                time_zone=ZONE,
                is_default=True,
                default_for=person.id,
            )
            session.add_all([person, calendar])
            for k in range(20):
                day = date(2030, 5, 20) + timedelta(days=rnd.randrange(45))
                start = datetime(day.year, day.month, day.day, rnd.randrange(9, 18))
                row = CalendarEvent(
                    id=new_id("cev"),
                    org_id=dom.org_id,
                    calendar_id=calendar.id,
                    account_id=person.id,
                    uid=f"fb-{i}-{k}@bench.test",
                    recurrence_id="",
                    title="m",
                    organizer={"address": person.address, "name": None, "account_id": person.id},
                )
                timing(
                    start=start.isoformat(),
                    end=(start + timedelta(hours=1)).isoformat(),
                    tz_name=ZONE,
                    all_day=False,
                    recurrence={"rrule": "FREQ=WEEKLY"} if k % 5 == 0 else None,
                ).apply(row)
                session.add(row)
    await rt.db.dispose()


def cpu_of(pid: int) -> Callable[[], float]:
    """The process's CPU seconds so far (user + system), read from /proc."""

    def read() -> float:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    return read


def loadavg() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


@contextmanager
def serve_slow(
    args: list[str], port: int, env: dict[str, str], path: str = "/healthz", wait: float = 120
) -> Iterator[tuple[str, int]]:
    """`serve`, with `wait` seconds (two minutes) for the server to come up on a busy
    machine; yields its URL and process id."""
    proc = subprocess.Popen(
        [sys.executable, *args],
        env={**os.environ, **env},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + wait
    try:
        while True:
            try:
                httpx.get(url + path, timeout=2)
                break
            except httpx.HTTPError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise RuntimeError(f"server {args} did not start") from None
                time.sleep(0.2)
        yield url, proc.pid
    finally:
        proc.terminate()
        proc.wait(timeout=10)


async def mailplane(
    url: str,
    token: str,
    events: list[dict[str, Any]],
    domain: str,
    accounts: int,
    runs: int,
    cpu: Callable[[], float],
) -> dict[str, Any]:
    headers = {"Authorization": f"Bearer {token}"}
    base = f"{url}/v1/accounts/bench@{domain}/calendar"
    limits = httpx.Limits(max_connections=CONCURRENCY * 2)
    async with httpx.AsyncClient(headers=headers, limits=limits, timeout=60) as client:

        async def create(e: dict[str, Any]) -> None:
            resp = await client.post(base + "/events", json=rest_body(e))
            assert resp.status_code == 201, resp.text

        elapsed = await concurrently(events, create)

        async def month() -> int:
            count, cursor = 0, None
            while True:
                params = {
                    "start": MONTH[0],
                    "end": MONTH[1],
                    "limit": 500,
                    **({"cursor": cursor} if cursor else {}),
                }
                resp = await client.get(base + "/events", params=params)
                assert resp.status_code == 200, resp.text
                count += len(resp.json()["data"])
                cursor = resp.json()["next_cursor"]
                if not cursor:
                    return count

        await month()  # warm-up
        window_times, instances = [], 0
        used = cpu()
        for _ in range(runs):
            t = time.perf_counter()
            instances = await month()
            window_times.append(time.perf_counter() - t)
        window_cpu = (cpu() - used) / runs

        async def freebusy(attendees: list[str]) -> httpx.Response:
            resp = await client.post(
                f"{url}/v1/calendar/freebusy",
                json={"start": MONTH[0], "end": MONTH[1], "attendees": attendees},
            )
            assert resp.status_code == 200, resp.text
            return resp

        await freebusy([f"bench@{domain}"])
        fb_times = []
        used = cpu()
        for _ in range(runs):
            t = time.perf_counter()
            resp = await freebusy([f"bench@{domain}"])
            fb_times.append(time.perf_counter() - t)
        fb_cpu = (cpu() - used) / runs
        busy = len(resp.json()["schedules"][0]["busy"])

        people = [f"fb{i:03d}@{domain}" for i in range(accounts)]
        batches = [people[i : i + 100] for i in range(0, len(people), 100)]
        await asyncio.gather(*[freebusy(b) for b in batches])
        batch_times, one_times, intervals = [], [], 0
        batch_cpu = 0.0
        for _ in range(runs):
            used = cpu()
            t = time.perf_counter()
            answers = await asyncio.gather(*[freebusy(b) for b in batches])
            batch_times.append(time.perf_counter() - t)
            batch_cpu += cpu() - used
            intervals = sum(len(s["busy"]) for a in answers for s in a.json()["schedules"])
        for _ in range(runs):
            t = time.perf_counter()
            await freebusy(batches[0])
            one_times.append(time.perf_counter() - t)
    return {
        "creations_per_s": round(len(events) / elapsed, 1),
        "month_expanded_ms_p50": ms(statistics.median(window_times)),
        "month_expanded_server_cpu_ms": ms(window_cpu),
        "month_instances": instances,
        "freebusy_month_ms_p50": ms(statistics.median(fb_times)),
        "freebusy_month_server_cpu_ms": ms(fb_cpu),
        "freebusy_month_busy_intervals": busy,
        f"freebusy_{accounts}_accounts_month_ms_p50": ms(statistics.median(batch_times)),
        f"freebusy_{accounts}_accounts_server_cpu_ms": ms(batch_cpu / runs),
        f"freebusy_{accounts}_accounts_busy_intervals": intervals,
        "freebusy_100_accounts_one_request_ms_p50": ms(statistics.median(one_times)),
    }


# ---- Radicale ----------------------------------------------------------------------------


REPORT = """<?xml version="1.0"?>
<C:calendar-query xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">
 <D:prop><C:calendar-data>{expand}</C:calendar-data></D:prop>
 <C:filter><C:comp-filter name="VCALENDAR"><C:comp-filter name="VEVENT">
  <C:time-range start="{start}" end="{end}"/></C:comp-filter></C:comp-filter></C:filter>
</C:calendar-query>"""
FREEBUSY = """<?xml version="1.0"?>
<C:free-busy-query xmlns:C="urn:ietf:params:xml:ns:caldav">
<C:time-range start="{start}" end="{end}"/>
</C:free-busy-query>"""


async def radicale(url: str, events: list[dict[str, Any]], runs: int) -> dict[str, Any]:
    auth = ("bench", "x")
    collection = f"{url}/bench/cal/"
    async with httpx.AsyncClient(
        auth=auth, timeout=600, limits=httpx.Limits(max_connections=CONCURRENCY * 2)
    ) as client:
        assert (await client.request("MKCALENDAR", collection)).status_code == 201

        async def put(e: dict[str, Any]) -> None:
            resp = await client.put(
                f"{collection}{e['uid']}.ics",
                content=ics(e),
                headers={"Content-Type": "text/calendar"},
            )
            assert resp.status_code == 201, resp.text

        elapsed = await concurrently(events, put)

        async def report(body: str, depth: str = "1") -> tuple[float, httpx.Response]:
            t = time.perf_counter()
            resp = await client.request(
                "REPORT",
                collection,
                content=body,
                headers={"Depth": depth, "Content-Type": "application/xml"},
            )
            assert resp.status_code in (200, 207), resp.text[:500]
            return time.perf_counter() - t, resp

        expand = f'<C:expand start="{MONTH_UTC[0]}" end="{MONTH_UTC[1]}"/>'
        expanded, plain, fb = [], [], []
        count = 0
        for _ in range(max(1, runs // 5)):
            t, resp = await report(
                REPORT.format(expand=expand, start=MONTH_UTC[0], end=MONTH_UTC[1])
            )
            expanded.append(t)
            count = resp.text.count("BEGIN:VEVENT")
            plain.append(
                (await report(REPORT.format(expand="", start=MONTH_UTC[0], end=MONTH_UTC[1])))[0]
            )
            fb.append((await report(FREEBUSY.format(start=MONTH_UTC[0], end=MONTH_UTC[1])))[0])
    return {
        "creations_per_s": round(len(events) / elapsed, 1),
        "month_expanded_ms_p50": ms(statistics.median(expanded)),
        "month_instances": count,
        "month_unexpanded_ms_p50": ms(statistics.median(plain)),
        "freebusy_month_ms_p50": ms(statistics.median(fb)),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=2000)
    parser.add_argument("--accounts", type=int, default=500)
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    events = dataset(args.events)
    result: dict[str, Any] = {
        "benchmark": "calendar",
        "events": args.events,
        "recurring_weekly": sum(1 for e in events if e["rrule"]),
        "zone": ZONE,
        "window": list(MONTH),
        "concurrency": CONCURRENCY,
        "loadavg_start": loadavg(),
    }
    with tempfile.TemporaryDirectory() as data:
        env = {
            "MAILPLANE_DATA_DIR": data,
            "MAILPLANE_LOG_JSON": "true",
            "MAILPLANE_RATE_LIMIT_APP_PER_MINUTE": "100000000",
            "MAILPLANE_RATE_LIMIT_ORG_PER_MINUTE": "100000000",
        }
        full_env = {**os.environ, **env}
        subprocess.run(
            [
                sys.executable,
                "-m",
                "api.cli",
                "init",
                "--org",
                "Bench",
                "--domain",
                "bench.test",
                "--admin",
                "bench",
            ],
            env=full_env,
            check=True,
            capture_output=True,
        )
        creds = json.loads((Path(data) / "demo-credentials.json").read_text())
        os.environ.update(env)
        t = time.perf_counter()
        asyncio.run(seed_accounts(data, "bench.test", args.accounts))
        result["setup_seed_s"] = round(time.perf_counter() - t, 1)
        port = free_port()
        env["MAILPLANE_PORT"] = str(port)
        with serve_slow(["-m", "api.cli", "serve", "--role", "api"], port, env) as (url, pid):
            token = httpx.post(
                f"{url}/oauth/token",
                data={"grant_type": "client_credentials", "scope": "calendar:read calendar:write"},
                auth=(creds["client_id"], creds["client_secret"]),
            ).json()["access_token"]
            result["mailplane"] = asyncio.run(
                mailplane(url, token, events, "bench.test", args.accounts, args.runs, cpu_of(pid))
            )
    with tempfile.TemporaryDirectory() as folder:
        port = free_port()
        with serve_slow(
            [
                "-m",
                "radicale",
                "--server-hosts",
                f"127.0.0.1:{port}",
                "--storage-filesystem-folder",
                folder,
                "--auth-type",
                "none",
                "--rights-type",
                "authenticated",
                "--logging-level",
                "warning",
            ],
            port,
            {},
            path="/.well-known/caldav",
        ) as (url, _):
            result["radicale"] = asyncio.run(radicale(url, events, args.runs))
    m, r = result["mailplane"], result["radicale"]
    result["creation_speedup_x"] = round(m["creations_per_s"] / r["creations_per_s"], 1)
    result["loadavg_end"] = loadavg()
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
