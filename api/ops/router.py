"""Health, readiness and Prometheus metrics."""

from __future__ import annotations

import asyncio

from fastapi import APIRouter
from fastapi.responses import JSONResponse, Response
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from api.deps import RuntimeDep
from api.storage.notifier import describe_state
from api.storage.outage import RETRY_AFTER_SECONDS

READY_TIMEOUT = 2.0

router = APIRouter(tags=["operations"])


@router.get("/healthz")
async def get_health() -> dict[str, str]:
    """Liveness: the process answers."""
    return {"status": "ok"}


@router.get("/readyz", responses={503: {"description": "The database is unreachable"}})
async def get_readiness(runtime: RuntimeDep) -> JSONResponse:
    """Readiness: the database answers a query within two seconds (load balancers take the
    process out of rotation while it does not, and back when it does)."""
    notifier = describe_state(runtime.notifier)
    try:
        await asyncio.wait_for(runtime.db.ping(), READY_TIMEOUT)
    except Exception as exc:  # any driver error or a timeout means "not ready"
        return JSONResponse(
            {"status": "unavailable", "database": type(exc).__name__, "notifier": notifier},
            status_code=503, headers={"Retry-After": str(RETRY_AFTER_SECONDS)},
        )
    return JSONResponse({"status": "ok", "database": "ok", "notifier": notifier})


@router.get("/metrics", response_class=Response)
async def get_metrics() -> Response:
    """Prometheus metrics: requests by route, status and latency."""
    return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)
