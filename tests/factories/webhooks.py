"""Factories for webhook endpoints and events (written straight to the database)."""

from __future__ import annotations

from typing import Any

from api.events import emit
from api.events import repository as events_repository
from api.kit.clock import utcnow
from api.kit.ids import new_id
from api.platform.webhooks.secrets import seal
from api.platform.webhooks.signing import new_secret
from api.storage.models import WebhookEndpoint, WebhookSecret
from tests.factories.platform import OrgHandle

ALL_READ = ["mail:read", "calendar:read", "contacts:read", "directory:read", "webhooks:manage"]


async def make_endpoint(
    org: OrgHandle,
    url: str = "https://hooks.example/in",
    *,
    event_types: list[str] | None = None,
    ordered: bool = False,
    **fields: Any,
) -> tuple[str, str]:
    """An endpoint of the org's admin app, skipping the verification challenge: (id, secret)."""
    secret = new_secret()
    async with org.runtime.db.session() as session:
        now = utcnow()
        endpoint = WebhookEndpoint(
            id=new_id("whk"),
            org_id=org.id,
            app_id=org.client_id,
            url=url,
            description="",
            event_types=event_types or ["*"],
            account_ids=[],
            department_ids=[],
            scopes=ALL_READ,
            ordered=ordered,
            status="enabled",
            cursor=await events_repository.head(session, org.id),
            verified_at=now,
            version=1,
            created_at=now,
            updated_at=now,
            **fields,
        )
        session.add(endpoint)
        session.add(
            WebhookSecret(
                id=new_id("whs"),
                org_id=org.id,
                endpoint_id=endpoint.id,
                hint=secret[-4:],
                sealed=seal(org.runtime.settings.signing_key(), endpoint.id, secret),
                created_at=now,
            )
        )
    return endpoint.id, secret


async def emit_events(org: OrgHandle, type_: str, n: int = 1, **data: Any) -> list[str]:
    """Commit `n` events of `type_`; returns their ids."""
    ids = []
    async with org.runtime.db.session() as session:
        for i in range(n):
            event = await emit(session, org.id, type_, {"id": new_id("res"), "n": i, **data})
            ids.append(event.id)
    return ids


async def victim_webhook(org: OrgHandle) -> str:
    endpoint_id, _ = await make_endpoint(org)
    return endpoint_id


async def victim_event(org: OrgHandle) -> str:
    [event_id] = await emit_events(org, "directory.account.updated")
    return event_id


WEBHOOK_ROUTES: list[tuple[Any, ...]] = [
    ("GET", "/v1/webhooks/{id}"),
    ("PATCH", "/v1/webhooks/{id}", {"description": "pwned"}),
    ("DELETE", "/v1/webhooks/{id}"),
    ("POST", "/v1/webhooks/{id}/enable"),
    ("POST", "/v1/webhooks/{id}/disable"),
    ("POST", "/v1/webhooks/{id}/secrets", {}),
    ("POST", "/v1/webhooks/{id}/redeliver", {"event_id": "evt_x"}),
    ("POST", "/v1/webhooks/{id}/replay", {"from_sequence": 1, "to_sequence": 2}),
    ("GET", "/v1/webhooks/{id}/attempts"),
    ("GET", "/v1/webhooks/{id}/deliveries"),
]
WEBHOOK_GRAPHQL = [
    "query($id: ID!) { webhook(id: $id) { id } }",
    "query($id: ID!) { webhookAttempts(id: $id) { nextCursor } }",
    'mutation($id: ID!) { updateWebhook(id: $id, input: {description: "pwned"}) { id } }',
    "mutation($id: ID!) { deleteWebhook(id: $id) }",
    "mutation($id: ID!) { enableWebhook(id: $id) { id } }",
    "mutation($id: ID!) { disableWebhook(id: $id) { id } }",
    "mutation($id: ID!) { rotateWebhookSecret(id: $id) { secret } }",
    'mutation($id: ID!) { redeliverWebhookEvent(id: $id, eventId: "evt_x") }',
    "mutation($id: ID!) { replayWebhookEvents(id: $id, fromSequence: 1, toSequence: 2) }",
]
