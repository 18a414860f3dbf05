"""OAuth 2.0 endpoints: token, authorize (login + consent pages), revoke, introspect, metadata."""

from __future__ import annotations

import secrets
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

from authlib.oauth2 import OAuth2Error
from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response

from api.deps import DbSession, RuntimeDep
from api.directory import account_locale, authenticate, change_password
from api.directory import login_links as links
from api.errors import AppError
from api.i18n import from_accept_language, localise, pick_locale
from api.identity.audit import record
from api.identity.scopes import SCOPES, parse_scopes
from api.platform.oauth import client_throttle, pages
from api.platform.oauth.in_process import run_server
from api.platform.oauth.server import (
    AuthorizationServer,
    StarletteOAuth2Request,
    User,
    effective_user_scopes,
)
from api.platform.oauth.store import OAuthStore
from api.platform.oauth.web_session import (
    LOGIN_CSRF_COOKIE,
    SESSION_COOKIE,
    SESSION_PATH,
    SessionCodec,
    WebSession,
)
from api.runtime import Runtime
from api.storage.models import Account
from schemas.platform import Introspection, OAuthError, TokenResponse

router = APIRouter(tags=["oauth"])
_NO_STORE = {"Cache-Control": "no-store", "Pragma": "no-cache"}
_ERRORS = {
    400: {"model": OAuthError, "description": "OAuth error (RFC 6749 §5.2)"},
    401: {"model": OAuthError, "description": "Client authentication failed"},
}
_FORM = {
    "requestBody": {
        "content": {"application/x-www-form-urlencoded": {"schema": {"type": "object"}}}
    }
}


def _codec(runtime: Runtime) -> SessionCodec:
    return SessionCodec(runtime.settings.signing_key())


async def _oauth_request(request: Request) -> StarletteOAuth2Request:
    form: list[tuple[str, str]] = []
    if request.method == "POST":
        parsed = await request.form()
        form = [(k, v) for k, v in parsed.multi_items() if isinstance(v, str)]
    query = list(request.query_params.multi_items())
    # authlib insists on an https URI; TLS is terminated in front of us.
    uri = "https://mailplane.invalid" + request.url.path
    return StarletteOAuth2Request(request.method, uri, request.headers, query, form)  # type: ignore[arg-type]


async def _run(
    runtime: Runtime, session: Any, request: Request, fn: Callable[[AuthorizationServer], Any]
) -> Any:
    return await run_server(runtime, session, request.client.host if request.client else None, fn)


def _to_response(result: tuple[int, Any, list[tuple[str, str]]]) -> Response:
    status, body, headers = result
    hdrs = dict(headers)
    if status == 302:
        return RedirectResponse(hdrs["Location"], status_code=302)
    hdrs.update(_NO_STORE)
    hdrs.pop("Content-Type", None)
    return Response(body or "", status_code=status, headers=hdrs, media_type="application/json")


async def _throttled(
    request: Request, session: Any, runtime: Runtime, oreq: StarletteOAuth2Request,
    fn: Callable[[AuthorizationServer], Any],
) -> Response:
    """Run a client-authenticating endpoint behind the failed-client-authentication throttle."""
    client_id = client_throttle.presented_client_id(request.headers.get("authorization"), oreq.form)
    ip = request.client.host if request.client else None
    wait = await client_throttle.retry_after(session, client_id, ip)
    if wait is not None:
        body = {"error": "invalid_client",
                "error_description": f"Too many failed client authentications; retry after {wait} s."}
        return JSONResponse(body, status_code=429, headers={**_NO_STORE, "Retry-After": str(wait)})
    result = await _run(runtime, session, request, fn)
    await client_throttle.record(session, client_id, ip, result[0])
    # authlib rendered errors itself; the work done (replay revocations, audit) must stick.
    await session.commit()
    return _to_response(result)


@router.post("/oauth/token", openapi_extra=_FORM, response_model=None,
             responses={200: {"model": TokenResponse}, **_ERRORS, 429: {"model": OAuthError}})
async def issue_token(request: Request, session: DbSession, runtime: RuntimeDep) -> Response:
    """OAuth 2.0 token endpoint: `client_credentials`, `authorization_code` (PKCE S256
    required) and `refresh_token` (rotated; a replayed one revokes its whole family).
    Failed client authentication is throttled per client and per address (429)."""
    oreq = await _oauth_request(request)
    return await _throttled(request, session, runtime, oreq, lambda s: s.create_token_response(oreq))


@router.post("/oauth/revoke", openapi_extra=_FORM, response_model=None,
             responses={200: {"description": "Revoked (or unknown: RFC 7009 §2.2)"}, **_ERRORS,
                        429: {"model": OAuthError}})
async def revoke_token(request: Request, session: DbSession, runtime: RuntimeDep) -> Response:
    """RFC 7009 token revocation. Revoking either token of a pair ends both (the access token
    and its refresh token are one grant record); revoking a refresh token ends its whole
    rotation family."""
    oreq = await _oauth_request(request)
    response = await _throttled(
        request, session, runtime, oreq, lambda s: s.create_endpoint_response("revocation", oreq)
    )
    runtime.tokens.clear()
    return response


@router.post("/oauth/introspect", openapi_extra=_FORM, response_model=None,
             responses={200: {"model": Introspection}, **_ERRORS, 429: {"model": OAuthError}})
async def introspect_token(request: Request, session: DbSession, runtime: RuntimeDep) -> Response:
    """RFC 7662 token introspection (client authentication required)."""
    oreq = await _oauth_request(request)
    return await _throttled(
        request, session, runtime, oreq, lambda s: s.create_endpoint_response("introspection", oreq)
    )


@router.get("/.well-known/oauth-authorization-server")
async def get_authorization_server_metadata(runtime: RuntimeDep) -> JSONResponse:
    """RFC 8414 authorization server metadata."""
    iss = runtime.settings.issuer
    return JSONResponse(
        {
            "issuer": iss,
            "authorization_endpoint": f"{iss}/oauth/authorize",
            "token_endpoint": f"{iss}/oauth/token",
            "revocation_endpoint": f"{iss}/oauth/revoke",
            "introspection_endpoint": f"{iss}/oauth/introspect",
            "scopes_supported": sorted(SCOPES),
            "response_types_supported": ["code"],
            "response_modes_supported": ["query"],
            "grant_types_supported": ["authorization_code", "client_credentials", "refresh_token"],
            "token_endpoint_auth_methods_supported": [
                "client_secret_basic", "client_secret_post", "none",
            ],
            "revocation_endpoint_auth_methods_supported": [
                "client_secret_basic", "client_secret_post", "none",
            ],
            "introspection_endpoint_auth_methods_supported": [
                "client_secret_basic", "client_secret_post",
            ],
            "code_challenge_methods_supported": ["S256"],
            "authorization_response_iss_parameter_supported": True,
        }
    )


# --- browser flow -----------------------------------------------------------------------


async def _signed_in(request: Request, session: Any, codec: SessionCodec) -> tuple[WebSession, Account] | None:
    web = codec.load(request.cookies.get(SESSION_COOKIE))
    if web is None:
        return None
    account = await session.get(Account, web.account_id)
    if account is None or account.status != "active":
        return None
    return web, account


def _safe_next(value: str | None) -> str:
    """Only a path on this origin is a place to go back to (no open redirect)."""
    return links.safe_next(value) or "/oauth/authorize"


async def _locale(request: Request, session: Any = None, account: Account | None = None) -> str:
    """The page's language: the person's own choice, else the browser's `Accept-Language`,
    else the person's organisation's default, else English."""
    if account is not None and account.locale:
        return pick_locale(account.locale)
    header = from_accept_language(request.headers.get("accept-language"))
    if header:
        return header
    if account is not None and session is not None:
        return await account_locale(session, account)
    return pick_locale(None)


def _start_session(response: Response, runtime: Runtime, account_id: str) -> None:
    response.set_cookie(
        SESSION_COOKIE, _codec(runtime).dump(account_id), httponly=True, samesite="lax",
        path=SESSION_PATH, secure=runtime.settings.issuer.startswith("https"),
    )


def _html(content: str, status: int = 200) -> HTMLResponse:
    return HTMLResponse(
        content, status_code=status,
        headers={"Cache-Control": "no-store", "X-Frame-Options": "DENY",
                 "Referrer-Policy": "no-referrer",
                 "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'"},
    )


def _error_redirect_or_page(error: OAuth2Error, iss: str, locale: str = "en") -> Response:
    if error.redirect_uri:
        params = dict(error.get_body())
        if error.state:
            params["state"] = error.state
        params["iss"] = iss
        sep = "&" if "?" in error.redirect_uri else "?"
        return RedirectResponse(error.redirect_uri + sep + urlencode(params), status_code=302)
    return _html(
        pages.error_page("Cannot continue", error.description or error.error, locale), 400
    )


async def _refuse_other_org(
    request: Request, session: Any, account: Account, app_id: str
) -> Response:
    """A person is asked to grant an app of another organisation: refused outright, nothing
    sent to the app's redirect URI, the attempt audited in the person's organisation."""
    await record(
        session, org_id=account.org_id, action="oauth.consent.refused_other_org",
        actor_type="account", actor_id=account.id, app_id=app_id[:40],
        ip=request.client.host if request.client else None, result="denied",
    )
    return _html(pages.other_org_page(await _locale(request, session, account)), 403)


@router.get("/oauth/authorize", include_in_schema=False)
async def authorize_page(request: Request, session: DbSession, runtime: RuntimeDep) -> Response:
    codec = _codec(runtime)
    oreq = await _oauth_request(request)
    try:
        grant = await _run(runtime, session, request, lambda s: s.get_consent_grant(oreq))
    except OAuth2Error as error:
        return _error_redirect_or_page(error, runtime.settings.issuer, await _locale(request))
    signed = await _signed_in(request, session, codec)
    here = request.url.path + "?" + request.url.query
    if signed is None:
        return RedirectResponse("/oauth/login?" + urlencode({"next": here}), status_code=303)
    web, account = signed
    if account.org_id != grant.client.app.org_id:
        return await _refuse_other_org(request, session, account, grant.client.app.id)
    if account.must_change_password:
        return RedirectResponse("/oauth/password?" + urlencode({"next": here}), status_code=303)
    if grant.client.app.first_party:
        # The organisation's own web console: nothing to consent to (as Google's and
        # Microsoft's first-party apps), but the same code, PKCE and token checks; a person
        # of another organisation is refused, never shown another tenant's console.
        same_org = grant.client.app.org_id == account.org_id
        return await _decide(request, session, runtime, oreq, account, allow=same_org)
    scopes = parse_scopes(effective_user_scopes(grant.client, oreq.payload.scope, account))
    return _html(
        pages.consent_page(
            grant.client.app.name, account.address, scopes,
            list(request.query_params.multi_items()), codec.csrf_for(web.nonce),
            await _locale(request, session, account),
        )
    )


@router.post("/oauth/authorize", include_in_schema=False)
async def authorize_decision(request: Request, session: DbSession, runtime: RuntimeDep) -> Response:
    codec = _codec(runtime)
    form = await request.form()
    signed = await _signed_in(request, session, codec)
    if signed is None:
        locale = await _locale(request)
        return _html(pages.error_page("Signed out", "Sign in again and retry.", locale), 403)
    web, account = signed
    locale = await _locale(request, session, account)
    if not codec.check_csrf(web.nonce, str(form.get("csrf_token", ""))):
        return _html(
            pages.error_page("Request expired", "Reload the page and try again.", locale), 403
        )
    if account.must_change_password:
        return _html(
            pages.error_page("Password change needed", "Change your password first.", locale), 403
        )
    oreq = await _oauth_request(request)
    allow = form.get("decision") == "allow"
    store = OAuthStore(session, runtime.settings, None)
    app_org_id = await store.org_of(oreq.payload.client_id or "")
    if app_org_id is not None and app_org_id != account.org_id:
        return await _refuse_other_org(request, session, account, oreq.payload.client_id or "")
    return await _decide(request, session, runtime, oreq, account, allow=allow)


async def _decide(
    request: Request, session: Any, runtime: Runtime, oreq: StarletteOAuth2Request,
    account: Account, *, allow: bool,
) -> Response:
    locale = await _locale(request, session, account)

    def decide(server: AuthorizationServer) -> Any:
        grant = server.get_consent_grant(oreq, User(account))
        return server.create_authorization_response(oreq, User(account) if allow else None, grant)

    try:
        result = await _run(runtime, session, request, decide)
    except OAuth2Error as error:
        return _error_redirect_or_page(error, runtime.settings.issuer, locale)
    verdict = "granted" if allow else "denied"
    await record(
        session, org_id=account.org_id, action="oauth.consent." + verdict,
        actor_type="account", actor_id=account.id, app_id=oreq.payload.client_id,
        ip=request.client.host if request.client else None,
        details={"scope": oreq.payload.scope or ""},
    )
    status, _body, headers = result
    location = dict(headers).get("Location")
    if location:
        return RedirectResponse(location, status_code=302)
    return _html(pages.error_page("Cannot continue", "The request was refused.", locale), status)


def _login_form(
    next_url: str, locale: str, error: str | None = None, address: str = "", status: int = 200
) -> Response:
    csrf = secrets.token_urlsafe(24)
    response = _html(pages.login_page(next_url, csrf, error, address, locale), status)
    response.set_cookie(LOGIN_CSRF_COOKIE, csrf, httponly=True, samesite="lax", path="/oauth")
    return response


@router.get("/oauth/login", include_in_schema=False)
async def login_page(request: Request) -> Response:
    next_url = _safe_next(request.query_params.get("next"))
    # The web console asks for the address first (to find the organisation); keep it.
    hint = dict(parse_qsl(urlsplit(next_url).query)).get("login_hint", "")[:320]
    return _login_form(next_url, await _locale(request), address=hint)


@router.post("/oauth/login", include_in_schema=False)
async def login_submit(request: Request, session: DbSession, runtime: RuntimeDep) -> Response:
    form = await request.form()
    next_url = _safe_next(str(form.get("next", "")))
    cookie_csrf = request.cookies.get(LOGIN_CSRF_COOKIE)
    given = str(form.get("csrf_token", ""))
    locale = await _locale(request)
    if not cookie_csrf or not secrets.compare_digest(cookie_csrf, given):
        return _html(pages.error_page(
            "Request expired", "Reload the sign-in page and try again.", locale), 403)
    address = str(form.get("address", ""))[:320]
    account = await authenticate(
        session, address, str(form.get("password", ""))[:1024],
        ip=request.client.host if request.client else None,
    )
    if account is None:
        return _login_form(
            next_url, locale, localise("Wrong address or password.", locale), address, 401
        )
    await record(session, org_id=account.org_id, action="account.signed_in", actor_type="account",
                 actor_id=account.id, ip=request.client.host if request.client else None)
    # "Change password at first sign-in": every way in goes through the password page first.
    target = (
        "/oauth/password?" + urlencode({"next": next_url})
        if account.must_change_password else next_url
    )
    response = RedirectResponse(target, status_code=303)
    _start_session(response, runtime, account.id)
    response.delete_cookie(LOGIN_CSRF_COOKIE, path="/oauth")
    return response


@router.get("/oauth/password", include_in_schema=False)
async def password_page(request: Request, session: DbSession, runtime: RuntimeDep) -> Response:
    codec = _codec(runtime)
    signed = await _signed_in(request, session, codec)
    if signed is None:
        return RedirectResponse("/oauth/login", status_code=303)
    web, account = signed
    return _html(pages.password_page(
        _safe_next(request.query_params.get("next")), codec.csrf_for(web.nonce),
        locale=await _locale(request, session, account),
    ))


@router.post("/oauth/password", include_in_schema=False)
async def password_submit(request: Request, session: DbSession, runtime: RuntimeDep) -> Response:
    codec = _codec(runtime)
    form = await request.form()
    signed = await _signed_in(request, session, codec)
    if signed is None:
        return RedirectResponse("/oauth/login", status_code=303)
    web, account = signed
    locale = await _locale(request, session, account)
    csrf = codec.csrf_for(web.nonce)
    next_url = _safe_next(str(form.get("next", "")))
    if not codec.check_csrf(web.nonce, str(form.get("csrf_token", ""))):
        return _html(
            pages.error_page("Request expired", "Reload the page and try again.", locale), 403
        )
    new = str(form.get("new_password", ""))
    if new != str(form.get("confirm_password", "")):
        return _html(pages.password_page(
            next_url, csrf, localise("The new passwords differ.", locale), locale), 422)
    try:
        await change_password(account, str(form.get("current_password", "")), new)
    except AppError as error:
        return _html(
            pages.password_page(next_url, csrf, localise(error.message, locale), locale), 422
        )
    await record(session, org_id=account.org_id, action="account.password_changed",
                 actor_type="account", actor_id=account.id,
                 ip=request.client.host if request.client else None)
    return RedirectResponse(next_url, status_code=303)


@router.post("/oauth/logout", include_in_schema=False)
async def logout(request: Request, runtime: RuntimeDep) -> Response:
    codec = _codec(runtime)
    form = await request.form()
    web = codec.load(request.cookies.get(SESSION_COOKIE))
    locale = await _locale(request)
    if web is None or not codec.check_csrf(web.nonce, str(form.get("csrf_token", ""))):
        return _html(
            pages.error_page("Request expired", "Reload the page and try again.", locale), 403
        )
    response = _html(pages.error_page("Signed out", "You are signed out.", locale))
    response.delete_cookie(SESSION_COOKIE, path=SESSION_PATH)
    response.delete_cookie(SESSION_COOKIE, path="/oauth")  # sessions started before 0011
    return response


# --- activation and login links -----------------------------------------------------------


def _link_invalid(locale: str) -> Response:
    return _html(pages.error_page(
        "Link no longer valid",
        "This link is not valid any more. Ask your administrator for a new one.", locale,
    ), 410)


@router.get("/oauth/activate/{token}", include_in_schema=False)
async def activation_page(
    token: str, request: Request, session: DbSession, runtime: RuntimeDep
) -> Response:
    """The set-password page an activation link opens (nothing is used up by opening it)."""
    try:
        account = await links.activation_account(session, token)
    except links.LinkInvalid:
        return _link_invalid(await _locale(request))
    csrf = secrets.token_urlsafe(24)
    response = _html(pages.activation_page(
        token, account.address, csrf, locale=await _locale(request, session, account)
    ))
    response.set_cookie(LOGIN_CSRF_COOKIE, csrf, httponly=True, samesite="lax", path="/oauth")
    return response


@router.post("/oauth/activate/{token}", include_in_schema=False)
async def activation_submit(
    token: str, request: Request, session: DbSession, runtime: RuntimeDep
) -> Response:
    form = await request.form()
    try:
        account = await links.activation_account(session, token)
    except links.LinkInvalid:
        return _link_invalid(await _locale(request))
    locale = await _locale(request, session, account)
    cookie_csrf = request.cookies.get(LOGIN_CSRF_COOKIE)
    csrf = str(form.get("csrf_token", ""))
    if not cookie_csrf or not secrets.compare_digest(cookie_csrf, csrf):
        return _html(pages.error_page(
            "Request expired", "Reload the page and try again.", locale), 403)
    new = str(form.get("new_password", ""))[:1024]
    if new != str(form.get("confirm_password", ""))[:1024]:
        return _html(pages.activation_page(
            token, account.address, csrf, localise("The new passwords differ.", locale), locale
        ), 422)
    try:
        await links.activate(
            session, token, new, ip=request.client.host if request.client else None
        )
    except links.LinkInvalid:
        return _link_invalid(locale)
    except AppError as error:
        return _html(pages.activation_page(
            token, account.address, csrf, localise(error.message, locale), locale
        ), 422)
    response = _html(pages.activated_page(account.address, locale))
    response.delete_cookie(LOGIN_CSRF_COOKIE, path="/oauth")
    return response


@router.get("/oauth/sso/{token}", include_in_schema=False)
async def login_link_page(token: str, request: Request, session: DbSession) -> Response:
    """Where a login link lands: a page with one "Continue" button. Opening the link uses
    nothing up (mail scanners and link previews fetch links), the button's POST does. A
    `?next=` path added when opening it is carried to the POST."""
    try:
        account = await links.login_account(session, token)
    except links.LinkInvalid:
        return _link_invalid(await _locale(request))
    csrf = secrets.token_urlsafe(24)
    next_path = links.safe_next(request.query_params.get("next")) or ""
    response = _html(pages.login_link_page(
        token, account.address, csrf, next_path, await _locale(request, session, account)
    ))
    response.headers["Referrer-Policy"] = "no-referrer"
    response.set_cookie(LOGIN_CSRF_COOKIE, csrf, httponly=True, samesite="lax", path="/oauth")
    return response


@router.post("/oauth/sso/{token}", include_in_schema=False)
async def login_link(
    token: str, request: Request, session: DbSession, runtime: RuntimeDep
) -> Response:
    """Sign the person in (the sign-in pages' session) and go to the link's same-origin
    `next` (or the one carried from the page; anything that is not a path on this origin is
    ignored), through the password page when a change is due."""
    form = await request.form()
    cookie_csrf = request.cookies.get(LOGIN_CSRF_COOKIE)
    if not cookie_csrf or not secrets.compare_digest(cookie_csrf, str(form.get("csrf_token", ""))):
        return _html(pages.error_page(
            "Request expired", "Reload the page and try again.", await _locale(request)), 403)
    try:
        account, next_path = await links.use_login_link(
            session, token, ip=request.client.host if request.client else None
        )
    except links.LinkInvalid:
        await session.rollback()
        return _link_invalid(await _locale(request))
    next_path = links.safe_next(str(form.get("next", ""))) or next_path
    target = (
        "/oauth/password?" + urlencode({"next": next_path})
        if account.must_change_password else next_path
    )
    response = RedirectResponse(target, status_code=303)
    response.headers["Cache-Control"] = "no-store"
    response.headers["Referrer-Policy"] = "no-referrer"
    response.delete_cookie(LOGIN_CSRF_COOKIE, path="/oauth")
    _start_session(response, runtime, account.id)
    return response
