"""OAuth client-credentials tokens: fetched on first use, cached, refreshed before expiry."""

from __future__ import annotations

import threading
import time

import httpx

from mailplane_sdk.errors import MailplaneError

REFRESH_MARGIN = 60.0


class ClientCredentials(httpx.Auth):
    """An httpx auth flow that keeps a valid bearer token on every request."""

    def __init__(self, token_url: str, client_id: str, client_secret: str, scopes: list[str] | None) -> None:
        self.token_url = token_url
        self.client_id = client_id
        self.client_secret = client_secret
        self.scopes = scopes
        self._token: str | None = None
        self._expires_at = 0.0
        self._lock = threading.Lock()

    def _token_request(self) -> httpx.Request:
        data = {"grant_type": "client_credentials"}
        if self.scopes:
            data["scope"] = " ".join(self.scopes)
        request = httpx.Request("POST", self.token_url, data=data)
        return next(httpx.BasicAuth(self.client_id, self.client_secret).auth_flow(request))

    def _store(self, response: httpx.Response) -> None:
        if response.status_code != 200:
            raise MailplaneError(response.status_code, response.json())
        body = response.json()
        self._token = body["access_token"]
        self._expires_at = time.monotonic() + float(body.get("expires_in", 3600)) - REFRESH_MARGIN

    def auth_flow(self, request: httpx.Request):  # type: ignore[no-untyped-def]
        if self._token is None or time.monotonic() >= self._expires_at:
            response = yield self._token_request()
            response.read()
            self._store(response)
        request.headers["Authorization"] = f"Bearer {self._token}"
        response = yield request
        if response.status_code == 401 and self._token is not None:
            # The token was revoked or expired early: fetch a new one once and retry.
            self._token = None
            token_response = yield self._token_request()
            token_response.read()
            self._store(token_response)
            request.headers["Authorization"] = f"Bearer {self._token}"
            yield request
