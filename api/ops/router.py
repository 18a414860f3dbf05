"""Health, readiness and Prometheus metrics."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse, Response
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from api.deps import RuntimeDep
from api.storage.notifier import describe_state
from api.storage.outage import RETRY_AFTER_SECONDS

router = APIRouter(tags=["operations"])


@router.get("/healthz")
async def get_health() -> dict[str, str]:
    """Liveness: the process answers."""
    return {"status": "ok"}


@router.get("/readyz", responses={503: {"description": "The database is unreachable"}})
async def get_readiness(runtime: RuntimeDep) -> JSONResponse:
    """Readiness: the database answered the process's background probe (a query every
    second, failed after two seconds without an answer). Answered from that cached state,
    without a database round trip, so a slow but healthy process is never reported down;
    load balancers take the process out of rotation while the probe fails, and back when
    it answers again."""
    notifier = describe_state(runtime.notifier)
    reading = await runtime.readiness.current()
    if not reading.ready:
        return JSONResponse(
            {"status": "unavailable", "database": reading.error, "notifier": notifier},
            status_code=503, headers={"Retry-After": str(RETRY_AFTER_SECONDS)},
        )
    return JSONResponse({"status": "ok", "database": "ok", "notifier": notifier})


@router.get("/metrics", response_class=Response)
async def get_metrics() -> Response:
    """Prometheus metrics: requests by route, status and latency."""
    return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)
