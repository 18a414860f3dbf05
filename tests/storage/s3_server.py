"""An S3-compatible server on a loopback port for the S3 blob backend: moto's server mode
(`moto[server]`), a separate process, spoken to over real HTTP by aiobotocore.

Why moto: of what PyPI and Debian offer, it implements the S3 REST API the backend uses
(multipart upload, ranged GET, HEAD, copy, list-multipart-uploads, abort) and starts in a
second without a binary download; MinIO and Ceph RGW ship no PyPI/Debian server package.
"""

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
def s3_server() -> Iterator[str]:
    """Start `moto_server` and yield its endpoint URL."""
    port = free_port()
    env = {**os.environ, "AWS_ACCESS_KEY_ID": "test", "AWS_SECRET_ACCESS_KEY": "test"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env,
    )
    endpoint = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 300  # a loaded machine starts Python slowly
    try:
        while True:
            try:
                if httpx.get(endpoint + "/moto-api/", timeout=1).status_code < 500:
                    break
            except httpx.HTTPError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("moto server did not start")
            time.sleep(0.1)
        yield endpoint
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
