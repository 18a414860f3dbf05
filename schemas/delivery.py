"""Per-recipient outbound delivery status of a sent message."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import Field

from schemas.base import ResponseModel

DeliveryState = Literal["queued", "sending", "deferred", "sent", "failed"]


class RecipientDelivery(ResponseModel):
    recipient: str = Field(description="A remote recipient of the message.")
    status: DeliveryState = Field(description=(
        "queued: waiting for its first attempt; sending: an attempt is under way; deferred: "
        "a temporary failure, retried at next_attempt_at; sent: the recipient's server "
        "accepted it; failed: refused or given up (the sender got a bounce)."))
    attempts: int = Field(description="Delivery attempts started so far.")
    last_error: str | None = Field(description="The last refusal or error, if any.")
    next_attempt_at: datetime | None = Field(
        description="When the next attempt is due (queued and deferred only).")
    updated_at: datetime


class MessageDelivery(ResponseModel):
    message_id: str
    recipients: list[RecipientDelivery] = Field(description=(
        "One entry per remote recipient. Local recipients receive the message at once and "
        "are not listed."))
    pending: int = Field(description="Recipients still queued, sending or deferred.")
    sent: int
    failed: int
