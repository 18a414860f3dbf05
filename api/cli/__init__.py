"""The `mailplane` command: serve, init, apps, openapi, db.

`serve` and `openapi export` live in `api.cli.serving`, imported when one of them runs:
building the HTTP app (every router, GraphQL schema and OpenAPI model) costs seconds of CPU
that `init`, `db upgrade` and the other commands should not pay. That is the only import
inside a function here, and it stays within this package."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table
from sqlalchemy import select

from api.bootstrap import create_organization
from api.config import get_settings
from api.data_dir import private_dir
from api.directory import accounts_cli, organization_id
from api.errors import AppError
from api.migration.cli import migrate_cli
from api.ops.backup_cli import backup_command, export_command, org_cli, restore_command
from api.ops.blob_cli import blobs_cli
from api.platform import apps_service as apps
from api.runtime import Runtime
from api.storage.migrate import upgrade
from api.storage.models import App, Domain
from schemas.platform import AppCreate

cli = typer.Typer(help="Mailplane: self-hosted enterprise mail with an open API.", no_args_is_help=True)
apps_cli = typer.Typer(help="OAuth apps.", no_args_is_help=True)
openapi_cli = typer.Typer(help="The OpenAPI document and GraphQL SDL.", no_args_is_help=True)
db_cli = typer.Typer(help="Database schema.", no_args_is_help=True)
cli.add_typer(apps_cli, name="apps")
cli.add_typer(openapi_cli, name="openapi")
cli.add_typer(db_cli, name="db")
cli.add_typer(accounts_cli, name="accounts")
cli.add_typer(migrate_cli, name="migrate")
cli.add_typer(blobs_cli, name="blobs")
cli.add_typer(org_cli, name="org")
cli.command("backup")(backup_command)
cli.command("restore")(restore_command)
cli.command("export")(export_command)
console = Console()


def _runtime() -> Runtime:
    return Runtime.build(get_settings())


def _migrate() -> None:
    upgrade(get_settings().effective_database_url)


@cli.command()
def serve(
    role: Annotated[str, typer.Option(help="api | smtp | imap | worker | all")] = "all",
    host: Annotated[str | None, typer.Option(help="Listen address (MAILPLANE_HOST).")] = None,
    port: Annotated[int | None, typer.Option(help="HTTP port (MAILPLANE_PORT).")] = None,
    workers: Annotated[int, typer.Option(help="HTTP worker processes (api role).")] = 1,
) -> None:
    """Run Mailplane: every role in one process by default."""
    from api.cli import serving  # noqa: PLC0415  (the HTTP app: see the module's docstring)

    serving.serve(role, host=host, port=port, workers=workers)


@cli.command()
def init(
    org: Annotated[str, typer.Option(help="Organisation name.")],
    domain: Annotated[str, typer.Option(help="First mail domain.")],
    admin: Annotated[str, typer.Option(help="Administrator address or local part.")],
    if_missing: Annotated[bool, typer.Option(help="Do nothing when the domain exists.")] = False,
    operator: Annotated[bool, typer.Option(help="Make the administrator a platform operator.")] = False,
) -> None:
    """Create an organisation, its administrator (one-time password) and an admin app."""
    async def go() -> None:
        runtime = _runtime()
        async with runtime.db.session() as session:
            if if_missing and await session.scalar(select(Domain.id).where(Domain.name == domain.lower())):
                console.print(f"Organisation for {domain} exists already; nothing to do.")
                return
            made = await create_organization(
                session, name=org, domain=domain, admin=admin, role="operator" if operator else "admin"
            )
        await runtime.db.dispose()
        console.print(f"Organisation [bold]{made.org.name}[/bold] ({made.org.id}), domain {made.domain.name}")
        console.print(f"Administrator: {made.admin.address}  one-time password: [bold]{made.admin_password}[/bold]")
        console.print(f"Admin app client_id: [bold]{made.app.id}[/bold]")
        console.print(f"Admin app client_secret: [bold]{made.client_secret}[/bold]  (shown once)")
        creds = get_settings().data_dir / "demo-credentials.json"
        private_dir(creds.parent)
        creds.write_text(json.dumps({
            "org_id": made.org.id, "admin": made.admin.address, "admin_password": made.admin_password,
            "client_id": made.app.id, "client_secret": made.client_secret,
        }, indent=2))
        creds.chmod(0o600)
        console.print(f"(also written to {creds})")

    _migrate()
    try:
        asyncio.run(go())
    except AppError as error:
        console.print(f"[red]{error.detail}[/red]")
        raise typer.Exit(1) from None


@apps_cli.command("create")
def apps_create(
    org: Annotated[str, typer.Option(help="Organisation id or domain.")],
    name: Annotated[str, typer.Option()],
    scopes: Annotated[str, typer.Option(help="Space-separated scopes.")] = "",
    redirect_uri: Annotated[list[str] | None, typer.Option(help="Repeatable.")] = None,
    public: Annotated[bool, typer.Option(help="A public client (no secret, PKCE).")] = False,
) -> None:
    """Register an OAuth app and print its credentials once."""
    async def go() -> None:
        runtime = _runtime()
        async with runtime.db.session() as session:
            org_id = await organization_id(session, org)
            app, secret = await apps.create_app(
                session, org_id,
                AppCreate(name=name, client_type="public" if public else "confidential",
                          redirect_uris=redirect_uri or [], scopes=scopes.split()),
                actor=None,
            )
        await runtime.db.dispose()
        console.print(f"client_id: [bold]{app.id}[/bold]")
        if secret:
            console.print(f"client_secret: [bold]{secret}[/bold]  (shown once)")

    _migrate()
    try:
        asyncio.run(go())
    except AppError as error:
        console.print(f"[red]{error.detail}[/red]")
        raise typer.Exit(1) from None


@apps_cli.command("list")
def apps_list(org: Annotated[str, typer.Option(help="Organisation id or domain.")]) -> None:
    """List an organisation's apps."""
    async def go() -> None:
        runtime = _runtime()
        async with runtime.db.session(write=False) as session:
            org_id = await organization_id(session, org)
            rows = (await session.execute(select(App).where(App.org_id == org_id).order_by(App.id))).scalars().all()
        await runtime.db.dispose()
        table = Table("client_id", "name", "type", "scopes", "disabled")
        for app in rows:
            table.add_row(app.id, app.name, app.client_type, " ".join(app.scopes), str(app.disabled))
        console.print(table)

    _migrate()
    asyncio.run(go())


@apps_cli.command("rotate-secret")
def apps_rotate_secret(
    client_id: str,
    grace_seconds: Annotated[int, typer.Option(help="How long the old secret keeps working.")] = 86400,
) -> None:
    """Issue a new client secret; the old one works for the grace period."""
    async def go() -> None:
        runtime = _runtime()
        async with runtime.db.session() as session:
            app = await session.get(App, client_id)
            if app is None:
                raise typer.BadParameter(f"No app {client_id}.")
            secret, until = await apps.rotate_secret(session, app.org_id, app, grace_seconds, actor=None)
        await runtime.db.dispose()
        console.print(f"client_secret: [bold]{secret}[/bold]  (shown once; the old one works until {until})")

    _migrate()
    try:
        asyncio.run(go())
    except AppError as error:
        console.print(f"[red]{error.detail}[/red]")
        raise typer.Exit(1) from None


def openapi_document() -> str:
    from api.cli import serving  # noqa: PLC0415  (the HTTP app: see the module's docstring)

    return serving.openapi_document()


@openapi_cli.command("export")
def openapi_export(
    out: Annotated[Path, typer.Option(help="Where to write openapi.json.")] = Path("openapi/openapi.json"),
    sdl: Annotated[Path, typer.Option(help="Where to write the GraphQL SDL.")] = Path("openapi/schema.graphql"),
) -> None:
    """Write the OpenAPI document and the GraphQL SDL (deterministic output)."""
    from api.cli import serving  # noqa: PLC0415  (the HTTP app: see the module's docstring)

    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(openapi_document())
    sdl.write_text(serving.export_sdl(get_settings()))
    console.print(f"wrote {out} and {sdl}")


@db_cli.command("upgrade")
def db_upgrade() -> None:
    """Apply database migrations up to the newest."""
    upgrade(get_settings().effective_database_url)
    console.print("database is up to date")


def main() -> None:
    cli()


if __name__ == "__main__":
    main()
