"""A dispatch table in front of FastAPI for hot reads that need nothing but the principal.

`GET /v1/me` costs a few microseconds of work, and ~60 µs of FastAPI around it: the router's
walk over every included router, the `Request` object, dependency solving for `Principal`,
two `AsyncExitStack`s and the exception wrappers. A route qualifies for the table when FastAPI
itself would pick it for the path (checked with FastAPI's own matching at start), it is a
`GET` without path, query, header, cookie or body parameters, its only dependency is
`Principal` or a `RequireScopes` alias of it, and its endpoint is annotated to return a
`Response` (so FastAPI does no response-model work on it either). For those routes this
layer, placed right inside the authentication middleware, does what FastAPI would:

- sets `scope["route"]`, `["endpoint"]` and `["path_params"]` (the access log and metrics
  read the route template from it);
- refuses an undeclared query key with the same 422 (`api.kit.query_params`), before the
  principal is checked;
- raises the same 401 / 403 as `api.deps.get_principal` and `RequireScopes`;
- calls the endpoint with the principal and sends the `Response` it returns;
- hands an exception to the same handler FastAPI's ExceptionMiddleware would (the app's
  `exception_handlers`, looked up along the exception's MRO); anything without one
  propagates to the outer layers unchanged, as it does from FastAPI.

Every other request (another method, a trailing slash, a `root_path`, a web-session cookie
the outer middleware turned into a bearer token is fine: it arrives here as a bearer) goes
to FastAPI as before. `tests/platform/test_fast_reads.py` compares both paths answer by
answer.
"""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from typing import Any, get_type_hints

from fastapi import FastAPI
from fastapi.routing import APIRoute
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from starlette.routing import Match

from api.deps import RequireScopes, get_principal, principal_of
from api.kit.query_params import EXEMPT_PREFIXES, QueryCheckedRoute, refusal

Handler = Callable[..., Awaitable[Response]]
# Responses whose body is rendered when they are made: sending them runs no app code.
_RENDERED = frozenset({Response, JSONResponse, PlainTextResponse, HTMLResponse})


@dataclass(frozen=True)
class FastRead:
    route: APIRoute
    endpoint: Handler
    param: str  # the endpoint's one parameter, the principal
    scopes: RequireScopes | None
    checks_query: bool  # a QueryCheckedRoute: undeclared query keys are refused


def _principal_dependency(route: APIRoute) -> tuple[str, RequireScopes | None] | None:
    """The parameter name and scope check of a route whose one dependency is the principal."""
    dependant = route.dependant
    if (dependant.path_params or dependant.query_params or dependant.header_params
            or dependant.cookie_params or dependant.body_params or route.dependencies):
        return None
    if (dependant.request_param_name or dependant.response_param_name
            or dependant.background_tasks_param_name or dependant.websocket_param_name
            or dependant.http_connection_param_name or dependant.security_scopes_param_name):
        return None
    if len(dependant.dependencies) != 1:
        return None
    dep = dependant.dependencies[0]
    if dep.name is None:
        return None
    if dep.call is get_principal and not dep.dependencies:
        return dep.name, None
    if (type(dep.call) is RequireScopes and len(dep.dependencies) == 1
            and dep.dependencies[0].call is get_principal
            and not dep.dependencies[0].dependencies):
        return dep.name, dep.call
    return None


def _returns_response(route: APIRoute) -> bool:
    endpoint = route.endpoint
    if not inspect.iscoroutinefunction(endpoint):
        return False  # FastAPI runs a sync endpoint in a thread
    returned = get_type_hints(endpoint).get("return")
    return isinstance(returned, type) and issubclass(returned, Response)


def eligible(route: Any) -> FastRead | None:
    if type(route) not in (APIRoute, QueryCheckedRoute) or route.methods != {"GET"}:
        return None
    if "{" in route.path:
        return None
    found = _principal_dependency(route)
    if found is None or not _returns_response(route):
        return None
    param, scopes = found
    checks_query = type(route) is QueryCheckedRoute and not route.path.startswith(EXEMPT_PREFIXES)
    return FastRead(route, route.endpoint, param, scopes, checks_query)


def _probe(path: str) -> dict[str, Any]:
    return {"type": "http", "method": "GET", "path": path, "root_path": "", "headers": [],
            "query_string": b"", "path_params": {}}


def chosen_route(app: FastAPI, path: str) -> Any:
    """The route FastAPI's router picks for `GET path`, by FastAPI's own matching."""
    scope = _probe(path)
    for candidate in app.router.routes:
        match, _child = candidate.matches(scope)
        if match != Match.FULL:
            continue
        select = getattr(candidate, "_match", None)  # an included router: which of its routes
        if select is None:
            return candidate
        inner_match, _inner, route, _context = select(scope)
        return route if inner_match == Match.FULL else None
    return None


def build_table(app: FastAPI, paths: Iterable[str]) -> dict[str, FastRead]:
    """The fast reads among `paths` (`GET` paths); a path that does not qualify is left to
    FastAPI, so the table can only ever be smaller than asked for."""
    table: dict[str, FastRead] = {}
    for path in paths:
        route = chosen_route(app, path)
        read = eligible(route) if route is not None else None
        if read is not None:
            table[path] = read
    return table


def _handler_for(handlers: dict[Any, Any], exc: Exception) -> Any:
    """What Starlette's ExceptionMiddleware calls for `exc` (500 and `Exception` belong to
    ServerErrorMiddleware, outermost, and so are not looked up here)."""
    if isinstance(exc, HTTPException) and exc.status_code in handlers:
        return handlers[exc.status_code]
    for cls in type(exc).__mro__:
        if cls is Exception:
            return None
        if cls in handlers:
            return handlers[cls]
    return None


class FastReadsMiddleware:
    def __init__(self, app: Any, fastapi: FastAPI, table: dict[str, FastRead]) -> None:
        self.app = app
        self.fastapi = fastapi
        self.table = table

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        read = self.table.get(scope["path"]) if scope["type"] == "http" else None
        if (read is None or scope["method"] != "GET" or scope.get("root_path")
                or self.fastapi.dependency_overrides):
            await self.app(scope, receive, send)
            return
        route = read.route
        scope["endpoint"] = read.endpoint
        scope["path_params"] = {}
        scope["route"] = route
        try:
            query = scope.get("query_string")
            if query and read.checks_query:
                refused = refusal(route, query)
                if refused is not None:
                    raise refused
            principal = principal_of(scope.get("state") or {})
            if read.scopes is not None:
                read.scopes.check(principal)
            response = await read.endpoint(**{read.param: principal})
        except Exception as exc:
            await self._handle(exc, scope, receive, send, started=False)
            return
        if type(response) in _RENDERED:
            # The body is bytes already: what sending it can raise (a disconnect, OSError)
            # has no handler, so Starlette's wrapper would re-raise it unchanged as well.
            await response(scope, receive, send)
            return
        started = False

        async def tracking_send(message: dict[str, Any]) -> None:
            nonlocal started
            started = True
            await send(message)

        try:  # a streamed body runs code while it is sent: the same handlers apply
            await response(scope, receive, tracking_send)
        except Exception as exc:
            await self._handle(exc, scope, receive, send, started=started)

    async def _handle(self, exc: Exception, scope: dict[str, Any], receive: Any, send: Any,
                      *, started: bool) -> None:
        """What Starlette's `wrap_app_handling_exceptions` does with `exc`."""
        handler = _handler_for(self.fastapi.exception_handlers, exc)
        if handler is None:
            raise exc
        if started:
            raise RuntimeError("Caught handled exception, but response already started.") from exc
        request = Request(scope, receive, send)
        if inspect.iscoroutinefunction(handler):
            response = await handler(request, exc)
        else:
            response = await run_in_threadpool(handler, request, exc)
        if response is not None:
            await response(scope, receive, send)
