"""Outermost middleware: a request id for every request, JSON access logs, Prometheus metrics."""

from __future__ import annotations

import json
import logging
import secrets
import sys
import time
from typing import Any

from prometheus_client import Counter, Histogram

from api.kit.request_context import request_id_var

REQUESTS = Counter(
    "mailplane_http_requests_total", "HTTP requests", ["method", "route", "status"]
)
LATENCY = Histogram(
    "mailplane_http_request_duration_seconds", "HTTP request latency", ["method", "route"],
    buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
)



class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "ts": round(record.created, 3),
            "level": record.levelname.lower(),
            "logger": record.name,
            "msg": record.getMessage(),
        }
        rid = request_id_var.get()
        if rid:
            entry["request_id"] = rid
        entry.update(getattr(record, "fields", {}))
        if record.exc_info:
            entry["exc"] = self.formatException(record.exc_info)
        return json.dumps(entry, default=str)


def configure_logging(json_logs: bool = True, level: int = logging.INFO) -> None:
    handler = logging.StreamHandler(sys.stderr)
    if json_logs:
        handler.setFormatter(JsonFormatter())
    root = logging.getLogger("mailplane")
    root.handlers[:] = [handler]
    root.setLevel(level)
    root.propagate = False


class AccessLog:
    """One JSON line per request written straight to stderr: the logging module's record
    machinery costs more than the request it describes."""

    def __init__(self, enabled: bool = True) -> None:
        self.enabled = enabled
        self._write = sys.stderr.write

    def write(self, entry: dict[str, Any]) -> None:
        if self.enabled:
            self._write(json.dumps(entry, separators=(",", ":")) + "\n")


_children: dict[tuple[str, str, str], tuple[Any, Any]] = {}


def _metric_children(method: str, route: str, status: str) -> tuple[Any, Any]:
    key = (method, route, status)
    found = _children.get(key)
    if found is None:
        found = _children[key] = (REQUESTS.labels(method, route, status), LATENCY.labels(method, route))
    return found


def _route_template(scope: dict[str, Any]) -> str:
    route = scope.get("route")
    return getattr(route, "path_format", None) or getattr(route, "path", None) or "unmatched"


class ObservabilityMiddleware:
    def __init__(self, app: Any, access_log: bool = True) -> None:
        self.app = app
        self.access_log = AccessLog(access_log)

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        incoming = dict(scope["headers"]).get(b"x-request-id", b"").decode("latin-1")
        rid = incoming if 0 < len(incoming) <= 64 and incoming.isprintable() else (
            "req_" + secrets.token_hex(12)
        )
        token = request_id_var.set(rid)
        scope.setdefault("state", {})["request_id"] = rid
        status = 500
        start = time.perf_counter()

        async def send_wrapper(message: dict[str, Any]) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                message.setdefault("headers", []).append((b"x-request-id", rid.encode()))
            await send(message)

        try:
            await self.app(scope, receive, send_wrapper)
        finally:
            elapsed = time.perf_counter() - start
            route = _route_template(scope)
            counter, histogram = _metric_children(scope["method"], route, str(status))
            counter.inc()
            histogram.observe(elapsed)
            self.access_log.write({
                "ts": round(time.time(), 3), "level": "info", "logger": "mailplane.access",
                "msg": "request", "request_id": rid, "method": scope["method"],
                "path": scope["path"], "route": route, "status": status,
                "ms": round(elapsed * 1000, 2),
            })
            request_id_var.reset(token)
