"""The authorization server called from inside the process: the one AuthorizationServer per
runtime, authlib run on a worker thread with the request's storage bound, and the token and
revocation endpoints for the web app's backend-for-frontend (same grants, same checks)."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import anyio.to_thread
from sqlalchemy.ext.asyncio import AsyncSession

from api.platform.oauth.server import AuthorizationServer, StarletteOAuth2Request, current_store
from api.platform.oauth.store import OAuthStore
from api.runtime import Runtime

_TOKEN_URI = "https://mailplane.invalid/oauth/token"
_REVOKE_URI = "https://mailplane.invalid/oauth/revoke"


def server_for(runtime: Runtime) -> AuthorizationServer:
    server = runtime.extras.get("oauth_server")
    if server is None:
        server = AuthorizationServer(runtime.settings.issuer, runtime.settings.access_token_ttl)
        runtime.extras["oauth_server"] = server
    return server  # type: ignore[no-any-return]


async def run_server(
    runtime: Runtime,
    session: AsyncSession,
    client_host: str | None,
    fn: Callable[[AuthorizationServer], Any],
) -> Any:
    """Run authlib in a worker thread with the request's storage bound."""
    store = OAuthStore(session, runtime.settings, client_host)
    server = server_for(runtime)
    token = current_store.set(store)
    try:
        return await anyio.to_thread.run_sync(fn, server)
    finally:
        current_store.reset(token)


async def request_token(
    runtime: Runtime,
    session: AsyncSession,
    form: list[tuple[str, str]],
    client_host: str | None,
) -> tuple[int, dict[str, Any]]:
    """POST /oauth/token without HTTP: the status and the JSON body the endpoint answers."""
    oreq = StarletteOAuth2Request("POST", _TOKEN_URI, {}, [], form)
    status, body, _headers = await run_server(
        runtime, session, client_host, lambda s: s.create_token_response(oreq)
    )
    return status, (json.loads(body) if body else {})


async def revoke_token(
    runtime: Runtime,
    session: AsyncSession,
    form: list[tuple[str, str]],
    client_host: str | None,
) -> int:
    """POST /oauth/revoke without HTTP (RFC 7009); the status it answers."""
    oreq = StarletteOAuth2Request("POST", _REVOKE_URI, {}, [], form)
    status, _body, _headers = await run_server(
        runtime, session, client_host, lambda s: s.create_endpoint_response("revocation", oreq)
    )
    runtime.tokens.clear()
    return int(status)
