"""Outermost middleware: a request id for every request, JSON access logs, Prometheus metrics,
and `Cache-Control: no-store` on API answers (`api.kit.no_store`)."""

from __future__ import annotations

import itertools
import json
import logging
import os
import sys
import time
from bisect import bisect_left
from collections.abc import Iterator
from json.encoder import encode_basestring_ascii as _quote
from typing import Any

from prometheus_client.core import REGISTRY, CounterMetricFamily, HistogramMetricFamily
from prometheus_client.registry import Collector

from api.kit.no_store import add_no_store, wants_no_store
from api.kit.request_context import RESPONSE_HEADERS, request_id_var

BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)


class HttpMetrics(Collector):
    """`mailplane_http_requests_total` and `mailplane_http_request_duration_seconds`, counted
    in plain dicts and turned into Prometheus families only when scraped: prometheus_client's
    Counter.inc and Histogram.observe take a lock and walk the buckets on every request,
    which cost more than a cached `/v1/me` itself (one event loop per process, so no lock)."""

    def __init__(self) -> None:
        self.requests: dict[tuple[str, str, str], int] = {}
        # (method, route) -> [count per bucket (the last is +Inf), sum of seconds]
        self.latency: dict[tuple[str, str], tuple[list[int], list[float]]] = {}

    def record(self, method: str, route: str, status: str, seconds: float) -> None:
        counted = (method, route, status)
        self.requests[counted] = self.requests.get(counted, 0) + 1
        hist = self.latency.get((method, route))
        if hist is None:
            hist = self.latency[(method, route)] = ([0] * (len(BUCKETS) + 1), [0.0])
        hist[0][bisect_left(BUCKETS, seconds)] += 1
        hist[1][0] += seconds

    def collect(self) -> Iterator[Any]:
        requests = CounterMetricFamily(
            "mailplane_http_requests", "HTTP requests", labels=["method", "route", "status"]
        )
        for labels, count in list(self.requests.items()):
            requests.add_metric(list(labels), count)
        yield requests
        latency = HistogramMetricFamily(
            "mailplane_http_request_duration_seconds", "HTTP request latency",
            labels=["method", "route"],
        )
        for labels, (counts, total) in list(self.latency.items()):
            cumulative, running = [], 0
            for bound, count in zip((*BUCKETS, float("inf")), counts, strict=True):
                running += count
                cumulative.append(("+Inf" if bound == float("inf") else repr(bound), running))
            latency.add_metric(list(labels), cumulative, sum_value=total[0])
        yield latency


METRICS = HttpMetrics()
REGISTRY.register(METRICS)


class RequestIds:
    """`req_` + 24 hex digits: a random per-process prefix and a counter, unique without a
    getrandom() call per request (a fork re-draws the prefix, so children never collide)."""

    def __init__(self) -> None:
        self._reset()
        os.register_at_fork(after_in_child=self._reset)

    def _reset(self) -> None:
        self._prefix = "req_" + os.urandom(6).hex()
        self._counter = itertools.count(int.from_bytes(os.urandom(3), "big"))

    def next(self) -> str:
        return f"{self._prefix}{next(self._counter) & 0xFFFFFFFFFFFF:012x}"


REQUEST_IDS = RequestIds()


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

    def request(self, rid: str, method: str, path: str, route: str, status: int, ms: float) -> None:
        """The access line, byte for byte what `write` makes of the same entry, without
        json.dumps's dict walk (the strings are escaped by the same C function)."""
        if self.enabled:
            self._write(
                f'{{"ts":{round(time.time(), 3)!r},"level":"info","logger":"mailplane.access",'
                f'"msg":"request","request_id":{_quote(rid)},"method":{_quote(method)},'
                f'"path":{_quote(path)},"route":{_quote(route)},"status":{status},'
                f'"ms":{ms!r}}}\n'
            )


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
        incoming = ""
        for name, value in scope["headers"]:
            if name == b"x-request-id":
                incoming = value.decode("latin-1")
        rid = incoming if 0 < len(incoming) <= 64 and incoming.isprintable() else REQUEST_IDS.next()
        token = request_id_var.set(rid)
        state = scope.setdefault("state", {})
        state["request_id"] = rid
        status = 500
        start = time.perf_counter()
        no_store = wants_no_store(scope["path"])

        async def send_wrapper(message: dict[str, Any]) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                headers = list(message.get("headers", ()))
                extra = state.get(RESPONSE_HEADERS)
                if extra:
                    headers += extra
                headers.append((b"x-request-id", rid.encode()))
                if no_store:
                    add_no_store(headers)
                message = {**message, "headers": headers}
            await send(message)

        try:
            await self.app(scope, receive, send_wrapper)
        finally:
            elapsed = time.perf_counter() - start
            route = _route_template(scope)
            method = scope["method"]
            METRICS.record(method, route, str(status), elapsed)
            self.access_log.request(rid, method, scope["path"], route, status, round(elapsed * 1000, 2))
            request_id_var.reset(token)
