"""Requests/s of authenticated `GET /v1/me` at 64 connections, beside a bare Starlette app
returning the same JSON, in one run; plus client-credentials token grants/s.

    .venv/bin/python benchmarks/api_overhead.py [--seconds 10] [--connections 64]

Needs `wrk` (Debian package). Prints one JSON object.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from benchmarks._servers import free_port, serve  # noqa: E402


def wrk(url: str, seconds: int, connections: int, headers: dict[str, str], script: str | None = None) -> dict:
    cmd = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency"]
    for k, v in headers.items():
        cmd += ["-H", f"{k}: {v}"]
    if script:
        cmd += ["-s", script]
    out = subprocess.run([*cmd, url], capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    p50 = re.search(r"50%\s+([\d.]+)(us|ms|s)", out)
    p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)", out)

    def ms(m: re.Match[str] | None) -> float | None:
        if not m:
            return None
        return float(m.group(1)) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[m.group(2)]

    return {"rps": rps, "errors": int(non2xx.group(1)) if non2xx else 0, "p50_ms": ms(p50), "p99_ms": ms(p99)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=64)
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is needed: apt-get install wrk")

    with tempfile.TemporaryDirectory() as data:
        env = {"MAILPLANE_DATA_DIR": data, "MAILPLANE_LOG_JSON": "true",
               "MAILPLANE_RATE_LIMIT_APP_PER_MINUTE": "100000000",
               "MAILPLANE_RATE_LIMIT_ORG_PER_MINUTE": "100000000"}
        subprocess.run(
            [sys.executable, "-m", "api.cli", "init", "--org", "Bench", "--domain", "bench.test", "--admin", "admin"],
            env={**__import__("os").environ, **env}, check=True, capture_output=True,
        )
        creds = json.loads((Path(data) / "demo-credentials.json").read_text())
        port = free_port()
        env["MAILPLANE_PORT"] = str(port)
        with serve(["-m", "api.cli", "serve", "--role", "api"], port, env) as url:
            auth = (creds["client_id"], creds["client_secret"])
            token = httpx.post(f"{url}/oauth/token", data={"grant_type": "client_credentials", "scope": "directory:read"}, auth=auth).json()["access_token"]
            me_body = httpx.get(f"{url}/v1/me", headers={"Authorization": f"Bearer {token}"}).json()
            wrk(f"{url}/v1/me", 2, args.connections, {"Authorization": f"Bearer {token}"})  # warm-up
            mailplane = wrk(f"{url}/v1/me", args.seconds, args.connections, {"Authorization": f"Bearer {token}"})
            basic = httpx.BasicAuth(*auth)._auth_header
            with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as lua:
                lua.write('wrk.method = "POST"\nwrk.body = "grant_type=client_credentials&scope=directory:read"\n'
                          'wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"\n')
            grants = wrk(f"{url}/oauth/token", args.seconds, 16, {"Authorization": basic}, script=lua.name)

        port = free_port()
        bare_script = str(Path(__file__).with_name("bare_starlette.py"))
        with serve([bare_script, str(port), json.dumps(me_body)], port) as url:
            wrk(f"{url}/v1/me", 2, args.connections, {})
            bare = wrk(f"{url}/v1/me", args.seconds, args.connections, {"Authorization": "Bearer x"})

    print(json.dumps({
        "benchmark": "api_overhead",
        "connections": args.connections,
        "seconds": args.seconds,
        "mailplane_get_me": mailplane,
        "bare_starlette": bare,
        "ratio": round(mailplane["rps"] / bare["rps"], 3),
        "goal_ratio": 0.5,
        "client_credentials_grants": grants,
    }, indent=2))


if __name__ == "__main__":
    main()
