"""The storage kit: blob store, event outbox sequences, job claims with leases."""

from __future__ import annotations

import asyncio
import hashlib
from datetime import timedelta

import pytest
from sqlalchemy import select

from api.events import emit
from api.kit.clock import utcnow
from api.storage.models import BlobRecord, Event, Job
from api.worker import jobs


async def _chunks(data: bytes, size: int = 7):
    for i in range(0, len(data), size):
        yield data[i : i + size]


async def test_blob_is_content_addressed_streamed_and_deduplicated(runtime):
    data = b"hello mailplane\r\n" * 1000
    async with runtime.db.session() as session:
        first = await runtime.blobs.put(session, _chunks(data))
        second = await runtime.blobs.put(session, _chunks(data, 100))
    assert first == second
    assert first.sha256 == hashlib.sha256(data).hexdigest() and first.size == len(data)
    assert await runtime.blobs.read_all(first.sha256) == data
    assert b"".join([c async for c in runtime.blobs.read(first.sha256, 6, 15)]) == data[6:15]
    async with runtime.db.session(write=False) as session:
        row = await session.get(BlobRecord, first.sha256)
    assert row is not None and row.refcount == 2
    files = [p for p in runtime.settings.blob_dir.rglob("*") if p.is_file()]
    assert len(files) == 1  # stored once; no temporary file left behind


async def test_blob_collected_only_when_unreferenced(runtime):
    async with runtime.db.session() as session:
        ref = await runtime.blobs.put_bytes(session, b"x" * 10)
        await runtime.blobs.put_bytes(session, b"x" * 10)
    async with runtime.db.session() as session:
        assert await runtime.blobs.decref(session, ref.sha256) == 1
        assert await runtime.blobs.collect(session) == 0
        assert await runtime.blobs.decref(session, ref.sha256) == 0
    async with runtime.db.session() as session:
        # unreferenced, but within the grace period a writer that found the bytes may
        # still take a reference: kept
        assert await runtime.blobs.collect(session) == 0
    async with runtime.db.session() as session:
        assert await runtime.blobs.collect(session, grace=timedelta(0)) == 1
    assert not await runtime.blobs.backend.exists(ref.sha256)


async def test_oversized_blob_write_is_refused_and_leaves_nothing(runtime):
    from api.errors import PayloadTooLarge

    with pytest.raises(PayloadTooLarge):
        async with runtime.db.session() as session:
            await runtime.blobs.put(session, _chunks(b"y" * 100), max_size=50)
    assert not [p for p in runtime.settings.blob_dir.rglob("*") if p.is_file()]


async def test_event_sequences_are_monotonic_per_org_under_concurrency(runtime, org, other_org):
    async def writer(org_id: str, n: int) -> None:
        for i in range(n):
            async with runtime.db.session() as session:
                await emit(session, org_id, "test.thing.created", {"id": f"t{i}"})

    await asyncio.gather(*(writer(org.id, 10) for _ in range(4)), writer(other_org.id, 5))
    async with runtime.db.session(write=False) as session:
        for o in (org, other_org):
            seqs = (await session.execute(
                select(Event.sequence).where(Event.org_id == o.id).order_by(Event.sequence)
            )).scalars().all()
            assert seqs == list(range(1, len(seqs) + 1))


async def test_event_in_rolled_back_transaction_is_not_published(runtime, org):
    class Boom(Exception):
        pass

    with pytest.raises(Boom):
        async with runtime.db.session() as session:
            await emit(session, org.id, "test.thing.created", {"id": "ghost"})
            raise Boom
    async with runtime.db.session(write=False) as session:
        ghost = await session.scalar(select(Event).where(Event.type == "test.thing.created"))
    assert ghost is None


async def test_jobs_are_claimed_once_and_reclaimed_after_lease(runtime):
    async with runtime.db.session() as session:
        for i in range(5):
            await jobs.enqueue(session, "test.kind", {"n": i})
    a, b = await asyncio.gather(
        jobs.claim(runtime.db, "w1", ["test.kind"], timedelta(seconds=60), limit=3),
        jobs.claim(runtime.db, "w2", ["test.kind"], timedelta(seconds=60), limit=3),
    )
    claimed = [j.id for j in a] + [j.id for j in b]
    assert len(claimed) == len(set(claimed)) == 5
    # a worker that dies keeps nothing: once the lease runs out the job is claimable again
    async with runtime.db.session() as session:
        job = await session.get(Job, claimed[0])
        job.lease_until = utcnow() - timedelta(seconds=1)
    again = await jobs.claim(runtime.db, "w3", ["test.kind"], timedelta(seconds=60))
    assert [j.id for j in again] == [claimed[0]] and again[0].attempts == 2


async def test_failed_job_is_retried_later_then_marked_failed(runtime):
    async with runtime.db.session() as session:
        job = await jobs.enqueue(session, "test.kind")
    await jobs.claim(runtime.db, "w", ["test.kind"], timedelta(seconds=60))
    await jobs.finish(runtime.db, job.id, error="boom", retry_in=30)
    async with runtime.db.session(write=False) as session:
        row = await session.get(Job, job.id)
    assert row.status == "queued" and row.run_at > utcnow() and row.last_error == "boom"
    await jobs.finish(runtime.db, job.id, error="boom again")
    async with runtime.db.session(write=False) as session:
        row = await session.get(Job, job.id)
    assert row.status == "failed"
