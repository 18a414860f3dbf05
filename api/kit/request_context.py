"""The current request id, readable by logging and error rendering anywhere in the call; and
the state key through which an inner layer adds headers to whatever answer the request gets."""

from __future__ import annotations

from contextvars import ContextVar

request_id_var: ContextVar[str | None] = ContextVar("request_id", default=None)

# `scope["state"][RESPONSE_HEADERS]`: raw headers that the outermost middleware
# (`api.ops.observability`) appends to the answer's own, before the request id, whichever
# layer inside sends it (the rate-limit headers of `api.platform.authentication`). One send
# wrapper for all of them instead of one per layer.
RESPONSE_HEADERS = "response_headers"
