"""REST endpoints for conversations (`/v1/accounts/{account}/mail/threads`)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends

from api.deps import DbSession, MailRead
from api.kit.pagination import Page, PageParams, page_params
from api.mail.access import Mailbox
from api.mail.messages.views import summary
from api.mail.threads import service
from api.storage.models import MailThread
from schemas.mail import EmailAddress, Thread, ThreadDetail

router = APIRouter(prefix="/v1/accounts/{account}/mail/threads", tags=["mail"])


def thread_view(t: MailThread) -> Thread:
    return Thread(
        id=t.id,
        account_id=t.account_id,
        subject=t.subject,
        snippet=t.snippet,
        message_count=t.message_count,
        unread_count=t.unread_count,
        has_attachments=t.has_attachments,
        participants=[EmailAddress(**p) for p in t.participants or []],
        last_received_at=t.last_received_at,
    )


@router.get("", response_model=Page[Thread])
async def list_mail_threads(
    principal: MailRead,
    session: DbSession,
    owner: Mailbox,
    page: Annotated[PageParams, Depends(page_params)],
    unread: bool | None = None,
) -> Page[Thread]:
    """Conversations, most recent activity first."""
    rows, cursor = await service.list_threads(session, owner, page, unread=unread)
    return Page[Thread](data=[thread_view(t) for t in rows], next_cursor=cursor)


@router.get("/{thread_id}", response_model=ThreadDetail)
async def get_mail_thread(
    thread_id: str, principal: MailRead, session: DbSession, owner: Mailbox
) -> ThreadDetail:
    """One conversation with its messages, oldest first."""
    thread, messages = await service.get_thread(session, owner, thread_id)
    return ThreadDetail(**thread_view(thread).model_dump(), messages=[summary(m) for m in messages])
