"""Resumable upload sessions across processes: two api processes behind HAProxy, each with
a data directory of its own (nothing shared on disk), on PostgreSQL, blobs in the shared
backend. A chunk lands on each process and the commit joins them; with S3 (moto), the
process taking a chunk is SIGKILLed in the middle of that chunk's multipart upload, the
client resumes through the balancer on the other process, and the dead writer's multipart
upload and parts leave nothing behind after the sweep."""

from __future__ import annotations

import asyncio
import hashlib
import os
import subprocess
import time
from collections.abc import AsyncIterator, Iterator
from datetime import timedelta
from pathlib import Path

import boto3
import httpx
import pytest

from api.config import Settings
from tests.conftest import PG_URL
from tests.live_server import free_port
from tests.scale.processes import RoleProcess, role_env
from tests.storage.s3_server import s3_server

pytestmark = pytest.mark.skipif(
    not PG_URL, reason="runs in the PostgreSQL pass (processes share one database server)")

CONFIG = Path(__file__).parents[2] / "deploy" / "haproxy" / "haproxy.cfg"
MiB = 1024 * 1024
LEASE = 2.0  # a dead process's chunk frees its range this long after its last renewal


@pytest.fixture(scope="module")
def s3_endpoint() -> Iterator[str]:
    with s3_server() as endpoint:
        yield endpoint


@pytest.fixture(params=["s3", "postgresql"])
def settings(request, database_url: str, tmp_path: Path) -> Settings:  # type: ignore[no-untyped-def]
    endpoint = request.getfixturevalue("s3_endpoint")  # every test: one server per module
    if request.param == "s3":
        bucket = f"up-{os.getpid()}-{time.monotonic_ns()}"
        blob_url = (f"s3://test:test@{bucket}/mail?endpoint={endpoint}&create_bucket=1"
                    f"&part_size={5 * MiB}&concurrency=1")
    else:
        blob_url = "postgresql:"
    return Settings(data_dir=tmp_path / "data", database_url=database_url,
                    secret_key="test-secret-key-not-for-production", blob_url=blob_url,
                    rate_limit_app_per_minute=100_000, rate_limit_org_per_minute=100_000)


class Balanced:
    """Two api processes (own data directories) behind HAProxy."""

    def __init__(self, settings: Settings, root: Path) -> None:
        self.apis = []
        for n in (1, 2):
            env = role_env(settings, mail_upload_chunk_lease=LEASE)
            env["MAILPLANE_DATA_DIR"] = str(root / f"node{n}")
            self.apis.append(RoleProcess("api", env, root / f"api{n}.log"))
        self.port = free_port()
        self.root = root
        self.proxy: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> Balanced:
        for api in self.apis:
            api.start(wait=False)
        for api in self.apis:
            api.wait_ready()
        self.proxy = subprocess.Popen(
            ["haproxy", "-db", "-f", str(CONFIG)],
            env={**os.environ, "MAILPLANE_LB_BIND": f"127.0.0.1:{self.port}",
                 "MAILPLANE_API_1": f"127.0.0.1:{self.apis[0].port}",
                 "MAILPLANE_API_2": f"127.0.0.1:{self.apis[1].port}"},
            stdout=(self.root / "haproxy.log").open("wb"), stderr=subprocess.STDOUT,
        )
        return self

    def stop(self) -> None:
        if self.proxy is not None:
            self.proxy.terminate()
            self.proxy.wait(10)
        for api in self.apis:
            api.stop()


@pytest.fixture
async def balanced(settings: Settings, tmp_path: Path) -> AsyncIterator[Balanced]:
    made = Balanced(settings, tmp_path)
    try:
        made.start()
        async with httpx.AsyncClient(base_url=made.url, timeout=30) as http:
            deadline = time.monotonic() + 30
            while True:
                with _transport_errors():
                    if (await http.get("/readyz")).status_code == 200:
                        break
                assert time.monotonic() < deadline, "haproxy did not come up"
                await asyncio.sleep(0.2)
        yield made
    finally:
        made.stop()


class _transport_errors:
    def __enter__(self) -> None:
        return None

    def __exit__(self, kind, exc, tb) -> bool:  # type: ignore[no-untyped-def]
        return kind is not None and issubclass(kind, httpx.TransportError)


async def _put(http: httpx.AsyncClient, upload_url: str, auth: dict[str, str], data: bytes,
               start: int, end: int) -> httpx.Response:
    return await http.put(upload_url, content=data[start:end], headers={
        **auth, "Content-Range": f"bytes {start}-{end - 1}/{len(data)}"})


async def test_a_chunk_through_each_process_then_commit(org, settings, balanced):
    """api2 is down while chunk 1 goes through the balancer (so api1 takes it), api1 is
    down for chunk 2 and the commit (api2 takes them); neither shares a disk."""
    alice = await org.add_account("alice")
    auth = await org.headers()
    data = os.urandom(3 * MiB + 12345)
    split = 1 * MiB + 7
    api1, api2 = balanced.apis
    async with httpx.AsyncClient(base_url=balanced.url, timeout=600) as http:
        made = await http.post(f"/v1/accounts/{alice.address}/mail/uploads", headers=auth,
                               json={"filename": "report.bin", "size": len(data)})
        assert made.status_code == 201, made.text
        upload_url = made.json()["upload_url"]

        api2.kill()  # refused connections are retried on api1
        first = await _put(http, upload_url, auth, data, 0, split)
        assert first.status_code == 200, first.text
        assert first.json()["received"] == [[0, split]]

        api2.start(wait=False)
        await asyncio.to_thread(api2.wait_ready)
        await asyncio.sleep(3)  # HAProxy's checks mark it up again (rise 2, every second)
        api1.kill()
        second = await _put(http, upload_url, auth, data, split, len(data))
        assert second.status_code == 200, second.text
        assert second.json()["received"] == [[0, len(data)]]
        done = await http.post(f"{upload_url}/commit", headers=auth,
                               params={"sha256": hashlib.sha256(data).hexdigest()})
        assert done.status_code == 200, done.text
        assert done.json()["state"] == "committed"
    assert await org.runtime.blobs.read_all(done.json()["sha256"]) == data
    for node in ("node1", "node2"):  # neither process kept a byte of it on its disk
        assert not list((balanced.root / node).rglob("*.part"))
        assert not (balanced.root / node / "uploads").exists()


@pytest.mark.parametrize("settings", ["s3"], indirect=True)
async def test_interrupted_multipart_chunk_resumes_on_the_other_process(
        org, settings, balanced, s3_endpoint):
    alice = await org.add_account("alice")
    auth = await org.headers()
    data = os.urandom(5 * MiB + 40 * MiB)  # chunk 2: 8 parts of 5 MiB, uploaded one by one
    split = 5 * MiB
    api1, api2 = balanced.apis
    s3 = boto3.client("s3", endpoint_url=s3_endpoint, region_name="us-east-1",
                      aws_access_key_id="test", aws_secret_access_key="test")
    bucket = settings.blob_url.split("@", 1)[1].split("/", 1)[0]  # type: ignore[union-attr]

    def pending() -> list[dict]:  # type: ignore[type-arg]
        return list(s3.list_multipart_uploads(Bucket=bucket).get("Uploads", []))

    async with httpx.AsyncClient(base_url=balanced.url, timeout=600) as http:
        made = await http.post(f"/v1/accounts/{alice.address}/mail/uploads", headers=auth,
                               json={"filename": "huge.bin", "size": len(data)})
        upload_url = made.json()["upload_url"]
        assert (await _put(http, upload_url, auth, data, 0, split)).status_code == 200

        # chunk 2 straight to api1; SIGKILL it once its multipart upload has begun
        async with httpx.AsyncClient(base_url=api1.url, timeout=600) as direct:
            sending = asyncio.create_task(_put(direct, upload_url, auth, data, split, len(data)))
            deadline = time.monotonic() + 60
            while not await asyncio.to_thread(pending):
                assert not sending.done(), "chunk finished before its multipart upload was seen"
                assert time.monotonic() < deadline
                await asyncio.sleep(0.01)
            api1.kill()
            with pytest.raises(httpx.TransportError):
                await sending
        left = await asyncio.to_thread(pending)
        assert len(left) == 1  # the dead writer's multipart upload, neither done nor aborted

        state = (await http.get(upload_url, headers=auth)).json()  # answered by api2
        assert state["received"] == [[0, split]] and state["state"] == "open"
        killed = time.monotonic()
        while True:  # the dead chunk's range frees itself a lease later
            again = await _put(http, upload_url, auth, data, split, len(data))
            if again.status_code == 200:
                break
            assert again.status_code == 422 and again.json()["code"] == "range_overlap"
            assert time.monotonic() - killed < LEASE * 3 + 10, "the range stayed reserved"
            await asyncio.sleep(0.3)
        done = await http.post(f"{upload_url}/commit", headers=auth)
        assert done.status_code == 200, done.text
    digest = hashlib.sha256(data).hexdigest()
    assert done.json()["sha256"] == digest
    assert await org.runtime.blobs.read_all(digest) == data

    # the sweep aborts the dead multipart upload; the collector removes the two parts
    async with org.runtime.db.session() as session:
        await org.runtime.blobs.sweep_orphans(session, grace=timedelta(0))
        assert await org.runtime.blobs.collect(session, grace=timedelta(0)) == 2
    assert await asyncio.to_thread(pending) == []
    keys = {o["Key"].rsplit("/", 1)[-1]
            for o in s3.list_objects_v2(Bucket=bucket).get("Contents", [])}
    assert keys == {digest}
