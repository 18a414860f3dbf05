"""Reading delivery status: what happened to each remote recipient of a sent message."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from api.errors import NotFound
from api.i18n import _
from api.mail.outbound import queue
from api.storage.models import Account, MailMessage
from schemas.delivery import MessageDelivery, RecipientDelivery

PENDING = ("queued", "sending", "deferred")


async def message_delivery(
    session: AsyncSession, owner: Account, message_id: str
) -> MessageDelivery:
    """The delivery status of `message_id` in `owner`'s mailbox (404 when it is not there)."""
    found = await session.scalar(
        select(MailMessage.id).where(MailMessage.id == message_id,
                                     MailMessage.account_id == owner.id,
                                     MailMessage.org_id == owner.org_id)
    )
    if found is None:
        raise NotFound(_("No message {message_id}.", message_id=message_id), param="id")
    rows = await queue.for_message(session, owner.org_id, message_id)
    recipients = [
        RecipientDelivery(
            recipient=r.recipient, status=r.status, attempts=r.attempts,  # type: ignore[arg-type]
            last_error=r.last_error,
            next_attempt_at=r.next_attempt_at if r.status in ("queued", "deferred") else None,
            updated_at=r.updated_at,
        )
        for r in rows
    ]
    return MessageDelivery(
        message_id=message_id, recipients=recipients,
        pending=sum(1 for r in rows if r.status in PENDING),
        sent=sum(1 for r in rows if r.status == "sent"),
        failed=sum(1 for r in rows if r.status == "failed"),
    )
