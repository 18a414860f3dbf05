"""Reference counts, deduplication and the orphan sweep stay right when several processes
share one blob backend: every store here has its own backend object on the same bytes, as
two processes would, and only the database coordinates them."""

from __future__ import annotations

import asyncio
import os
from datetime import timedelta

import pytest
from sqlalchemy import select

from api.storage.blobs import BlobRef, BlobStore, BlobVanished, LocalBlobBackend
from api.storage.models import BlobRecord
from tests.conftest import PG_URL


def twin_stores(runtime) -> tuple[BlobStore, BlobStore]:  # type: ignore[no-untyped-def]
    root = runtime.settings.blob_dir
    return BlobStore(LocalBlobBackend(root)), BlobStore(LocalBlobBackend(root))


async def refcount(runtime, sha: str) -> int | None:  # type: ignore[no-untyped-def]
    async with runtime.db.session(write=False) as session:
        return await session.scalar(select(BlobRecord.refcount).where(BlobRecord.sha256 == sha))


async def test_same_bytes_from_two_processes_are_stored_once_and_counted_twice(runtime):
    one, two = twin_stores(runtime)
    data = os.urandom(4096)
    async with runtime.db.session() as session:
        a = await one.put_bytes(session, data)
    async with runtime.db.session() as session:
        b = await two.put_bytes(session, data)
    assert a == b and await refcount(runtime, a.sha256) == 2
    assert len([p for p in runtime.settings.blob_dir.rglob(a.sha256)]) == 1


async def test_collector_and_a_new_writer_of_the_same_bytes_leave_a_readable_blob(runtime):
    one, two = twin_stores(runtime)
    data = os.urandom(2048)
    async with runtime.db.session() as session:
        ref = await one.put_bytes(session, data)
    async with runtime.db.session() as session:
        assert await one.decref(session, ref.sha256) == 0
    # process one collects (bytes removed, row deleted, not yet committed) while process
    # two stores the same bytes again
    async with runtime.db.session() as session:
        assert await one.collect(session, grace=timedelta(0)) == 1
        writer = asyncio.create_task(_put(runtime, two, data))
        await asyncio.sleep(0.3)
        if PG_URL:
            assert not writer.done()  # its incref waits on the collector's row lock
    await asyncio.wait_for(writer, 10)
    assert await refcount(runtime, ref.sha256) == 1
    assert await two.read_all(ref.sha256) == data


async def _put(runtime, store: BlobStore, data: bytes) -> BlobRef:  # type: ignore[no-untyped-def]
    async with runtime.db.session() as session:
        return await store.put_bytes(session, data)


async def test_a_reference_to_bytes_collected_meanwhile_is_refused(runtime):
    """A writer that found the bytes stored, then lost them to the collector before its
    incref, must fail rather than commit a reference to nothing."""
    store = BlobStore(LocalBlobBackend(runtime.settings.blob_dir))
    gone = BlobRef("f" * 64, 3)

    class FoundThenCollected(LocalBlobBackend):
        async def write(self, chunks, max_size=None):  # type: ignore[no-untyped-def]
            async for _ in chunks:
                pass
            return gone  # "already stored" (then removed before the incref below)

    store.backend = FoundThenCollected(runtime.settings.blob_dir)
    with pytest.raises(BlobVanished):
        async with runtime.db.session() as session:
            await store.put_bytes(session, b"abc")
    assert await refcount(runtime, gone.sha256) is None


async def test_collector_waits_out_the_grace_period(runtime):
    store = BlobStore(LocalBlobBackend(runtime.settings.blob_dir), grace=timedelta(hours=1))
    async with runtime.db.session() as session:
        ref = await store.put_bytes(session, b"kept a while")
        await store.decref(session, ref.sha256)
    async with runtime.db.session() as session:
        assert await store.collect(session) == 0
    async with runtime.db.session() as session:
        await store.incref(session, ref)  # found again within the grace period
    async with runtime.db.session() as session:
        assert await store.collect(session, grace=timedelta(0)) == 0
    assert await store.read_all(ref.sha256) == b"kept a while"


async def test_orphan_sweep_removes_only_old_unreferenced_bytes(runtime):
    store = BlobStore(LocalBlobBackend(runtime.settings.blob_dir))

    async def one(data: bytes):  # type: ignore[no-untyped-def]
        yield data

    orphan = await store.backend.write(one(b"crashed before commit"), None)
    async with runtime.db.session() as session:
        kept = await store.put_bytes(session, b"committed")
    async with runtime.db.session() as session:
        assert await store.sweep_orphans(session) == 0  # too young: maybe a writer's
        assert await store.sweep_orphans(session, grace=timedelta(0)) == 1
    assert not await store.backend.exists(orphan.sha256)
    assert await store.read_all(kept.sha256) == b"committed"
