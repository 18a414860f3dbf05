"""Read request bodies up to the limit before the app sees them; larger ones get 413.

Buffering (bodies are at most `max_bytes`, 1 MiB by default) lets later layers such as
idempotency read the body too. Upload paths are exempt and stream with their own limits.
"""

from __future__ import annotations

from typing import Any

from api.errors import PayloadTooLarge, send_problem
from api.i18n import _

_BODILESS = frozenset({"GET", "HEAD", "OPTIONS"})


class BodyLimitMiddleware:
    def __init__(self, app: Any, max_bytes: int, exempt: tuple[str, ...] = ()) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.exempt = exempt

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http" or (self.exempt and scope["path"].startswith(self.exempt)):
            await self.app(scope, receive, send)
            return
        headers = scope["headers"]
        length: bytes | None = None
        chunked = False
        for name, value in headers:
            if name == b"content-length":
                length = value
            elif name == b"transfer-encoding":
                chunked = True
        if length is None and not chunked and scope["method"] in _BODILESS:
            # RFC 9112 §6.3: without Content-Length or Transfer-Encoding a request has no
            # body; a read (most of the traffic) then has nothing to buffer or to limit.
            scope.setdefault("state", {})["body"] = b""
            await self.app(scope, receive, send)
            return
        if length is not None and length.isdigit() and int(length) > self.max_bytes:
            await self._too_large(send, scope)
            return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                await self._too_large(send, scope)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        scope.setdefault("state", {})["body"] = body
        sent = False

        async def replay() -> dict[str, Any]:
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            message: dict[str, Any] = await receive()
            return message

        await self.app(scope, replay, send)

    async def _too_large(self, send: Any, scope: dict[str, Any]) -> None:
        error = PayloadTooLarge(_(
            "The request body is larger than {max_bytes} bytes.", max_bytes=self.max_bytes
        ))
        await send_problem(send, error, scope.get("state", {}).get("request_id"), scope)
