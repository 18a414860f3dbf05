"""`mailplane blobs migrate`: every referenced blob moves to the new backend verified by
hash, an interrupted move resumes, wrong bytes in the target are repaired, and a service
switched over with the old backend as fallback reads every blob meanwhile."""

from __future__ import annotations

import asyncio
import json
import os

import pytest
from typer.testing import CliRunner

from api.cli import cli
from api.config import get_settings
from api.runtime import Runtime
from api.storage.blob_migration import move_blobs
from api.storage.blob_url import FallbackBackend, open_backend
from api.storage.blobs import BlobStore


def s3(endpoint: str, bucket: str) -> str:
    return f"s3://test:test@{bucket}/mail?endpoint={endpoint}&create_bucket=1"


async def stored(runtime: Runtime, count: int) -> dict[str, bytes]:
    out = {}
    async with runtime.db.session() as session:
        for _ in range(count):
            data = os.urandom(1000 + len(out))
            ref = await runtime.blobs.put_bytes(session, data)
            out[ref.sha256] = data
    return out


async def test_interrupted_move_resumes_and_the_switched_service_reads_everything(
    runtime, s3_endpoint, tmp_path
):
    blobs = await stored(runtime, 12)
    target = open_backend(s3(s3_endpoint, f"m{os.urandom(4).hex()}"), spool_dir=tmp_path)
    copied: list[str] = []

    class DiesAfterFive:
        def __getattr__(self, name):  # type: ignore[no-untyped-def]
            return getattr(target, name)

        async def write(self, chunks, max_size=None):  # type: ignore[no-untyped-def]
            if len(copied) == 5:
                raise ConnectionError("the migration host lost its network")
            ref = await target.write(chunks, max_size)
            copied.append(ref.sha256)
            return ref

    with pytest.raises(ConnectionError):
        await move_blobs(runtime.db, runtime.blobs.backend, DiesAfterFive())  # type: ignore[arg-type]
    report = await move_blobs(runtime.db, runtime.blobs.backend, target)
    assert (report.present, report.copied, report.missing, report.corrupt) == (5, 7, [], [])

    # mail arriving after the copy, before the service switched over, is still on the old one
    late = await stored(runtime, 2)
    switched = BlobStore(FallbackBackend(target, runtime.blobs.backend))
    for sha, data in {**blobs, **late}.items():
        assert await switched.read_all(sha) == data
    report = await move_blobs(runtime.db, runtime.blobs.backend, target, verify=True)
    assert (report.present, report.copied) == (12, 2)
    for sha, data in {**blobs, **late}.items():
        assert b"".join([c async for c in target.open_range(sha)]) == data
    await target.close()  # type: ignore[attr-defined]


async def test_verify_repairs_wrong_bytes_in_the_target(runtime, tmp_path):
    blobs = await stored(runtime, 3)
    target = open_backend(f"file://{tmp_path / 'new'}")
    await move_blobs(runtime.db, runtime.blobs.backend, target)
    victim = sorted(blobs)[1]
    target.path(victim).write_bytes(b"bit rot")  # type: ignore[attr-defined]
    assert (await move_blobs(runtime.db, runtime.blobs.backend, target)).repaired == 0
    report = await move_blobs(runtime.db, runtime.blobs.backend, target, verify=True)
    assert (report.repaired, report.copied, report.present) == (1, 1, 2)
    assert target.path(victim).read_bytes() == blobs[victim]  # type: ignore[attr-defined]


async def test_cli_reports_blobs_missing_at_the_source(runtime, tmp_path, monkeypatch):
    blobs = await stored(runtime, 2)
    lost = sorted(blobs)[0]
    await runtime.blobs.backend.remove(lost)
    monkeypatch.setenv("MAILPLANE_DATA_DIR", str(runtime.settings.data_dir))
    monkeypatch.setenv("MAILPLANE_DATABASE_URL", runtime.settings.effective_database_url)
    get_settings.cache_clear()
    state = tmp_path / "state.json"
    try:
        result = await asyncio.to_thread(  # the command runs its own event loop
            CliRunner().invoke, cli,
            ["blobs", "migrate", "--to", f"file://{tmp_path / 'n'}", "--state", str(state)])
    finally:
        get_settings.cache_clear()
    assert result.exit_code == 1, result.output
    report = json.loads(result.output.strip().splitlines()[-1])
    assert report["missing"] == [lost] and report["copied"] == 1
    assert json.loads(state.read_text())["last"] == max(blobs)
