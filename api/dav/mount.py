"""Wiring `/dav/` and service discovery (RFC 6764 `/.well-known/caldav` and `carddav`, and a
PROPFIND on the bare server URL) into the HTTP app."""

from __future__ import annotations

from fastapi import FastAPI
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from api.dav.server import METHODS, DavServer
from api.runtime import Runtime


def install_dav(app: FastAPI, runtime: Runtime) -> None:
    server = DavServer(runtime)

    async def endpoint(request: Request) -> Response:
        return await server(request)

    async def well_known(request: Request) -> Response:
        return RedirectResponse("/dav/", status_code=301)

    before = len(app.router.routes)
    for path in ("/dav", "/dav/", "/dav/{path:path}"):
        app.add_route(path, endpoint, methods=METHODS, include_in_schema=False)
    for path in ("/.well-known/caldav", "/.well-known/carddav"):
        app.add_route(
            path, well_known, methods=["GET", "PROPFIND", "HEAD"], include_in_schema=False
        )
    # First in the routing table: phones sync often, and the REST routes need not be tried.
    ours = app.router.routes[before:]
    del app.router.routes[before:]
    app.router.routes[:0] = ours
    # Clients given only the server's URL ask it directly (RFC 6764 §6, step 3). Last in
    # the table, so a route serving `/` before it keeps doing so; other methods stay a 404.
    async def root(request: Request) -> Response:
        if request.method == "PROPFIND":
            return await server(request)
        # Everything else is what `/` would have been without this route: the app's 404
        # handling (the web app's index for GET, a problem document otherwise).
        raise HTTPException(404)

    every = sorted({*METHODS, "GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"})
    app.add_route("/", root, methods=every, include_in_schema=False)
