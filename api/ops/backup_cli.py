"""`mailplane backup`, `mailplane restore`, `mailplane export`."""

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
from api.runtime import Runtime
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
