"""A person's tokens (from the authorization-code flow) and the httpx auth that uses them,
refreshing before expiry and after a 401. Refresh tokens rotate and are single-use (a replayed
one revokes the whole grant), so refreshes are serialised and `on_tokens` is told each new pair
to save."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import AsyncGenerator, Callable, Generator, Mapping
from dataclasses import asdict, dataclass
from typing import Any

import httpx

from mailplane_sdk.auth import client_authenticated
from mailplane_sdk.errors import from_response

REFRESH_MARGIN = 30.0


@dataclass(frozen=True)
class UserTokens:
    """Access and refresh token of an app acting for a person."""

    access_token: str
    refresh_token: str | None
    expires_at: float
    scope: tuple[str, ...] = ()
    token_type: str = "Bearer"

    @classmethod
    def from_token_response(cls, body: Mapping[str, Any], now: float | None = None) -> UserTokens:
        issued = time.time() if now is None else now
        return cls(
            access_token=str(body["access_token"]),
            refresh_token=body.get("refresh_token"),
            expires_at=issued + float(body.get("expires_in", 3600)),
            scope=tuple(str(body.get("scope") or "").split()),
            token_type=str(body.get("token_type") or "Bearer"),
        )

    def expired(self, margin: float = REFRESH_MARGIN) -> bool:
        return time.time() >= self.expires_at - margin

    def to_dict(self) -> dict[str, Any]:
        """For saving (JSON); `UserTokens.from_dict` reads it back."""
        data = asdict(self)
        data["scope"] = list(self.scope)
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> UserTokens:
        return cls(
            str(data["access_token"]),
            data.get("refresh_token"),
            float(data["expires_at"]),
            tuple(data.get("scope") or ()),
            str(data.get("token_type") or "Bearer"),
        )


def refresh_request(
    token_url: str, client_id: str, client_secret: str | None, refresh_token: str
) -> httpx.Request:
    """The token request that trades a refresh token for a new pair."""
    form = {"grant_type": "refresh_token", "refresh_token": refresh_token}
    if client_secret is None:
        form["client_id"] = client_id
    request = httpx.Request("POST", token_url, data=form)
    return client_authenticated(request, client_id, client_secret)


class UserTokenAuth(httpx.Auth):
    """Bearer auth with a person's tokens, refreshed (once, however many requests wait) when
    they expire or the server answers 401."""

    def __init__(
        self,
        token_url: str,
        client_id: str,
        client_secret: str | None,
        tokens: UserTokens,
        on_tokens: Callable[[UserTokens], None] | None = None,
    ) -> None:
        self.token_url = token_url
        self.client_id = client_id
        self.client_secret = client_secret
        self.tokens = tokens
        self.on_tokens = on_tokens
        self._thread_lock = threading.Lock()
        self._async_lock = asyncio.Lock()

    def _due(self, sent: str | None) -> bool:
        """Refresh if the token we hold is expired, or is the one the server just refused."""
        if self.tokens.refresh_token is None:
            return False
        return self.tokens.access_token == sent if sent is not None else self.tokens.expired()

    def _request(self) -> httpx.Request:
        assert self.tokens.refresh_token is not None
        return refresh_request(
            self.token_url, self.client_id, self.client_secret, self.tokens.refresh_token
        )

    def _store(self, response: httpx.Response) -> None:
        if response.status_code != 200:
            raise from_response(response)
        self.tokens = UserTokens.from_token_response(response.json())
        if self.on_tokens is not None:
            self.on_tokens(self.tokens)

    def _authorise(self, request: httpx.Request) -> str:
        request.headers["Authorization"] = f"Bearer {self.tokens.access_token}"
        return self.tokens.access_token

    def sync_auth_flow(
        self, request: httpx.Request
    ) -> Generator[httpx.Request, httpx.Response, None]:
        sent: str | None = None
        for _attempt in range(2):
            if self._due(sent):
                with self._thread_lock:
                    if self._due(sent):
                        response = yield self._request()
                        response.read()
                        self._store(response)
            if sent == self.tokens.access_token:
                return  # no newer token to try: the 401 stands
            sent = self._authorise(request)
            response = yield request
            if response.status_code != 401:
                return

    async def async_auth_flow(
        self, request: httpx.Request
    ) -> AsyncGenerator[httpx.Request, httpx.Response]:
        sent: str | None = None
        for _attempt in range(2):
            if self._due(sent):
                async with self._async_lock:
                    if self._due(sent):
                        response = yield self._request()
                        await response.aread()
                        self._store(response)
            if sent == self.tokens.access_token:
                return
            sent = self._authorise(request)
            response = yield request
            if response.status_code != 401:
                return
