"""`Cache-Control: no-store` on every API answer (REST, GraphQL, OAuth) that does not set its
own: they are one principal's private data, and some carry a secret shown once (a client
secret, an app password). Stripe's and Google's APIs answer the same way. Applied by the
outermost middleware (`api.ops.observability`), in the same `send` wrapper that stamps the
request id, so idempotent replays and error answers get it too. Health and metrics are
left alone.
"""

from __future__ import annotations

API_PREFIXES = ("/v1/", "/graphql", "/oauth/")
HEADER = (b"cache-control", b"no-store")


def wants_no_store(path: str) -> bool:
    return path.startswith(API_PREFIXES)


def add_no_store(headers: list[tuple[bytes, bytes]]) -> None:
    """Append `Cache-Control: no-store` unless the answer set its own cache policy."""
    for name, _ in headers:
        if name.lower() == b"cache-control":
            return
    headers.append(HEADER)
