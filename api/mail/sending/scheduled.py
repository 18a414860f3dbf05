"""Scheduled sends (undo-send is one a few seconds ahead): listed from Outbox, cancelled
back into Drafts. A cancellation and the send job lock the same row, so a cancelled
message is never sent and a sent one is never "cancelled"."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from api.errors import NotFound
from api.i18n import _
from api.kit.clock import utcnow
from api.kit.pagination import PageParams
from api.mail.errors import NotScheduled
from api.mail.mailbox.service import apply_changes, system_folder
from api.mail.messages import repository as messages
from api.mail.messages.repository import MessageFilters
from api.mail.sending.compose import build
from api.mail.sending.service import (
    SCHEDULE_JOB,
    check_deliverable,
    prepare_composed,
)
from api.runtime import Runtime
from api.storage.models import Account, MailMessage
from api.worker.jobs import enqueue
from schemas.mail import SendResult

SCHEDULE_AHEAD = timedelta(seconds=5)  # closer than this, a send goes out at once


def is_later(send_at: datetime | None) -> bool:
    return send_at is not None and send_at > utcnow() + SCHEDULE_AHEAD


async def list_scheduled(
    session: AsyncSession, account: Account, params: PageParams
) -> tuple[list[MailMessage], str | None]:
    outbox = await system_folder(session, account.id, account.org_id, "outbox")
    return await messages.page(
        session, account.id, MessageFilters(folder_ids=[outbox.id]), params
    )


async def cancel_scheduled(
    session: AsyncSession, account: Account, message_id: str
) -> MailMessage:
    """Stop a scheduled send: the message goes back to Drafts, editable."""
    message = await messages.get_for_update(session, account.id, message_id)
    if message is None:
        raise NotFound(_("No message {id}.", id=message_id), param="message_id")
    outbox = await system_folder(session, account.id, account.org_id, "outbox")
    if message.folder_id != outbox.id or message.send_at is None or message.compose is None:
        raise NotScheduled(_("This message is not waiting to be sent."), param="message_id")
    drafts = await system_folder(session, account.id, account.org_id, "drafts")
    message.send_at = None
    await apply_changes(
        session, account.id, account.org_id, [message], folder=drafts, flags={"draft": True}
    )
    return message


async def schedule_draft(
    session: AsyncSession,
    runtime: Runtime,
    account: Account,
    draft: MailMessage,
    send_at: datetime,
) -> SendResult:
    """Check the draft can be sent now (recipients, size), then move it to Outbox for the
    send job at `send_at`."""
    request, prepared = await prepare_composed(
        session, runtime, account, draft, include_bcc=True
    )
    await check_deliverable(session, runtime, prepared)
    build(prepared.comp)  # a composition that cannot be built fails now, not at send time
    outbox = await system_folder(session, account.id, account.org_id, "outbox")
    draft.send_at = send_at
    await apply_changes(
        session, account.id, account.org_id, [draft], folder=outbox, flags={"draft": False}
    )
    await enqueue(
        session,
        SCHEDULE_JOB,
        {"message_id": draft.id, "account_id": account.id},
        org_id=account.org_id,
        run_at=send_at,
    )
    return SendResult(
        id=draft.id,
        message_id=prepared.comp.message_id,
        thread_id=draft.thread_id,
        status="scheduled",
        send_at=send_at,
        delivered=[],
        queued=[],
        rejected=[],
    )
