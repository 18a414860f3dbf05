"""CPU per authenticated `GET /v1/me` in process (raw ASGI, no sockets), beside a bare
Starlette app answering the same JSON: the figure behind `api_overhead.py` without the
machine's load in it.

    PYTHONPATH=. .venv/bin/python benchmarks/api_me_cpu.py [--requests 1000] [--rounds 6]

Prints one JSON object: the minimum over rounds of process CPU µs per request.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


async def call(app: Any, method: str, path: str, headers: list[tuple[bytes, bytes]],
               body: bytes = b"", query: bytes = b"") -> tuple[int, bytes]:
    scope = {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": method,
        "scheme": "http", "path": path, "raw_path": path.encode(), "query_string": query,
        "root_path": "", "headers": [(b"host", b"127.0.0.1"), *headers],
        "client": ("127.0.0.1", 5000), "server": ("127.0.0.1", 8000),
    }
    out: dict[str, Any] = {"body": b""}
    sent = False

    async def receive() -> dict[str, Any]:
        nonlocal sent
        if sent:
            await asyncio.sleep(3600)
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        if message["type"] == "http.response.start":
            out["status"] = message["status"]
        else:
            out["body"] += message.get("body", b"")

    await app(scope, receive, send)
    return out["status"], out["body"]


async def per_request(app: Any, headers: list[tuple[bytes, bytes]], n: int, rounds: int) -> float:
    best = float("inf")
    for _ in range(rounds):
        start = time.process_time()
        for _ in range(n):
            status, _body = await call(app, "GET", "/v1/me", headers)
            assert status == 200, status
        best = min(best, (time.process_time() - start) / n * 1e6)
    return best


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=6)
    args = parser.parse_args()
    data = tempfile.mkdtemp()
    env = {"MAILPLANE_DATA_DIR": data, "MAILPLANE_LOG_JSON": "true",
           "MAILPLANE_RATE_LIMIT_APP_PER_MINUTE": "100000000",
           "MAILPLANE_RATE_LIMIT_ORG_PER_MINUTE": "100000000", "MAILPLANE_ACCESS_LOG": "true"}
    subprocess.run([sys.executable, "-m", "api.cli", "init", "--org", "Bench", "--domain",
                    "bench.test", "--admin", "admin"], env={**os.environ, **env}, check=True,
                   capture_output=True)
    os.environ.update(env)
    creds = json.loads((Path(data) / "demo-credentials.json").read_text())
    from api.app import create_app  # noqa: PLC0415 (after the environment is set)
    from api.config import get_settings  # noqa: PLC0415

    sys.stderr = open(os.devnull, "w")  # the access log goes here, as in a server  # noqa: SIM115
    app = create_app(get_settings(), migrate=False)
    basic = base64.b64encode(f"{creds['client_id']}:{creds['client_secret']}".encode())
    async with app.router.lifespan_context(app):
        status, body = await call(
            app, "POST", "/oauth/token",
            [(b"authorization", b"Basic " + basic),
             (b"content-type", b"application/x-www-form-urlencoded")],
            b"grant_type=client_credentials&scope=directory:read")
        token = json.loads(body)["access_token"]
        headers = [(b"authorization", f"Bearer {token}".encode()), (b"user-agent", b"wrk")]
        status, me = await call(app, "GET", "/v1/me", headers)
        mailplane = await per_request(app, headers, args.requests, args.rounds)
        if os.environ.get("API_ME_CPU_PROFILE"):
            import cProfile  # noqa: PLC0415
            import pstats  # noqa: PLC0415

            profile = cProfile.Profile()
            profile.enable()
            await per_request(app, headers, args.requests, 1)
            profile.disable()
            pstats.Stats(profile, stream=sys.__stdout__).sort_stats(
                os.environ["API_ME_CPU_PROFILE"]).print_stats(45)

    from starlette.applications import Starlette  # noqa: PLC0415
    from starlette.responses import Response  # noqa: PLC0415
    from starlette.routing import Route  # noqa: PLC0415

    async def bare_me(request: Any) -> Response:
        return Response(me, media_type="application/json")

    bare = await per_request(Starlette(routes=[Route("/v1/me", bare_me)]), headers,
                             args.requests, args.rounds)
    sys.stderr = sys.__stderr__
    print(json.dumps({"benchmark": "api_me_cpu", "mailplane_us": round(mailplane, 1),
                      "bare_starlette_us": round(bare, 1),
                      "loadavg": open("/proc/loadavg").read().split()[:3]}))  # noqa: SIM115


if __name__ == "__main__":
    asyncio.run(main())
