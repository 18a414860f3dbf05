"""A huge attachment end to end against a real server process: upload a file through an
upload session (chunked PUTs, commit), send it to a local recipient (stored once as a real
attachment), download it back decoded; beside a plain file copy on the same disk in the
same run, with the server's peak RSS.

    .venv/bin/python benchmarks/attachments.py [--size-mb 2048] [--chunk-mb 64] [--dir PATH]

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
import hashlib  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import shutil  # noqa: E402
import socket  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from collections.abc import Iterator  # noqa: E402

import httpx  # noqa: E402

MB = 1024 * 1024


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def make_file(path: Path, size: int) -> str:
    digest = hashlib.sha256()
    block = os.urandom(64 * MB)
    with open(path, "wb") as fh:
        left = size
        while left:
            piece = block[: min(left, len(block))]
            fh.write(piece)
            digest.update(piece)
            left -= len(piece)
        fh.flush()
        os.fsync(fh.fileno())
    return digest.hexdigest()


def drop_caches() -> None:
    try:
        subprocess.run(["sync"], check=False)
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
    except OSError:
        pass


def plain_copy(src: Path, dst: Path) -> float:
    started = time.perf_counter()
    shutil.copyfile(src, dst)
    with open(dst, "rb") as fh:
        os.fsync(fh.fileno())
    return time.perf_counter() - started


def peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return round(int(line.split()[1]) / 1024, 1)
    return -1.0


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return round(int(line.split()[1]) / 1024, 1)
    return -1.0


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
    async with runtime.db.session() as session:
        made = await create_organization(
            session, name="Bench", domain="bench.test", admin="admin", password="bench-password-1"
        )
        session.add(
            Account(
                id=new_id("acc"),
                org_id=made.org.id,
                domain_id=made.domain.id,
                address="bob@bench.test",
                display_name="Bob",
                password_hash=hash_password("bench-password-2"),
            )
        )
    await runtime.db.dispose()
    return {"client_id": made.app.id, "secret": made.client_secret}


def read_chunks(path: Path, start: int, length: int) -> Iterator[bytes]:
    with open(path, "rb") as fh:
        fh.seek(start)
        left = length
        while left:
            data = fh.read(min(4 * MB, left))
            if not data:
                break
            left -= len(data)
            yield data


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size-mb", type=int, default=2048)
    parser.add_argument("--chunk-mb", type=int, default=64)
    parser.add_argument("--dir", type=Path, default=None)
    args = parser.parse_args()
    size = args.size_mb * MB
    root = Path(tempfile.mkdtemp(prefix="mailplane-att-", dir=args.dir))
    data_dir = root / "data"
    creds = asyncio.run(setup(data_dir))
    src = root / "source.bin"
    sha = make_file(src, size)
    copy_seconds = plain_copy(src, root / "copy.bin")
    (root / "copy.bin").unlink()

    port = free_port()
    env = {
        **os.environ,
        "MAILPLANE_DATA_DIR": str(data_dir),
        "MAILPLANE_PORT": str(port),
        "MAILPLANE_SECRET_KEY": "bench-secret-key-0123456789abcdef",
        "MAILPLANE_MAIL_LINK_THRESHOLD_BYTES": str(25 * MB),
        "MAILPLANE_MAIL_MAX_UPLOAD_BYTES": str(max(size, MB) * 2),
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
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    result: dict = {
        "benchmark": "attachments",
        "size_bytes": size,
        "chunk_bytes": args.chunk_mb * MB,
        "dir": str(root),
    }
    try:
        with httpx.Client(base_url=base, timeout=600) as client:
            for _ in range(1200):
                try:
                    client.get("/healthz")
                    break
                except httpx.HTTPError:
                    time.sleep(0.1)
            token = client.post(
                "/oauth/token",
                data={"grant_type": "client_credentials"},
                auth=(creds["client_id"], creds["secret"]),
            ).json()["access_token"]
            auth = {"Authorization": f"Bearer {token}"}
            idle_rss = rss_mb(server.pid)

            started = time.perf_counter()
            up = client.post(
                "/v1/accounts/admin@bench.test/mail/uploads",
                headers=auth,
                json={"filename": "大文件.bin", "size": size},
            ).json()
            chunk = args.chunk_mb * MB
            for start in range(0, size, chunk):
                length = min(chunk, size - start)
                resp = client.put(
                    up["upload_url"],
                    content=read_chunks(src, start, length),
                    headers={
                        **auth,
                        "Content-Length": str(length),
                        "Content-Range": f"bytes {start}-{start + length - 1}/{size}",
                    },
                )
                resp.raise_for_status()
            done = client.post(f"{up['upload_url']}/commit", headers=auth, params={"sha256": sha})
            done.raise_for_status()
            upload_seconds = time.perf_counter() - started

            started = time.perf_counter()
            sent = client.post(
                "/v1/accounts/admin@bench.test/mail/send",
                headers=auth,
                json={
                    "to": ["bob@bench.test"],
                    "subject": "big",
                    "text": "the file",
                    "attachments": [{"upload_id": up["id"]}],
                },
            )
            sent.raise_for_status()
            send_seconds = time.perf_counter() - started

            msg = client.get("/v1/accounts/bob@bench.test/mail/messages", headers=auth).json()[
                "data"
            ][0]
            att = msg["attachments"][0]
            digest = hashlib.sha256()
            got = 0
            started = time.perf_counter()
            with client.stream(
                "GET",
                f"/v1/accounts/bob@bench.test/mail/messages/{msg['id']}/attachments/{att['id']}",
                headers=auth,
            ) as resp:
                resp.raise_for_status()
                for piece in resp.iter_bytes(4 * MB):
                    digest.update(piece)
                    got += len(piece)
            download_seconds = time.perf_counter() - started
            peak = peak_rss_mb(server.pid)
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert got == size and digest.hexdigest() == sha, "downloaded bytes differ"
    copy_mbs = size / MB / copy_seconds
    result.update(
        {
            "plain_copy_mb_s": round(copy_mbs, 1),
            "upload_mb_s": round(size / MB / upload_seconds, 1),
            "upload_vs_copy": round(size / MB / upload_seconds / copy_mbs, 2),
            "send_to_local_seconds": round(send_seconds, 1),
            "message_size_bytes": msg["size"],
            "download_mb_s": round(size / MB / download_seconds, 1),
            "download_vs_copy": round(size / MB / download_seconds / copy_mbs, 2),
            "server_idle_rss_mb": idle_rss,
            "server_peak_rss_mb": peak,
            "bytes_verified": True,
        }
    )
    shutil.rmtree(root, ignore_errors=True)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
