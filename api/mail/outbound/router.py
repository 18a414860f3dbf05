"""REST: `GET /v1/accounts/{account}/mail/messages/{id}/delivery`."""

from __future__ import annotations

from fastapi import APIRouter

from api.deps import DbSession, MailRead
from api.mail.access import mailbox_account
from api.mail.outbound import service
from schemas.delivery import MessageDelivery

router = APIRouter(prefix="/v1/accounts/{account}/mail/messages", tags=["mail"])


@router.get("/{id}/delivery", response_model=MessageDelivery)
async def get_message_delivery(
    account: str, id: str, principal: MailRead, session: DbSession
) -> MessageDelivery:
    """Per-recipient delivery status of a sent message: queued, sending, deferred (with the
    next attempt), sent or failed (with the remote server's reply)."""
    owner = await mailbox_account(session, principal, account)
    return await service.message_delivery(session, owner, id)
