"""REST endpoints for OAuth apps (`/v1/apps`)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response, status

from api.deps import AppsManage, ClientIp, DbSession, RuntimeDep
from api.kit.etags import check_if_match, set_etag
from api.kit.pagination import Page, PageParams, page_params
from api.platform.apps import service, usage
from schemas.platform import (
    App,
    AppCreate,
    AppCredentials,
    AppToken,
    AppUpdate,
    AppUsage,
    SecretRotation,
)

router = APIRouter(prefix="/v1/apps", tags=["apps"])


@router.post("", status_code=status.HTTP_201_CREATED, response_model=AppCredentials)
async def create_app(
    body: AppCreate, principal: AppsManage, session: DbSession, ip: ClientIp, response: Response
) -> AppCredentials:
    """Register an OAuth app. A confidential app's `client_secret` is in this response only."""
    app, secret = await service.create_app(session, principal.org_id, body, actor=principal, ip=ip)
    set_etag(response, app.id, app.version)
    return AppCredentials.model_validate(app).model_copy(update={"client_secret": secret})


@router.get("", response_model=Page[App])
async def list_apps(
    principal: AppsManage, session: DbSession, page: Annotated[PageParams, Depends(page_params)]
) -> Page[App]:
    """List the organisation's apps."""
    rows, cursor = await service.list_apps(session, principal.org_id, page)
    return Page[App](data=[App.model_validate(r) for r in rows], next_cursor=cursor)


@router.get("/{app_id}", response_model=App)
async def get_app(app_id: str, principal: AppsManage, session: DbSession, response: Response) -> App:
    """Get one app."""
    app = await service.get_app(session, principal.org_id, app_id)
    set_etag(response, app.id, app.version)
    return App.model_validate(app)


@router.patch("/{app_id}", response_model=App)
async def update_app(
    app_id: str, body: AppUpdate, principal: AppsManage, session: DbSession, request: Request,
    response: Response, ip: ClientIp,
) -> App:
    """Change an app's name, redirect URIs, scopes or disabled flag (JSON merge patch).

    Narrowing scopes or disabling revokes the app's tokens at once. Send `If-Match` with the
    ETag you read to avoid overwriting someone else's change (412 when stale).
    """
    app = await service.get_app(session, principal.org_id, app_id)
    check_if_match(request, app.id, app.version)
    app = await service.update_app(session, principal.org_id, app, body, actor=principal, ip=ip)
    set_etag(response, app.id, app.version)
    return App.model_validate(app)


@router.delete("/{app_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_app(
    app_id: str, principal: AppsManage, session: DbSession, request: Request, ip: ClientIp
) -> Response:
    """Delete an app and revoke every token it holds."""
    app = await service.get_app(session, principal.org_id, app_id)
    check_if_match(request, app.id, app.version)
    await service.delete_app(session, principal.org_id, app, actor=principal, ip=ip)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post("/{app_id}/secrets", status_code=status.HTTP_201_CREATED, response_model=AppCredentials)
async def rotate_app_secret(
    app_id: str, principal: AppsManage, session: DbSession, runtime: RuntimeDep, ip: ClientIp,
    response: Response, body: SecretRotation | None = None,
) -> AppCredentials:
    """Issue a new client secret. The previous one keeps working for `grace_seconds`
    (default 24 h) so deployments can switch over without downtime."""
    app = await service.get_app(session, principal.org_id, app_id)
    grace = body.grace_seconds if body and body.grace_seconds is not None else (
        runtime.settings.secret_rotation_grace
    )
    secret, old_until = await service.rotate_secret(
        session, principal.org_id, app, grace, actor=principal, ip=ip
    )
    set_etag(response, app.id, app.version)
    return AppCredentials.model_validate(app).model_copy(
        update={"client_secret": secret, "secret_expires_previous_at": old_until}
    )


@router.get("/{app_id}/usage", response_model=AppUsage)
async def get_app_usage(
    app_id: str, principal: AppsManage, session: DbSession, runtime: RuntimeDep
) -> AppUsage:
    """How the app is used: live access and refresh tokens, tokens issued in the last 24
    hours, its API requests this minute, hour and day, and its rate-limit state (the
    per-app limit per minute and what is left of the current window)."""
    return await usage.app_usage(
        session, principal.org_id, app_id, runtime.limiter,
        runtime.settings.rate_limit_app_per_minute,
    )


@router.get("/{app_id}/tokens", response_model=Page[AppToken])
async def list_app_tokens(
    app_id: str, principal: AppsManage, session: DbSession,
    page: Annotated[PageParams, Depends(page_params)],
) -> Page[AppToken]:
    """The tokens issued to the app, newest first: who they act for, scopes, expiry and
    whether they are still active. The token values themselves are never stored or shown."""
    rows, cursor = await usage.app_tokens(session, principal.org_id, app_id, page)
    return Page[AppToken](data=rows, next_cursor=cursor)
