"""Health, readiness and Prometheus metrics."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse, Response
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from api.deps import RuntimeDep

router = APIRouter(tags=["operations"])


@router.get("/healthz")
async def get_health() -> dict[str, str]:
    """Liveness: the process answers."""
    return {"status": "ok"}


@router.get("/readyz", responses={503: {"description": "The database is unreachable"}})
async def get_readiness(runtime: RuntimeDep) -> JSONResponse:
    """Readiness: the database answers a query."""
    try:
        await runtime.db.ping()
    except Exception as exc:  # any driver error means "not ready"
        return JSONResponse({"status": "unavailable", "database": type(exc).__name__}, status_code=503)
    return JSONResponse({"status": "ok", "database": "ok"})


@router.get("/metrics", response_class=Response)
async def get_metrics() -> Response:
    """Prometheus metrics: requests by route, status and latency."""
    return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)
