"""`mailplane accounts import FILE [--dry-run]` and `mailplane accounts export`: the same
import and export as the API, run in this process with a progress bar."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table
from sqlalchemy import select

from api.config import get_settings
from api.directory.imports import export, service
from api.errors import AppError
from api.runtime import Runtime
from api.storage.migrate import upgrade
from api.storage.models import DirectoryImportRow, Domain, Organization

accounts_cli = typer.Typer(help="Accounts: bulk import and export.", no_args_is_help=True)
console = Console()


async def organization_id(session, org: str | None) -> str:  # type: ignore[no-untyped-def]
    if org is None:
        ids = (await session.execute(select(Organization.id).limit(2))).scalars().all()
        if len(ids) != 1:
            raise typer.BadParameter("Several organisations (or none) here: pass --org.")
        return str(ids[0])
    if org.startswith("org_") and await session.get(Organization, org):
        return org
    found = await session.scalar(select(Domain.org_id).where(Domain.name == org.lower()))
    if not found:
        raise typer.BadParameter(f"No organisation {org} (give its id or one of its domains).")
    return str(found)


@accounts_cli.command("import")
def import_accounts(
    file: Annotated[
        Path, typer.Argument(exists=True, dir_okay=False, readable=True, help="CSV or XLSX file.")
    ],
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Report what would happen; change nothing.")
    ] = False,
    org: Annotated[
        str | None, typer.Option(help="Organisation id or domain (default: the only one).")
    ] = None,
) -> None:
    """Import accounts from a CSV (UTF-8 or GB18030/GBK) or XLSX file."""
    settings = get_settings()
    upgrade(settings.effective_database_url)
    data = file.read_bytes()
    if len(data) > settings.directory_import_max_bytes:
        console.print(
            f"[red]{file} is larger than {settings.directory_import_max_bytes} bytes.[/red]"
        )
        raise typer.Exit(1)

    async def go() -> int:
        runtime = Runtime.build(settings)
        try:
            async with runtime.db.session() as session:
                org_id = await organization_id(session, org)
                job = await service.create_import(
                    session,
                    runtime,
                    org_id,
                    data,
                    filename=file.name,
                    dry_run=dry_run,
                    actor=None,
                    enqueue_job=False,
                )
            with Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeRemainingColumn(),
                console=console,
            ) as bar:
                task = bar.add_task("dry run" if dry_run else "importing", total=job.total_rows)
                job = await service.process_import(
                    runtime, job.id, progress=lambda done, _total: bar.update(task, completed=done)
                )
            counts = job.counts or {}
            console.print(
                ("Dry run: " if dry_run else "") + ", ".join(f"{k} {v}" for k, v in counts.items())
            )
            if counts.get("error"):
                async with runtime.db.session(write=False) as session:
                    rows = (
                        (
                            await session.execute(
                                select(DirectoryImportRow)
                                .where(
                                    DirectoryImportRow.import_id == job.id,
                                    DirectoryImportRow.status == "error",
                                )
                                .order_by(DirectoryImportRow.row)
                                .limit(50)
                            )
                        )
                        .scalars()
                        .all()
                    )
                table = Table("row", "address", "reason")
                for row in rows:
                    table.add_row(str(row.row), row.address or "", row.reason or "")
                console.print(table)
            return 2 if counts.get("error") else 0
        finally:
            await runtime.db.dispose()

    try:
        code = asyncio.run(go())
    except AppError as error:
        console.print(f"[red]{error.detail}[/red]")
        raise typer.Exit(1) from None
    raise typer.Exit(code)


@accounts_cli.command("export")
def export_accounts(
    out: Annotated[
        Path, typer.Option("--out", "-o", help="Where to write (.csv or .xlsx).")
    ] = Path("accounts.csv"),
    org: Annotated[
        str | None, typer.Option(help="Organisation id or domain (default: the only one).")
    ] = None,
    encoding: Annotated[str, typer.Option(help="CSV encoding: utf-8 or gb18030.")] = "utf-8",
) -> None:
    """Export every account (formula-safe) in the import's columns."""
    if encoding not in ("utf-8", "gb18030"):
        raise typer.BadParameter("encoding is utf-8 or gb18030")
    settings = get_settings()
    upgrade(settings.effective_database_url)

    async def go() -> None:
        runtime = Runtime.build(settings)
        try:
            async with runtime.db.session(write=False) as session:
                org_id = await organization_id(session, org)
            stream = (
                export.xlsx_stream(runtime, org_id)
                if out.suffix.lower() == ".xlsx"
                else export.csv_stream(runtime, org_id, encoding)
            )
            with out.open("wb") as fh:
                async for chunk in stream:
                    fh.write(chunk)
        finally:
            await runtime.db.dispose()

    asyncio.run(go())
    console.print(f"wrote {out}")
