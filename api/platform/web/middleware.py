"""The backend-for-frontend's cookie-to-bearer step: a browser request to the public API
(`/v1`, `/graphql`) that carries the web session cookie and no Authorization header is
given the session's access token, exactly as an OA system presents its own.

Unsafe methods must echo the session's CSRF token in `X-CSRF-Token` (the cookie is also
SameSite=Strict; the header is the defence that does not depend on the browser).
"""

from __future__ import annotations

from typing import Any

from starlette.requests import cookie_parser

from api.errors import send_problem
from api.platform.web import service
from api.runtime import Runtime

_API_PREFIXES = ("/v1/", "/graphql")
_SAFE = frozenset({"GET", "HEAD", "OPTIONS"})


def _header(headers: list[tuple[bytes, bytes]], name: bytes) -> str | None:
    for key, value in headers:
        if key == name:
            return value.decode("latin-1")
    return None


class WebSessionMiddleware:
    def __init__(self, app: Any, runtime: Runtime) -> None:
        self.app = app
        self.runtime = runtime

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http" or not scope["path"].startswith(_API_PREFIXES):
            await self.app(scope, receive, send)
            return
        headers: list[tuple[bytes, bytes]] = scope["headers"]
        raw_cookie = _header(headers, b"cookie")
        if raw_cookie is None or _header(headers, b"authorization") is not None:
            await self.app(scope, receive, send)
            return
        cookie = cookie_parser(raw_cookie).get(service.SESSION_COOKIE)
        if not cookie:
            await self.app(scope, receive, send)
            return
        resolved = await service.resolve(self.runtime, cookie)
        if resolved is None:  # over or revoked: the API answers 401 and the SPA signs in again
            await self.app(scope, receive, send)
            return
        if scope["method"] not in _SAFE and not service.check_csrf(
            self.runtime.settings,
            resolved.session_id,
            _header(headers, service.CSRF_HEADER.encode()),
        ):
            await send_problem(send, service.CsrfFailed(), scope.get("state", {}).get("request_id"))
            return
        scope = dict(scope)
        scope["headers"] = [
            *headers,
            (b"authorization", f"Bearer {resolved.access_token}".encode()),
        ]
        await self.app(scope, receive, send)
