"""Start servers in subprocesses for benchmarks and wait until they answer."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager

import httpx


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def serve(args: list[str], port: int, env: dict[str, str] | None = None, path: str = "/healthz") -> Iterator[str]:
    proc = subprocess.Popen(
        [sys.executable, *args], env={**os.environ, **(env or {})},
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    # a loaded machine may take minutes to import the app: MAILPLANE_BENCH_START_SECONDS
    deadline = time.monotonic() + float(os.environ.get("MAILPLANE_BENCH_START_SECONDS", "30"))
    try:
        while True:
            try:
                httpx.get(url + path, timeout=1)
                break
            except httpx.HTTPError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise RuntimeError(f"server {args} did not start") from None
                time.sleep(0.1)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=10)
