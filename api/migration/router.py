"""REST endpoints for mailbox migrations (`/v1/directory/migrations`)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Response, status

from api.deps import ClientIp, DbSession, DirectoryWrite, RuntimeDep
from api.kit.pagination import Page, PageParams, page_params
from api.migration import service
from schemas.migration import (
    Migration,
    MigrationAccount,
    MigrationCreate,
    MigrationFailure,
    MigrationStatus,
)

router = APIRouter(prefix="/v1/directory/migrations", tags=["migrations"])


@router.post("", status_code=status.HTTP_202_ACCEPTED, response_model=Migration)
async def create_migration(
    body: MigrationCreate,
    principal: DirectoryWrite,
    session: DbSession,
    runtime: RuntimeDep,
    ip: ClientIp,
    response: Response,
) -> Migration:
    """Start moving mailboxes in from another provider over IMAP (any server) or POP3
    (inbox only): `accounts` as a list, or `csv` with the header
    `account,host,port,security,username,password` (optional `protocol`, `verify_tls`).

    Every row is checked first (422 lists every bad row; nothing is written), a target that
    is already being migrated is 409 `migration_in_progress`. Then one background job per
    account copies every folder, read-only on the source (`EXAMINE`, `BODY.PEEK[]`), keeping
    flags and INTERNALDATE. Folders map by SPECIAL-USE, then by name (English and Chinese),
    then by the `folders` rules. Poll the returned job, read per-account progress under
    `/accounts`, per-message failures under `/failures`, and receive
    `directory.migration.progress`, `…completed` or `…failed`. Imported messages emit
    `mail.message.imported`, never `received`. Starting again with the same sources later
    imports only what is new (the cut-over pass after the MX switch). Source passwords are
    encrypted at rest and wiped when each account's migration ends."""
    migration = await service.create_migration(
        session, runtime, principal.org_id, body, actor=principal, ip=ip
    )
    counts = await service.counts_of(session, principal.org_id, [migration])
    response.headers["Location"] = f"/v1/directory/migrations/{migration.id}"
    return service.migration_schema(migration, counts[migration.id])


@router.get("", response_model=Page[Migration])
async def list_migrations(
    principal: DirectoryWrite,
    session: DbSession,
    page: Annotated[PageParams, Depends(page_params)],
    status: Annotated[MigrationStatus | None, Query(description="Only jobs in this state.")] = None,
) -> Page[Migration]:
    """The organisation's migrations, newest first, with their totals."""
    rows, cursor = await service.list_migrations(session, principal.org_id, page, status)
    counts = await service.counts_of(session, principal.org_id, rows)
    return Page[Migration](
        data=[service.migration_schema(r, counts[r.id]) for r in rows], next_cursor=cursor
    )


@router.get("/{migration_id}", response_model=Migration)
async def get_migration(
    migration_id: str, principal: DirectoryWrite, session: DbSession
) -> Migration:
    """A migration's state and totals: accounts by state, messages and bytes done of total."""
    migration = await service.get_migration(session, principal.org_id, migration_id)
    counts = await service.counts_of(session, principal.org_id, [migration])
    return service.migration_schema(migration, counts[migration.id])


@router.get("/{migration_id}/accounts", response_model=Page[MigrationAccount])
async def list_migration_accounts(
    migration_id: str,
    principal: DirectoryWrite,
    session: DbSession,
    page: Annotated[PageParams, Depends(page_params)],
) -> Page[MigrationAccount]:
    """Each account of a migration in the order given: its state, error (`error_code` such
    as `source_auth_failed` or `source_unreachable`), and progress per source folder."""
    rows, cursor = await service.list_accounts(session, principal.org_id, migration_id, page)
    return Page[MigrationAccount](
        data=[service.account_schema(item, folders) for item, folders in rows], next_cursor=cursor
    )


@router.get("/{migration_id}/failures", response_model=Page[MigrationFailure])
async def list_migration_failures(
    migration_id: str,
    principal: DirectoryWrite,
    session: DbSession,
    page: Annotated[PageParams, Depends(page_params)],
) -> Page[MigrationFailure]:
    """Messages that could not be imported (the migration went on without them)."""
    rows, cursor = await service.list_failures(session, principal.org_id, migration_id, page)
    return Page[MigrationFailure](
        data=[service.failure_schema(r) for r in rows], next_cursor=cursor
    )


@router.post("/{migration_id}/cancel", response_model=Migration)
async def cancel_migration(
    migration_id: str, principal: DirectoryWrite, session: DbSession, ip: ClientIp
) -> Migration:
    """Cancel a migration: unfinished accounts stop after the batch in flight and their
    source passwords are wiped. What was imported stays. 409 `migration_finished` when it
    already ended; cancelling twice is harmless."""
    migration = await service.cancel_migration(
        session, principal.org_id, migration_id, actor=principal, ip=ip
    )
    counts = await service.counts_of(session, principal.org_id, [migration])
    return service.migration_schema(migration, counts[migration.id])
