"""CalDAV side by side with Radicale on the same calendar (default 2,000 events: every tenth
a weekly series of ten with a moved instance, Chinese titles, five time zones), in one run:

- PUT throughput: objects created per second at concurrency 8;
- a month's `calendar-query` with `expand` (June 2030), p50 of `--runs`;
- `sync-collection` from a token taken before 10 changes, p50 of `--runs`;
- a full initial `vdirsyncer sync` of the calendar into an empty folder (wall time,
  process start included).

    .venv/bin/python benchmarks/dav.py [--events 2000] [--runs 10]
        [--before PATH] [--no-radicale]

Both servers run as subprocesses on loopback; Mailplane on its default SQLite, signed in
with an app password over HTTP Basic (as phones do). `--before PATH` also runs the Mailplane
of another checkout (say `git worktree add /tmp/before <commit>`) first, in the same run,
to measure a change before and after under the same load. Prints one JSON object.
"""

from __future__ import annotations

import os
import sys

# Run as a script, this file's folder comes first on sys.path and `calendar` would be the
# benchmark next to it instead of the standard library's: put the repository there.
if sys.path and os.path.abspath(sys.path[0]) == os.path.dirname(os.path.abspath(__file__)):
    sys.path[0] = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

import argparse
import asyncio
import json
import re
import shutil
import statistics
import subprocess
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import httpx

from benchmarks._servers import free_port
from benchmarks.calendar_bench import serve_slow
from tests.factories.dav import event_ics

CONCURRENCY = 8
START_WAIT = 600.0  # seconds for a server to start on a machine shared by many
VDIRSYNCER = True
MONTH = ("20300601T000000Z", "20300701T000000Z")
QUERY = f"""<?xml version="1.0"?>
<C:calendar-query xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">
 <D:prop><D:getetag/><C:calendar-data><C:expand start="{MONTH[0]}" end="{MONTH[1]}"/>
 </C:calendar-data></D:prop>
 <C:filter><C:comp-filter name="VCALENDAR"><C:comp-filter name="VEVENT">
  <C:time-range start="{MONTH[0]}" end="{MONTH[1]}"/></C:comp-filter></C:comp-filter></C:filter>
</C:calendar-query>"""
SYNC = """<?xml version="1.0"?>
<D:sync-collection xmlns:D="DAV:"><D:sync-token>{token}</D:sync-token>
<D:sync-level>1</D:sync-level><D:prop><D:getetag/></D:prop></D:sync-collection>"""


def ms(seconds: float) -> float:
    return round(seconds * 1000, 1)


async def run_dav(
    collection: str, auth: tuple[str, str], events: list[tuple[str, str]], runs: int
) -> dict[str, Any]:
    """The three HTTP measurements against one server's (empty) calendar collection."""
    limits = httpx.Limits(max_connections=CONCURRENCY * 2)
    async with httpx.AsyncClient(auth=auth, timeout=600, limits=limits) as client:
        made = await client.request("MKCALENDAR", collection)
        assert made.status_code == 201, made.text
        queue = list(events)

        async def worker(put: Callable[[str, str], Awaitable[None]]) -> None:
            while queue:
                uid, text = queue.pop()
                await put(uid, text)

        async def put(uid: str, text: str) -> None:
            resp = await client.put(
                f"{collection}{uid}.ics",
                content=text.encode(),
                headers={"Content-Type": "text/calendar"},
            )
            assert resp.status_code == 201, resp.text[:300]

        t = time.perf_counter()
        await asyncio.gather(*[worker(put) for _ in range(CONCURRENCY)])
        elapsed = time.perf_counter() - t

        async def report(body: str) -> tuple[float, str]:
            t = time.perf_counter()
            resp = await client.request(
                "REPORT",
                collection,
                content=body,
                headers={"Depth": "1", "Content-Type": "application/xml"},
            )
            assert resp.status_code == 207, resp.text[:300]
            return time.perf_counter() - t, resp.text

        query = [await report(QUERY) for _ in range(runs)]
        instances = query[-1][1].count("BEGIN:VEVENT")
        _, initial = await report(SYNC.format(token=""))
        token = re.findall(r"<[^>]*sync-token>([^<]+)<", initial)[-1]
        for uid, text in events[:10]:
            resp = await client.put(
                f"{collection}{uid}.ics",
                content=text.replace("SUMMARY:", "SUMMARY:改 ").encode(),
                headers={"Content-Type": "text/calendar"},
            )
            assert resp.status_code in (201, 204), resp.text[:300]
        sync = [await report(SYNC.format(token=token)) for _ in range(runs)]
        changed = len(re.findall(r"<(?:\w+:)?response[ >]", sync[-1][1]))
    return {
        "puts_per_s": round(len(events) / elapsed, 1),
        "month_query_expanded_ms_p50": ms(statistics.median(q for q, _ in query)),
        "month_instances": instances,
        "sync_collection_after_10_changes_ms_p50": ms(statistics.median(s for s, _ in sync)),
        "sync_collection_responses": changed,
    }


def vdirsyncer_sync(url: str, user: str, password: str) -> float | None:
    """Seconds for `vdirsyncer discover` + a first `sync` of the collection into a folder."""
    if shutil.which("vdirsyncer") is None:
        return None
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "local").mkdir()
        config = Path(tmp) / "config"
        config.write_text(
            f'[general]\nstatus_path = "{tmp}/status/"\n\n'
            '[pair p]\na = "local"\nb = "remote"\ncollections = null\n\n'
            f'[storage local]\ntype = "filesystem"\npath = "{tmp}/local/"\nfileext = ".ics"\n\n'
            f'[storage remote]\ntype = "caldav"\nurl = "{url}"\n'
            f'username = "{user}"\npassword = "{password}"\n'
        )
        base = ["vdirsyncer", "-c", str(config)]
        subprocess.run([*base, "discover"], input="y\n", capture_output=True, text=True, check=True)
        t = time.perf_counter()
        subprocess.run([*base, "sync"], capture_output=True, text=True, check=True)
        took = time.perf_counter() - t
        assert len(list((Path(tmp) / "local").iterdir())) > 0
        return round(took, 2)


def mailplane(events: list[tuple[str, str]], runs: int, tree: str) -> dict[str, Any]:
    """The Mailplane of the checkout at `tree` (its code only: PYTHONSAFEPATH keeps the
    working directory off the path)."""
    with tempfile.TemporaryDirectory() as data:
        env = {
            "PYTHONPATH": tree,
            "PYTHONSAFEPATH": "1",
            "MAILPLANE_DATA_DIR": data,
            "MAILPLANE_LOG_JSON": "true",
            "MAILPLANE_ACCESS_LOG": "false",
            "MAILPLANE_RATE_LIMIT_APP_PER_MINUTE": "100000000",
            "MAILPLANE_RATE_LIMIT_ORG_PER_MINUTE": "100000000",
        }
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
            env={**os.environ, **env},
            check=True,
            capture_output=True,
        )
        creds = json.loads((Path(data) / "demo-credentials.json").read_text())
        port = free_port()
        env["MAILPLANE_PORT"] = str(port)
        serve = ["-m", "api.cli", "serve", "--role", "api"]
        with serve_slow(serve, port, env, wait=START_WAIT) as url:
            token = httpx.post(
                f"{url}/oauth/token",
                data={"grant_type": "client_credentials", "scope": "directory:write"},
                auth=(creds["client_id"], creds["client_secret"]),
                timeout=300,
            ).json()["access_token"]
            made = httpx.post(
                f"{url}/v1/accounts/bench@bench.test/app-passwords",
                json={"name": "bench"},
                headers={"Authorization": f"Bearer {token}"},
                timeout=300,
            )
            made.raise_for_status()
            auth = ("bench@bench.test", made.json()["password"])
            collection = f"{url}/dav/calendars/bench@bench.test/bench/"
            out = asyncio.run(run_dav(collection, auth, events, runs))
            if VDIRSYNCER:
                out["vdirsyncer_initial_sync_s"] = vdirsyncer_sync(collection, *auth)
            return out


def radicale(events: list[tuple[str, str]], runs: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as folder:
        port = free_port()
        args = [
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
        ]
        with serve_slow(args, port, {}, path="/.well-known/caldav") as url:
            collection = f"{url}/bench/cal/"
            out = asyncio.run(run_dav(collection, ("bench", "x"), events, runs))
            if VDIRSYNCER:
                out["vdirsyncer_initial_sync_s"] = vdirsyncer_sync(collection, "bench", "x")
            return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--before", help="another checkout to measure first, in this run")
    parser.add_argument("--no-radicale", action="store_true", help="Mailplane only")
    parser.add_argument("--no-vdirsyncer", action="store_true", help="HTTP measures only")
    args = parser.parse_args()
    global VDIRSYNCER
    VDIRSYNCER = not args.no_vdirsyncer
    events = [event_ics(i) for i in range(args.events)]
    result: dict[str, Any] = {
        "benchmark": "dav",
        "events": args.events,
        "recurring_with_exception": sum(1 for i in range(args.events) if i % 10 == 0),
        "month": list(MONTH),
        "concurrency": CONCURRENCY,
        "runs": args.runs,
    }
    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    if args.before:
        result["mailplane_before"] = mailplane(events, args.runs, os.path.abspath(args.before))
    result["mailplane"] = mailplane(events, args.runs, here)
    if args.before:
        b, m = result["mailplane_before"], result["mailplane"]
        result["put_after_over_before_x"] = round(m["puts_per_s"] / b["puts_per_s"], 2)
        result["sync_after_over_before_x"] = round(
            b["sync_collection_after_10_changes_ms_p50"]
            / m["sync_collection_after_10_changes_ms_p50"],
            2,
        )
    if not args.no_radicale:
        result["radicale"] = radicale(events, args.runs)
        m, r = result["mailplane"], result["radicale"]
        result["put_speedup_x"] = round(m["puts_per_s"] / r["puts_per_s"], 1)
        result["month_query_speedup_x"] = round(
            r["month_query_expanded_ms_p50"] / m["month_query_expanded_ms_p50"], 1
        )
        if m.get("vdirsyncer_initial_sync_s") and r.get("vdirsyncer_initial_sync_s"):
            result["vdirsyncer_speedup_x"] = round(
                r["vdirsyncer_initial_sync_s"] / m["vdirsyncer_initial_sync_s"], 1
            )
    print(json.dumps(result, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
