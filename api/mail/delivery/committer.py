"""Group commit: SMTP sessions hand their writes to a committer, which runs many of them in
one database transaction, makes the batch's blobs durable with one sync, commits once, and
only then answers each session (which says `250`).

Deliveries that pass `pending(session)` as `later` are gathered and stored per mailbox
(`api.mail.delivery.batch`) just before the commit.

If anything in a batch fails, the batch is rolled back and each unit of work is retried in
a transaction of its own, so one bad message never costs another its `250`.
One batch at a time: every delivery writes its organisation's event sequence row, so
parallel batches would only queue on that row (or deadlock on it). A deadlock with another
process's transaction (PostgreSQL) is retried.

A committer that was never `start`ed (API sends: no server of their own to start it with)
runs its batches on a task made on demand, which ends once the queue is empty. `finish`
runs after a batch's work and before the gathered deliveries are stored (API sends store
their Sent copies there, set-based, as the deliveries are).
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from sqlalchemy.ext.asyncio import AsyncSession

from api.mail.delivery import batch as pending_stores
from api.mail.delivery.blobsync import DeferredSyncBackend
from api.runtime import Runtime
from api.storage.blobs import BlobStore, LocalBlobBackend

log = logging.getLogger("mailplane.smtp")

T = TypeVar("T")
Work = Callable[[AsyncSession, Runtime], Awaitable[T]]


@dataclass
class _Item(Generic[T]):
    work: Work[T]
    future: asyncio.Future[T]


class GroupCommitter:
    """`await committer.run(work)` returns once `work`'s writes are committed durably."""

    def __init__(
        self, runtime: Runtime, *, max_batch: int = 200, parallel: int | None = None,
        finish: Work[None] | None = None,
    ) -> None:
        self.runtime = runtime
        self.max_batch = max_batch
        self.parallel = parallel or 1
        self.finish = finish
        self.queue: asyncio.Queue[_Item[Any]] = asyncio.Queue()
        self._tasks: list[asyncio.Task[None]] = []
        self._drainer: asyncio.Task[None] | None = None
        self.batches = 0
        self.committed = 0
        self.busy = 0

    def start(self) -> None:
        if not self._tasks:
            self._tasks = [asyncio.create_task(self._loop(), name=f"smtp-commit-{i}")
                           for i in range(self.parallel)]

    async def stop(self) -> None:
        """Finish what is queued, then stop."""
        while not self.queue.empty() or self.busy or self._drainer is not None:
            await asyncio.sleep(0.01)
        for task in self._tasks:
            task.cancel()
        for task in self._tasks:
            with contextlib.suppress(asyncio.CancelledError):
                await task
        self._tasks = []

    async def run(self, work: Work[T]) -> T:
        future: asyncio.Future[T] = asyncio.get_running_loop().create_future()
        self.queue.put_nowait(_Item(work, future))
        if not self._tasks and self._drainer is None:
            self._drainer = asyncio.create_task(self._drain(), name="commit-on-demand")
        # shielded: a client hanging up must not cancel a write others share
        return await asyncio.shield(future)

    def _batch_runtime(self) -> tuple[Runtime, DeferredSyncBackend | None]:
        backend = self.runtime.blobs.backend
        if isinstance(backend, LocalBlobBackend) and not isinstance(backend, DeferredSyncBackend):
            deferred = DeferredSyncBackend(backend.root)
            return dataclasses.replace(self.runtime, blobs=BlobStore(deferred)), deferred
        return self.runtime, None

    async def _loop(self) -> None:
        while True:
            await self._run_batch([await self.queue.get()])

    async def _drain(self) -> None:
        """The on-demand task: batches until the queue is empty, then ends (no await
        between the last look at the queue and the end, so `run` never misses it)."""
        try:
            while not self.queue.empty():
                await self._run_batch([self.queue.get_nowait()])
        finally:
            self._drainer = None

    async def _run_batch(self, batch: list[_Item[Any]]) -> None:
        while len(batch) < self.max_batch:
            try:
                batch.append(self.queue.get_nowait())
            except asyncio.QueueEmpty:
                break
        self.busy += 1
        try:
            await self._commit(batch)
        except Exception:  # pragma: no cover - _commit answers every item itself
            log.exception("group commit failed")
        finally:
            self.busy -= 1

    async def _commit(self, batch: list[_Item[Any]], attempt: int = 0) -> None:
        runtime, deferred = self._batch_runtime()
        results: list[Any] = []
        try:
            async with runtime.db.session() as session:
                gathered = pending_stores.begin(session)
                for item in batch:
                    results.append(await item.work(session, runtime))
                if self.finish is not None:
                    await self.finish(session, runtime)
                await gathered.flush(session, runtime.blobs)
                if deferred is not None:
                    await deferred.sync()
        except Exception as exc:
            if len(batch) == 1:
                if attempt < RETRIES and _retryable(exc):
                    await self._commit(batch, attempt + 1)
                    return
                _answer(batch[0], error=exc)
                return
            log.info("group commit of %d fell back to one by one: %s", len(batch), exc)
            for item in batch:
                await self._commit([item])
            return
        self.batches += 1
        self.committed += len(batch)
        for item, result in zip(batch, results, strict=True):
            _answer(item, result=result)


RETRIES = 3


def _retryable(exc: BaseException) -> bool:
    """A deadlock or serialization failure: the same work may well succeed again."""
    orig = getattr(exc, "orig", None)
    return getattr(orig, "sqlstate", None) in ("40P01", "40001") or (
        "database is locked" in str(orig or ""))


def _answer(item: _Item[Any], *, result: Any = None, error: BaseException | None = None) -> None:
    if item.future.done():
        return
    if error is not None:
        item.future.set_exception(error)
        item.future.exception()  # retrieved: a session that hung up must not log it again
    else:
        item.future.set_result(result)
