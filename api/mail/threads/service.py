"""Conversations: listed by latest message, read with their messages oldest first."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import and_, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from api.errors import MalformedRequest, NotFound
from api.i18n import _
from api.kit.pagination import PageParams, decode_cursor, encode_cursor
from api.storage.models import Account, MailMessage, MailThread


async def list_threads(
    session: AsyncSession, account: Account, params: PageParams, *, unread: bool | None = None
) -> tuple[list[MailThread], str | None]:
    t = MailThread
    stmt = select(t).where(t.account_id == account.id, t.message_count > 0)
    if unread is True:
        stmt = stmt.where(t.unread_count > 0)
    elif unread is False:
        stmt = stmt.where(t.unread_count == 0)
    if params.cursor:
        when, last_id = decode_cursor(params.cursor, 2)
        try:
            at = datetime.fromisoformat(str(when))
        except ValueError:
            raise MalformedRequest("The cursor is not valid.", param="cursor") from None
        stmt = stmt.where(
            or_(t.last_received_at < at, and_(t.last_received_at == at, t.id < str(last_id)))
        )
    stmt = stmt.order_by(t.last_received_at.desc(), t.id.desc()).limit(params.limit + 1)
    rows = list((await session.execute(stmt)).scalars().all())
    cursor = None
    if len(rows) > params.limit:
        rows = rows[: params.limit]
        cursor = encode_cursor([rows[-1].last_received_at.isoformat(), rows[-1].id])
    return rows, cursor


async def get_thread(
    session: AsyncSession, account: Account, thread_id: str
) -> tuple[MailThread, list[MailMessage]]:
    thread = await session.scalar(
        select(MailThread).where(MailThread.id == thread_id, MailThread.account_id == account.id)
    )
    if thread is None:
        raise NotFound(_("No thread {thread_id}.", thread_id=thread_id), param="thread_id")
    rows = await session.execute(
        select(MailMessage)
        .where(MailMessage.account_id == account.id, MailMessage.thread_id == thread.id)
        .order_by(MailMessage.received_at, MailMessage.seq)
        .limit(1000)
    )
    return thread, list(rows.scalars().all())
