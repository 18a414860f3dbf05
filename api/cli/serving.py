"""`mailplane serve` and `mailplane openapi export`: the commands that build the HTTP app."""

from __future__ import annotations

import json

import uvicorn
from typer import BadParameter

from api.app import create_app
from api.config import get_settings
from api.graphql import export_sdl
from api.roles import run as run_roles  # SMTP, IMAP/POP3, delivery
from api.storage.migrate import upgrade

__all__ = ["export_sdl", "openapi_document", "serve"]


def serve(role: str, *, host: str | None, port: int | None, workers: int) -> None:
    """Run Mailplane: every role in one process by default."""
    settings = get_settings()
    if role not in ("api", "smtp", "imap", "worker", "all"):
        raise BadParameter("role must be api, smtp, imap, worker or all")
    upgrade(settings.effective_database_url)
    if role in ("smtp", "imap", "worker") or (role == "all" and workers <= 1):
        run_roles(settings, role, host=host, port=port)
        return
    if workers > 1:
        uvicorn.run("api.asgi:app", host=host or settings.host, port=port or settings.port,
                    workers=workers, log_level="warning", access_log=False)
        return
    app = create_app(settings, migrate=False)
    if role == "all":
        app.state.background_worker = True
    uvicorn.run(app, host=host or settings.host, port=port or settings.port,
                log_level="warning", access_log=False)


def openapi_document() -> str:
    app = create_app(migrate=False)
    return json.dumps(app.openapi(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
