"""`mailplane migrate start FILE.csv`, `status ID`, `list`, `cancel ID`: the same migration
as the API; `start` runs the accounts in this process with a progress bar per account
(a running worker may take some of them: leases keep each account in one place)."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from api.config import get_settings
from api.directory import organization_id
from api.errors import AppError
from api.kit.pagination import PageParams
from api.migration import repository, service
from api.migration.transfer import run_slice
from api.runtime import Runtime
from api.storage.migrate import upgrade
from schemas.migration import MigrationCreate

migrate_cli = typer.Typer(help="Mailbox migration over IMAP or POP3.", no_args_is_help=True)
console = Console()


async def _org(session, org: str | None) -> str:  # type: ignore[no-untyped-def]
    return await organization_id(session, org)


def _bars() -> Progress:
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        DownloadColumn(),
        TextColumn("{task.fields[msgs]}"),
        TimeRemainingColumn(),
        console=console,
    )


def _line(item) -> str:  # type: ignore[no-untyped-def]
    return f"{item.messages_done}/{item.messages_total} {item.status}" + (
        f" ({item.error_code})" if item.error_code else ""
    )


class _Board:
    """Progress per account: bars on a terminal; elsewhere (logs, pipes) one plain line
    per account each time it moved, at most every `every` seconds."""

    def __init__(self, bars: Progress, every: float = 2.0) -> None:
        self.bars = bars
        self.tasks: dict[str, int] = {}
        self.plain = not console.is_terminal
        self.every = every
        self.last: dict[str, tuple[float, str]] = {}

    def show(self, item, *, final: bool = False) -> None:  # type: ignore[no-untyped-def]
        if item.id not in self.tasks:
            self.tasks[item.id] = self.bars.add_task(item.address, total=None, msgs="")
        self.bars.update(
            self.tasks[item.id],
            total=item.bytes_total or None,
            completed=item.bytes_done,
            msgs=_line(item),
        )
        if not self.plain or final:
            return
        text = f"{item.address} {_line(item)} ({item.bytes_done}/{item.bytes_total} bytes)"
        at, shown = self.last.get(item.id, (0.0, ""))
        now = time.monotonic()
        if text != shown and (now - at >= self.every or item.status != "running"):
            self.last[item.id] = (now, text)
            console.print(text, highlight=False, soft_wrap=True)


async def _watch(  # type: ignore[no-untyped-def]
    runtime, org_id: str, migration_id: str, *, run: bool, every: float = 2.0
) -> str:
    with _bars() as bars:
        board = _Board(bars, every)
        while True:
            async with runtime.db.session(write=False) as session:
                items = await repository.items_of(session, org_id, migration_id)
                migration = await repository.get(session, org_id, migration_id)
            assert migration is not None
            ended = migration.status in repository.TERMINAL
            for item in items:
                board.show(item, final=ended)
            if ended:
                return migration.status
            active = [i for i in items if i.status in repository.ACTIVE]
            if run and active:
                for item in active:
                    # bars move after every stored batch, not only between slices
                    await run_slice(
                        runtime,
                        item.id,
                        schedule=False,
                        on_progress=lambda fresh, _rows: board.show(fresh),
                    )
            else:
                await asyncio.sleep(1.0)


@migrate_cli.command("start")
def start(
    file: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="Accounts CSV.")],
    org: Annotated[str | None, typer.Option(help="Organisation id or domain.")] = None,
    wait: Annotated[bool, typer.Option(help="Run it here with progress bars.")] = True,
    every: Annotated[
        float, typer.Option(help="Seconds between progress lines when not on a terminal.")
    ] = 2.0,
) -> None:
    """Start a migration from a CSV (account,host,port,security,username,password)."""
    settings = get_settings()
    upgrade(settings.effective_database_url)

    async def go() -> str:
        runtime = Runtime.build(settings)
        try:
            async with runtime.db.session() as session:
                org_id = await _org(session, org)
                migration = await service.create_migration(
                    session,
                    runtime,
                    org_id,
                    MigrationCreate(csv=file.read_text(encoding="utf-8-sig")),
                    actor=None,
                )
            console.print(f"Migration [bold]{migration.id}[/bold] started.")
            if not wait:
                return "queued"
            return await _watch(runtime, org_id, migration.id, run=True, every=every)
        finally:
            await runtime.db.dispose()

    try:
        status = asyncio.run(go())
    except AppError as error:
        console.print(f"[red]{error.detail}[/red]")
        raise typer.Exit(1) from None
    console.print(f"Migration {status}.")
    raise typer.Exit(0 if status in ("completed", "queued") else 2)


@migrate_cli.command("status")
def status(
    migration_id: str,
    org: Annotated[str | None, typer.Option()] = None,
) -> None:
    """Show a migration's progress until it ends (the worker runs it)."""
    async def go() -> str:
        runtime = Runtime.build(get_settings())
        try:
            async with runtime.db.session(write=False) as session:
                org_id = await _org(session, org)
            return await _watch(runtime, org_id, migration_id, run=False)
        finally:
            await runtime.db.dispose()

    console.print(f"Migration {asyncio.run(go())}.")


@migrate_cli.command("list")
def list_(org: Annotated[str | None, typer.Option()] = None) -> None:
    """The organisation's migrations."""
    async def go() -> None:
        runtime = Runtime.build(get_settings())
        try:
            async with runtime.db.session(write=False) as session:
                org_id = await _org(session, org)
                rows, _ = await service.list_migrations(session, org_id, PageParams(limit=100))
                counts = await service.counts_of(session, org_id, rows)
        finally:
            await runtime.db.dispose()
        table = Table("id", "status", "accounts", "messages", "created")
        for row in rows:
            c = counts[row.id]
            table.add_row(
                row.id,
                row.status,
                str(c.get("accounts_total", 0)),
                f"{c.get('messages_done', 0)}/{c.get('messages_total', 0)}",
                row.created_at.isoformat(timespec="seconds"),
            )
        console.print(table)

    asyncio.run(go())


@migrate_cli.command("cancel")
def cancel(migration_id: str, org: Annotated[str | None, typer.Option()] = None) -> None:
    """Cancel a migration (its source passwords are wiped)."""
    async def go() -> None:
        runtime = Runtime.build(get_settings())
        try:
            async with runtime.db.session() as session:
                org_id = await _org(session, org)
                await service.cancel_migration(session, org_id, migration_id, actor=None)
        finally:
            await runtime.db.dispose()

    try:
        asyncio.run(go())
    except AppError as error:
        console.print(f"[red]{error.detail}[/red]")
        raise typer.Exit(1) from None
    console.print(f"Migration {migration_id} cancelled.")
