"""The authorization-code flow with PKCE, for apps acting for a person (an OA portal showing
someone their unread mail):

    flow = AuthorizationCodeFlow(url, client_id, client_secret, redirect_uri="https://oa.example/cb",
                                 scopes=["mail:read"])
    started = flow.authorization_url()          # keep started.state and started.code_verifier
    redirect(started.url)                       # the person signs in and consents
    ...
    code = flow.code_from_callback(request_url, started)   # checks state and iss
    tokens = flow.exchange(code, started)                  # save tokens.to_dict()
    mp = flow.client(tokens, on_tokens=save)               # refreshes (and rotates) by itself
    mp.mail.counts("me")
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import httpx

from mailplane_sdk import errors
from mailplane_sdk.async_client import AsyncMailplane
from mailplane_sdk.calls import Call, Spec
from mailplane_sdk.client import Mailplane
from mailplane_sdk.pkce import code_challenge, code_verifier
from mailplane_sdk.resources.platform import FORM, form
from mailplane_sdk.runners import AsyncRunner, SyncRunner
from mailplane_sdk.transport import AsyncRetryTransport, RetryTransport
from mailplane_sdk.user_tokens import UserTokenAuth, UserTokens


@dataclass(frozen=True)
class AuthorizationRequest:
    """One sign-in in progress: send the browser to `url`; keep the rest until the callback."""

    url: str
    state: str
    code_verifier: str
    redirect_uri: str


def _read_tokens(response: httpx.Response) -> UserTokens:
    return UserTokens.from_token_response(response.json())


class AuthorizationCodeFlow:
    """Authorization code + PKCE (S256) against Mailplane's `/oauth/authorize` and `/oauth/token`.

    `client_secret` is None for a public client (a desktop or mobile app)."""

    def __init__(
        self,
        base_url: str,
        client_id: str,
        client_secret: str | None = None,
        *,
        redirect_uri: str,
        scopes: list[str],
        issuer: str | None = None,
        timeout: float = 30.0,
        transport: httpx.BaseTransport | None = None,
        async_transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.client_id = client_id
        self.client_secret = client_secret
        self.redirect_uri = redirect_uri
        self.scopes = scopes
        self.issuer = (issuer or self.base_url).rstrip("/")
        self.timeout = timeout
        self.transport = transport
        self.async_transport = async_transport

    @property
    def token_url(self) -> str:
        return f"{self.base_url}/oauth/token"

    def authorization_url(self, *, state: str | None = None, **extra: str) -> AuthorizationRequest:
        """Where to send the person's browser, with a fresh state and PKCE verifier."""
        verifier = code_verifier()
        state = state or secrets.token_urlsafe(24)
        query = {
            "response_type": "code",
            "client_id": self.client_id,
            "redirect_uri": self.redirect_uri,
            "scope": " ".join(self.scopes),
            "state": state,
            "code_challenge": code_challenge(verifier),
            "code_challenge_method": "S256",
            **extra,
        }
        return AuthorizationRequest(
            f"{self.base_url}/oauth/authorize?{urlencode(query)}",
            state,
            verifier,
            self.redirect_uri,
        )

    def code_from_callback(self, callback_url: str, request: AuthorizationRequest) -> str:
        """The code from the redirect URI's query, after checking `state` and `iss` (RFC 9207)."""
        query = {k: v[0] for k, v in parse_qs(urlsplit(callback_url).query).items()}
        if query.get("state") != request.state:
            raise errors.OAuthError(
                400,
                {
                    "error": "state_mismatch",
                    "error_description": "The callback's state is not this sign-in's.",
                },
            )
        if "iss" in query and query["iss"].rstrip("/") != self.issuer:
            raise errors.OAuthError(
                400,
                {
                    "error": "issuer_mismatch",
                    "error_description": f"The callback came from {query['iss']}.",
                },
            )
        if "error" in query:
            cls = errors.error_class(400, query["error"], oauth=True)
            raise cls(400, query)
        if not query.get("code"):
            raise errors.OAuthError(
                400, {"error": "invalid_request", "error_description": "No code."}
            )
        return query["code"]

    def _token_call(self, **fields: str) -> Call[UserTokens]:
        auth = httpx.BasicAuth(self.client_id, self.client_secret) if self.client_secret else None
        if auth is None:
            fields["client_id"] = self.client_id
        return Call(
            "issue_token",
            "POST",
            "/oauth/token",
            Spec(_read_tokens, content=form(dict(fields)), headers=FORM, auth=auth),
        )

    def _exchange_call(self, code: str, request: AuthorizationRequest) -> Call[UserTokens]:
        return self._token_call(
            grant_type="authorization_code",
            code=code,
            redirect_uri=request.redirect_uri,
            code_verifier=request.code_verifier,
        )

    def _refresh_call(self, tokens: UserTokens) -> Call[UserTokens]:
        if tokens.refresh_token is None:
            raise ValueError("These tokens have no refresh token.")
        return self._token_call(grant_type="refresh_token", refresh_token=tokens.refresh_token)

    def _run(self, call: Call[UserTokens]) -> UserTokens:
        with httpx.Client(
            base_url=self.base_url, timeout=self.timeout, transport=RetryTransport(self.transport)
        ) as http:
            return SyncRunner(http).run(call)

    async def _run_async(self, call: Call[UserTokens]) -> UserTokens:
        async with httpx.AsyncClient(
            base_url=self.base_url,
            timeout=self.timeout,
            transport=AsyncRetryTransport(self.async_transport),
        ) as http:
            return await AsyncRunner(http).run(call)

    def exchange(self, code: str, request: AuthorizationRequest) -> UserTokens:
        """Trade the code (with the sign-in's verifier) for the person's tokens."""
        return self._run(self._exchange_call(code, request))

    async def exchange_async(self, code: str, request: AuthorizationRequest) -> UserTokens:
        return await self._run_async(self._exchange_call(code, request))

    def refresh(self, tokens: UserTokens) -> UserTokens:
        """A new pair; the old refresh token is spent (using it again revokes the grant)."""
        return self._run(self._refresh_call(tokens))

    async def refresh_async(self, tokens: UserTokens) -> UserTokens:
        return await self._run_async(self._refresh_call(tokens))

    def auth(
        self, tokens: UserTokens, on_tokens: Callable[[UserTokens], None] | None = None
    ) -> UserTokenAuth:
        return UserTokenAuth(self.token_url, self.client_id, self.client_secret, tokens, on_tokens)

    def client(
        self,
        tokens: UserTokens,
        *,
        on_tokens: Callable[[UserTokens], None] | None = None,
        **options: Any,
    ) -> Mailplane:
        """A `Mailplane` acting for the person (`account="me"` works in every per-person path)."""
        options.setdefault("transport", self.transport)
        return Mailplane(
            self.base_url,
            self.client_id,
            self.client_secret,
            auth=self.auth(tokens, on_tokens),
            **options,
        )

    def async_client(
        self,
        tokens: UserTokens,
        *,
        on_tokens: Callable[[UserTokens], None] | None = None,
        **options: Any,
    ) -> AsyncMailplane:
        options.setdefault("transport", self.async_transport)
        return AsyncMailplane(
            self.base_url,
            self.client_id,
            self.client_secret,
            auth=self.auth(tokens, on_tokens),
            **options,
        )
