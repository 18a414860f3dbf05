"""create_app(): middleware, error handlers, routers and /graphql."""

from __future__ import annotations

import asyncio
import inspect
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from sqlalchemy.exc import DataError, DBAPIError
from starlette.exceptions import HTTPException as StarletteHTTPException

from api import openapi_doc
from api.config import Settings, get_settings
from api.dav import install_dav
from api.errors import (
    PROBLEM_CONTENT_TYPE,
    AppError,
    MalformedRequest,
    NotFound,
    ValidationFailed,
    request_locale,
)
from api.events.openapi import install_webhooks
from api.fast_reads import FastReadsMiddleware, build_table
from api.graphql import graphql_router
from api.i18n import Msg
from api.kit.body_limit import BodyLimitMiddleware
from api.kit.idempotency import IdempotencyMiddleware
from api.kit.query_params import reject_unknown_query
from api.kit.sqlite_retry import (
    READ_METHODS,
    WRITE_KEY,
    SqliteReadRetryMiddleware,
    lost_write_lock,
)
from api.ops.observability import ObservabilityMiddleware, configure_logging
from api.platform.authentication import AuthenticationMiddleware
from api.platform.web import WebSessionMiddleware, mail_frame_router
from api.platform.web import router as web_session_router
from api.platform.web import static_router as web_app_router
from api.platform.web.static import spa_fallback
from api.reference import router as reference_pages
from api.routes import FAST_READS, ROUTERS
from api.runtime import Runtime
from api.storage.migrate import upgrade_async
from api.storage.outage import (
    DatabaseUnavailable,
    TransactionConflict,
    is_database_outage,
    is_transaction_conflict,
)
from api.wiring import wire
from api.worker.runner import run_forever

log = logging.getLogger("mailplane.app")

DESCRIPTION = """Mailplane's open platform API. Authenticate with an OAuth 2.0 bearer token
from `/oauth/token`. Errors are RFC 9457 problem documents with a stable `code`."""


def _problem(error: AppError, request: Request) -> JSONResponse:
    rid = getattr(request.state, "request_id", None)
    locale = request_locale(request.headers, getattr(request.state, "principal", None))
    return JSONResponse(
        error.to_problem(rid, locale), status_code=error.status, headers=error.headers,
        media_type=PROBLEM_CONTENT_TYPE,
    )


def _unavailable(request: Request, exc: BaseException) -> JSONResponse:
    if is_transaction_conflict(exc):
        log.warning("transaction rolled back by the database", extra={"fields": {"error": type(exc).__name__}})
        return _problem(TransactionConflict(), request)
    log.warning("database unavailable", extra={"fields": {"error": type(exc).__name__}})
    return _problem(DatabaseUnavailable(), request)


def _param_of(loc: tuple[Any, ...]) -> str:
    parts = [str(p) for p in loc if p not in ("body", "query", "path", "header")]
    out = ""
    for p in parts:
        out += f"[{p}]" if p.isdigit() else (("." if out else "") + p)
    return out


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(AppError)
    async def _app_error(request: Request, exc: AppError) -> JSONResponse:
        return _problem(exc, request)

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = exc.errors()
        first = errors[0] if errors else {}
        if first.get("type") == "json_invalid":
            return _problem(MalformedRequest("The body is not valid JSON."), request)
        loc = tuple(first.get("loc", ()))
        msg = first.get("msg", "Invalid input")
        if first.get("type") == "extra_forbidden":
            msg = "Unknown or read-only field"
        # The reason is pydantic's English unless the catalogue knows it; the frame is translated.
        detail: str | Msg = (
            Msg("{reason}: {param}", param=_param_of(loc), reason=Msg(msg)) if loc else msg
        )
        error = ValidationFailed(
            detail, param=_param_of(loc) or None,
            extra={"errors": [
                {"param": _param_of(tuple(e.get("loc", ()))), "message": e.get("msg", ""),
                 "type": e.get("type", "")} for e in errors[:20]
            ]},
        )
        return _problem(error, request)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        if exc.status_code == 404:
            return await spa_fallback(request) or _problem(NotFound("No such endpoint."), request)
        error = AppError(str(exc.detail))
        error.status = exc.status_code  # type: ignore[misc]
        error.code = {405: "method_not_allowed", 400: "malformed_request"}.get(  # type: ignore[misc]
            exc.status_code, "http_error"
        )
        return _problem(error, request)

    @app.exception_handler(DataError)
    async def _data_error(request: Request, exc: DataError) -> JSONResponse:
        # A value the database cannot hold (an integer past 64 bits, a NUL in text) is the
        # caller's bad input, whatever validation missed: 422, never 500.
        log.info("database refused a value", extra={"fields": {"error": type(exc.orig).__name__}})
        return _problem(ValidationFailed("A value is out of range or not representable."), request)

    @app.exception_handler(DBAPIError)
    async def _database_error(request: Request, exc: DBAPIError) -> JSONResponse:
        if (
            lost_write_lock(exc)
            and request.method in READ_METHODS
            and not request.scope.get(WRITE_KEY)
        ):
            raise exc  # SqliteReadRetryMiddleware runs the read request again as a writer
        if is_database_outage(exc) or is_transaction_conflict(exc):
            return _unavailable(request, exc)
        return await _unexpected(request, exc)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        # a middleware's database call (authentication, idempotency) lands here directly
        if is_database_outage(exc) or is_transaction_conflict(exc):
            return _unavailable(request, exc)
        log.exception("unhandled error")
        return _problem(AppError("Something went wrong on our side; the request id identifies it."), request)


def _no_builtin_telemetry() -> dict[str, Any]:
    """We export Prometheus metrics ourselves; FastAPI's OpenTelemetry hook (where this
    FastAPI has one) would only add per-request provider checks."""
    if "telemetry" in inspect.signature(FastAPI).parameters:
        return {"telemetry": {"tracing": False, "metrics": False, "logs": False}}
    return {}


def create_app(settings: Settings | None = None, *, runtime: Runtime | None = None, migrate: bool = True) -> FastAPI:
    settings = settings or get_settings()
    runtime = runtime or Runtime.build(settings)
    wire()
    configure_logging(settings.log_json)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if migrate:
            await upgrade_async(settings.effective_database_url)
        await runtime.notifier.start()
        runtime.readiness.start()
        stop = asyncio.Event()
        worker = None
        if getattr(app.state, "background_worker", False):

            worker = asyncio.create_task(run_forever(runtime, stop))
        yield
        stop.set()
        if worker is not None:
            await worker
        await runtime.readiness.stop()
        await runtime.notifier.stop()
        await runtime.blobs.close()
        await runtime.db.dispose()

    app = FastAPI(
        title="Mailplane API",
        version="0.1.0",
        description=DESCRIPTION,
        lifespan=lifespan,
        openapi_url="/openapi.json",
        docs_url=None,  # api/reference serves /docs, /reference and GraphiQL without a CDN
        redoc_url=None,
        # operationId is the handler name (`list_apps`), so the SDK's functions are too.
        generate_unique_id_function=lambda route: route.name,
        **_no_builtin_telemetry(),
    )
    app.state.runtime = runtime
    install_error_handlers(app)
    openapi_doc.install(app)
    reject_unknown_query(ROUTERS)  # 422 for an undeclared query key, before dependencies
    for router in ROUTERS:
        app.include_router(router)
    app.include_router(graphql_router(settings), prefix="/graphql", include_in_schema=False)
    install_dav(app, runtime)
    install_webhooks(app)
    reference_pages.install(app)
    app.include_router(web_session_router)
    app.include_router(mail_frame_router)
    app.include_router(web_app_router)  # last: `/` and `/assets` after every API path

    # Pure ASGI middleware, innermost first.
    app.add_middleware(SqliteReadRetryMiddleware, enabled=runtime.db.is_sqlite)
    app.add_middleware(IdempotencyMiddleware, runtime=runtime)
    # hot principal-only reads, answered without FastAPI's routing and dependency solving
    app.add_middleware(FastReadsMiddleware, fastapi=app, table=build_table(app, FAST_READS))
    app.add_middleware(AuthenticationMiddleware, runtime=runtime)
    app.add_middleware(WebSessionMiddleware, runtime=runtime)  # the web app's cookie -> bearer
    app.add_middleware(BodyLimitMiddleware, max_bytes=settings.max_body_bytes, exempt=("/v1/uploads", "/v1/directory/imports"))
    # outermost: request id, access log, metrics, Cache-Control: no-store (one send wrapper)
    app.add_middleware(ObservabilityMiddleware, access_log=settings.access_log)
    return app
