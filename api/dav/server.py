"""The `/dav/` endpoint: authenticate, parse the URL, open the unit of work (a read for
PROPFIND, REPORT, GET, HEAD; a write otherwise), run the method's module, render errors.

An error rolls the unit of work back, so a refused write changes nothing."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

from sqlalchemy.exc import DataError, IntegrityError
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from api.calendar.calendars import service as calendars
from api.contacts.address_books import service as address_books
from api.dav import delete, get, mkcol, options, paths, post, propfind, proppatch, put, report
from api.dav.auth import DavAuthenticator
from api.dav.context import Context
from api.errors import (
    PROBLEM_CONTENT_TYPE,
    AppError,
    Conflict,
    PayloadTooLarge,
    ValidationFailed,
)
from api.runtime import Runtime

log = logging.getLogger("mailplane.dav")

HANDLERS: dict[str, Callable[[Context], Awaitable[Response]]] = {
    "PROPFIND": propfind.handle,
    "PROPPATCH": proppatch.handle,
    "REPORT": report.handle,
    "GET": get.handle,
    "HEAD": get.handle,
    "PUT": put.handle,
    "POST": post.handle,
    "DELETE": delete.handle,
    "MKCALENDAR": mkcol.handle,
    "MKCOL": mkcol.handle,
}
READS = {"PROPFIND", "REPORT", "GET", "HEAD", "POST"}
METHODS = ["OPTIONS", *HANDLERS]


def problem(error: AppError, request: Request) -> Response:
    body = error.to_problem(getattr(request.state, "request_id", None))
    return JSONResponse(
        body, status_code=error.status, headers=error.headers, media_type=PROBLEM_CONTENT_TYPE
    )


class DavServer:
    """One per app; `await server(request)` answers any method under `/dav/`."""

    def __init__(self, runtime: Runtime) -> None:
        self.runtime = runtime
        self.auth = DavAuthenticator(runtime)

    async def __call__(self, request: Request) -> Response:
        if request.method == "OPTIONS":
            return await options.handle()
        handler = HANDLERS.get(request.method)
        if handler is None:
            return Response(status_code=405, headers={"Allow": options.ALLOW})
        try:
            return await self._run(request, handler)
        except AppError as error:
            return problem(error, request)
        except IntegrityError:  # a concurrent write took the same name or UID first
            return problem(Conflict("The resource changed meanwhile; try again."), request)
        except DataError:
            return problem(
                ValidationFailed("A value is out of range or not representable."), request
            )

    async def _run(
        self, request: Request, handler: Callable[[Context], Awaitable[Response]]
    ) -> Response:
        credential = await self.auth.credential(request)
        target = paths.parse(request.url.path)
        limit = self.runtime.settings.max_body_bytes
        body = await request.body()
        if len(body) > limit:
            raise PayloadTooLarge(f"A request body is at most {limit} bytes.", param="body")
        if target.kind in ("calendar_home", "book_home", "principal", "root"):
            # homes list the defaults: make them first, each in a unit of work of its own
            async with self.runtime.db.session(write=False) as session:
                user = await self.auth.user(session, credential)
            await calendars.provision(self.runtime, user.org_id, user.account_id)
            await address_books.provision(self.runtime, user.org_id, user.account_id)
        write = request.method not in READS
        async with self.runtime.db.session(write=write) as session:
            user = await self.auth.user(session, credential)
            ctx = Context(request, self.runtime, session, user, target, body)
            return await handler(ctx)
