"""Every blob backend keeps the same promises: content-addressed writes stored once, exact
ranged reads, all-or-nothing writes, removal and listing; on a real folder, a real
PostgreSQL and a real S3-compatible server on loopback."""

from __future__ import annotations

import hashlib
import os
from collections.abc import AsyncIterator

import pytest

from api.errors import NotFound, PayloadTooLarge
from api.storage.blob_url import describe, open_backend
from api.storage.blobs import LocalBlobBackend
from api.storage.blobs_s3 import S3BlobBackend
from api.storage.blobs_sql import DatabaseBlobBackend
from tests.conftest import PG_URL


async def chunks(data: bytes, size: int = 65_536) -> AsyncIterator[bytes]:
    for i in range(0, len(data), size):
        yield data[i : i + size]


def s3_url(endpoint: str, bucket: str, **extra: str) -> str:
    query = "&".join(
        [f"endpoint={endpoint}", "create_bucket=1", *(f"{k}={v}" for k, v in extra.items())])
    return f"s3://test:test@{bucket}/mail?{query}"


@pytest.fixture(params=["file", "postgresql", "s3"])
async def backend(request, settings, runtime, tmp_path):  # type: ignore[no-untyped-def]
    # `runtime` empties the tables afterwards on PostgreSQL
    kind = request.param
    if kind == "file":
        made = open_backend(f"file://{tmp_path / 'blobs'}")
    elif kind == "postgresql":
        if not PG_URL:
            pytest.skip("the database backend needs PostgreSQL (covered by the PostgreSQL run)")
        made = open_backend("postgresql:", database_url=settings.effective_database_url)
    else:
        endpoint = request.getfixturevalue("s3_endpoint")
        made = open_backend(s3_url(endpoint, f"b{os.urandom(4).hex()}", part_size=str(5 << 20)),
                            spool_dir=tmp_path)
    yield made
    await made.close()  # type: ignore[attr-defined]


def test_blob_url_picks_the_backend_and_hides_secrets(tmp_path):
    assert isinstance(open_backend(f"file://{tmp_path}"), LocalBlobBackend)
    s3 = open_backend("s3://AK:SK@mail-bucket/prefix?endpoint=http://127.0.0.1:9&part_size=8388608")
    assert isinstance(s3, S3BlobBackend)
    assert (s3.where.bucket, s3.where.prefix, s3.where.access_key, s3.where.part_size) == (
        "mail-bucket", "prefix/", "AK", 8 << 20)
    assert "SK" not in describe("s3://AK:SK@mail-bucket/prefix?endpoint=http://x&secret_key=SK")
    with pytest.raises(ValueError):
        open_backend("ftp://nowhere/")
    with pytest.raises(ValueError):
        open_backend("postgresql:", database_url="sqlite+aiosqlite:///x.db")


async def test_write_is_content_addressed_and_stored_once(backend):
    data = os.urandom(3 * 1024 * 1024 + 17)  # spans several chunks and a partial one
    first = await backend.write(chunks(data), None)
    second = await backend.write(chunks(data, 1000), None)
    assert first == second and first.sha256 == hashlib.sha256(data).hexdigest()
    assert first.size == len(data)
    assert b"".join([c async for c in backend.open_range(first.sha256)]) == data
    names = [sha async for sha, _ in backend.keys()]
    assert names == [first.sha256]


async def test_local_write_many_stores_a_batch_in_one_trip(tmp_path):
    backend = LocalBlobBackend(tmp_path)
    datas = [b"one", b"two", b"one", os.urandom(70_000)]
    refs = await backend.write_many(datas)
    assert [r.sha256 for r in refs] == [hashlib.sha256(d).hexdigest() for d in datas]
    assert [r.size for r in refs] == [len(d) for d in datas]
    for ref, data in zip(refs, datas, strict=True):
        assert b"".join([c async for c in backend.open_range(ref.sha256)]) == data
    assert len([sha async for sha, _ in backend.keys()]) == 3  # the same bytes stored once
    assert not list((tmp_path / "tmp").iterdir())


async def test_ranged_reads_return_exactly_the_range(backend):
    data = os.urandom(2 * 1024 * 1024 + 5)
    ref = await backend.write(chunks(data), None)
    for start, end in [(0, 1), (5, 1024 * 1024 + 9), (1024 * 1024, 1024 * 1024 + 1),
                       (len(data) - 3, len(data)), (100, None), (len(data), None)]:
        got = b"".join([c async for c in backend.open_range(ref.sha256, start, end)])
        assert got == data[start:end], (start, end)


async def test_empty_blob_round_trips(backend):
    ref = await backend.write(chunks(b""), None)
    assert ref.size == 0 and await backend.exists(ref.sha256)
    assert b"".join([c async for c in backend.open_range(ref.sha256)]) == b""


async def test_oversized_write_is_refused_and_leaves_nothing(backend):
    with pytest.raises(PayloadTooLarge):
        await backend.write(chunks(b"z" * 10_000, 100), 5_000)
    assert [sha async for sha, _ in backend.keys()] == []


async def test_removed_blob_is_not_found(backend):
    ref = await backend.write(chunks(b"gone soon"), None)
    await backend.remove(ref.sha256)
    assert not await backend.exists(ref.sha256)
    with pytest.raises(NotFound):
        [c async for c in backend.open_range(ref.sha256)]
    await backend.remove(ref.sha256)  # removing twice is fine


async def test_database_backend_stages_until_named(settings, runtime):
    if not PG_URL:
        pytest.skip("the database backend needs PostgreSQL (covered by the PostgreSQL run)")
    made = DatabaseBlobBackend(settings.effective_database_url, chunk_size=1024)

    async def dies() -> AsyncIterator[bytes]:
        yield b"a" * 5000
        raise ConnectionResetError("client went away")

    with pytest.raises(ConnectionResetError):
        await made.write(dies(), None)
    from sqlalchemy import func, select

    from api.storage.models import BlobChunk, BlobObject

    async with made.engine.connect() as conn:
        assert await conn.scalar(select(func.count()).select_from(BlobObject.__table__)) == 0
        assert await conn.scalar(select(func.count()).select_from(BlobChunk.__table__)) == 0
    await made.close()
