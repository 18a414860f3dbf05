"""GraphQL types and resolvers for webhook endpoints, over the same service as REST."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import strawberry
from strawberry.types import Info

from api.errors import ValidationFailed
from api.graphql_kit import (
    Context,
    as_graphql_error,
    checked_page,
    require,
    unit_of_work,
    validated,
)
from api.platform.webhooks import service
from schemas.webhooks import WebhookCreate, WebhookUpdate

SCOPE = "webhooks:manage"


@strawberry.type
class WebhookType:
    id: str
    app_id: str | None
    url: str
    description: str
    event_types: list[str]
    account_ids: list[str]
    department_ids: list[str]
    ordered: bool
    status: str
    disabled_reason: str | None
    failing_since: datetime | None
    verified_at: datetime | None
    created_at: datetime
    updated_at: datetime

    @classmethod
    def of(cls, row: Any) -> WebhookType:
        return cls(
            id=row.id,
            app_id=row.app_id,
            url=row.url,
            description=row.description,
            event_types=list(row.event_types),
            account_ids=list(row.account_ids),
            department_ids=list(row.department_ids),
            ordered=row.ordered,
            status=row.status,
            disabled_reason=row.disabled_reason,
            failing_since=row.failing_since,
            verified_at=row.verified_at,
            created_at=row.created_at,
            updated_at=row.updated_at,
        )


@strawberry.type
class WebhookPage:
    data: list[WebhookType]
    next_cursor: str | None


@strawberry.type
class WebhookWithSecretType:
    webhook: WebhookType
    secret: str
    previous_secret_expires_at: datetime | None = None


@strawberry.type
class WebhookAttemptType:
    id: str
    endpoint_id: str
    delivery_id: str
    event_id: str
    attempt: int
    started_at: datetime
    outcome: str
    status_code: int | None
    latency_ms: int
    error: str | None
    response_snippet: str | None


@strawberry.type
class WebhookAttemptPage:
    data: list[WebhookAttemptType]
    next_cursor: str | None


@strawberry.input
class WebhookCreateInput:
    url: str
    description: str = ""
    event_types: list[str] = strawberry.field(default_factory=lambda: ["*"])
    account_ids: list[str] = strawberry.field(default_factory=list)
    department_ids: list[str] = strawberry.field(default_factory=list)
    ordered: bool = False


@strawberry.input
class WebhookUpdateInput:
    url: str | None = strawberry.UNSET
    description: str | None = strawberry.UNSET
    event_types: list[str] | None = strawberry.UNSET
    account_ids: list[str] | None = strawberry.UNSET
    department_ids: list[str] | None = strawberry.UNSET
    ordered: bool | None = strawberry.UNSET


def _validated(model: Any, data: Any) -> Any:
    return validated(model, {k: v for k, v in vars(data).items() if v is not strawberry.UNSET})


def _attempt(row: Any) -> WebhookAttemptType:
    return WebhookAttemptType(
        id=row.id,
        endpoint_id=row.endpoint_id,
        delivery_id=row.delivery_id,
        event_id=row.event_id,
        attempt=row.attempt,
        started_at=row.started_at,
        outcome=row.outcome,
        status_code=row.status_code,
        latency_ms=row.latency_ms,
        error=row.error,
        response_snippet=row.response_snippet,
    )


@strawberry.type
class WebhooksQuery:
    @strawberry.field(description="The organisation's webhook endpoints.")
    async def webhooks(
        self,
        info: Info[Context, Any],
        limit: int = 50,
        cursor: str | None = None,
        app_id: str | None = None,
    ) -> WebhookPage:
        principal = require(info, SCOPE, admin=True)
        async with unit_of_work(info, write=False) as session:
            rows, next_cursor = await service.list_endpoints(
                session,
                principal.org_id,
                checked_page(limit, cursor),
                app_id=app_id,
            )
        return WebhookPage(data=[WebhookType.of(r) for r in rows], next_cursor=next_cursor)

    @strawberry.field(description="One webhook endpoint.")
    async def webhook(self, info: Info[Context, Any], id: strawberry.ID) -> WebhookType:
        principal = require(info, SCOPE, admin=True)
        async with unit_of_work(info, write=False) as session:
            return WebhookType.of(await service.get_endpoint(session, principal.org_id, str(id)))

    @strawberry.field(description="Delivery attempts to one endpoint, newest first.")
    async def webhook_attempts(
        self,
        info: Info[Context, Any],
        id: strawberry.ID,
        limit: int = 50,
        cursor: str | None = None,
    ) -> WebhookAttemptPage:
        principal = require(info, SCOPE, admin=True)
        async with unit_of_work(info, write=False) as session:
            endpoint = await service.get_endpoint(session, principal.org_id, str(id))
            rows, next_cursor = await service.list_attempts(
                session,
                principal.org_id,
                checked_page(limit, cursor),
                endpoint_id=endpoint.id,
            )
        return WebhookAttemptPage(data=[_attempt(r) for r in rows], next_cursor=next_cursor)


@strawberry.type
class WebhooksMutation:
    @strawberry.mutation(
        description="Create an endpoint (after it answers the challenge); "
        "the secret is returned once."
    )
    async def create_webhook(
        self, info: Info[Context, Any], input: WebhookCreateInput
    ) -> WebhookWithSecretType:
        principal = require(info, SCOPE, admin=True)
        data = _validated(WebhookCreate, input)
        async with unit_of_work(info, write=True) as session:
            endpoint, secret = await service.create_endpoint(
                session, info.context.runtime.settings, principal, data, ip=info.context.ip
            )
            return WebhookWithSecretType(webhook=WebhookType.of(endpoint), secret=secret)

    @strawberry.mutation(description="Change an endpoint (merge-patch semantics).")
    async def update_webhook(
        self, info: Info[Context, Any], id: strawberry.ID, input: WebhookUpdateInput
    ) -> WebhookType:
        principal = require(info, SCOPE, admin=True)
        data = _validated(WebhookUpdate, input)
        async with unit_of_work(info, write=True) as session:
            endpoint = await service.get_endpoint(session, principal.org_id, str(id))
            endpoint = await service.update_endpoint(
                session,
                info.context.runtime.settings,
                principal,
                endpoint,
                data,
                ip=info.context.ip,
            )
            return WebhookType.of(endpoint)

    @strawberry.mutation(description="Delete an endpoint.")
    async def delete_webhook(self, info: Info[Context, Any], id: strawberry.ID) -> bool:
        principal = require(info, SCOPE, admin=True)
        async with unit_of_work(info, write=True) as session:
            endpoint = await service.get_endpoint(session, principal.org_id, str(id))
            await service.delete_endpoint(session, principal, endpoint, ip=info.context.ip)
        return True

    @strawberry.mutation(description="Enable a disabled endpoint.")
    async def enable_webhook(self, info: Info[Context, Any], id: strawberry.ID) -> WebhookType:
        principal = require(info, SCOPE, admin=True)
        async with unit_of_work(info, write=True) as session:
            endpoint = await service.get_endpoint(session, principal.org_id, str(id))
            return WebhookType.of(
                await service.enable_endpoint(session, principal, endpoint, ip=info.context.ip)
            )

    @strawberry.mutation(description="Disable an endpoint.")
    async def disable_webhook(self, info: Info[Context, Any], id: strawberry.ID) -> WebhookType:
        principal = require(info, SCOPE, admin=True)
        async with unit_of_work(info, write=True) as session:
            endpoint = await service.get_endpoint(session, principal.org_id, str(id))
            return WebhookType.of(
                await service.disable_endpoint(
                    session, endpoint, "manual", actor=principal, ip=info.context.ip
                )
            )

    @strawberry.mutation(
        description="New signing secret; the old one signs beside it for the grace period."
    )
    async def rotate_webhook_secret(
        self, info: Info[Context, Any], id: strawberry.ID, grace_seconds: int | None = None
    ) -> WebhookWithSecretType:
        principal = require(info, SCOPE, admin=True)
        settings = info.context.runtime.settings
        grace = settings.secret_rotation_grace if grace_seconds is None else grace_seconds
        if not 0 <= grace <= 7 * 24 * 3600:
            raise as_graphql_error(
                ValidationFailed("grace_seconds out of range", param="grace_seconds")
            )
        async with unit_of_work(info, write=True) as session:
            endpoint = await service.get_endpoint(session, principal.org_id, str(id))
            secret, old_until = await service.rotate_secret(
                session, settings, principal, endpoint, grace, ip=info.context.ip
            )
            return WebhookWithSecretType(
                webhook=WebhookType.of(endpoint),
                secret=secret,
                previous_secret_expires_at=old_until,
            )

    @strawberry.mutation(description="Send one event to an endpoint again.")
    async def redeliver_webhook_event(
        self, info: Info[Context, Any], id: strawberry.ID, event_id: str
    ) -> bool:
        principal = require(info, SCOPE, admin=True)
        async with unit_of_work(info, write=True) as session:
            endpoint = await service.get_endpoint(session, principal.org_id, str(id))
            await service.redeliver(session, principal, endpoint, event_id, ip=info.context.ip)
        return True

    @strawberry.mutation(description="Send a webhook.endpoint.test event to this endpoint only.")
    async def send_webhook_test_event(self, info: Info[Context, Any], id: strawberry.ID) -> str:
        """The id of the queued delivery."""
        principal = require(info, SCOPE, admin=True)
        async with unit_of_work(info, write=True) as session:
            endpoint = await service.get_endpoint(session, principal.org_id, str(id))
            d = await service.send_test_event(session, principal, endpoint, ip=info.context.ip)
            return d.id

    @strawberry.mutation(description="Queue a range of event sequences to an endpoint again.")
    async def replay_webhook_events(
        self, info: Info[Context, Any], id: strawberry.ID, from_sequence: int, to_sequence: int
    ) -> int:
        principal = require(info, SCOPE, admin=True)
        async with unit_of_work(info, write=True) as session:
            endpoint = await service.get_endpoint(session, principal.org_id, str(id))
            return await service.replay(
                session, principal, endpoint, from_sequence, to_sequence, ip=info.context.ip
            )
