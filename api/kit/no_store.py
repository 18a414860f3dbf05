"""`Cache-Control: no-store` on every API answer (REST, GraphQL, OAuth) that does not set its
own: they are one principal's private data, and some carry a secret shown once (a client
secret, an app password). Stripe's and Google's APIs answer the same way. Outermost, so
idempotent replays and error answers get it too. Health and metrics are left alone.
"""

from __future__ import annotations

from typing import Any

API_PREFIXES = ("/v1/", "/graphql", "/oauth/")
_HEADER = (b"cache-control", b"no-store")


class NoStoreMiddleware:
    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http" or not scope["path"].startswith(API_PREFIXES):
            await self.app(scope, receive, send)
            return

        async def send_no_store(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                if not any(name.lower() == b"cache-control" for name, _ in headers):
                    headers.append(_HEADER)
                    message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_no_store)
