"""REST: `GET /v1/accounts/{account}/mail/messages/{id}/delivery`."""

from __future__ import annotations

from fastapi import APIRouter

from api.deps import DbSession, MailRead
from api.mail.access import Mailbox
from api.mail.outbound import service
from schemas.delivery import MessageDelivery

router = APIRouter(prefix="/v1/accounts/{account}/mail/messages", tags=["mail"])


@router.get("/{id}/delivery", response_model=MessageDelivery)
async def get_message_delivery(
    id: str, principal: MailRead, session: DbSession, owner: Mailbox
) -> MessageDelivery:
    """Per-recipient delivery status of a sent message: queued, sending, deferred (with the
    next attempt), sent or failed (with the remote server's reply)."""
    return await service.message_delivery(session, owner, id)
