"""REST endpoints for webhooks (`/v1/webhooks`) and per-event delivery attempts."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query, Request, Response, status

from api.deps import ClientIp, DbSession, RuntimeDep, WebhooksManage
from api.kit.etags import check_if_match, set_etag
from api.kit.pagination import Page, PageParams, page_params
from api.platform.webhooks import service, verification
from schemas.webhooks import (
    Webhook,
    WebhookAttempt,
    WebhookCreate,
    WebhookDelivery,
    WebhookRedelivery,
    WebhookReplay,
    WebhookReplayResult,
    WebhookSecretRotation,
    WebhookUpdate,
    WebhookWithSecret,
)

router = APIRouter(tags=["webhooks"])
PageDep = Annotated[PageParams, Depends(page_params)]


@router.post("/v1/webhooks", status_code=status.HTTP_201_CREATED, response_model=WebhookWithSecret)
async def create_webhook(
    body: WebhookCreate,
    principal: WebhooksManage,
    session: DbSession,
    runtime: RuntimeDep,
    ip: ClientIp,
    response: Response,
) -> WebhookWithSecret:
    """Create a webhook endpoint for the calling app.

    Mailplane first POSTs `{"type": "endpoint.verification", "challenge": "…"}` to the URL
    and expects the challenge echoed within 10 s (422 `verification_failed` otherwise).
    The `whsec_` signing `secret` is in this response only. Subscribing to a domain's events
    needs its read scope (`mail.*` needs `mail:read`, …).
    """
    endpoint, secret = await service.create_endpoint(
        session, runtime.settings, principal, body, ip=ip
    )
    set_etag(response, endpoint.id, endpoint.version)
    return WebhookWithSecret(**Webhook.model_validate(endpoint).model_dump(), secret=secret)


@router.get("/v1/webhooks", response_model=Page[Webhook])
async def list_webhooks(
    principal: WebhooksManage,
    session: DbSession,
    page: PageDep,
    app_id: Annotated[str | None, Query(max_length=40, description="Only this app's.")] = None,
) -> Page[Webhook]:
    """List the organisation's webhook endpoints."""
    rows, cursor = await service.list_endpoints(session, principal.org_id, page, app_id=app_id)
    return Page[Webhook](data=[Webhook.model_validate(r) for r in rows], next_cursor=cursor)


@router.get("/v1/webhooks/{webhook_id}", response_model=Webhook)
async def get_webhook(
    webhook_id: str, principal: WebhooksManage, session: DbSession, response: Response
) -> Webhook:
    """Get one webhook endpoint (never its secret)."""
    endpoint = await service.get_endpoint(session, principal.org_id, webhook_id)
    set_etag(response, endpoint.id, endpoint.version)
    return Webhook.model_validate(endpoint)


@router.patch("/v1/webhooks/{webhook_id}", response_model=Webhook)
async def update_webhook(
    webhook_id: str,
    body: WebhookUpdate,
    principal: WebhooksManage,
    session: DbSession,
    runtime: RuntimeDep,
    request: Request,
    response: Response,
    ip: ClientIp,
) -> Webhook:
    """Change an endpoint (JSON merge patch). A new `url` must answer the verification
    challenge first. Send `If-Match` to avoid overwriting someone else's change."""
    settings = runtime.settings
    verified = None
    if body.url is not None:
        # Challenge before this request's transaction starts, so no lock waits on the network.
        async with runtime.db.session(write=False) as read:
            current = await service.get_endpoint(read, principal.org_id, webhook_id)
            check_if_match(request, current.id, current.version)
            secret = (
                await service.current_secret(read, settings, current)
                if body.url != current.url
                else None
            )
        if secret is not None:
            await verification.challenge(settings, body.url, secret)
            verified = body.url
    endpoint = await service.get_endpoint(session, principal.org_id, webhook_id)
    check_if_match(request, endpoint.id, endpoint.version)
    endpoint = await service.update_endpoint(
        session, settings, principal, endpoint, body, ip=ip, verified_url=verified
    )
    set_etag(response, endpoint.id, endpoint.version)
    return Webhook.model_validate(endpoint)


@router.delete("/v1/webhooks/{webhook_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_webhook(
    webhook_id: str, principal: WebhooksManage, session: DbSession, request: Request, ip: ClientIp
) -> Response:
    """Delete an endpoint with its secrets, deliveries and attempts."""
    endpoint = await service.get_endpoint(session, principal.org_id, webhook_id)
    check_if_match(request, endpoint.id, endpoint.version)
    await service.delete_endpoint(session, principal, endpoint, ip=ip)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post("/v1/webhooks/{webhook_id}/enable", response_model=Webhook)
async def enable_webhook(
    webhook_id: str, principal: WebhooksManage, session: DbSession, ip: ClientIp, response: Response
) -> Webhook:
    """Enable a disabled endpoint. Pending deliveries resume; events from while it was
    disabled are sent only if you replay them."""
    endpoint = await service.get_endpoint(session, principal.org_id, webhook_id)
    endpoint = await service.enable_endpoint(session, principal, endpoint, ip=ip)
    set_etag(response, endpoint.id, endpoint.version)
    return Webhook.model_validate(endpoint)


@router.post("/v1/webhooks/{webhook_id}/disable", response_model=Webhook)
async def disable_webhook(
    webhook_id: str, principal: WebhooksManage, session: DbSession, ip: ClientIp, response: Response
) -> Webhook:
    """Disable an endpoint: nothing is sent to it until it is enabled again."""
    endpoint = await service.get_endpoint(session, principal.org_id, webhook_id)
    endpoint = await service.disable_endpoint(session, endpoint, "manual", actor=principal, ip=ip)
    set_etag(response, endpoint.id, endpoint.version)
    return Webhook.model_validate(endpoint)


@router.post(
    "/v1/webhooks/{webhook_id}/secrets",
    status_code=status.HTTP_201_CREATED,
    response_model=WebhookWithSecret,
)
async def rotate_webhook_secret(
    webhook_id: str,
    principal: WebhooksManage,
    session: DbSession,
    runtime: RuntimeDep,
    ip: ClientIp,
    response: Response,
    body: WebhookSecretRotation | None = None,
) -> WebhookWithSecret:
    """Issue a new signing secret. Until `grace_seconds` (default 24 h) pass, deliveries carry
    a signature with the old secret beside the new one, so receivers can switch without loss."""
    endpoint = await service.get_endpoint(session, principal.org_id, webhook_id)
    grace = (
        body.grace_seconds
        if body and body.grace_seconds is not None
        else (runtime.settings.secret_rotation_grace)
    )
    secret, old_until = await service.rotate_secret(
        session, runtime.settings, principal, endpoint, grace, ip=ip
    )
    set_etag(response, endpoint.id, endpoint.version)
    return WebhookWithSecret(
        **Webhook.model_validate(endpoint).model_dump(),
        secret=secret,
        previous_secret_expires_at=old_until,
    )


@router.post(
    "/v1/webhooks/{webhook_id}/redeliver",
    status_code=status.HTTP_202_ACCEPTED,
    response_model=WebhookDelivery,
)
async def redeliver_webhook_event(
    webhook_id: str,
    body: WebhookRedelivery,
    principal: WebhooksManage,
    session: DbSession,
    ip: ClientIp,
) -> WebhookDelivery:
    """Send one event to this endpoint again, now, with the retry schedule started over.
    The `webhook-id` stays the one of its earlier delivery."""
    endpoint = await service.get_endpoint(session, principal.org_id, webhook_id)
    d = await service.redeliver(session, principal, endpoint, body.event_id, ip=ip)
    return WebhookDelivery.model_validate(d)


@router.post(
    "/v1/webhooks/{webhook_id}/test",
    status_code=status.HTTP_202_ACCEPTED,
    response_model=WebhookDelivery,
)
async def send_webhook_test_event(
    webhook_id: str,
    principal: WebhooksManage,
    session: DbSession,
    ip: ClientIp,
) -> WebhookDelivery:
    """Send a `webhook.endpoint.test` event to this endpoint only, now: signed, retried and
    logged like any other delivery, so the receiver and its signature check can be tried
    before real events flow. Other endpoints never receive it."""
    endpoint = await service.get_endpoint(session, principal.org_id, webhook_id)
    d = await service.send_test_event(session, principal, endpoint, ip=ip)
    return WebhookDelivery.model_validate(d)


@router.post(
    "/v1/webhooks/{webhook_id}/replay",
    status_code=status.HTTP_202_ACCEPTED,
    response_model=WebhookReplayResult,
)
async def replay_webhook_events(
    webhook_id: str,
    body: WebhookReplay,
    principal: WebhooksManage,
    session: DbSession,
    ip: ClientIp,
) -> WebhookReplayResult:
    """Queue every event with a sequence in `from_sequence..to_sequence` (at most 10,000)
    that matches the endpoint's filters. 410 when the range is past retention."""
    endpoint = await service.get_endpoint(session, principal.org_id, webhook_id)
    queued = await service.replay(
        session, principal, endpoint, body.from_sequence, body.to_sequence, ip=ip
    )
    return WebhookReplayResult(queued=queued)


@router.get("/v1/webhooks/{webhook_id}/deliveries", response_model=Page[WebhookDelivery])
async def list_webhook_deliveries(
    webhook_id: str,
    principal: WebhooksManage,
    session: DbSession,
    page: PageDep,
    status: Annotated[Literal["pending", "succeeded", "failed"] | None, Query()] = None,
) -> Page[WebhookDelivery]:
    """Deliveries to this endpoint, newest first."""
    endpoint = await service.get_endpoint(session, principal.org_id, webhook_id)
    rows, cursor = await service.list_deliveries(session, endpoint, page, status=status)
    return Page[WebhookDelivery](
        data=[WebhookDelivery.model_validate(r) for r in rows], next_cursor=cursor
    )


@router.get("/v1/webhooks/{webhook_id}/attempts", response_model=Page[WebhookAttempt])
async def list_webhook_attempts(
    webhook_id: str,
    principal: WebhooksManage,
    session: DbSession,
    page: PageDep,
    event_id: Annotated[str | None, Query(max_length=40)] = None,
    outcome: Annotated[Literal["succeeded", "failed"] | None, Query()] = None,
) -> Page[WebhookAttempt]:
    """Delivery attempts to this endpoint, newest first: status, latency, response snippet."""
    endpoint = await service.get_endpoint(session, principal.org_id, webhook_id)
    rows, cursor = await service.list_attempts(
        session, principal.org_id, page, endpoint_id=endpoint.id, event_id=event_id, outcome=outcome
    )
    return Page[WebhookAttempt](
        data=[WebhookAttempt.model_validate(r) for r in rows], next_cursor=cursor
    )


@router.get("/v1/events/{event_id}/attempts", response_model=Page[WebhookAttempt])
async def list_event_attempts(
    event_id: str,
    principal: WebhooksManage,
    session: DbSession,
    page: PageDep,
) -> Page[WebhookAttempt]:
    """Delivery attempts of one event to every endpoint, newest first."""
    await service.require_event(session, principal.org_id, event_id)
    rows, cursor = await service.list_attempts(session, principal.org_id, page, event_id=event_id)
    return Page[WebhookAttempt](
        data=[WebhookAttempt.model_validate(r) for r in rows], next_cursor=cursor
    )
