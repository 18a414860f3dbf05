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
            .where(
                MailThread.account_id == account_id,
                MailThread.subject_key == key,
                MailThread.last_received_at >= received_at - SUBJECT_WINDOW,
            )
            .order_by(MailThread.last_received_at.desc())
            .limit(1)
        )
    return None


async def attach_to_thread(
    session: AsyncSession,
    *,
    account_id: str,
    org_id: str,
    parsed: ParsedMessage,
    received_at: datetime,
    seen: bool,
    has_attachments: bool,
    modseq: int,
) -> str:
    """The thread id for a new message, with the thread's counters already moved."""
    thread = await find_thread(session, account_id, parsed, received_at)
    if thread is None:
        thread = _new_thread(account_id, org_id, parsed, received_at, modseq)
        session.add(thread)
    _count(thread, parsed, received_at, seen, has_attachments, modseq)
    return thread.id


def _new_thread(
    account_id: str, org_id: str, parsed: ParsedMessage, received_at: datetime, modseq: int
) -> MailThread:
    return MailThread(
        id=new_id("thr"),
        org_id=org_id,
        account_id=account_id,
        subject=parsed.subject,
        subject_key=subject_key(parsed.subject),
        message_count=0,
        unread_count=0,
        has_attachments=False,
        snippet="",
        participants=[],
        last_received_at=received_at,
        modseq=modseq,
    )


def _count(
    thread: MailThread,
    parsed: ParsedMessage,
    received_at: datetime,
    seen: bool,
    has_attachments: bool,
    modseq: int,
) -> None:
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


def _linked(parsed: ParsedMessage) -> list[str]:
    return list(
        dict.fromkeys(
            i for i in [parsed.in_reply_to, *reversed(parsed.references), parsed.message_id] if i
        )
    )


async def load_batches(pairs: list[tuple[ThreadBatch, list[ParsedMessage]]]) -> None:
    """Load the thread lookups of many accounts' batches: the Message-ID lookups of all of
    them in one query (per 500 ids), then each one's subject and thread rows when needed."""
    if not pairs:
        return
    session = pairs[0][0].session
    ids = list(dict.fromkeys(i for _, parsed in pairs for p in parsed for i in _linked(p)))
    accounts = list(dict.fromkeys(b.account_id for b, _ in pairs))
    found: dict[str, dict[str, str]] = {}
    for a_start in range(0, len(accounts), 500):
        for start in range(0, len(ids), 500):
            rows = await session.execute(
                select(
                    MailMessage.account_id, MailMessage.message_id_header, MailMessage.thread_id
                ).where(
                    MailMessage.account_id.in_(accounts[a_start : a_start + 500]),
                    MailMessage.message_id_header.in_(ids[start : start + 500]),
                )
            )
            for account_id, msgid, thread_id in rows.tuples().all():
                found.setdefault(account_id, {})[msgid] = thread_id
    for batch, parsed in pairs:
        batch.by_msgid.update(found.get(batch.account_id, {}))
        await batch._load_threads(parsed)


class ThreadBatch:
    """Thread assignment for many new messages of one account in a few queries."""

    def __init__(self, session: AsyncSession, account_id: str, org_id: str) -> None:
        self.session, self.account_id, self.org_id = session, account_id, org_id
        self.by_msgid: dict[str, str] = {}
        self.threads: dict[str, MailThread] = {}
        self.by_subject: dict[str, MailThread] = {}

    async def load(self, parsed: list[ParsedMessage]) -> None:
        await load_batches([(self, parsed)])

    async def _load_threads(self, parsed: list[ParsedMessage]) -> None:
        keys = list({subject_key(p.subject) for p in parsed if has_reply_prefix(p.subject)} - {""})
        wanted = set(self.by_msgid.values())
        if keys:
            rows = await self.session.execute(
                select(MailThread)
                .where(MailThread.account_id == self.account_id, MailThread.subject_key.in_(keys))
                .order_by(MailThread.last_received_at)
            )
            for thread in rows.scalars().all():
                self.by_subject[thread.subject_key] = thread
                self.threads[thread.id] = thread
        missing = list(wanted - set(self.threads))
        for start in range(0, len(missing), 500):
            rows = await self.session.execute(
                select(MailThread).where(MailThread.id.in_(missing[start : start + 500]))
            )
            self.threads.update({t.id: t for t in rows.scalars().all()})

    def attach(
        self,
        parsed: ParsedMessage,
        received_at: datetime,
        seen: bool,
        has_attachments: bool,
        modseq: int,
    ) -> str:
        thread = None
        for ref in _linked(parsed):
            if ref in self.by_msgid and self.by_msgid[ref] in self.threads:
                thread = self.threads[self.by_msgid[ref]]
                break
        key = subject_key(parsed.subject)
        if thread is None and key and has_reply_prefix(parsed.subject):
            candidate = self.by_subject.get(key)
            if candidate is not None and candidate.last_received_at >= received_at - SUBJECT_WINDOW:
                thread = candidate
        if thread is None:
            thread = _new_thread(self.account_id, self.org_id, parsed, received_at, modseq)
            self.session.add(thread)
            self.threads[thread.id] = thread
        _count(thread, parsed, received_at, seen, has_attachments, modseq)
        if parsed.message_id:
            self.by_msgid.setdefault(parsed.message_id, thread.id)
        if key:
            self.by_subject[key] = thread
        return thread.id
