"""Backend-for-frontend sign-in (IETF OAuth 2.0 for Browser-Based Apps, the BFF pattern).

The browser never holds a token. `begin` starts an authorization-code + PKCE flow for the
organisation's first-party web app; `complete` redeems the code on the server and keeps the
access and refresh tokens sealed in `web_sessions`, giving the browser only a random id in
an httpOnly, SameSite=Strict cookie; `resolve` turns that cookie back into the access token
(refreshing it shortly before it expires) for the middleware to present as a bearer token;
`end` revokes the tokens and forgets the session. Everything the SPA then does is the
public API, authorised exactly as an OA system's calls are.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import timedelta
from urllib.parse import urlencode

from sqlalchemy.ext.asyncio import AsyncSession

from api.config import Settings
from api.errors import AppError, NotFound, ValidationFailed
from api.identity.scopes import SCOPES
from api.identity.token_strings import digest
from api.kit.clock import utcnow
from api.kit.ids import new_id
from api.kit.sealing import Unsealable, seal, unseal
from api.platform.apps.service import create_app
from api.platform.audit import record
from api.platform.oauth.in_process import request_token, revoke_token
from api.platform.web import repository
from api.runtime import Runtime
from api.storage.models import App, WebSession
from schemas.platform import AppCreate

SESSION_COOKIE = "mp_web"
PENDING_COOKIE = "mp_web_login"
CSRF_HEADER = "x-csrf-token"
SESSION_LIFETIME = timedelta(hours=12)
PENDING_LIFETIME = 600
_REFRESH_MARGIN = timedelta(seconds=60)
_SEAL_PURPOSE = "web-session-token"


class SignInFailed(AppError):
    status, code, title = 400, "sign_in_failed", "Sign-in failed"


class CsrfFailed(AppError):
    status, code, title = 403, "csrf_failed", "Missing or wrong CSRF token"

    def __init__(self) -> None:
        super().__init__("Send the session's token in the X-CSRF-Token header; reload to get it.")


@dataclass(frozen=True)
class Pending:
    """The flow in flight, kept in a signed httpOnly cookie between start and callback."""

    state: str
    verifier: str
    client_id: str
    next: str


@dataclass(frozen=True)
class Resolved:
    session_id: str
    access_token: str
    expires_at: str


def callback_uri(settings: Settings) -> str:
    return f"{settings.issuer}/web/session/callback"


def safe_next(value: str | None) -> str:
    """A path of the web app to return to; never another host, never the API or OAuth."""
    if not value or not value.startswith("/") or value.startswith(("//", "/\\")):
        return "/"
    if value.startswith(("/v1", "/oauth", "/graphql", "/web/session", "/docs")):
        return "/"
    return value[:2000]


def csrf_token(settings: Settings, session_id: str) -> str:
    key = settings.signing_key().encode()
    return hmac.new(key, b"web-csrf:" + session_id.encode(), hashlib.sha256).hexdigest()


def check_csrf(settings: Settings, session_id: str, given: str | None) -> bool:
    return bool(given) and hmac.compare_digest(csrf_token(settings, session_id), given or "")


async def ensure_web_app(session: AsyncSession, org_id: str, settings: Settings) -> App:
    """The organisation's first-party web app (created by `mailplane init`; recreated here if
    an admin deleted it), with this installation's callback among its redirect URIs."""
    uri = callback_uri(settings)
    app = await repository.first_party_app(session, org_id)
    if app is None:
        app, _ = await create_app(
            session,
            org_id,
            AppCreate(
                name="Web console", client_type="public", redirect_uris=[uri], scopes=sorted(SCOPES)
            ),
            actor=None,
        )
        app.first_party = True
        await session.flush()
    else:
        if uri not in app.redirect_uris:
            app.redirect_uris = [*app.redirect_uris, uri][-20:]  # the public URL changed
        if set(SCOPES) - set(app.scopes):
            # The first-party app carries every scope, those added since it was created too.
            app.scopes = sorted(SCOPES)
        if session.dirty:
            await session.flush()
    return app


def _challenge(verifier: str) -> str:
    return (
        base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
    )


async def begin(
    session: AsyncSession, settings: Settings, login_hint: str, next_path: str | None
) -> tuple[str, Pending]:
    """The authorize URL to send the browser to, and the flow state to remember."""
    hint = login_hint.strip().lower()[:320]
    local, at, domain = hint.rpartition("@")
    if not at or not local or not domain:
        raise ValidationFailed("Enter your full email address.", param="login_hint")
    org_id = await repository.org_of_domain(session, domain)
    if org_id is None:
        raise NotFound("No organisation here hosts this address.", param="login_hint")
    app = await ensure_web_app(session, org_id, settings)
    pending = Pending(
        secrets.token_urlsafe(24), secrets.token_urlsafe(48), app.id, safe_next(next_path)
    )
    query = urlencode(
        {
            "response_type": "code",
            "client_id": app.id,
            "redirect_uri": callback_uri(settings),
            "scope": " ".join(sorted(SCOPES)),
            "state": pending.state,
            "code_challenge": _challenge(pending.verifier),
            "code_challenge_method": "S256",
            "login_hint": hint,
        }
    )
    return f"/oauth/authorize?{query}", pending


def _seal(settings: Settings, value: str | None) -> str | None:
    if value is None:
        return None
    return seal(settings.signing_key(), _SEAL_PURPOSE, value.encode()).decode()


def _unseal(settings: Settings, value: str | None) -> str | None:
    if value is None:
        return None
    return unseal(settings.signing_key(), _SEAL_PURPOSE, value.encode()).decode()


async def complete(
    session: AsyncSession, runtime: Runtime, pending: Pending, code: str, client_host: str | None
) -> tuple[str, WebSession]:
    """Redeem the code (PKCE) and open a session: the cookie value and the row."""
    settings = runtime.settings
    status, body = await request_token(
        runtime,
        session,
        [
            ("grant_type", "authorization_code"),
            ("code", code),
            ("client_id", pending.client_id),
            ("redirect_uri", callback_uri(settings)),
            ("code_verifier", pending.verifier),
        ],
        client_host,
    )
    if status != 200 or "access_token" not in body:
        raise SignInFailed("The sign-in could not be completed; start again.")
    app = await session.get(App, pending.client_id)
    account = None
    token_row = await repository.token_account(session, body["access_token"])
    if token_row is not None:
        account = await repository.account_of(session, token_row)
    if app is None or account is None or account.org_id != app.org_id:
        # Someone of another organisation signed in on this organisation's console.
        await revoke_token(
            runtime,
            session,
            [("token", body["access_token"]), ("client_id", pending.client_id)],
            client_host,
        )
        raise SignInFailed(
            "This address belongs to another organisation; sign in from its own address."
        )
    now = utcnow()
    cookie = secrets.token_urlsafe(32)
    row = WebSession(
        id=new_id("wss"),
        cookie_hash=digest(cookie),
        org_id=app.org_id,
        account_id=account.id,
        app_id=app.id,
        access_token_sealed=_seal(settings, body["access_token"]),
        refresh_token_sealed=_seal(settings, body.get("refresh_token")),
        access_expires_at=now + timedelta(seconds=int(body.get("expires_in", 3600))),
        expires_at=now + SESSION_LIFETIME,
        version=1,
    )
    session.add(row)
    await session.flush()
    await record(
        session,
        org_id=app.org_id,
        action="web.session.started",
        actor_type="account",
        actor_id=account.id,
        app_id=app.id,
        ip=client_host,
    )
    return cookie, row


_locks: dict[str, asyncio.Lock] = {}


async def resolve(runtime: Runtime, cookie: str) -> Resolved | None:
    """The live access token behind a session cookie, refreshed when it is about to expire;
    None when the session is unknown, over, or its grant was revoked."""
    cookie_hash = digest(cookie)
    async with runtime.db.session(write=False) as session:
        row = await repository.by_cookie(session, cookie_hash)
    now = utcnow()
    if row is None or row.expires_at <= now:
        return None
    if row.access_expires_at - now > _REFRESH_MARGIN:
        return _resolved(runtime.settings, row)
    # One refresh per session at a time in this process (a replayed refresh token would
    # revoke the family); across processes the version column lets only one win.
    if len(_locks) > 10_000:
        _locks.clear()
    async with _locks.setdefault(row.id, asyncio.Lock()):
        return await _refresh(runtime, cookie_hash)


async def _refresh(runtime: Runtime, cookie_hash: str) -> Resolved | None:
    settings = runtime.settings
    async with runtime.db.session() as session:
        row = await repository.by_cookie(session, cookie_hash)
        now = utcnow()
        if row is None or row.expires_at <= now:
            return None
        if row.access_expires_at - now > _REFRESH_MARGIN:
            return _resolved(settings, row)  # another request refreshed it meanwhile
        try:
            refresh = _unseal(settings, row.refresh_token_sealed)
        except Unsealable:
            refresh = None
        status, body = (0, {})
        if refresh:
            status, body = await request_token(
                runtime,
                session,
                [
                    ("grant_type", "refresh_token"),
                    ("refresh_token", refresh),
                    ("client_id", row.app_id),
                ],
                None,
            )
        if status != 200 or "access_token" not in body:
            await repository.remove(session, row.id)
            return None
        access_expires_at = now + timedelta(seconds=int(body.get("expires_in", 3600)))
        access = _seal(settings, body["access_token"])
        stored = await repository.replace_tokens(
            session,
            row,
            access=access or "",
            refresh=_seal(settings, body.get("refresh_token")),
            access_expires_at=access_expires_at,
        )
        if not stored:
            return None
        return Resolved(row.id, body["access_token"], row.expires_at.isoformat())


def _resolved(settings: Settings, row: WebSession) -> Resolved | None:
    try:
        token = _unseal(settings, row.access_token_sealed)
    except Unsealable:
        return None
    return Resolved(row.id, token or "", row.expires_at.isoformat())


async def find(session: AsyncSession, cookie: str | None) -> WebSession | None:
    if not cookie:
        return None
    row = await repository.by_cookie(session, digest(cookie))
    if row is None or row.expires_at <= utcnow():
        return None
    return row


async def end(
    session: AsyncSession, runtime: Runtime, row: WebSession, client_host: str | None
) -> None:
    """Sign out: revoke the grant (refresh token first: it ends the whole family) and forget."""
    settings = runtime.settings
    for sealed in (row.refresh_token_sealed, row.access_token_sealed):
        try:
            token = _unseal(settings, sealed)
        except Unsealable:
            continue
        if token:
            await revoke_token(
                runtime, session, [("token", token), ("client_id", row.app_id)], client_host
            )
            break
    await repository.remove(session, row.id)
    await record(
        session,
        org_id=row.org_id,
        action="web.session.ended",
        actor_type="account",
        actor_id=row.account_id,
        app_id=row.app_id,
        ip=client_host,
    )
