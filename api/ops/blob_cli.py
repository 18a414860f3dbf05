"""`mailplane blobs …`: move blobs between backends, sweep orphans."""

from __future__ import annotations

import asyncio
import json
from datetime import timedelta
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from api.config import get_settings
from api.runtime import Runtime
from api.storage.blob_migration import MoveReport, move_blobs
from api.storage.blob_url import describe, open_backend
from api.storage.db import Database

blobs_cli = typer.Typer(help="Blob storage (message bodies, attachments).", no_args_is_help=True)
console = Console()


@blobs_cli.command("migrate")
def migrate(
    to: Annotated[str, typer.Option("--to", help="Target blob URL (file://, postgresql:, s3://).")],
    source: Annotated[str | None, typer.Option(
        "--from", help="Source blob URL (default: MAILPLANE_BLOB_URL).")] = None,
    verify: Annotated[bool, typer.Option(
        help="Re-hash blobs the target holds already instead of trusting them.")] = False,
    state: Annotated[Path | None, typer.Option(
        help="Progress file: a rerun continues after the last blob it names.")] = None,
) -> None:
    """Copy every referenced blob to another backend, online and resumable; each copy is
    checked against its SHA-256. Prints a JSON report; exits 1 if any blob was missing or
    corrupt at the source."""
    settings = get_settings()
    db_url = settings.effective_database_url
    spool = settings.data_dir / "tmp"
    spool.mkdir(parents=True, exist_ok=True)
    src_url = source or settings.effective_blob_url
    after = ""
    if state is not None and state.exists():
        after = json.loads(state.read_text()).get("last", "")

    def checkpoint(report: MoveReport) -> None:
        if state is not None and (report.copied + report.present) % 50 == 0:
            state.write_text(json.dumps({"last": report.last}))

    async def go() -> MoveReport:
        db = Database(db_url)
        src = open_backend(src_url, database_url=db_url, spool_dir=spool)
        dst = open_backend(to, database_url=db_url, spool_dir=spool)
        try:
            return await move_blobs(db, src, dst, verify=verify, after=after, progress=checkpoint)
        finally:
            for backend in (src, dst):
                await backend.close()  # type: ignore[attr-defined]
            await db.dispose()

    console.print(f"moving blobs {describe(src_url)} -> {describe(to)}", style="dim")
    report = asyncio.run(go())
    if state is not None:
        state.write_text(json.dumps({"last": report.last}))
    print(json.dumps(report.as_dict()))
    if report.missing or report.corrupt:
        raise typer.Exit(1)


@blobs_cli.command("sweep")
def sweep(
    grace: Annotated[float, typer.Option(help="Seconds an unreferenced blob is kept.")] = 3600.0,
) -> None:
    """Collect unreferenced blobs and remove stored bytes no row names (both older than
    the grace period)."""
    async def go() -> dict[str, int]:
        runtime = Runtime.build(get_settings())
        try:
            async with runtime.db.session() as session:
                collected = await runtime.blobs.collect(session, grace=timedelta(seconds=grace))
            async with runtime.db.session(write=False) as session:
                orphans = await runtime.blobs.sweep_orphans(
                    session, grace=timedelta(seconds=grace))
            return {"collected": collected, "orphans_removed": orphans}
        finally:
            await runtime.blobs.close()
            await runtime.db.dispose()

    print(json.dumps(asyncio.run(go())))
