"""`mailplane backup`, `mailplane restore`, `mailplane export`, `mailplane org import`."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Annotated, Literal

import typer
from sqlalchemy import select

from api.config import get_settings
from api.errors import AppError
from api.ops.backup import backup, restore
from api.ops.org_export import export_org
from api.ops.org_import import MalformedExport, import_org
from api.runtime import Runtime
from api.storage.migrate import upgrade_async
from api.storage.models import Domain, Organization


def backup_command(
    out: Annotated[Path, typer.Argument(help="An empty folder to write the backup into.")],
) -> None:
    """Online, consistent backup: the database as of one instant and every blob it names."""
    try:
        report = asyncio.run(backup(get_settings(), out))
    except AppError as error:
        typer.echo(error.detail, err=True)
        raise typer.Exit(1) from None
    print(json.dumps(report.as_dict()))


def restore_command(
    source: Annotated[Path, typer.Argument(help="A folder `mailplane backup` wrote.")],
) -> None:
    """Restore a backup into this (empty) installation: its database and blob store."""
    try:
        report = asyncio.run(restore(get_settings(), source))
    except AppError as error:
        typer.echo(error.detail, err=True)
        raise typer.Exit(1) from None
    print(json.dumps(report.as_dict()))


def export_command(
    org: Annotated[str, typer.Option(help="Organisation id or one of its domains.")],
    out: Annotated[Path, typer.Option(help="Folder to write the export into.")],
    mail_format: Annotated[str, typer.Option(help="mbox or maildir.")] = "mbox",
) -> None:
    """Export one organisation: mail (mbox or Maildir), calendars (iCalendar), contacts
    (vCard) and the directory (CSV)."""
    if mail_format not in ("mbox", "maildir"):
        raise typer.BadParameter("mail-format is mbox or maildir")
    fmt: Literal["mbox", "maildir"] = "maildir" if mail_format == "maildir" else "mbox"

    async def go() -> dict[str, object]:
        runtime = Runtime.build(get_settings())
        try:
            async with runtime.db.session(write=False) as session:
                org_id = org if await session.get(Organization, org) else await session.scalar(
                    select(Domain.org_id).where(Domain.name == org.lower()))
            if not org_id:
                raise typer.BadParameter(f"No organisation {org}.")
            return (await export_org(runtime, str(org_id), out, mail_format=fmt)).as_dict()
        finally:
            await runtime.blobs.close()
            await runtime.db.dispose()

    print(json.dumps(asyncio.run(go())))


org_cli = typer.Typer(help="Organisations: import an export from another installation.",
                      no_args_is_help=True)


@org_cli.command("import")
def org_import_command(
    source: Annotated[Path, typer.Argument(
        help="A folder `mailplane export` wrote, or a .tar/.tar.gz/.zip archive of one.")],
    org: Annotated[str, typer.Option(help="Target organisation: its id or one of its domains "
                                          "(it must hold the exported accounts' domains).")],
) -> None:
    """Import an organisation export: accounts (directory CSV), then each account's mail
    (folders, flags, internal dates), calendars and contacts. Safe to run again."""

    async def go() -> dict[str, object]:
        settings = get_settings()
        await upgrade_async(settings.effective_database_url)
        runtime = Runtime.build(settings)
        try:
            async with runtime.db.session(write=False) as session:
                org_id = org if await session.get(Organization, org) else await session.scalar(
                    select(Domain.org_id).where(Domain.name == org.lower()))
            if not org_id:
                raise typer.BadParameter(f"No organisation {org}.")
            return (await import_org(runtime, str(org_id), source)).as_dict()
        finally:
            await runtime.blobs.close()
            await runtime.db.dispose()

    try:
        report = asyncio.run(go())
    except MalformedExport as error:
        typer.echo(f"Not imported: {error}", err=True)
        raise typer.Exit(1) from None
    except AppError as error:
        typer.echo(f"Stopped: {error.detail}", err=True)
        raise typer.Exit(1) from None
    print(json.dumps(report))
