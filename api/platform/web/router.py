"""`/web/session/*`: the web app's sign-in, session and sign-out (backend-for-frontend).

Not part of the public API (no data lives here): these routes only turn an OAuth sign-in
into an httpOnly cookie and back. The SPA reads everything else from /v1 and /graphql.
"""

from __future__ import annotations

from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response
from itsdangerous import BadSignature, URLSafeTimedSerializer

from api.config import Settings
from api.deps import DbSession, RuntimeDep
from api.errors import AppError
from api.platform.oauth.web_session import SESSION_COOKIE as OAUTH_SESSION_COOKIE
from api.platform.web import service
from api.platform.web.service import (
    CSRF_HEADER,
    PENDING_COOKIE,
    PENDING_LIFETIME,
    SESSION_COOKIE,
    Pending,
)

router = APIRouter(include_in_schema=False)


def _serializer(settings: Settings) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(settings.signing_key(), salt="mailplane.web.pending")


def _secure(settings: Settings) -> bool:
    return settings.issuer.startswith("https")


def _host(request: Request) -> str | None:
    return request.client.host if request.client else None


def _back_to_sign_in(reason: str, next_path: str = "/") -> RedirectResponse:
    response = RedirectResponse(
        "/signin?" + urlencode({"error": reason, "next": next_path}), status_code=303
    )
    response.delete_cookie(PENDING_COOKIE, path="/web/session")
    return response


@router.get("/web/session/start")
async def start_sign_in(request: Request, session: DbSession, runtime: RuntimeDep) -> Response:
    """Begin the authorization-code + PKCE flow for the address typed on the sign-in page."""
    next_path = service.safe_next(request.query_params.get("next"))
    try:
        url, pending = await service.begin(
            session, runtime.settings, request.query_params.get("login_hint", ""), next_path
        )
    except AppError as error:
        return _back_to_sign_in(error.code, next_path)
    response = RedirectResponse(url, status_code=303)
    value = _serializer(runtime.settings).dumps(
        [pending.state, pending.verifier, pending.client_id, pending.next]
    )
    # Lax, not Strict: the callback is a redirect from the authorization server's pages.
    response.set_cookie(
        PENDING_COOKIE,
        value,
        max_age=PENDING_LIFETIME,
        httponly=True,
        samesite="lax",
        path="/web/session",
        secure=_secure(runtime.settings),
    )
    return response


@router.get("/web/session/callback")
async def finish_sign_in(request: Request, session: DbSession, runtime: RuntimeDep) -> Response:
    """The redirect URI: check the state, redeem the code, set the session cookie."""
    settings = runtime.settings
    try:
        raw = _serializer(settings).loads(
            request.cookies.get(PENDING_COOKIE, ""), max_age=PENDING_LIFETIME
        )
        pending = Pending(*[str(v) for v in raw])
    except (BadSignature, TypeError, ValueError):
        return _back_to_sign_in("sign_in_expired")
    params = request.query_params
    if not params.get("state") or params.get("state") != pending.state:
        return _back_to_sign_in("sign_in_expired", pending.next)
    if params.get("error") or not params.get("code"):
        return _back_to_sign_in(params.get("error") or "sign_in_failed", pending.next)
    try:
        cookie, row = await service.complete(
            session, runtime, pending, params["code"], _host(request)
        )
    except AppError as error:
        await session.commit()  # the revocation of a wrong-organisation grant must stick
        return _back_to_sign_in(error.code, pending.next)
    response = RedirectResponse(pending.next, status_code=303)
    response.delete_cookie(PENDING_COOKIE, path="/web/session")
    response.set_cookie(
        SESSION_COOKIE,
        cookie,
        max_age=int(service.SESSION_LIFETIME.total_seconds()),
        httponly=True,
        samesite="strict",
        path="/",
        secure=_secure(settings),
    )
    return response


@router.get("/web/session")
async def get_web_session(
    request: Request, session: DbSession, runtime: RuntimeDep
) -> JSONResponse:
    """The browser's session: `signed_in`, and when signed in its CSRF token and end. Signed
    out is a 200 too: the app asks on every load, and a 401 there is not an error."""
    row = await service.find(session, request.cookies.get(SESSION_COOKIE))
    if row is None:
        return JSONResponse({"signed_in": False})
    return JSONResponse(
        {
            "signed_in": True,
            "account_id": row.account_id,
            "org_id": row.org_id,
            "csrf_token": service.csrf_token(runtime.settings, row.id),
            "expires_at": row.expires_at.isoformat(),
        }
    )


@router.post("/web/session/logout")
async def sign_out(request: Request, session: DbSession, runtime: RuntimeDep) -> Response:
    """Sign out: revoke the tokens, forget the session, clear both sign-in cookies."""
    row = await service.find(session, request.cookies.get(SESSION_COOKIE))
    if row is not None:
        if not service.check_csrf(runtime.settings, row.id, request.headers.get(CSRF_HEADER)):
            raise service.CsrfFailed()
        await service.end(session, runtime, row, _host(request))
    response = Response(status_code=204)
    response.delete_cookie(SESSION_COOKIE, path="/")
    response.delete_cookie(OAUTH_SESSION_COOKIE, path="/oauth")
    return response
