"""Messages/s of `POST /v1/accounts/{account}/mail/send` to 10 local recipients against a
real server process (each send: Sent copy + 10 inbox deliveries, one transaction).

    .venv/bin/python benchmarks/mail_send.py [--sends 300] [--concurrency 8]

Prints one JSON object.
"""

from __future__ import annotations

import sys
from pathlib import Path

_HERE = Path(__file__).resolve().parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != _HERE]
sys.path.insert(0, str(_HERE.parent))

import argparse  # noqa: E402
import asyncio  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import socket  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402

import httpx  # noqa: E402

RECIPIENTS = 10


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def setup(data_dir: Path) -> dict[str, str]:
    from api.bootstrap import create_organization
    from api.config import Settings
    from api.identity.passwords import hash_password
    from api.kit.ids import new_id
    from api.runtime import Runtime
    from api.storage.migrate import upgrade
    from api.storage.models import Account

    settings = Settings(data_dir=data_dir, secret_key="bench-secret-key-0123456789abcdef")
    await asyncio.to_thread(upgrade, settings.effective_database_url)
    runtime = Runtime.build(settings)
    password = hash_password("bench-password-2")
    async with runtime.db.session() as session:
        made = await create_organization(
            session, name="Bench", domain="bench.test", admin="admin", password="bench-password-1"
        )
        for i in range(RECIPIENTS):
            session.add(
                Account(
                    id=new_id("acc"),
                    org_id=made.org.id,
                    domain_id=made.domain.id,
                    address=f"user{i}@bench.test",
                    display_name=f"User {i}",
                    password_hash=password,
                )
            )
    await runtime.db.dispose()
    return {"client_id": made.app.id, "secret": made.client_secret}


async def run(base: str, creds: dict[str, str], sends: int, concurrency: int) -> dict:
    async with httpx.AsyncClient(base_url=base, timeout=120) as client:
        token = (
            await client.post(
                "/oauth/token",
                data={"grant_type": "client_credentials"},
                auth=(creds["client_id"], creds["secret"]),
            )
        ).json()
        auth = {"Authorization": f"Bearer {token['access_token']}"}
        body = {
            "to": [f"user{i}@bench.test" for i in range(RECIPIENTS)],
            "subject": "Weekly notice",
            "text": "Hello team,\n\n" + "Lorem ipsum. " * 80,
            "html": "<p>Hello team,</p>" + "<p>Lorem ipsum.</p>" * 40,
        }
        latencies: list[float] = []
        errors = 0
        queue: asyncio.Queue[int] = asyncio.Queue()
        for i in range(sends):
            queue.put_nowait(i)

        async def worker() -> None:
            nonlocal errors
            while not queue.empty():
                n = queue.get_nowait()
                t = time.perf_counter()
                resp = await client.post(
                    "/v1/accounts/admin@bench.test/mail/send",
                    json={**body, "subject": f"Notice {n}"},
                    headers=auth,
                )
                latencies.append(time.perf_counter() - t)
                if resp.status_code != 202:
                    errors += 1

        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        elapsed = time.perf_counter() - started
        inbox = (await client.get("/v1/accounts/user0@bench.test/mail/counts", headers=auth)).json()
    latencies.sort()
    return {
        "sends": sends,
        "errors": errors,
        "seconds": round(elapsed, 2),
        "messages_per_second": round(sends / elapsed, 1),
        "deliveries_per_second": round(sends * RECIPIENTS / elapsed, 1),
        "p50_ms": round(latencies[len(latencies) // 2] * 1000, 1),
        "p99_ms": round(latencies[int(len(latencies) * 0.99) - 1] * 1000, 1),
        "recipient_inbox_unread": inbox["unread_count"],
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sends", type=int, default=300)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--dir", type=Path, default=None)
    args = parser.parse_args()
    data_dir = Path(tempfile.mkdtemp(prefix="mailplane-send-", dir=args.dir))
    creds = asyncio.run(setup(data_dir))
    port = free_port()
    env = {
        **os.environ,
        "MAILPLANE_DATA_DIR": str(data_dir),
        "MAILPLANE_PORT": str(port),
        "MAILPLANE_SECRET_KEY": "bench-secret-key-0123456789abcdef",
        "MAILPLANE_RATE_LIMIT_APP_PER_MINUTE": "1000000",
        "MAILPLANE_RATE_LIMIT_ORG_PER_MINUTE": "1000000",
    }
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            "api.asgi:app",
            "--port",
            str(port),
            "--log-level",
            "warning",
            "--no-access-log",
        ],
        env=env,
        cwd=str(_HERE.parent),
        stdout=subprocess.DEVNULL,
        stderr=open(data_dir / "server.log", "wb"),
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(1200):
            try:
                httpx.get(base + "/healthz", timeout=1)
                break
            except httpx.HTTPError:
                time.sleep(0.1)
        result = {
            "benchmark": "mail_send",
            "recipients_per_message": RECIPIENTS,
            "concurrency": args.concurrency,
            "backend": "sqlite",
            **asyncio.run(run(base, creds, args.sends, args.concurrency)),
        }
    finally:
        server.terminate()
        server.wait(timeout=30)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
