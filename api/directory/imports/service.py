"""Bulk account imports: accept a file (checked at once), then process it in batches.

Each batch is one transaction; each row inside it a savepoint, so a bad row leaves nothing
behind and a crash resumes after the last committed batch. Passwords of a batch are hashed
in parallel threads (argon2 releases the GIL), which is what bounds the import rate.
Re-running a file is idempotent: rows match existing accounts by address, then by
employee number, and unchanged rows report `unchanged`.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor

import anyio.to_thread
from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from api.directory.accounts import repository as account_repo
from api.directory.accounts import service as accounts
from api.directory.accounts.credentials import load_policy
from api.directory.accounts.lookup import find_account
from api.directory.addresses import Holder, holders
from api.directory.departments.service import load_tree
from api.directory.imports import formats
from api.directory.imports.rows import Context, Outcome, Prepared, RowError, apply, prepare
from api.errors import AppError, NotFound
from api.events import emit
from api.i18n import Msg
from api.identity.audit import record
from api.identity.passwords import hash_password
from api.identity.principal import Principal
from api.kit.clock import utcnow
from api.kit.ids import new_id
from api.kit.pagination import PageParams, paginate
from api.runtime import Runtime
from api.storage.models import Account, DirectoryImport, DirectoryImportRow, Domain
from api.worker.jobs import enqueue

BATCH = 200
Progress = Callable[[int, int], None]
_HASHERS = ThreadPoolExecutor(max_workers=max(1, os.cpu_count() or 1), thread_name_prefix="argon2")


def _scan(sheet: formats.Sheet) -> tuple[int, set[str], set[str]]:
    """Count rows and collect addresses and employee numbers (raises on malformed files)."""
    count, addresses, numbers = 0, set(), set()
    for _number, values in sheet.rows():
        count += 1
        addresses.add(values.get("address", "").strip().lower())
        if values.get("employee_number"):
            numbers.add(values["employee_number"].strip())
    return count, addresses, numbers


async def create_import(
    session: AsyncSession,
    runtime: Runtime,
    org_id: str,
    data: bytes,
    *,
    filename: str = "",
    fmt: str | None = None,
    dry_run: bool = False,
    actor: Principal | None,
    ip: str | None = None,
    enqueue_job: bool = True,
) -> DirectoryImport:
    """Check the file's structure now (encoding, quoting, columns, row count: 4xx at once),
    store it and queue the job that imports it."""
    fmt = formats.detect_format(data, fmt)
    max_rows = runtime.settings.directory_import_max_rows
    sheet = await anyio.to_thread.run_sync(formats.read_sheet, data, fmt, max_rows)
    total, _, _ = await anyio.to_thread.run_sync(_scan, sheet)
    ref = await runtime.blobs.put_bytes(session, data)
    job = DirectoryImport(
        id=new_id("imp"),
        org_id=org_id,
        status="queued",
        dry_run=dry_run,
        format=fmt,
        filename=filename[:255],
        blob_sha256=ref.sha256,
        size=ref.size,
        total_rows=total,
        processed_rows=0,
        counts={"created": 0, "updated": 0, "unchanged": 0, "error": 0},
        created_by=actor.actor_id if actor else None,
        created_at=utcnow(),
    )
    session.add(job)
    await session.flush()
    await record(
        session,
        org_id=org_id,
        action="account_import.created",
        actor=actor,
        ip=ip,
        target_type="directory_import",
        target_id=job.id,
        details={"rows": total, "dry_run": dry_run, "format": fmt, "filename": filename[:255]},
    )
    if enqueue_job:

        await enqueue(session, "directory.import", {"import_id": job.id}, org_id=org_id)
    return job


async def get_import(session: AsyncSession, org_id: str, import_id: str) -> DirectoryImport:
    job = await session.scalar(
        select(DirectoryImport).where(
            DirectoryImport.id == import_id, DirectoryImport.org_id == org_id
        )
    )
    if job is None:
        raise NotFound(Msg("No import {import_id}.", import_id=import_id), param="import_id")
    return job


async def list_rows(
    session: AsyncSession,
    org_id: str,
    import_id: str,
    params: PageParams,
    status: str | None = None,
) -> tuple[list[DirectoryImportRow], str | None]:
    stmt = select(DirectoryImportRow).where(
        DirectoryImportRow.org_id == org_id, DirectoryImportRow.import_id == import_id
    )
    if status:
        stmt = stmt.where(DirectoryImportRow.status == status)
    return await paginate(session, stmt, params, [DirectoryImportRow.row])


def _start_hashing(rows: list[Prepared]) -> asyncio.Future[list[str]]:
    """Hash the passwords of `rows` on every core, without waiting (the caller overlaps it
    with the database work of the previous batch)."""
    loop = asyncio.get_running_loop()
    return asyncio.gather(
        *[loop.run_in_executor(_HASHERS, hash_password, r.values["password"]) for r in rows]
    )


async def _preload(
    session: AsyncSession, ctx: Context, batch: list[Prepared]
) -> dict[int, Account | None]:
    """Per batch, in a handful of queries: which rows match existing accounts (by address,
    then employee number), and which addresses, employee numbers and mobiles are taken."""
    live = [r for r in batch if r.error is None and r.address]
    by_address = await account_repo.by_addresses(
        session, ctx.org_id, [r.address for r in live if r.address]
    )
    numbers = [r.values["employee_number"] for r in live if r.values.get("employee_number")]
    by_number = await account_repo.by_employee_numbers(session, ctx.org_id, numbers)
    mobiles = [r.values["mobile"] for r in live if r.values.get("mobile")]
    ctx.held = await holders(session, [r.address for r in live if r.address])
    ctx.taken_numbers = set(by_number)
    ctx.taken_mobiles = set()
    if mobiles:
        found = await session.execute(
            select(Account.mobile).where(Account.org_id == ctx.org_id, Account.mobile.in_(mobiles))
        )
        ctx.taken_mobiles = {m for m in found.scalars().all() if m}
    out: dict[int, Account | None] = {}
    for row in live:
        assert row.address is not None
        out[row.number] = by_address.get(row.address) or by_number.get(
            row.values.get("employee_number", "")
        )
    return out


def _needs_hash(batch: list[Prepared], existing: dict[int, Account | None]) -> list[Prepared]:
    return [
        r
        for r in batch
        if r.error is None
        and r.values.get("password")
        and existing.get(r.number) is None
        and r.password_hash is None
    ]


async def _batch(
    session: AsyncSession,
    ctx: Context,
    batch: list[Prepared],
    hashing: asyncio.Future[list[str]] | None,
    hashed_rows: list[Prepared],
) -> list[tuple[Prepared, Outcome]]:
    existing = await _preload(session, ctx, batch)
    if hashing is not None:
        for row, value in zip(hashed_rows, await hashing, strict=True):
            row.password_hash = value
    if not ctx.dry_run:
        late = _needs_hash(batch, existing)  # rows whose match changed since hashing started
        if late:
            for row, value in zip(late, await _start_hashing(late), strict=True):
                row.password_hash = value
    fast = await _apply_batch_at_once(session, ctx, batch, existing)
    if fast is not None:
        return fast
    return await _apply_row_by_row(session, ctx, batch, existing)


class _Fallback(Exception):
    """A row failed inside the all-at-once attempt: redo the batch row by row."""


async def _apply_batch_at_once(
    session: AsyncSession, ctx: Context, batch: list[Prepared], existing: dict[int, Account | None]
) -> list[tuple[Prepared, Outcome]] | None:
    """The common case, fast: every row of the batch in one savepoint and one flush (the
    checks were preloaded, so failures are rare). None when any row failed: nothing of the
    attempt is kept and the caller goes row by row."""
    deferred = len(ctx.deferred_managers)
    savepoint = await session.begin_nested()
    out: list[tuple[Prepared, Outcome]] = []
    try:
        with session.no_autoflush:
            for row in batch:
                if row.error is not None:
                    out.append((row, Outcome("error", reason=row.error)))
                    continue
                try:
                    out.append((row, await apply(session, ctx, row, existing.get(row.number))))
                except (RowError, AppError) as error:
                    raise _Fallback from error
        await session.flush()
    except (_Fallback, IntegrityError):
        await savepoint.rollback()
        del ctx.deferred_managers[deferred:]
        await _reload_tree_if_dirty(session, ctx)
        return None
    if ctx.dry_run:
        await savepoint.rollback()
        await _reload_tree_if_dirty(session, ctx)
    else:
        await savepoint.commit()
        ctx.tree_dirty = False
        for row, outcome in out:
            if row.address and outcome.account_id:
                ctx.held.setdefault(row.address, Holder("account", outcome.account_id, ctx.org_id))
    return out


async def _apply_row_by_row(
    session: AsyncSession, ctx: Context, batch: list[Prepared], existing: dict[int, Account | None]
) -> list[tuple[Prepared, Outcome]]:
    """Each row in its own savepoint, so a bad row leaves nothing and the others still land."""
    out = []
    for row in batch:
        if row.error is not None:
            out.append((row, Outcome("error", reason=row.error)))
            continue
        savepoint = await session.begin_nested()
        try:
            outcome = await apply(session, ctx, row, existing.get(row.number))
            await session.flush()
        except (RowError, AppError, IntegrityError) as error:
            await savepoint.rollback()
            reason = error.detail if isinstance(error, AppError) else str(error)
            if isinstance(error, IntegrityError):
                reason = "conflicts with an existing account, alias or group"
            out.append((row, Outcome("error", reason=reason)))
            await _reload_tree_if_dirty(session, ctx)
            continue
        if ctx.dry_run:
            await savepoint.rollback()
            await _reload_tree_if_dirty(session, ctx)
        else:
            await savepoint.commit()
            ctx.tree_dirty = False
            if row.address:
                ctx.held.setdefault(
                    row.address, Holder("account", outcome.account_id or "", ctx.org_id)
                )
        out.append((row, outcome))
    return out


async def _reload_tree_if_dirty(session: AsyncSession, ctx: Context) -> None:
    if ctx.tree_dirty:
        ctx.tree = await load_tree(session, ctx.org_id)
        ctx.tree_dirty = False


async def process_import(
    runtime: Runtime, import_id: str, progress: Progress | None = None
) -> DirectoryImport:
    """Run (or resume) an import to the end. Safe to call again: finished imports are left
    alone and a resumed one continues after its last committed batch."""
    async with runtime.db.session() as session:
        job = await session.get(DirectoryImport, import_id)
        if job is None or job.status in ("completed", "failed"):
            return job  # type: ignore[return-value]
        job.status = "running"
        job.started_at = job.started_at or utcnow()
        org_id, dry_run, done = job.org_id, job.dry_run, job.processed_rows
        counts = dict(job.counts or {})
        data = await runtime.blobs.read_all(job.blob_sha256)
        fmt, total = job.format, job.total_rows
        policy = await load_policy(session, org_id)
        tree = await load_tree(session, org_id)
    try:
        sheet = await anyio.to_thread.run_sync(
            formats.read_sheet, data, fmt, runtime.settings.directory_import_max_rows
        )
        _, file_addresses, file_numbers = await anyio.to_thread.run_sync(_scan, sheet)
    except AppError as error:
        return await _finish(runtime, import_id, failed=error.detail)
    ctx = Context(
        org_id=org_id,
        import_id=import_id,
        dry_run=dry_run,
        policy=policy,
        tree=tree,
        actor=None,
        file_addresses=file_addresses,
        file_employee_numbers=file_numbers,
    )
    async with runtime.db.session(write=False) as session:
        ctx.domains = {
            d.name: d
            for d in (await session.execute(select(Domain).where(Domain.org_id == org_id)))
            .scalars()
            .all()
        }
    pending: tuple[list[Prepared], asyncio.Future[list[str]] | None, list[Prepared]] | None = None
    for batch in _batches(ctx, sheet, skip=done):
        hashing, hashed_rows = None, []
        if not dry_run:
            # Start hashing this batch now; it runs on the other cores while the previous
            # batch is written.
            async with runtime.db.session(write=False) as session:
                existing = await _preload(session, ctx, batch)
            hashed_rows = _needs_hash(batch, existing)
            hashing = _start_hashing(hashed_rows) if hashed_rows else None
        if pending is not None:
            done += await _commit_batch(runtime, ctx, import_id, *pending, counts)
            if progress:
                progress(done, total)
        pending = (batch, hashing, hashed_rows)
    if pending is not None:
        done += await _commit_batch(runtime, ctx, import_id, *pending, counts)
        if progress:
            progress(done, total)
    if ctx.deferred_managers and not dry_run:
        await _apply_deferred_managers(runtime, ctx, import_id, counts)
    return await _finish(runtime, import_id, counts=counts)


def _batches(ctx: Context, sheet: formats.Sheet, *, skip: int) -> Iterator[list[Prepared]]:
    """Prepared rows in batches; the first `skip` rows (committed before a restart) are only
    registered, so duplicates against them are still caught."""
    batch: list[Prepared] = []
    for index, cells in enumerate(sheet.rows(), start=1):
        prepared = prepare(ctx, *cells)
        if index <= skip:
            continue
        batch.append(prepared)
        if len(batch) >= BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


async def _commit_batch(
    runtime: Runtime,
    ctx: Context,
    import_id: str,
    batch: list[Prepared],
    hashing: asyncio.Future[list[str]] | None,
    hashed_rows: list[Prepared],
    counts: dict[str, int],
) -> int:
    async with runtime.db.session() as session:
        results = await _batch(session, ctx, batch, hashing, hashed_rows)
        numbers = [row.number for row, _ in results]
        await session.execute(
            delete(DirectoryImportRow).where(
                DirectoryImportRow.import_id == import_id, DirectoryImportRow.row.in_(numbers)
            )
        )
        for row, outcome in results:
            counts[outcome.status] = counts.get(outcome.status, 0) + 1
            session.add(
                DirectoryImportRow(
                    import_id=import_id,
                    row=row.number,
                    org_id=ctx.org_id,
                    status=outcome.status,
                    address=row.address or row.values.get("address", "")[:320] or None,
                    account_id=outcome.account_id,
                    reason=(outcome.reason or None) and outcome.reason[:1000],
                    changed=outcome.changed,
                )
            )
        job = await session.get(DirectoryImport, import_id)
        assert job is not None
        job.processed_rows += len(batch)
        job.counts = dict(counts)
    return len(batch)


async def _apply_deferred_managers(
    runtime: Runtime, ctx: Context, import_id: str, counts: dict[str, int]
) -> None:
    """Managers who appear later in the file than the people they manage."""
    async with runtime.db.session() as session:
        for number, account_id, ref in ctx.deferred_managers:
            result = await session.get(DirectoryImportRow, (import_id, number))
            account = await session.get(Account, account_id) if account_id else None
            if result is None or account is None or result.status == "error":
                continue
            manager = await find_account(
                session, ctx.org_id, ref if "@" in ref else f"employee_number:{ref}"
            )
            savepoint = await session.begin_nested()
            try:
                if manager is None:
                    raise RowError(f"manager {ref} was not imported")
                changed = await accounts.update_account(
                    session,
                    account,
                    {"manager_id": manager.id},
                    actor=None,
                    details={"import_id": import_id},
                )
            except (RowError, AppError) as error:
                await savepoint.rollback()
                result.reason = f"saved without manager: {getattr(error, 'detail', error)}"[:1000]
                continue
            await savepoint.commit()
            if changed and result.status == "unchanged":
                counts["unchanged"] -= 1
                counts["updated"] = counts.get("updated", 0) + 1
                result.status = "updated"
            if changed:
                result.changed = [*result.changed, *changed]
        job = await session.get(DirectoryImport, import_id)
        assert job is not None
        job.counts = dict(counts)


async def _finish(
    runtime: Runtime,
    import_id: str,
    *,
    counts: dict[str, int] | None = None,
    failed: str | None = None,
) -> DirectoryImport:
    async with runtime.db.session() as session:
        job = await session.get(DirectoryImport, import_id)
        assert job is not None
        job.status = "failed" if failed else "completed"
        job.error = failed
        job.finished_at = utcnow()
        if counts is not None:
            job.counts = dict(counts)
        data = {
            "id": job.id,
            "status": job.status,
            "dry_run": job.dry_run,
            "total_rows": job.total_rows,
            "counts": dict(job.counts or {}),
        }
        await record(
            session,
            org_id=job.org_id,
            action="account_import.completed",
            actor_type="system",
            target_type="directory_import",
            target_id=job.id,
            details=data,
        )
        await emit(session, job.org_id, "directory.import.completed", data)
    return job
