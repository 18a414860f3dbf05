"""OAuth client-credentials tokens: fetched on first use, cached, refreshed before expiry.

`ClientCredentials` is an httpx auth flow, so it works for `httpx.Client` and
`httpx.AsyncClient` alike (the token request goes through the same retrying transport).
"""

from __future__ import annotations

import time
from collections.abc import AsyncGenerator, Generator

import httpx

from mailplane_sdk.errors import from_response

REFRESH_MARGIN = 60.0


def client_authenticated(
    request: httpx.Request, client_id: str, client_secret: str | None
) -> httpx.Request:
    """`request` with HTTP Basic client authentication (public clients send none)."""
    if client_secret is None:
        return request
    return next(httpx.BasicAuth(client_id, client_secret).auth_flow(request))


class ClientCredentials(httpx.Auth):
    """An httpx auth flow that keeps a valid app token on every request.

    Only the token responses are read here: the API responses pass through unread, so
    streams (Server-Sent Events) stream."""

    def __init__(
        self, token_url: str, client_id: str, client_secret: str, scopes: list[str] | None
    ) -> None:
        self.token_url = token_url
        self.client_id = client_id
        self.client_secret = client_secret
        self.scopes = scopes
        self._token: str | None = None
        self._expires_at = 0.0

    def _stale(self) -> bool:
        return self._token is None or time.monotonic() >= self._expires_at

    def _token_request(self) -> httpx.Request:
        data = {"grant_type": "client_credentials"}
        if self.scopes:
            data["scope"] = " ".join(self.scopes)
        request = httpx.Request("POST", self.token_url, data=data)
        return client_authenticated(request, self.client_id, self.client_secret)

    def _store(self, response: httpx.Response) -> None:
        if response.status_code != 200:
            raise from_response(response)
        body = response.json()
        self._token = body["access_token"]
        self._expires_at = time.monotonic() + float(body.get("expires_in", 3600)) - REFRESH_MARGIN

    def _authorise(self, request: httpx.Request) -> httpx.Request:
        request.headers["Authorization"] = f"Bearer {self._token}"
        return request

    def sync_auth_flow(
        self, request: httpx.Request
    ) -> Generator[httpx.Request, httpx.Response, None]:
        for attempt in range(2):
            if attempt or self._stale():
                token_response = yield self._token_request()
                token_response.read()
                self._store(token_response)
            response = yield self._authorise(request)
            # A 401 means the token was revoked or expired early: fetch a new one once.
            if response.status_code != 401:
                return

    async def async_auth_flow(
        self, request: httpx.Request
    ) -> AsyncGenerator[httpx.Request, httpx.Response]:
        for attempt in range(2):
            if attempt or self._stale():
                token_response = yield self._token_request()
                await token_response.aread()
                self._store(token_response)
            response = yield self._authorise(request)
            if response.status_code != 401:
                return
