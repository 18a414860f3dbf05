"""`api.fast_reads` answers its routes exactly as FastAPI does: the same requests go to an
app with the table and to one without it (each with its own runtime, so token caches and
rate-limit counters move in step), and every answer, access-log line and metric must agree."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from fastapi import APIRouter
from starlette.responses import Response

from api import app as app_module
from api.app import create_app
from api.config import Settings
from api.deps import DirectoryRead, Principal, get_principal
from api.errors import Forbidden
from api.fast_reads import FastReadsMiddleware, build_table, eligible
from api.kit.query_params import reject_unknown_query
from api.ops import observability
from api.runtime import Runtime
from tests.factories.platform import user_tokens

LIMIT = 40  # per app and minute: above the identity test's requests, reached by the 429 test

# per-request values that differ between two requests by design
_VOLATILE_HEADERS = {"ratelimit-reset", "retry-after"}

probe = APIRouter(prefix="/v1")


@probe.get("/fast-reads-probe/scoped")
async def scoped_probe(principal: DirectoryRead) -> Response:
    return Response(json.dumps({"app": principal.app_id}), media_type="application/json")


@probe.get("/fast-reads-probe/failing")
async def failing_probe(principal: Principal) -> Response:
    raise ValueError("not handled by any exception handler but `Exception`")


reject_unknown_query([probe])
PROBES = ["/v1/fast-reads-probe/scoped", "/v1/fast-reads-probe/failing"]


def _with_probes(app: Any, fast: bool) -> Any:
    app.include_router(probe)
    for middleware in app.user_middleware:
        if fast and middleware.cls is FastReadsMiddleware:
            middleware.kwargs["table"].update(build_table(app, PROBES))
    return app


@pytest.fixture
def low_limit_settings(settings: Settings) -> Settings:
    # counters in memory, one set per runtime (the database backend would share them)
    return settings.model_copy(update={"rate_limit_app_per_minute": LIMIT,
                                       "rate_limit_backend": "memory"})


@pytest.fixture
async def pair(low_limit_settings: Settings, runtime: Runtime,
               monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[tuple[Any, Any]]:
    """(fast, normal): the same app, with and without the table, each with a runtime of its
    own (the `org` fixture's requests go through a third)."""
    one, other = Runtime.build(low_limit_settings), Runtime.build(low_limit_settings)
    fast = _with_probes(create_app(low_limit_settings, runtime=one, migrate=False), True)
    monkeypatch.setattr(app_module, "FAST_READS", [])
    normal = _with_probes(create_app(low_limit_settings, runtime=other, migrate=False), False)
    yield fast, normal
    await one.db.dispose()
    await other.db.dispose()


class _Recorder:
    """The final scope of each request, and the access-log lines written meanwhile."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.scopes: list[dict[str, Any]] = []

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        try:
            await self.app(scope, receive, send)
        finally:
            self.scopes.append(scope)


Seen = tuple[httpx.Response, dict[str, Any], list[str]]


async def _get(app: Any, path: str, headers: dict[str, str]) -> Seen:
    recorder = _Recorder(app)
    lines: list[str] = []
    transport = httpx.ASGITransport(app=recorder, client=("203.0.113.7", 40000),
                                    raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        original = observability.AccessLog.request

        def capture(self: Any, *args: Any) -> None:
            lines.append(repr(args[:-1]))  # everything but the milliseconds

        observability.AccessLog.request = capture  # type: ignore[method-assign]
        try:
            resp = await client.get(path, headers=headers)
        finally:
            observability.AccessLog.request = original  # type: ignore[method-assign]
    return resp, recorder.scopes[-1], lines


def _comparable(resp: httpx.Response) -> tuple[int, list[tuple[str, str]], bytes]:
    headers = sorted((k, v) for k, v in resp.headers.items() if k not in _VOLATILE_HEADERS)
    return resp.status_code, headers, resp.content


async def test_the_table_holds_get_me_and_the_probes(pair) -> None:
    fast, normal = pair
    tables = [m.kwargs["table"] for app in pair for m in app.user_middleware
              if m.cls is FastReadsMiddleware]
    assert set(tables[0]) == {"/v1/me", *PROBES}
    assert tables[1] == {}  # the normal app has none: every request goes through FastAPI
    assert tables[0]["/v1/fast-reads-probe/scoped"].scopes is not None


async def test_fast_and_normal_answers_are_identical(pair, org) -> None:
    fast, normal = pair
    await org.add_account("alice")
    good = await org.token("directory:read")
    narrow = await org.token("mail:read")
    person = (await user_tokens(org, "alice@acme.test", "mail:read"))["access_token"]
    cases: list[tuple[str, dict[str, str]]] = []
    for path in ("/v1/me", *PROBES):
        cases += [
            (path, {}),
            (path, {"Authorization": "Bearer not-a-token"}),
            (path, {"Authorization": "Basic eDp5"}),
            (path, {"Authorization": f"Bearer {good}"}),
            (path, {"Authorization": f"Bearer {narrow}", "Accept-Language": "zh-CN"}),
            (path, {"Authorization": f"Bearer {person}"}),
            (path + "?unknown=1&also=2", {"Authorization": f"Bearer {good}"}),
            (path + "?unknown=1", {}),
            (path + "?", {"Authorization": f"Bearer {good}"}),
            (path + "?=", {"Authorization": f"Bearer {narrow}"}),
        ]
    # a trailing slash and HEAD are FastAPI's business in both apps
    cases += [("/v1/me/", {"Authorization": f"Bearer {good}"})]
    before = dict(observability.METRICS.requests)
    statuses = set()
    for n, (path, headers) in enumerate(cases):
        headers = {**headers, "X-Request-Id": f"req-fast-reads-{n}"}
        fast_resp, fast_scope, fast_log = await _get(fast, path, headers)
        normal_resp, normal_scope, normal_log = await _get(normal, path, headers)
        assert _comparable(fast_resp) == _comparable(normal_resp), (path, headers)
        assert fast_log == normal_log and len(fast_log) == 1, (path, fast_log, normal_log)
        assert fast_scope.get("route") is normal_scope.get("route"), path
        assert fast_scope["state"].keys() == normal_scope["state"].keys()
        taken = path.split("?")[0] in ("/v1/me", *PROBES)
        assert ("router" not in fast_scope) is taken  # FastAPI's router never saw it
        assert "router" in normal_scope
        statuses.add(fast_resp.status_code)
    assert {200, 401, 403, 422, 500} <= statuses
    after = observability.METRICS.requests
    for key, count in after.items():
        if key[1].startswith("/v1/") and count != before.get(key, 0):
            assert (count - before.get(key, 0)) % 2 == 0, key  # each answer counted twice


async def test_rate_limit_answers_are_identical(pair, org) -> None:
    fast, normal = pair
    headers = {"Authorization": f"Bearer {await org.token('directory:read')}"}
    seen = []
    for n in range(LIMIT + 3):
        fast_resp, _, _ = await _get(fast, "/v1/me", {**headers, "X-Request-Id": f"r{n}"})
        normal_resp, _, _ = await _get(normal, "/v1/me", {**headers, "X-Request-Id": f"r{n}"})
        assert _comparable(fast_resp) == _comparable(normal_resp)
        for resp in (fast_resp, normal_resp):
            assert 1 <= int(resp.headers["ratelimit-reset"]) <= 60
        seen.append(fast_resp.status_code)
    assert seen[:LIMIT] == [200] * LIMIT and seen[LIMIT:] == [429] * 3


async def test_dependency_overrides_still_apply(pair, org) -> None:
    fast, _ = pair

    async def nobody() -> None:
        raise Forbidden("overridden")

    fast.dependency_overrides[get_principal] = nobody
    resp, scope, _ = await _get(fast, "/v1/me", await org.headers())
    assert resp.status_code == 403 and "router" in scope


def test_routes_needing_more_than_the_principal_stay_with_fastapi() -> None:
    router = APIRouter()

    @router.get("/a")
    async def needs_query(principal: Principal, q: str) -> Response:
        return Response()

    @router.get("/b")
    async def returns_model(principal: Principal) -> dict[str, str]:
        return {}

    @router.get("/c/{x}")
    async def has_path(principal: Principal, x: str) -> Response:
        return Response()

    @router.post("/d")
    async def posts(principal: Principal) -> Response:
        return Response()

    @router.get("/e")
    def sync(principal: Principal) -> Response:
        return Response()

    assert [eligible(route) for route in router.routes] == [None] * 5
