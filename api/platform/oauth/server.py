"""authlib's AuthorizationServer behind a Starlette adapter.

authlib is synchronous; our storage is async. Each OAuth request runs authlib in a worker
thread (`anyio.to_thread`), and every storage call hops back to the event loop with
`anyio.from_thread.run`, inside the request's own session. No second engine, no second
transaction.
"""

from __future__ import annotations

import hmac
import json
from collections import defaultdict
from contextvars import ContextVar
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import anyio.from_thread
from authlib.oauth2 import AuthorizationServer as _AuthorizationServer
from authlib.oauth2.rfc6749 import (
    ClientMixin,
    JsonRequest,
    OAuth2Payload,
    OAuth2Request,
    TokenMixin,
    grants,
)
from authlib.oauth2.rfc6749.errors import (
    AccessDeniedError,
    InvalidGrantError,
    InvalidRequestError,
    InvalidScopeError,
)
from authlib.oauth2.rfc6750 import BearerTokenGenerator
from authlib.oauth2.rfc7009 import RevocationEndpoint as _RevocationEndpoint
from authlib.oauth2.rfc7636 import CodeChallenge
from authlib.oauth2.rfc7662 import IntrospectionEndpoint as _IntrospectionEndpoint

from api.identity import token_strings
from api.identity.scopes import ADMIN_SCOPES, parse_scopes
from api.kit.clock import utcnow
from api.platform.oauth.store import ClientRecord, CrossOrganisationGrant, OAuthStore
from api.storage.models import Account, AuthorizationCode, Token

current_store: ContextVar[OAuthStore] = ContextVar("oauth_store")


def _await(fn: Any, *args: Any) -> Any:
    """Run an async storage call on the event loop from authlib's worker thread."""
    return anyio.from_thread.run(fn, *args)


# --- request adapter --------------------------------------------------------------------


class _Payload(OAuth2Payload):
    def __init__(self, pairs: list[tuple[str, str]]) -> None:
        self._datalist: defaultdict[str, list[str]] = defaultdict(list)
        for k, v in pairs:
            self._datalist[k].append(v)
        self._data = {k: v[0] for k, v in self._datalist.items()}

    @property
    def data(self) -> dict[str, str]:
        return self._data

    @property
    def datalist(self) -> defaultdict[str, list[str]]:
        return self._datalist


class StarletteOAuth2Request(OAuth2Request):
    """A request read ahead of time (form and query parsed on the event loop)."""

    def __init__(
        self, method: str, uri: str, headers: dict[str, str], query: list[tuple[str, str]],
        form: list[tuple[str, str]],
    ) -> None:
        super().__init__(method=method, uri=uri, headers=headers)
        self._args = dict(query)
        self._form = dict(form)
        self.payload = _Payload(form if method == "POST" else query)

    @property
    def args(self) -> dict[str, str]:
        return self._args

    @property
    def form(self) -> dict[str, str]:
        return self._form


# --- models -----------------------------------------------------------------------------


class Client(ClientMixin):
    def __init__(self, record: ClientRecord) -> None:
        self.app = record.app
        self.secret_hashes = record.secret_hashes

    @property
    def public(self) -> bool:
        return self.app.client_type == "public"

    def get_client_id(self) -> str:
        return self.app.id

    def get_default_redirect_uri(self) -> str | None:
        # Only an app with exactly one redirect URI may omit it (RFC 6749 §3.1.2.3).
        uris = self.app.redirect_uris or []
        return uris[0] if len(uris) == 1 else None

    def get_allowed_scope(self, scope: str | None) -> str:
        granted = set(self.app.scopes or [])
        if not scope:
            return " ".join(sorted(granted))
        wanted = set(parse_scopes(scope))
        if not wanted <= granted:
            raise InvalidScopeError(
                description="Scopes not granted to this app: " + " ".join(sorted(wanted - granted))
            )
        return " ".join(sorted(wanted))

    def check_redirect_uri(self, redirect_uri: str) -> bool:
        # Exact string comparison: no trailing-slash, case, query or subpath leniency.
        return any(hmac.compare_digest(redirect_uri, uri) for uri in self.app.redirect_uris or [])

    def check_client_secret(self, client_secret: str) -> bool:
        given = token_strings.digest(client_secret)
        return any(hmac.compare_digest(given, h) for h in self.secret_hashes)

    def check_endpoint_auth_method(self, method: str, endpoint: str) -> bool:
        if self.public:
            return method == "none"
        return method in ("client_secret_basic", "client_secret_post")

    def check_response_type(self, response_type: str) -> bool:
        return response_type == "code"

    def check_grant_type(self, grant_type: str) -> bool:
        if grant_type == "client_credentials":
            return not self.public
        return grant_type in ("authorization_code", "refresh_token")


class IssuedToken(TokenMixin):
    def __init__(self, row: Token) -> None:
        self.row = row

    def check_client(self, client: Client) -> bool:
        return self.row.app_id == client.get_client_id()

    def get_scope(self) -> str:
        return self.row.scope

    def get_expires_in(self) -> int:
        return max(0, int((self.row.expires_at - self.row.issued_at).total_seconds()))

    def get_expires_at(self) -> int:
        return int(self.row.expires_at.timestamp())

    def is_expired(self) -> bool:
        return self.row.expires_at <= utcnow()

    def is_revoked(self) -> bool:
        return self.row.revoked_at is not None

    def is_refresh_live(self) -> bool:
        r = self.row
        return r.refresh_expires_at is not None and r.refresh_expires_at > utcnow()


class User:
    """The resource owner as authlib sees it."""

    def __init__(self, account: Account) -> None:
        self.account = account

    def get_user_id(self) -> str:
        return self.account.id


# --- grants -----------------------------------------------------------------------------


class S256Only(CodeChallenge):
    """PKCE with S256 for every client, confidential ones included; `plain` is refused."""

    SUPPORTED_CODE_CHALLENGE_METHOD = ["S256"]
    DEFAULT_CODE_CHALLENGE_METHOD = "S256"

    def validate_code_challenge(self, grant: Any, redirect_uri: str) -> None:
        data = grant.request.payload.data
        if not data.get("code_challenge"):
            raise InvalidRequestError("PKCE is required: send code_challenge (S256).")
        if data.get("code_challenge_method") != "S256":
            raise InvalidRequestError("code_challenge_method must be S256.")
        super().validate_code_challenge(grant, redirect_uri)

    def get_authorization_code_challenge(self, authorization_code: AuthorizationCode) -> str:
        return authorization_code.code_challenge

    def get_authorization_code_challenge_method(self, authorization_code: AuthorizationCode) -> str:
        return authorization_code.code_challenge_method


class AuthorizationCodeGrant(grants.AuthorizationCodeGrant):
    TOKEN_ENDPOINT_AUTH_METHODS = ["client_secret_basic", "client_secret_post", "none"]

    def save_authorization_code(self, code: str, request: OAuth2Request) -> None:
        data = request.payload.data
        if request.user.account.org_id != request.client.app.org_id:
            raise AccessDeniedError("This app belongs to another organisation.")
        _await(
            current_store.get().save_code, code, request.client.app, request.user.account,
            request.payload.redirect_uri or request.client.get_default_redirect_uri(),
            effective_user_scopes(request.client, request.payload.scope, request.user.account),
            data["code_challenge"], data["code_challenge_method"],
        )

    def query_authorization_code(self, code: str, client: Client) -> AuthorizationCode | None:
        return _await(current_store.get().code, code, client.get_client_id())  # type: ignore[no-any-return]

    def delete_authorization_code(self, authorization_code: AuthorizationCode) -> None:
        """Nothing to do: `query_authorization_code` already claimed the code for good."""

    def authenticate_user(self, authorization_code: AuthorizationCode) -> User | None:
        code = authorization_code
        store = current_store.get()
        if not _await(store.bound, code.org_id, code.app_id, code.account_id):
            return None  # a code binding a person to another organisation's app: invalid_grant
        account = _await(store.account, code.account_id)
        return User(account) if account else None


class ClientCredentialsGrant(grants.ClientCredentialsGrant):
    TOKEN_ENDPOINT_AUTH_METHODS = ["client_secret_basic", "client_secret_post"]


class RefreshTokenGrant(grants.RefreshTokenGrant):
    TOKEN_ENDPOINT_AUTH_METHODS = ["client_secret_basic", "client_secret_post", "none"]
    INCLUDE_NEW_REFRESH_TOKEN = True

    def authenticate_refresh_token(self, refresh_token: str) -> IssuedToken | None:
        row = _await(current_store.get().token_by_refresh, refresh_token)
        if row is None:
            return None
        token = IssuedToken(row)
        return token if token.is_refresh_live() else None

    def authenticate_user(self, refresh_token: IssuedToken) -> User | None:
        row = refresh_token.row
        if row.account_id is None:
            return None
        store = current_store.get()
        if not _await(store.bound, row.org_id, row.app_id, row.account_id):
            raise InvalidGrantError("The grant is not of this app's organisation.")
        account = _await(store.account, row.account_id)
        return User(account) if account else None

    def revoke_old_credential(self, refresh_token: IssuedToken) -> None:
        """Nothing to do: `authenticate_refresh_token` already retired the old token."""


# --- endpoints --------------------------------------------------------------------------


class RevocationEndpoint(_RevocationEndpoint):
    CLIENT_AUTH_METHODS = ["client_secret_basic", "client_secret_post", "none"]

    def query_token(self, token_string: str, token_type_hint: str | None) -> IssuedToken | None:
        row = _await(current_store.get().token_by_any, token_string, token_type_hint)
        return IssuedToken(row) if row else None

    def authenticate_token(self, request: Any, client: Client) -> IssuedToken | None:
        token = super().authenticate_token(request, client)
        request._presented_refresh = bool(
            token and token.row.refresh_token_hash == token_strings.digest(request.form["token"])
        )
        return token  # type: ignore[no-any-return]

    def revoke_token(self, token: IssuedToken, request: Any) -> None:
        # Revoking a refresh token ends its whole grant (RFC 7009 §2.1).
        _await(current_store.get().revoke, token.row, getattr(request, "_presented_refresh", False))


class IntrospectionEndpoint(_IntrospectionEndpoint):
    CLIENT_AUTH_METHODS = ["client_secret_basic", "client_secret_post"]

    def query_token(self, token_string: str, token_type_hint: str | None) -> IssuedToken | None:
        store = current_store.get()
        row = _await(store.token_by_any, token_string, token_type_hint)
        if row is None or not _await(store.bound, row.org_id, row.app_id, row.account_id):
            return None  # unknown, or a grant across organisations: {"active": false}
        return IssuedToken(row)

    def check_permission(self, token: IssuedToken, client: Client, request: Any) -> bool:
        # A resource server may introspect tokens of its own organisation only.
        return token.row.org_id == client.app.org_id

    def introspect_token(self, token: IssuedToken) -> dict[str, Any]:
        row = token.row
        payload: dict[str, Any] = {
            "active": True,
            "client_id": row.app_id,
            "token_type": "Bearer",
            "scope": row.scope,
            "exp": int(row.expires_at.timestamp()),
            "iat": int(row.issued_at.timestamp()),
            "iss": self.server.issuer,
            "org_id": row.org_id,
        }
        if row.account_id:
            payload["sub"] = row.account_id
        return payload


# --- server -----------------------------------------------------------------------------


class AuthorizationServer(_AuthorizationServer):
    def __init__(self, issuer: str, access_ttl: int) -> None:
        super().__init__(scopes_supported=None)
        self.issuer = issuer
        self.register_token_generator(
            "default",
            BearerTokenGenerator(
                access_token_generator=lambda *a, **k: token_strings.new_access_token(),
                refresh_token_generator=lambda *a, **k: token_strings.new_refresh_token(),
                expires_generator=lambda client, grant_type: access_ttl,
            ),
        )
        self.register_grant(AuthorizationCodeGrant, [S256Only(required=True)])
        self.register_grant(ClientCredentialsGrant)
        self.register_grant(RefreshTokenGrant)
        self.register_endpoint(RevocationEndpoint)
        self.register_endpoint(IntrospectionEndpoint)

    def query_client(self, client_id: str) -> Client | None:
        if not client_id or len(client_id) > 64:
            return None
        record = _await(current_store.get().client, client_id)
        return Client(record) if record else None

    def save_token(self, token: dict[str, Any], request: OAuth2Request) -> None:
        client: Client = request.client
        account_id = request.user.account.id if request.user else None
        family = None
        if request.authorization_code is not None:
            family = request.authorization_code.family_id
        elif getattr(request, "refresh_token", None) is not None:
            family = request.refresh_token.row.family_id
        grant = request.payload.grant_type or "authorization_code"
        try:
            _await(current_store.get().save_token, token, client.app, account_id, family, grant)
        except CrossOrganisationGrant as exc:
            raise InvalidGrantError("The grant is not of this app's organisation.") from exc

    def create_oauth2_request(self, request: Any) -> OAuth2Request:
        return request  # type: ignore[no-any-return]

    def create_json_request(self, request: Any) -> JsonRequest:
        return JsonRequest(request.method, request.uri, request.headers)

    def handle_response(self, status: int, body: Any, headers: Any) -> tuple[int, Any, list[tuple[str, str]]]:
        headers = list(headers or [])
        if status == 302:
            # RFC 9207: name the issuer on every authorization response.
            headers = [(k, _with_param(v, "iss", self.issuer) if k == "Location" else v) for k, v in headers]
        if isinstance(body, dict):
            body = json.dumps(body)
        return status, body, headers

    def send_signal(self, name: str, *args: Any, **kwargs: Any) -> None:
        return None


def _with_param(uri: str, key: str, value: str) -> str:
    parts = urlsplit(uri)
    query = parse_qsl(parts.query, keep_blank_values=True)
    query.append((key, value))
    return urlunsplit(parts._replace(query=urlencode(query)))


def effective_user_scopes(client: Client, requested: str | None, account: Account) -> str:
    """Delegated scopes: what the app may hold, narrowed to what this user may do."""
    scope = client.get_allowed_scope(requested)
    scopes = parse_scopes(scope)
    if account.role not in ("admin", "operator"):
        scopes = [s for s in scopes if s not in ADMIN_SCOPES]
    return " ".join(scopes)
