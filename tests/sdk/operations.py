"""The OpenAPI operations (from the committed `openapi/openapi.json`), and a recorder of
which ones a live server answered with a 2xx/3xx during the SDK tests."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import httpx

SPEC = Path(__file__).resolve().parents[2] / "openapi" / "openapi.json"
VERBS = ("get", "post", "put", "patch", "delete")


@dataclass(frozen=True)
class Operation:
    operation_id: str
    method: str
    path: str

    @property
    def pattern(self) -> re.Pattern[str]:
        parts = re.split(r"(\{[^}]+\})", self.path)
        regex = "".join("[^/]+" if p.startswith("{") else re.escape(p) for p in parts)
        return re.compile(f"^{regex}$")


@cache
def spec_operations() -> dict[str, Operation]:
    spec = json.loads(SPEC.read_text())
    found: dict[str, Operation] = {}
    for path, item in spec["paths"].items():
        for verb in VERBS:
            if verb in item:
                op_id = item[verb]["operationId"]
                found[op_id] = Operation(op_id, verb.upper(), path)
    return found


def match(method: str, path: str) -> str | None:
    """The operationId a request went to (literal segments win over parameters)."""
    candidates = [
        op for op in spec_operations().values() if op.method == method and op.pattern.match(path)
    ]
    if not candidates:
        return None
    # `/v1/accounts/changes` beats `/v1/accounts/{account}`: fewest parameters first.
    return min(candidates, key=lambda op: op.path.count("{")).operation_id


@dataclass
class ServedOperations:
    served: set[str] = field(default_factory=set)

    def record(self, request: httpx.Request, response: httpx.Response) -> None:
        if response.status_code < 400:
            op = match(request.method, request.url.path)
            if op:
                self.served.add(op)

    def transport(self, inner: httpx.BaseTransport) -> httpx.BaseTransport:
        recorder = self

        class Recording(httpx.BaseTransport):
            def handle_request(self, request: httpx.Request) -> httpx.Response:
                response = inner.handle_request(request)
                recorder.record(request, response)
                return response

            def close(self) -> None:
                inner.close()

        return Recording()

    def async_transport(self, inner: httpx.AsyncBaseTransport) -> httpx.AsyncBaseTransport:
        recorder = self

        class Recording(httpx.AsyncBaseTransport):
            async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
                response = await inner.handle_async_request(request)
                recorder.record(request, response)
                return response

            async def aclose(self) -> None:
                await inner.aclose()

        return Recording()

    def missing(self) -> list[str]:
        return sorted(set(spec_operations()) - self.served)

    def summary(self) -> str:
        total = len(spec_operations())
        lines = [
            f"SDK live coverage: {len(self.served & set(spec_operations()))}/{total} "
            "OpenAPI operations answered 2xx/3xx during the SDK tests"
        ]
        missing = self.missing()
        if missing:
            lines.append("not served: " + " ".join(missing))
        return "\n".join(lines)


def iter_ops() -> Iterator[Operation]:
    yield from spec_operations().values()
