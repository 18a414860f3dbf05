"""Webhook endpoints, their secrets, deliveries and delivery attempts."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from pydantic import Field

from schemas.base import RequestModel, ResponseModel

Url = Annotated[str, Field(min_length=8, max_length=2000)]
TypePattern = Annotated[str, Field(min_length=1, max_length=80)]
Ref = Annotated[str, Field(min_length=1, max_length=320)]


class WebhookCreate(RequestModel):
    url: Url = Field(description="Where events are POSTed; https (http only in development).")
    description: str = Field(default="", max_length=500)
    event_types: list[TypePattern] = Field(
        default_factory=lambda: ["*"],
        min_length=1,
        max_length=50,
        description="Event types or patterns: `mail.*`, `directory.account.created`, `*`.",
    )
    account_ids: list[Ref] = Field(
        default_factory=list,
        max_length=1000,
        description="Only events about these accounts (ids or addresses); empty: all.",
    )
    department_ids: list[Ref] = Field(
        default_factory=list,
        max_length=1000,
        description="Only events about these departments or their members; empty: all.",
    )
    ordered: bool = Field(
        default=False,
        description="Deliver one at a time in sequence order: a failing event holds back "
        "the ones after it until it succeeds or runs out of retries.",
    )


class WebhookUpdate(RequestModel):
    url: Url | None = None
    description: str | None = Field(default=None, max_length=500)
    event_types: list[TypePattern] | None = Field(default=None, min_length=1, max_length=50)
    account_ids: list[Ref] | None = Field(default=None, max_length=1000)
    department_ids: list[Ref] | None = Field(default=None, max_length=1000)
    ordered: bool | None = None


class Webhook(ResponseModel):
    id: str
    app_id: str | None
    url: str
    description: str
    event_types: list[str]
    account_ids: list[str]
    department_ids: list[str]
    ordered: bool
    status: str = Field(description="enabled | disabled")
    disabled_reason: str | None = Field(description="manual | gone | failing")
    failing_since: datetime | None
    verified_at: datetime | None
    created_at: datetime
    updated_at: datetime


class WebhookWithSecret(Webhook):
    """Returned once, on creation and rotation: keep `secret`, it is not shown again."""

    secret: str = Field(description="The `whsec_` signing secret.")
    previous_secret_expires_at: datetime | None = None


class WebhookSecretRotation(RequestModel):
    grace_seconds: int | None = Field(
        default=None,
        ge=0,
        le=7 * 24 * 3600,
        description="How long the old secret keeps signing beside the new one (default 24 h).",
    )


class WebhookDelivery(ResponseModel):
    id: str = Field(description="The `webhook-id` header value, the same on every retry.")
    endpoint_id: str
    event_id: str
    event_sequence: int
    event_type: str
    status: str = Field(description="pending | succeeded | failed")
    attempts: int
    next_attempt_at: datetime | None
    last_status_code: int | None
    last_error: str | None
    last_attempt_at: datetime | None
    created_at: datetime
    finished_at: datetime | None


class WebhookAttempt(ResponseModel):
    id: str
    endpoint_id: str
    delivery_id: str
    event_id: str
    attempt: int
    started_at: datetime
    outcome: str = Field(description="succeeded | failed")
    status_code: int | None
    latency_ms: int
    error: str | None
    response_snippet: str | None


class WebhookRedelivery(RequestModel):
    event_id: str = Field(min_length=1, max_length=40)


class WebhookReplay(RequestModel):
    from_sequence: int = Field(ge=1, description="First event sequence to send again.")
    to_sequence: int = Field(ge=1, description="Last event sequence (inclusive).")


class WebhookReplayResult(ResponseModel):
    queued: int = Field(description="Deliveries queued (events matching the endpoint's filters).")
