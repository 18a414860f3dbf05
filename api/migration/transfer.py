"""Move one account's mail, one time slice at a time.

A slice holds the account's lease (renewed by a heartbeat, so a killed worker's account is
picked up by the next one) and one of the source host's connection slots. It opens the
source, plans its folders, then streams each folder in UID order: the next batch is fetched
in the source's thread while the current one is stored. Every batch commits together with
its checkpoint (the folder's last UID, and the cursor kept across jobs), so a crash or an
outage loses at most the batch in flight, and the dedupe ledger absorbs even that.

A slice ends when the account is done, when its time is up (the job re-queues itself), on
a transient source error (re-queued with exponential backoff) or on a permanent one (the
account fails with a clear error; the job goes on with the other accounts).
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import hashlib
import logging
import os
import socket
import time
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, TypeVar

from sqlalchemy.ext.asyncio import AsyncSession

from api.kit.clock import utcnow
from api.kit.ids import new_id
from api.mail import DeferredSyncBackend, QuotaExceeded
from api.migration import importer, parsing, progress, repository
from api.migration.credentials import CredentialsUnavailable, unseal
from api.migration.folders import RemoteFolder, plan_folders
from api.migration.imap_source import ImapSource
from api.migration.networks import parse_networks
from api.migration.pop3_source import Pop3Source
from api.migration.sources import Endpoint, Fetched, Ref, Source, SourceError
from api.runtime import Runtime
from api.storage.blobs import BlobStore, LocalBlobBackend
from api.storage.models import Account, MigrationAccount, MigrationCursor, MigrationFolder
from api.worker.jobs import enqueue

log = logging.getLogger("mailplane.migration")

JOB_KIND = "directory.migration.account"
SLOT_WAIT = 5.0  # seconds before trying again when the source host's slots are all taken
T = TypeVar("T")
Progress = Callable[[MigrationAccount, list[MigrationFolder]], None]


@dataclass
class SliceResult:
    """`done` (the account ended), `continue` (time slice used up), `retry` (transient
    error; again at `run_at`), `waiting` (no host slot; again at `run_at`), `busy` (another
    worker holds the account), `gone` (nothing to do)."""

    state: str
    run_at: datetime | None = None


class Stop(Exception):
    """The account must end now: failed (permanent error) or cancelled."""

    def __init__(self, status: str, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


def source_key(item: MigrationAccount) -> str:
    ident = f"{item.protocol}|{item.host.lower()}|{item.port}|{item.username.lower()}"
    return hashlib.sha256(ident.encode()).hexdigest()


def folder_key(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def _owner() -> str:
    return f"{socket.gethostname()[:40]}:{os.getpid()}:{uuid.uuid4().hex[:12]}"


def _batch_runtime(runtime: Runtime) -> tuple[Runtime, DeferredSyncBackend | None]:
    """Blob writes without an fsync each; one sync per batch before it commits. Made once
    per slice: the backend remembers the blob directories it has made (a backend per batch
    checked and chmod-ed a directory for nearly every message)."""
    backend = runtime.blobs.backend
    if isinstance(backend, LocalBlobBackend) and not isinstance(backend, DeferredSyncBackend):
        deferred = DeferredSyncBackend(backend.root)
        return dataclasses.replace(runtime, blobs=BlobStore(deferred)), deferred
    return runtime, None


async def _enqueue_continuation(
    session: AsyncSession, item: MigrationAccount, run_at: datetime
) -> None:

    await enqueue(
        session,
        JOB_KIND,
        {"item_id": item.id, "org_id": item.org_id},
        org_id=item.org_id,
        run_at=run_at,
    )


# --- the slice ---------------------------------------------------------------------------


async def run_slice(
    runtime: Runtime,
    item_id: str,
    *,
    slice_seconds: float | None = None,
    on_progress: Progress | None = None,
    schedule: bool = True,
) -> SliceResult:
    """Work on one account for up to `slice_seconds`; re-queue a job for what is left
    (unless `schedule` is off: the CLI drives slices itself)."""
    settings = runtime.settings
    owner = _owner()
    lease = settings.migration_lease_seconds
    async with runtime.db.session() as session:
        item = await repository.item(session, item_id)
        if item is None or item.status in repository.TERMINAL:
            return SliceResult("gone")
        if item.next_attempt_at is not None and item.next_attempt_at > utcnow() + timedelta(
            seconds=1
        ):
            return SliceResult("retry", item.next_attempt_at)
        if not await repository.take_item_lease(
            session, item_id, owner, repository.lease_until(lease)
        ):
            return SliceResult("busy")
        host = item.host.lower()
        slot = await repository.take_host_slot(
            session, host, owner, repository.lease_until(lease), settings.migration_per_host
        )
        if slot is None:
            await repository.drop_item_lease(session, item_id, owner)
            run_at = utcnow() + timedelta(seconds=SLOT_WAIT)
            if schedule:
                await _enqueue_continuation(session, item, run_at)
            return SliceResult("waiting", run_at)
    beat = asyncio.create_task(_heartbeat(runtime, item_id, host, owner, lease))
    result = SliceResult("gone")
    try:
        result = await _Transfer(
            runtime, item_id, slice_seconds or settings.migration_slice_seconds, on_progress
        ).run()
    finally:
        beat.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await beat
        async with runtime.db.session() as session:
            await repository.drop_host_slot(session, host, owner)
            await repository.drop_item_lease(session, item_id, owner)
            if schedule and result.state in ("continue", "retry"):
                fresh = await repository.item(session, item_id)
                if fresh is not None and fresh.status in repository.ACTIVE:
                    await _enqueue_continuation(session, fresh, result.run_at or utcnow())
    return result


async def _heartbeat(runtime: Runtime, item_id: str, host: str, owner: str, lease: float) -> None:
    while True:
        await asyncio.sleep(max(0.5, lease / 3))
        try:
            async with runtime.db.session() as session:
                until = repository.lease_until(lease)
                await repository.renew_item_lease(session, item_id, owner, until)
                await repository.renew_host_slot(session, host, owner, until)
        except Exception:  # a missed beat is survivable; the next one may work
            log.warning("migration lease renewal failed", exc_info=True)


class _Transfer:
    """One slice's work on one account (see the module docstring)."""

    def __init__(
        self, runtime: Runtime, item_id: str, seconds: float, on_progress: Progress | None
    ) -> None:
        self.runtime = runtime
        self.settings = runtime.settings
        self.item_id = item_id
        self.deadline = time.monotonic() + seconds
        self.on_progress = on_progress
        self.pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="migration-source")
        self.source: Source | None = None
        self.batch_runtime, self.deferred = _batch_runtime(runtime)
        self.dialect = "sqlite" if runtime.db.is_sqlite else "postgresql"

    async def call(self, fn: Callable[..., T], *args: Any) -> T:
        """Run a blocking source call in the source's own thread."""
        return await asyncio.get_running_loop().run_in_executor(self.pool, fn, *args)

    async def run(self) -> SliceResult:
        try:
            return await self._run()
        except Stop as stop:
            async with self.runtime.db.session() as session:
                item = await repository.item(session, self.item_id)
                if item is not None and item.status in repository.ACTIVE:
                    await progress.end_item(
                        session, item, stop.status, code=stop.code, error=stop.message
                    )
            return SliceResult("done")
        except SourceError as error:
            return await self._source_failed(error)
        finally:
            if self.source is not None:
                with contextlib.suppress(Exception):
                    await asyncio.wait_for(self.call(self.source.close), timeout=10)
            self.pool.shutdown(wait=False)

    async def _run(self) -> SliceResult:
        settings = self.settings
        async with self.runtime.db.session() as session:
            item = await self._item(session)
            account = await session.get(Account, item.account_id)
            if account is None or account.org_id != item.org_id or account.status == "deleted":
                raise Stop("failed", "target_unavailable", "The target account no longer exists.")
            try:
                password = unseal(settings, item.secret)
            except CredentialsUnavailable as exc:
                raise Stop("failed", "credentials_unavailable", str(exc)) from None
            await progress.mark_started(session, item)
            migration = await progress.load(session, item)
            rules = list(migration.folder_rules or [])
            endpoint = Endpoint(
                host=item.host,
                port=item.port,
                security=item.security,
                username=item.username,
                password=password,
                verify_tls=item.verify_tls,
                timeout=settings.migration_timeout,
                allow_private=settings.migration_allow_private,
                ca_file=settings.migration_ca_file,
                networks=parse_networks(await repository.org_networks(session, item.org_id)),
            )
            protocol = item.protocol
        self.source = ImapSource(endpoint) if protocol == "imap" else Pop3Source(endpoint)
        await self.call(self.source.open)
        remote, prefix = await self.call(self.source.folders)
        async with self.runtime.db.session() as session:
            item = await self._item(session)
            item.connected = True
            rows = await self._plan(session, item, remote, prefix, rules)
        by_raw = {f.raw: f for f in remote}
        for row_id in rows:
            if time.monotonic() > self.deadline:
                return SliceResult("continue")
            finished = await self._folder(row_id, by_raw)
            if not finished:
                return SliceResult("continue")
        async with self.runtime.db.session() as session:
            item = await self._item(session)
            await progress.maybe_progress(
                session, item, settings.migration_progress_interval, force=True
            )
            await progress.end_item(session, item, "completed")
        self._report(item, [])
        return SliceResult("done")

    async def _item(self, session: AsyncSession) -> MigrationAccount:
        item = await repository.item(session, self.item_id)
        if item is None:
            raise Stop("cancelled", "cancelled", "The migration is gone.")
        if item.status == "cancelled":
            raise Stop("cancelled", "cancelled", "Cancelled by an administrator.")
        if item.status not in repository.ACTIVE:
            raise Stop(item.status, item.error_code or item.status, item.error or item.status)
        return item

    async def _plan(
        self,
        session: AsyncSession,
        item: MigrationAccount,
        remote: list[RemoteFolder],
        prefix: str,
        rules: list[dict[str, Any]],
    ) -> list[str]:
        """Create folder rows for folders seen for the first time; mark the ones that
        vanished from the source. Returns the ids of rows still to do, in order."""
        existing = (await repository.folders_of(session, item.org_id, [item.id]))[item.id]
        known = {f.source_raw: f for f in existing}
        plans = plan_folders(remote, rules, personal_prefix=prefix)
        seen: set[str] = set()
        position = max((f.position for f in existing), default=-1) + 1
        for plan in plans:
            raw = plan.folder.raw
            seen.add(raw)
            if raw in known:
                continue
            row = MigrationFolder(
                id=new_id("mif"),
                org_id=item.org_id,
                item_id=item.id,
                position=position,
                source_name=plan.folder.name[:2000],
                source_raw=raw,
                role=plan.role,
                target_path=plan.target_path,
                status="skipped" if plan.skip_reason else "pending",
                skip_reason=plan.skip_reason,
                last_uid=0,
                messages_total=0,
                messages_done=0,
                messages_failed=0,
                messages_skipped=0,
                bytes_total=0,
                bytes_done=0,
            )
            position += 1
            session.add(row)
            known[raw] = row
        for row in existing:
            if row.source_raw not in seen and row.status in ("pending", "running"):
                row.status, row.skip_reason = "skipped", "gone from the source"
        await session.flush()
        ordered = sorted(known.values(), key=lambda r: (r.role != "inbox", r.position))
        return [r.id for r in ordered if r.status in ("pending", "running")]

    # -- one folder -------------------------------------------------------------------

    async def _folder(self, row_id: str, by_raw: dict[str, RemoteFolder]) -> bool:
        """Import what is new in one folder; False when the slice ran out of time."""
        assert self.source is not None
        async with self.runtime.db.session() as session:
            item = await self._item(session)
            row = await session.get(MigrationFolder, row_id)
            assert row is not None
            account = await session.get(Account, item.account_id)
            assert account is not None
            folder = await importer.target_folder(session, account, row)
            remote = by_raw[row.source_raw]
            skey, fkey = source_key(item), folder_key(row.source_raw)
        state = await self.call(self.source.select, remote)
        async with self.runtime.db.session() as session:
            item = await self._item(session)
            row = await session.get(MigrationFolder, row_id)
            assert row is not None
            cursor = await repository.cursor(session, item.account_id, skey, fkey)
            start = 0
            if cursor is not None and cursor.uidvalidity == state.uidvalidity:
                start = cursor.last_uid
            elif cursor is not None:
                log.info(
                    "UIDVALIDITY of %s changed: importing it again (dedupe keeps it whole)",
                    row.source_name,
                )
            if row.uidvalidity == state.uidvalidity:
                start = max(start, row.last_uid)
            else:
                # A new UID space (first visit, or the folder was recreated between two
                # slices): the old high-water mark would skip the new UIDs below it.
                row.last_uid = start
            row.uidvalidity = state.uidvalidity
            row.status = "running"
        listing = await self.call(self.source.listing, start) if state.exists else None
        items = listing.items if listing else []
        if not self.source.has_uids and items:
            async with self.runtime.db.session(write=False) as session:
                refs = [str(r) for r, _ in items]
                done = await repository.imported_refs(session, item.account_id, skey, refs)
                done |= await repository.failed_refs(session, item.id, refs)
            items = [(r, s) for r, s in items if str(r) not in done]
        async with self.runtime.db.session() as session:
            row = await session.get(MigrationFolder, row_id)
            assert row is not None
            row.messages_total = row.messages_done + len(items)
            row.bytes_total = row.bytes_done + sum(s for _, s in items)
            await self._totals(session)
        batches = self._batches(items)
        sizes = dict(items)
        ctx_ids = (row_id, folder.id, skey, fkey)
        pending: asyncio.Future[list[parsing.Prepared]] | None = None
        if batches:
            pending = asyncio.ensure_future(self._fetch_prepared(batches[0], sizes))
        try:
            for index, _batch in enumerate(batches):
                assert pending is not None
                prepared = await pending
                pending = None
                more = index + 1 < len(batches)
                if more and time.monotonic() < self.deadline:
                    # the next batch is fetched and parsed while this one is stored
                    pending = asyncio.ensure_future(
                        self._fetch_prepared(batches[index + 1], sizes)
                    )
                await self._commit(ctx_ids, prepared)
                if more and pending is None:
                    return False
        finally:
            if pending is not None:  # the source thread must be idle before it is closed
                with contextlib.suppress(Exception):
                    await pending
        async with self.runtime.db.session() as session:
            row = await session.get(MigrationFolder, row_id)
            assert row is not None
            row.status = "done"
        return True

    def _batches(self, items: list[tuple[Ref, int]]) -> list[list[tuple[Ref, int]]]:
        settings = self.settings
        batches: list[list[tuple[Ref, int]]] = []
        current: list[tuple[Ref, int]] = []
        size = 0
        for ref, length in items:
            if current and (
                len(current) >= settings.migration_batch_messages
                or size + length > settings.migration_batch_bytes
            ):
                batches.append(current)
                current, size = [], 0
            current.append((ref, length))
            size += length
        if current:
            batches.append(current)
        return batches

    async def _fetch_prepared(
        self, batch: list[tuple[Ref, int]], sizes: dict[Ref, int]
    ) -> list[parsing.Prepared]:
        root = self.deferred.root if self.deferred is not None else None
        return await parsing.prepare(await self._fetch(batch, sizes), self.dialect, root)

    async def _fetch(self, batch: list[tuple[Ref, int]], sizes: dict[Ref, int]) -> list[Fetched]:
        """Fetch a batch; messages over the size limit are not fetched at all."""
        assert self.source is not None
        limit = self.settings.migration_max_message_bytes
        wanted = [ref for ref, size in batch if size <= limit]
        got = {
            f.ref: f for f in (await self.call(self.source.fetch, wanted, sizes) if wanted else [])
        }
        out: list[Fetched] = []
        for ref, size in batch:
            if size > limit:
                out.append(
                    Fetched(
                        ref=ref,
                        size=size,
                        code="too_large",
                        error=f"{size} bytes is over the {limit}-byte limit.",
                    )
                )
            else:
                out.append(got.get(ref) or Fetched(ref=ref, size=size, gone=True))
        return out

    async def _commit(self, ids: tuple[str, str, str, str], batch: list[parsing.Prepared]) -> None:
        """Store a batch with its checkpoint in one transaction; if that fails, store its
        messages one by one so one bad message only costs itself."""
        try:
            await self._store(ids, batch)
        except (Stop, SourceError):
            raise
        except QuotaExceeded as exc:
            raise Stop("failed", "target_quota_exceeded", exc.detail) from None
        except Exception:
            if len(batch) == 1:
                log.warning("migration: storing a message failed", exc_info=True)
                await self._store(ids, batch, failed=True)
                return
            for one in batch:
                await self._commit(ids, [one])

    async def _store(
        self,
        ids: tuple[str, str, str, str],
        batch: list[parsing.Prepared],
        *,
        failed: bool = False,
    ) -> None:
        row_id, folder_id, skey, fkey = ids
        runtime, deferred = self.batch_runtime, self.deferred
        async with runtime.db.session() as session:
            item = await self._item(session)
            row = await session.get(MigrationFolder, row_id)
            account = await session.get(Account, item.account_id)
            assert row is not None and account is not None
            folder = await importer.target_folder(session, account, row)
            ctx = importer.Context(
                item=item,
                folder_row=row,
                account=account,
                folder=folder,
                source_key=skey,
                default_seen=item.protocol == "pop3",
            )
            if failed:
                outcome = importer.Outcome()
                for p in batch:
                    session.add(
                        importer.record_failure(
                            ctx, p.fetched, "store_failed", "The message could not be stored."
                        )
                    )
                    outcome.failed += 1
                    outcome.bytes += p.fetched.size
                    outcome.last_ref = p.fetched.ref
            else:
                outcome = await importer.store_batch(session, runtime, ctx, batch)
            done = outcome.imported + outcome.skipped + outcome.failed
            row.messages_done += done
            row.messages_skipped += outcome.skipped
            row.messages_failed += outcome.failed
            row.bytes_done += outcome.bytes
            item.messages_done += done
            item.messages_skipped += outcome.skipped
            item.messages_failed += outcome.failed
            item.bytes_done += outcome.bytes
            item.attempts = 0
            item.error_code = item.error = None
            item.next_attempt_at = None
            item.updated_at = utcnow()
            if isinstance(outcome.last_ref, int):
                row.last_uid = max(row.last_uid, outcome.last_ref)
                await self._checkpoint(session, item, skey, fkey, row)
            await progress.maybe_progress(session, item, self.settings.migration_progress_interval)
            if deferred is not None:
                await deferred.sync()
        self._report(item, [row])

    async def _checkpoint(
        self,
        session: AsyncSession,
        item: MigrationAccount,
        skey: str,
        fkey: str,
        row: MigrationFolder,
    ) -> None:
        cursor = await repository.cursor(session, item.account_id, skey, fkey)
        if cursor is None:
            session.add(
                MigrationCursor(
                    id=new_id("mcu"),
                    org_id=item.org_id,
                    account_id=item.account_id,
                    source_key=skey,
                    folder_key=fkey,
                    uidvalidity=row.uidvalidity,
                    last_uid=row.last_uid,
                    updated_at=utcnow(),
                )
            )
        else:
            cursor.uidvalidity = row.uidvalidity
            cursor.last_uid = row.last_uid
            cursor.updated_at = utcnow()

    async def _totals(self, session: AsyncSession) -> None:
        """The account's totals: the sum over its folders."""
        item = await self._item(session)
        rows = (await repository.folders_of(session, item.org_id, [item.id]))[item.id]
        item.messages_total = sum(r.messages_total for r in rows)
        item.bytes_total = sum(r.bytes_total for r in rows)

    def _report(self, item: MigrationAccount, rows: list[MigrationFolder]) -> None:
        if self.on_progress is not None:
            self.on_progress(item, rows)

    # -- errors -----------------------------------------------------------------------

    async def _source_failed(self, error: SourceError) -> SliceResult:
        settings = self.settings
        async with self.runtime.db.session() as session:
            item = await repository.item(session, self.item_id)
            if item is None or item.status not in repository.ACTIVE:
                return SliceResult("done")
            item.attempts += 1
            limit = (
                settings.migration_max_retries
                if item.connected
                else settings.migration_connect_retries
            )
            if not error.transient or item.attempts > limit:
                await progress.end_item(
                    session, item, "failed", code=error.code, error=error.message
                )
                log.info("migration of %s failed: %s", item.address, error.message)
                return SliceResult("done")
            delay = min(
                settings.migration_retry_max,
                settings.migration_retry_base * 2 ** (item.attempts - 1),
            )
            run_at = utcnow() + timedelta(seconds=delay)
            if item.status == "queued":
                await progress.mark_started(session, item)
            item.error_code, item.error = error.code, error.message
            item.next_attempt_at = run_at
            item.updated_at = utcnow()
            log.info("migration of %s: %s; again in %.0f s", item.address, error.message, delay)
            return SliceResult("retry", run_at)
