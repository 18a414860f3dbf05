"""Webhook delivery throughput and latency, beside a plain httpx POST loop, in one run.

    .venv/bin/python benchmarks/webhooks.py [--events 10000] [--endpoints 5]
        [--concurrency 64] [--rate 1000] [--database-url postgresql://…]

Five loopback receivers run in their own process. Three phases, same receivers:
  ceiling   a plain `httpx.AsyncClient` POST loop, events × endpoints requests at the
            dispatcher's concurrency (no database, no signing): the most the machine does;
  backlog   `--events` events committed first, then the dispatcher drains them:
            deliveries/s (fan-out, leases, signing, attempt records included);
  burst     `--events` events committed at `--rate` per second (in bursts: 50 commits a
            second) by another process (as API processes do) while the dispatcher runs:
            events committed per second, and the commit-to-delivery latency (receiver
            arrival time minus commit time) p50/p99, which only means something while
            the offered deliveries stay under the ceiling;
  paced     events committed at 80 % of the ceiling's delivery rate (divided by the number
            of endpoints) for `--paced-seconds`: commit-to-delivery p50/p99, the goal's
            latency figure (p99 < 1 s).
`emit only` commits `--events` in the burst's batches, back to back, with no dispatcher.
CPU milliseconds of this process (the receivers run in their own) per delivery for the
ceiling (the plain client) and the backlog (fan-out, leases, signing, sending, recording),
and per event for `emit only`. Prints one JSON object.
"""

from __future__ import annotations

import sys
from pathlib import Path

# benchmarks/ holds scripts named like stdlib modules (calendar.py): keep it off the path.
HERE = Path(__file__).resolve().parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != HERE]
sys.path.insert(0, str(HERE.parent))

import argparse  # noqa: E402
import asyncio  # noqa: E402
import json  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402

import httpx  # noqa: E402
from sqlalchemy import update  # noqa: E402

from api.bootstrap import create_organization  # noqa: E402
from api.config import Settings  # noqa: E402
from api.events import emit  # noqa: E402
from api.events import repository as events_repository  # noqa: E402
from api.kit.clock import utcnow  # noqa: E402
from api.kit.ids import new_id  # noqa: E402
from api.platform.webhooks.dispatcher import Dispatcher  # noqa: E402
from api.platform.webhooks.secrets import seal  # noqa: E402
from api.platform.webhooks.signing import new_secret  # noqa: E402
from api.runtime import Runtime  # noqa: E402
from api.storage.migrate import upgrade  # noqa: E402
from api.storage.models import WebhookEndpoint, WebhookSecret  # noqa: E402
from benchmarks._servers import free_port  # noqa: E402


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


async def count(http: httpx.AsyncClient, ports: list[int]) -> int:
    total = 0
    for port in ports:
        total += int((await http.get(f"http://127.0.0.1:{port}/count")).text)
    return total


async def arrivals(http: httpx.AsyncClient, ports: list[int]) -> list[tuple[str, float]]:
    out: list[tuple[str, float]] = []
    for port in ports:
        out += [
            tuple(a) for a in (await http.get(f"http://127.0.0.1:{port}/stats")).json()["arrivals"]
        ]
    return out


async def reset(http: httpx.AsyncClient, ports: list[int]) -> None:
    for port in ports:
        await http.post(f"http://127.0.0.1:{port}/reset")


async def wait_for(http: httpx.AsyncClient, ports: list[int], n: int, timeout: float) -> float:
    deadline = time.monotonic() + timeout
    while (got := await count(http, ports)) < n:
        if time.monotonic() > deadline:
            raise SystemExit(f"only {got} of {n} deliveries arrived")
        await asyncio.sleep(0.2)
    return time.time()


async def ceiling(ports: list[int], events: int, concurrency: int) -> dict[str, float]:
    body = json.dumps(
        {
            "id": "x",
            "type": "directory.account.updated",
            "occurred_at": utcnow().isoformat(),
            "org_id": "org_bench",
            "sequence": 1,
            "data": {"id": "acc_x", "n": 1},
        }
    )
    jobs = iter([(port, i) for i in range(events) for port in ports])
    latencies: list[float] = []
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(limits=limits, timeout=15, trust_env=False) as client:

        async def worker() -> None:
            for port, i in jobs:
                t = time.perf_counter()
                resp = await client.post(
                    f"http://127.0.0.1:{port}/hook", content=body.replace('"x"', f'"c{i}"', 1)
                )
                assert resp.status_code == 200
                latencies.append(time.perf_counter() - t)

        start, cpu = time.perf_counter(), time.process_time()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    return {
        "deliveries": len(latencies),
        "seconds": round(elapsed, 3),
        "deliveries_per_s": round(len(latencies) / elapsed, 1),
        "cpu_ms_per_delivery": round(cpu * 1000 / len(latencies), 3),
        "request_p50_ms": round(pct(latencies, 0.5) * 1000, 2),
        "request_p99_ms": round(pct(latencies, 0.99) * 1000, 2),
    }


async def emit_batch(runtime: Runtime, org_id: str, n: int, commits: dict[str, float]) -> None:
    ids = []
    async with runtime.db.session() as session:
        for _ in range(n):
            event = await emit(
                session,
                org_id,
                "directory.account.updated",
                {"id": new_id("acc"), "changed": ["display_name"]},
            )
            ids.append(event.id)
    now = time.time()
    for event_id in ids:
        commits[event_id] = now


async def paced_emit(
    runtime: Runtime, org_id: str, events: int, rate: float, commits: dict[str, float]
) -> float:
    """Commit `events` at `rate` per second, 50 commits a second; returns the seconds taken."""
    batch = max(1, int(rate / 50))
    started = time.time()
    sent = 0
    while sent < events:
        n = min(batch, events - sent)
        await emit_batch(runtime, org_id, n, commits)
        sent += n
        delay = started + sent / rate - time.time()
        if delay > 0:
            await asyncio.sleep(delay)
    return time.time() - started


async def emitter_process(database_url: str, data: str, org_id: str, events: int,
                          rate: float) -> None:
    """`--emitter`: the API's side in its own process, as in production (the worker role
    dispatches, API processes commit). Prints the seconds taken and each commit time."""
    settings = Settings(data_dir=Path(data), database_url=database_url,
                        secret_key="bench-secret")
    runtime = Runtime.build(settings)
    commits: dict[str, float] = {}
    produced = await paced_emit(runtime, org_id, events, rate, commits)
    await runtime.db.dispose()
    print(json.dumps({"seconds": produced, "commits": commits}))


async def timed_phase(
    runtime: Runtime, http: httpx.AsyncClient, ports: list[int], org_id: str, events: int,
    rate: float, *, separate: bool = False,
) -> dict[str, float]:
    """Commit `events` at `rate` per second (50 commits a second) with the dispatcher
    running; wait for every delivery; latency from each event's commit to its arrival.
    `separate`: commit from another process (without a shared notifier on SQLite the
    dispatcher then learns of commits by its poll)."""
    total = events * len(ports)
    commits: dict[str, float] = {}
    stop, task = await run_dispatcher(runtime)
    started = time.time()
    if separate:
        child = await asyncio.create_subprocess_exec(
            sys.executable, str(Path(__file__).resolve()), "--emitter",
            runtime.settings.effective_database_url, str(runtime.settings.data_dir), org_id,
            str(events), str(rate), stdout=asyncio.subprocess.PIPE, cwd=str(HERE.parent),
        )
        out, _ = await child.communicate()
        report = json.loads(out.decode().strip().splitlines()[-1])
        produced, commits = report["seconds"], report["commits"]
    else:
        produced = await paced_emit(runtime, org_id, events, rate, commits)
    end = await wait_for(http, ports, total, timeout=1800)
    stop.set()
    await task
    got = await arrivals(http, ports)
    latencies = [t - commits[e] for e, t in got if e in commits]
    if len(latencies) != len(got):
        unknown = [e for e, _ in got if e not in commits][:5]
        print(f"{len(got) - len(latencies)} arrivals of unknown events, e.g. {unknown}",
              file=sys.stderr)
    return {
        "events": events,
        "events_per_s_offered": round(rate, 1),
        "events_per_s_committed": round(events / produced, 1),
        "deliveries": len(latencies),
        "deliveries_per_s": round(total / (end - started), 1),
        "commit_to_delivery_p50_ms": round(statistics.median(latencies) * 1000, 1),
        "commit_to_delivery_p99_ms": round(pct(latencies, 0.99) * 1000, 1),
        "commit_to_delivery_max_ms": round(max(latencies) * 1000, 1),
    }


async def run_dispatcher(runtime: Runtime) -> tuple[asyncio.Event, asyncio.Task[None]]:
    stop = asyncio.Event()
    task = asyncio.create_task(Dispatcher(runtime).run(stop))
    await asyncio.sleep(0.05)
    return stop, task


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--endpoints", type=int, default=5)
    parser.add_argument("--concurrency", type=int, default=64)
    parser.add_argument("--rate", type=float, default=1000.0, help="events/s in the burst phase")
    parser.add_argument("--paced-seconds", type=float, default=10.0)
    parser.add_argument("--database-url", default=None)
    args = parser.parse_args()

    data = tempfile.mkdtemp(prefix="mp-bench-hooks-")
    settings = Settings(
        data_dir=Path(data),
        database_url=args.database_url,
        secret_key="bench-secret",
        webhooks_allow_private=True,
        webhooks_concurrency=args.concurrency,
        event_poll_interval=0.2,
    )
    await asyncio.to_thread(upgrade, settings.effective_database_url)
    runtime = Runtime.build(settings)
    async with runtime.db.session() as session:
        made = await create_organization(
            session,
            name="Bench",
            domain=f"b{new_id('x')[-8:]}.test",
            admin="admin",
            password="bench-password-1",
        )
    org_id = made.org.id
    ports = [free_port() for _ in range(args.endpoints)]
    receivers = subprocess.Popen(
        [sys.executable, "-m", "benchmarks._hook_receivers", *map(str, ports)],
        cwd=str(HERE.parent),
        stdout=subprocess.PIPE,
    )
    assert receivers.stdout is not None and receivers.stdout.readline().strip() == b"ready"
    try:
        async with runtime.db.session() as session:
            for port in ports:
                now = utcnow()
                endpoint = WebhookEndpoint(
                    id=new_id("whk"),
                    org_id=org_id,
                    app_id=made.app.id,
                    url=f"http://127.0.0.1:{port}/hook",
                    description="bench",
                    event_types=["directory.account.*"],
                    account_ids=[],
                    department_ids=[],
                    scopes=["directory:read"],
                    ordered=False,
                    status="enabled",
                    cursor=10**9,
                    verified_at=now,
                    version=1,
                    created_at=now,
                    updated_at=now,
                )
                secret = new_secret()
                session.add(endpoint)
                session.add(
                    WebhookSecret(
                        id=new_id("whs"),
                        org_id=org_id,
                        endpoint_id=endpoint.id,
                        sealed=seal("bench-secret", endpoint.id, secret),
                        hint=secret[-4:],
                        created_at=now,
                    )
                )
        total = args.events * args.endpoints
        async with httpx.AsyncClient(timeout=30, trust_env=False) as http:
            base = await ceiling(ports, args.events, args.concurrency)
            await reset(http, ports)

            # backlog: everything committed, then drained
            commits: dict[str, float] = {}
            async with runtime.db.session(write=False) as session:
                head = await events_repository.head(session, org_id)
            for first in range(0, args.events, 500):
                await emit_batch(runtime, org_id, min(500, args.events - first), commits)
            async with runtime.db.session() as session:  # endpoints start at the backlog's start
                await session.execute(update(WebhookEndpoint).values(cursor=head))
            start = time.time()
            cpu = time.process_time()
            stop, task = await run_dispatcher(runtime)
            end = await wait_for(http, ports, total, timeout=1800)
            stop.set()
            await task
            cpu = time.process_time() - cpu
            backlog = {
                "deliveries": total,
                "seconds": round(end - start, 3),
                "deliveries_per_s": round(total / (end - start), 1),
                "cpu_ms_per_delivery": round(cpu * 1000 / total, 3),
            }
            await reset(http, ports)

            # emit only: bursts of rate/50 events per commit, back to back, no dispatcher
            batch = max(1, int(args.rate / 50))
            cpu, start = time.process_time(), time.perf_counter()
            for first in range(0, args.events, batch):
                await emit_batch(runtime, org_id, min(batch, args.events - first), {})
            emit_only = {
                "events": args.events,
                "events_per_commit": batch,
                "events_per_s_committed": round(args.events / (time.perf_counter() - start), 1),
                "cpu_ms_per_event": round((time.process_time() - cpu) * 1000 / args.events, 3),
            }
            async with runtime.db.session(write=False) as session:  # nobody hears of these
                head = await events_repository.head(session, org_id)
            async with runtime.db.session() as session:
                await session.execute(update(WebhookEndpoint).values(cursor=head))

            # burst: commits at --rate from another process while the dispatcher runs
            burst = await timed_phase(runtime, http, ports, org_id, args.events, args.rate,
                                      separate=True)
            await reset(http, ports)

            # paced: at 80 % of the ceiling's delivery rate, the latency goal's condition
            rate = max(1.0, 0.8 * base["deliveries_per_s"] / args.endpoints)
            n = max(10, min(args.events, int(rate * args.paced_seconds)))
            paced = await timed_phase(runtime, http, ports, org_id, n, rate)
    finally:
        receivers.terminate()
        receivers.wait()
        await runtime.db.dispose()
    print(
        json.dumps(
            {
                "benchmark": "webhooks",
                "database": "postgresql" if args.database_url else "sqlite",
                "events": args.events,
                "endpoints": args.endpoints,
                "concurrency": args.concurrency,
                "ceiling_plain_httpx": base,
                "mailplane_backlog": backlog,
                "mailplane_emit_only": emit_only,
                "mailplane_burst": burst,
                "mailplane_paced_80pct_ceiling": paced,
                "ratio_to_ceiling": round(
                    backlog["deliveries_per_s"] / base["deliveries_per_s"], 3
                ),
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    if sys.argv[1:2] == ["--emitter"]:
        url, data, org, n, r = sys.argv[2:7]
        asyncio.run(emitter_process(url, data, org, int(n), float(r)))
    else:
        asyncio.run(main())
