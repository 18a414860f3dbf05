"""GET /docs (Swagger UI), /reference (ReDoc) and /docs/oauth2-redirect, and the static
mounts their files come from."""

from __future__ import annotations

from fastapi import APIRouter, FastAPI
from fastapi.responses import HTMLResponse
from starlette.staticfiles import StaticFiles

from api.reference import pages
from api.reference.assets import mounts

router = APIRouter(include_in_schema=False)
OPENAPI_URL = "/openapi.json"


@router.get("/docs")
async def swagger_ui_page() -> HTMLResponse:
    return HTMLResponse(pages.swagger_ui(OPENAPI_URL))


@router.get("/reference")
async def redoc_page() -> HTMLResponse:
    return HTMLResponse(pages.redoc(OPENAPI_URL))


@router.get("/docs/oauth2-redirect")
async def swagger_ui_oauth2_redirect() -> HTMLResponse:
    return HTMLResponse(pages.oauth2_redirect())


def install(app: FastAPI) -> None:
    """Serve the pages and mount the folders their assets come from."""
    app.include_router(router)
    for mount in mounts():
        app.mount(mount.url, StaticFiles(directory=mount.directory), name=mount.url)
