"""Middleware that resolves the bearer token once per request and applies rate limits.

Handlers read the result through `deps.Principal`; a missing or bad token is only an error
when the route asks for a principal, so public routes (health, OAuth) stay public.
"""

from __future__ import annotations

from typing import Any

from api.errors import RateLimited, send_problem
from api.i18n import Msg
from api.identity.bearer import authenticate
from api.kit.request_context import RESPONSE_HEADERS
from api.runtime import Runtime


def bearer_token(headers: list[tuple[bytes, bytes]]) -> str | None:
    for name, value in headers:
        if name == b"authorization":
            scheme, _, token = value.decode("latin-1").partition(" ")
            if scheme.lower() == "bearer" and token.strip():
                return token.strip()
            return None
    return None


class AuthenticationMiddleware:
    def __init__(self, app: Any, runtime: Runtime) -> None:
        self.app = app
        self.runtime = runtime

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        state = scope.setdefault("state", {})
        token = bearer_token(scope["headers"])
        principal = None
        if token is not None:
            rt = self.runtime
            principal = await authenticate(rt.tokens, rt.db.reader, token)
            state["token_presented"] = True
        state["principal"] = principal
        if principal is not None and scope["type"] == "http":
            settings = self.runtime.settings
            app_verdict, org_verdict = await self.runtime.limiter.hit_many((
                (f"app:{principal.app_id}", settings.rate_limit_app_per_minute),
                (f"org:{principal.org_id}", settings.rate_limit_org_per_minute),
            ))
            tight = min((app_verdict, org_verdict), key=lambda v: (v.allowed, v.remaining))
            if not tight.allowed:
                which = Msg("app") if not app_verdict.allowed else Msg("organisation")
                error = RateLimited(
                    Msg(
                        "Too many requests for this {which}; retry after {reset} s.",
                        which=which,
                        reset=tight.reset,
                    ),
                    headers={
                        "Retry-After": str(tight.reset),
                        "RateLimit-Limit": str(tight.limit),
                        "RateLimit-Remaining": "0",
                        "RateLimit-Reset": str(tight.reset),
                    },
                )
                await send_problem(send, error, state.get("request_id"), scope)
                return
            # on every answer from here in, added by the outermost middleware's send wrapper
            state[RESPONSE_HEADERS] = [
                *state.get(RESPONSE_HEADERS, ()),
                (b"ratelimit-limit", str(tight.limit).encode()),
                (b"ratelimit-remaining", str(tight.remaining).encode()),
                (b"ratelimit-reset", str(tight.reset).encode()),
            ]
        await self.app(scope, receive, send)
