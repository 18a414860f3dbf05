"""Exceptions raised by the SDK, one per problem `code`, carrying the request id."""

from __future__ import annotations

from typing import Any


class MailplaneError(Exception):
    def __init__(self, status: int, body: dict[str, Any]) -> None:
        self.status = status
        self.code = str(body.get("code") or body.get("error") or "unknown")
        self.detail = str(body.get("detail") or body.get("error_description") or "")
        self.request_id = body.get("request_id")
        self.body = body
        super().__init__(f"{status} {self.code}: {self.detail} (request {self.request_id})")
