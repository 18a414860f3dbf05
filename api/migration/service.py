"""Rules for mailbox migrations: who moves where (checked in full before anything is
written), passwords sealed at rest, one worker job per account, reads with progress, and
cancellation (which wipes the passwords at once)."""

from __future__ import annotations

import re

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from api.directory import find_account
from api.errors import Conflict, NotFound, ValidationFailed
from api.events import emit
from api.i18n import _
from api.identity.audit import record
from api.identity.principal import Principal
from api.kit.clock import utcnow
from api.kit.ids import new_id
from api.kit.pagination import PageParams
from api.kit.ssrf import parse_ip
from api.migration import csvfile, progress, repository
from api.migration.credentials import seal
from api.migration.networks import IPNetwork, parse_networks, reachable
from api.migration.transfer import JOB_KIND
from api.runtime import Runtime
from api.storage.models import (
    Account,
    Migration,
    MigrationAccount,
    MigrationFailure,
    MigrationFolder,
)
from api.worker.jobs import enqueue
from schemas import migration as schemas
from schemas.migration import DEFAULT_PORTS, MigrationAccountCreate, MigrationCreate

_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")


class MigrationInProgress(Conflict):
    code, title = "migration_in_progress", "The account is already being migrated"


class MigrationFinished(Conflict):
    code, title = "migration_finished", "The migration has already ended"


def check_host(
    host: str, *, allow_private: bool, networks: tuple[IPNetwork, ...] = ()
) -> str:
    """A host name (IDNA allowed) or an IP literal; private addresses are refused unless they
    are in the organisation's `networks` (or private sources are allowed installation-wide).
    Intranet names (`mail.corp.local`, `oldmail`) are accepted when the organisation lists
    networks: what they resolve to is checked again at connect time."""
    host = host.strip().rstrip(".")
    literal = parse_ip(host)
    if literal is not None:
        if not reachable(literal, allow_private=allow_private, networks=networks):
            raise ValueError(
                "the address is not a public internet address nor in the organisation's "
                "migration_private_networks"
            )
        return str(literal)
    try:
        ascii_host = host.encode("idna").decode("ascii").lower()
    except UnicodeError:
        raise ValueError("not a valid host name") from None
    labels = ascii_host.split(".")
    if len(ascii_host) > 253 or not all(_LABEL.match(label) for label in labels):
        raise ValueError("not a valid host name")
    if not allow_private and not networks and (
        ascii_host == "localhost"
        or ascii_host.endswith((".localhost", ".local", ".internal"))
        or len(labels) < 2
    ):
        raise ValueError("a local host name; give the server's public name")
    return ascii_host


async def _targets(
    session: AsyncSession, org_id: str, entries: list[MigrationAccountCreate]
) -> tuple[list[Account | None], list[dict[str, str]]]:
    """Resolve every target (ids and addresses in bulk, aliases one by one)."""
    ids = [e.account for e in entries if e.account.startswith("acc_")]
    addresses = [e.account.lower() for e in entries if "@" in e.account]
    found: dict[str, Account] = {}
    for chunk_start in range(0, max(len(ids), len(addresses)), 500):
        id_chunk = ids[chunk_start : chunk_start + 500]
        addr_chunk = addresses[chunk_start : chunk_start + 500]
        if id_chunk:
            rows = await session.execute(
                select(Account).where(
                    Account.org_id == org_id, Account.id.in_(id_chunk), Account.status != "deleted"
                )
            )
            found.update({a.id: a for a in rows.scalars().all()})
        if addr_chunk:
            rows = await session.execute(
                select(Account).where(
                    Account.org_id == org_id,
                    func.lower(Account.address).in_(addr_chunk),
                    Account.status != "deleted",
                )
            )
            found.update({a.address.lower(): a for a in rows.scalars().all()})
    out: list[Account | None] = []
    errors: list[dict[str, str]] = []
    for i, entry in enumerate(entries):
        ref = entry.account if entry.account.startswith("acc_") else entry.account.lower()
        account = found.get(ref)
        if account is None:
            account = await find_account(session, org_id, entry.account)
        if account is None:
            errors.append(
                {
                    "param": f"accounts[{i}].account",
                    "message": f"No account {entry.account} in this organisation.",
                }
            )
        out.append(account)
    return out, errors


def _invalid(errors: list[dict[str, str]]) -> ValidationFailed:
    first = errors[0]
    more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
    return ValidationFailed(
        _("{value}: {value2}{more}", value=first['param'], value2=first['message'], more=more),
        param=first["param"],
        extra={"errors": errors[:50]},
    )


async def create_migration(
    session: AsyncSession,
    runtime: Runtime,
    org_id: str,
    data: MigrationCreate,
    *,
    actor: Principal | None,
    ip: str | None = None,
) -> Migration:
    """Check every account, then write the job, its accounts (passwords sealed) and one
    worker job per account, all in the caller's transaction."""
    settings = runtime.settings
    if data.csv is not None:
        entries = csvfile.parse_accounts(data.csv, max_rows=settings.migration_max_accounts)
    else:
        entries = list(data.accounts or [])
    if len(entries) > settings.migration_max_accounts:
        raise ValidationFailed(
            _(
                "At most {migration_max_accounts} accounts per migration.",
                migration_max_accounts=settings.migration_max_accounts,
            ), param="accounts"
        )
    errors: list[dict[str, str]] = []
    hosts: list[str] = []
    networks = parse_networks(await repository.org_networks(session, org_id))
    for i, entry in enumerate(entries):
        try:
            hosts.append(
                check_host(
                    entry.source.host, allow_private=settings.migration_allow_private,
                    networks=networks,
                )
            )
        except ValueError as exc:
            hosts.append("")
            errors.append(
                {"param": f"accounts[{i}].source.host", "message": f"{entry.source.host!r}: {exc}"}
            )
    targets, target_errors = await _targets(session, org_id, entries)
    errors.extend(target_errors)
    seen: dict[str, int] = {}
    for i, account in enumerate(targets):
        if account is None:
            continue
        if account.id in seen:
            errors.append(
                {
                    "param": f"accounts[{i}].account",
                    "message": f"{account.address} is also the target of "
                    f"accounts[{seen[account.id]}].",
                }
            )
        seen.setdefault(account.id, i)
    if errors:
        raise _invalid(sorted(errors, key=lambda e: e["param"]))
    busy = await repository.active_for_accounts(session, org_id, list(seen))
    if busy:
        account = next(a for a in targets if a is not None and a.id == busy[0].account_id)
        raise MigrationInProgress(
            _(
                "{address} is already being migrated ({migration_id}); cancel that migration or "
                "wait for it to end.", address=account.address, migration_id=busy[0].migration_id
            ),
            param="accounts",
        )
    now = utcnow()
    migration = Migration(
        id=new_id("mig"),
        org_id=org_id,
        status="queued",
        folder_rules=[
            r.model_dump(exclude_none=True, exclude_defaults=False) for r in data.folders
        ],
        created_by=actor.actor_id if actor else None,
        created_at=now,
    )
    session.add(migration)
    for position, (entry, account, host) in enumerate(zip(entries, targets, hosts, strict=True)):
        assert account is not None
        src = entry.source
        item = MigrationAccount(
            id=new_id("mia"),
            org_id=org_id,
            migration_id=migration.id,
            position=position,
            account_id=account.id,
            address=account.address,
            protocol=src.protocol,
            host=host,
            port=src.port or DEFAULT_PORTS[(src.protocol, src.security)],
            security=src.security,
            verify_tls=src.verify_tls,
            username=src.username,
            secret=seal(settings, src.password),
            status="queued",
            messages_total=0,
            messages_done=0,
            messages_failed=0,
            messages_skipped=0,
            bytes_total=0,
            bytes_done=0,
            attempts=0,
            connected=False,
            created_at=now,
            updated_at=now,
        )
        session.add(item)
        await enqueue(session, JOB_KIND, {"item_id": item.id, "org_id": org_id}, org_id=org_id)
    await session.flush()
    await record(
        session,
        org_id=org_id,
        action="migration.created",
        actor=actor,
        ip=ip,
        target_type="migration",
        target_id=migration.id,
        details={"accounts": len(entries), "hosts": sorted(set(hosts))[:20]},
    )
    return migration


async def get_migration(session: AsyncSession, org_id: str, migration_id: str) -> Migration:
    migration = await repository.get(session, org_id, migration_id)
    if migration is None:
        raise NotFound(_(
            "No migration {migration_id}.", migration_id=migration_id
        ), param="migration_id")
    return migration


async def list_migrations(
    session: AsyncSession, org_id: str, params: PageParams, status: str | None = None
) -> tuple[list[Migration], str | None]:
    return await repository.page(session, org_id, params, status)


async def counts_of(
    session: AsyncSession, org_id: str, migrations: list[Migration]
) -> dict[str, dict[str, int]]:
    return await repository.counts(session, org_id, [m.id for m in migrations])


async def list_accounts(
    session: AsyncSession, org_id: str, migration_id: str, params: PageParams
) -> tuple[list[tuple[MigrationAccount, list[MigrationFolder]]], str | None]:
    await get_migration(session, org_id, migration_id)
    items, cursor = await repository.items_page(session, org_id, migration_id, params)
    folders = await repository.folders_of(session, org_id, [i.id for i in items])
    return [(i, folders[i.id]) for i in items], cursor


async def list_failures(
    session: AsyncSession, org_id: str, migration_id: str, params: PageParams
) -> tuple[list[MigrationFailure], str | None]:
    await get_migration(session, org_id, migration_id)
    return await repository.failures_page(session, org_id, migration_id, params)


async def cancel_migration(
    session: AsyncSession,
    org_id: str,
    migration_id: str,
    *,
    actor: Principal | None,
    ip: str | None = None,
) -> Migration:
    """Stop a migration: accounts not yet finished end `cancelled` with their passwords
    wiped; a batch in flight finishes, nothing after it starts. Cancelling twice is fine."""
    migration = await get_migration(session, org_id, migration_id)
    if migration.status == "cancelled":
        return migration
    if migration.status in ("completed", "failed"):
        raise MigrationFinished(
            _(
                "The migration {migration_id} already ended ({status}).",
                migration_id=migration_id,
                status=migration.status,
            ),
            param="migration_id",
        )
    cancelled = await repository.cancel_items(session, org_id, migration_id)
    now = utcnow()
    migration.status = "cancelled"
    migration.finished_at = now
    migration.started_at = migration.started_at or now
    await session.flush()
    counts = (await repository.counts(session, org_id, [migration.id]))[migration.id]
    await record(
        session,
        org_id=org_id,
        action="migration.cancelled",
        actor=actor,
        ip=ip,
        target_type="migration",
        target_id=migration.id,
        details={"accounts_cancelled": cancelled},
    )
    await emit(
        session, org_id, "directory.migration.cancelled", progress.event_data(migration, counts)
    )
    return migration


# --- response shapes (shared by REST and GraphQL) ----------------------------------------


def migration_schema(migration: Migration, counts: dict[str, int]) -> schemas.Migration:
    return schemas.Migration(
        id=migration.id,
        status=migration.status,  # type: ignore[arg-type]
        counts=schemas.MigrationCounts(**counts),
        folders=[schemas.FolderRule.model_validate(r) for r in migration.folder_rules or []],
        error=migration.error,
        created_at=migration.created_at,
        started_at=migration.started_at,
        finished_at=migration.finished_at,
    )


def account_schema(
    item: MigrationAccount, folders: list[MigrationFolder]
) -> schemas.MigrationAccount:
    return schemas.MigrationAccount(
        id=item.id,
        migration_id=item.migration_id,
        account_id=item.account_id,
        address=item.address,
        source=schemas.MigrationSourceInfo(
            host=item.host,
            port=item.port,
            security=item.security,  # type: ignore[arg-type]
            protocol=item.protocol,
            username=item.username,  # type: ignore[arg-type]
            verify_tls=item.verify_tls,
        ),
        status=item.status,  # type: ignore[arg-type]
        error_code=item.error_code,
        error=item.error,
        messages_total=item.messages_total,
        messages_done=item.messages_done,
        messages_skipped=item.messages_skipped,
        messages_failed=item.messages_failed,
        bytes_total=item.bytes_total,
        bytes_done=item.bytes_done,
        attempts=item.attempts,
        next_attempt_at=item.next_attempt_at,
        folders=[
            schemas.MigrationFolderProgress(
                source=f.source_name,
                role=f.role,
                target=f.target_path,  # type: ignore[arg-type]
                target_folder_id=f.target_folder_id,
                status=f.status,  # type: ignore[arg-type]
                skip_reason=f.skip_reason,
                messages_total=f.messages_total,
                messages_done=f.messages_done,
                messages_skipped=f.messages_skipped,
                messages_failed=f.messages_failed,
                bytes_total=f.bytes_total,
                bytes_done=f.bytes_done,
                uidvalidity=f.uidvalidity,
                last_uid=f.last_uid,
            )
            for f in folders
        ],
        started_at=item.started_at,
        finished_at=item.finished_at,
    )


def failure_schema(row: MigrationFailure) -> schemas.MigrationFailure:
    return schemas.MigrationFailure(
        id=row.id,
        migration_account_id=row.item_id,
        account_id=row.account_id,
        folder=row.folder,
        uid=row.uid,
        size=row.size,
        code=row.code,
        reason=row.reason,
        created_at=row.created_at,
    )
