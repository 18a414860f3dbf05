"""Put a new message into a conversation: by Message-ID links (In-Reply-To, References,
its own Message-ID), else by subject when it is a reply or forward of a recent thread."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from api.kit.ids import new_id
from api.mail.mime import ParsedMessage, has_reply_prefix, subject_key
from api.storage.models import MailMessage, MailThread

SUBJECT_WINDOW = timedelta(days=30)
MAX_PARTICIPANTS = 10


async def find_thread(
    session: AsyncSession, account_id: str, parsed: ParsedMessage, received_at: datetime
) -> MailThread | None:
    linked = [parsed.in_reply_to, *reversed(parsed.references), parsed.message_id]
    ids = list(dict.fromkeys(i for i in linked if i))
    if ids:
        thread_id = await session.scalar(
            select(MailMessage.thread_id)
            .where(MailMessage.account_id == account_id, MailMessage.message_id_header.in_(ids))
            .limit(1)
        )
        if thread_id:
            return await session.get(MailThread, thread_id)
    key = subject_key(parsed.subject)
    if key and has_reply_prefix(parsed.subject):
        return await session.scalar(
            select(MailThread)
            .where(MailThread.account_id == account_id, MailThread.subject_key == key,
                   MailThread.last_received_at >= received_at - SUBJECT_WINDOW)
            .order_by(MailThread.last_received_at.desc())
            .limit(1)
        )
    return None


async def attach_to_thread(
    session: AsyncSession, *, account_id: str, org_id: str, parsed: ParsedMessage,
    received_at: datetime, seen: bool, has_attachments: bool, modseq: int,
) -> str:
    """The thread id for a new message, with the thread's counters already moved."""
    thread = await find_thread(session, account_id, parsed, received_at)
    if thread is None:
        thread = MailThread(
            id=new_id("thr"), org_id=org_id, account_id=account_id, subject=parsed.subject,
            subject_key=subject_key(parsed.subject), message_count=0, unread_count=0,
            has_attachments=False, snippet="", participants=[], last_received_at=received_at,
            modseq=modseq,
        )
        session.add(thread)
    thread.message_count = (thread.message_count or 0) + 1
    thread.unread_count = (thread.unread_count or 0) + (0 if seen else 1)
    thread.has_attachments = bool(thread.has_attachments) or has_attachments
    thread.modseq = modseq
    if thread.last_received_at is None or received_at >= thread.last_received_at:
        thread.last_received_at = received_at
        thread.snippet = parsed.snippet
    if parsed.from_address:
        known = {p["address"].lower() for p in thread.participants or []}
        if parsed.from_address.lower() not in known and len(known) < MAX_PARTICIPANTS:
            thread.participants = [
                *(thread.participants or []),
                {"name": parsed.from_name, "address": parsed.from_address},
            ]
    return thread.id
