"""GraphQL: `messageDelivery(account, id)`, the same service as the REST route."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import strawberry
from strawberry.types import Info

from api.graphql_kit import Context, require, unit_of_work
from api.mail.access import mailbox_account
from api.mail.outbound import service


@strawberry.type
class RecipientDeliveryType:
    recipient: str
    status: str
    attempts: int
    last_error: str | None
    next_attempt_at: datetime | None
    updated_at: datetime


@strawberry.type
class MessageDeliveryType:
    message_id: str
    recipients: list[RecipientDeliveryType]
    pending: int
    sent: int
    failed: int


@strawberry.type
class OutboundQuery:
    @strawberry.field(description="Per-recipient delivery status of a sent message.")
    async def message_delivery(
        self, info: Info[Context, Any], account: str, id: strawberry.ID
    ) -> MessageDeliveryType:
        principal = require(info, "mail:read")
        async with unit_of_work(info, write=False) as session:
            owner = await mailbox_account(session, principal, account)
            found = await service.message_delivery(session, owner, str(id))
        return MessageDeliveryType(
            message_id=found.message_id, pending=found.pending, sent=found.sent,
            failed=found.failed,
            recipients=[RecipientDeliveryType(**r.model_dump()) for r in found.recipients],
        )
