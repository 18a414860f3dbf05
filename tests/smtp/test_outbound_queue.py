"""The outbound queue across workers: the per-destination limit holds for several claimers
on one database, and finished rows are purged after `MAILPLANE_OUTBOUND_RETENTION`."""

from __future__ import annotations

import asyncio
from collections import Counter
from datetime import timedelta

import pytest
from sqlalchemy import select, update

from api.config import Settings
from api.kit.clock import utcnow
from api.kit.ids import new_id
from api.mail.outbound import queue
from api.mail.outbound import tasks as outbound_tasks
from api.mail.outbound.queue import Claim
from api.runtime import Runtime
from api.storage.db import Database
from api.storage.models import MailOutbound
from api.wiring import wire
from api.worker import runner


async def enqueue(runtime: Runtime, recipients: list[str], *, blob: str | None = None,
                  status: str = "queued", age: timedelta = timedelta(0)) -> list[str]:
    """Rows for one message (`blob`) to `recipients`, or one message each when blob is None."""
    now = utcnow()
    ids = []
    async with runtime.db.session() as session:
        for recipient in recipients:
            row = MailOutbound(
                id=new_id("out"), org_id="org_x", account_id=None, message_id=None,
                blob_sha256=blob or new_id("b").ljust(64, "0")[:64], size=100,
                envelope_from="alice@acme.test", recipient=recipient, status=status,
                next_attempt_at=now - timedelta(seconds=1), created_at=now - age,
                updated_at=now - age,
            )
            session.add(row)
            ids.append(row.id)
    return ids


def jobs(claims: list[Claim]) -> Counter[str]:
    """Live jobs per destination domain in these claims (one message = one job here)."""
    seen = {(c.recipient.split("@")[1], c.blob_sha256) for c in claims}
    return Counter(domain for domain, _ in seen)


async def finish(runtime: Runtime, claims: list[Claim]) -> None:
    async with runtime.db.session() as session:
        await session.execute(update(MailOutbound)
                              .where(MailOutbound.id.in_([c.id for c in claims]))
                              .values(status="sent", updated_at=utcnow()))


@pytest.fixture
async def second_db(runtime: Runtime):  # type: ignore[no-untyped-def]
    """Another worker process's engine on the same database."""
    db = Database(runtime.db.url)
    yield db
    await db.dispose()


async def test_two_claimers_together_respect_the_per_destination_limit(
    runtime: Runtime, second_db: Database
) -> None:
    await enqueue(runtime, [f"user{i}@big.example" for i in range(20)])
    await enqueue(runtime, ["a@small.example", "b@small.example"])

    async def both() -> list[Claim]:
        got = await asyncio.gather(*[
            queue.claim(db, 2, 60, set(), per_destination=3)
            for db in (runtime.db, second_db, runtime.db, second_db)
        ])
        return [c for batch in got for c in batch]

    first = await both()
    assert jobs(first)["big.example"] == 3, jobs(first)
    # the limit is on live leases: nothing more for big.example while those are held
    more = await both()
    assert jobs(more)["big.example"] == 0
    assert jobs(first)["small.example"] + jobs(more)["small.example"] == 2
    done = [c for c in first if c.recipient.endswith("@big.example")][:2]
    await finish(runtime, done)
    after = await both()
    assert jobs(after)["big.example"] == 2


async def test_recipients_of_one_message_share_a_job_of_up_to_fifty(runtime: Runtime) -> None:
    await enqueue(runtime, [f"user{i}@big.example" for i in range(60)], blob="f" * 64)
    claimed = await queue.claim(runtime.db, 200, 60, set(), per_destination=1)
    assert len(claimed) == queue.RECIPIENTS_PER_JOB  # one transaction's worth, not 60
    assert await queue.claim(runtime.db, 200, 60, set(), per_destination=1) == []
    assert len(await queue.claim(runtime.db, 200, 60, set(), per_destination=2)) == 10


async def test_expired_leases_free_their_slots(runtime: Runtime, second_db: Database) -> None:
    await enqueue(runtime, [f"user{i}@big.example" for i in range(3)])
    dead = await queue.claim(runtime.db, 10, 0.05, set(), per_destination=1)  # then dies
    assert len(dead) == 1
    assert await queue.claim(second_db, 10, 60, set(), per_destination=1) == []
    await asyncio.sleep(0.1)
    assert len(await queue.claim(second_db, 10, 60, set(), per_destination=1)) == 1


async def test_a_saturated_destination_does_not_starve_the_others(runtime: Runtime) -> None:
    await enqueue(runtime, [f"user{i}@big.example" for i in range(40)])
    await enqueue(runtime, ["x@late.example"])  # queued after all of big's
    first = await queue.claim(runtime.db, 2, 60, set(), per_destination=2)
    assert jobs(first) == {"big.example": 2}
    second = await queue.claim(runtime.db, 2, 60, set(), per_destination=2)
    assert jobs(second) == {"late.example": 1}


async def test_through_a_smarthost_the_limit_is_for_everything(runtime: Runtime) -> None:
    await enqueue(runtime, ["a@one.example", "b@two.example", "c@three.example"])
    claimed = await queue.claim(runtime.db, 10, 60, set(), per_destination=2, smarthost=True)
    assert len(claimed) == 2
    assert await queue.claim(runtime.db, 10, 60, set(), per_destination=2,
                             smarthost=True) == []


async def test_finished_rows_are_purged_after_the_retention(
    runtime: Runtime, monkeypatch: pytest.MonkeyPatch
) -> None:
    week = timedelta(seconds=runtime.settings.outbound_retention)
    assert week == timedelta(days=7)
    old_sent = await enqueue(runtime, ["a@x.example"] * 3, status="sent", age=week * 1.2)
    old_failed = await enqueue(runtime, ["b@x.example"], status="failed", age=week * 1.2)
    recent = await enqueue(runtime, ["c@x.example"], status="sent", age=timedelta(days=1))
    old_pending = (await enqueue(runtime, ["d@x.example"], status="deferred", age=week * 2)
                   + await enqueue(runtime, ["e@x.example"], status="queued", age=week * 2))
    monkeypatch.setattr(outbound_tasks, "PURGE_BATCH", 2)  # several batches
    assert await outbound_tasks.purge_finished_outbound(runtime) == 4
    async with runtime.db.session(write=False) as session:
        left = set((await session.execute(select(MailOutbound.id))).scalars().all())
    assert left == set(recent + old_pending)
    assert not left & set(old_sent + old_failed)
    runtime.settings.outbound_retention = 3600
    assert await outbound_tasks.purge_finished_outbound(runtime) == 1


def test_the_worker_schedules_the_purge_and_the_retention_is_configurable(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    wire()
    assert (outbound_tasks.PURGE_EVERY, outbound_tasks.purge_finished_outbound) in runner.PERIODIC
    monkeypatch.setenv("MAILPLANE_OUTBOUND_RETENTION", "86400")
    assert Settings().outbound_retention == 86400
