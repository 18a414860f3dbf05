"""Message queries, always scoped to one account (and so to its organisation)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Select, and_, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from api.errors import MalformedRequest
from api.kit.pagination import PageParams, decode_cursor, encode_cursor
from api.mail.search import index
from api.mail.search.query import SearchQuery
from api.storage.models import MailMessage, MailThread


@dataclass
class MessageFilters:
    folder_ids: list[str] | None = None
    thread_id: str | None = None
    seen: bool | None = None
    flagged: bool | None = None
    answered: bool | None = None
    draft: bool | None = None
    has_attachments: bool | None = None
    since: datetime | None = None
    before: datetime | None = None


async def get(session: AsyncSession, account_id: str, message_id: str) -> MailMessage | None:
    return await session.scalar(
        select(MailMessage).where(
            MailMessage.id == message_id, MailMessage.account_id == account_id
        )
    )


async def get_for_update(
    session: AsyncSession, account_id: str, message_id: str
) -> MailMessage | None:
    """The message with its row locked (PostgreSQL) until the transaction ends: a scheduled
    send and its cancellation never both go ahead."""
    return await session.scalar(
        select(MailMessage)
        .where(MailMessage.id == message_id, MailMessage.account_id == account_id)
        .with_for_update()
        .execution_options(populate_existing=True)
    )


async def get_in_org(session: AsyncSession, org_id: str, message_id: str) -> MailMessage | None:
    return await session.scalar(
        select(MailMessage).where(MailMessage.id == message_id, MailMessage.org_id == org_id)
    )


async def many(session: AsyncSession, account_id: str, ids: list[str]) -> list[MailMessage]:
    if not ids:
        return []
    rows = await session.execute(
        select(MailMessage).where(MailMessage.account_id == account_id, MailMessage.id.in_(ids))
    )
    return list(rows.scalars().all())


def _filtered(stmt: Select[Any], f: MessageFilters) -> Select[Any]:
    m = MailMessage
    if f.folder_ids is not None:
        stmt = stmt.where(m.folder_id.in_(f.folder_ids))
    if f.thread_id:
        stmt = stmt.where(m.thread_id == f.thread_id)
    for name in ("seen", "flagged", "answered", "draft"):
        value = getattr(f, name)
        if value is not None:
            stmt = stmt.where(getattr(m, name).is_(value))
    if f.has_attachments is not None:
        stmt = stmt.where(m.has_attachments.is_(f.has_attachments))
    if f.since is not None:
        stmt = stmt.where(m.received_at >= f.since)
    if f.before is not None:
        stmt = stmt.where(m.received_at < f.before)
    return stmt


async def page(
    session: AsyncSession, account_id: str, f: MessageFilters, params: PageParams
) -> tuple[list[MailMessage], str | None]:
    """Newest first by received time; the cursor is the last row's (received_at, seq)."""
    m = MailMessage
    stmt = _filtered(select(m).where(m.account_id == account_id), f)
    if params.cursor:
        kind, when, seq = decode_cursor(params.cursor, 3)
        if kind != "l":
            raise MalformedRequest("The cursor is not valid.", param="cursor")
        try:
            at = datetime.fromisoformat(str(when))
            seq = int(seq)
        except (TypeError, ValueError):
            raise MalformedRequest("The cursor is not valid.", param="cursor") from None
        stmt = stmt.where(or_(m.received_at < at, and_(m.received_at == at, m.seq < seq)))
    stmt = stmt.order_by(m.received_at.desc(), m.seq.desc()).limit(params.limit + 1)
    rows = list((await session.execute(stmt)).scalars().all())
    cursor = None
    if len(rows) > params.limit:
        rows = rows[: params.limit]
        cursor = encode_cursor(["l", rows[-1].received_at.isoformat(), rows[-1].seq])
    return rows, cursor


async def search_page(
    session: AsyncSession,
    account_id: str,
    query: SearchQuery,
    f: MessageFilters,
    params: PageParams,
) -> tuple[list[MailMessage], str | None]:
    """Full-text matches, newest arrival first; the cursor is the last row's seq."""
    m = MailMessage
    join = index.matching_seq(session, account_id, query)
    stmt = (
        select(m)
        .select_from(join.table)
        .join(m, m.seq == join.key)
        .where(*join.where, m.account_id == account_id)
    )
    stmt = _filtered(stmt, f)
    if params.cursor:
        kind, seq = decode_cursor(params.cursor, 2)
        if kind != "s" or not isinstance(seq, int):
            raise MalformedRequest("The cursor is not valid.", param="cursor")
        stmt = stmt.where(join.key < seq)
    stmt = stmt.order_by(join.key.desc()).limit(params.limit + 1)
    rows = list((await session.execute(stmt)).scalars().all())
    cursor = None
    if len(rows) > params.limit:
        rows = rows[: params.limit]
        cursor = encode_cursor(["s", rows[-1].seq])
    return rows, cursor


async def in_folders(
    session: AsyncSession, account_id: str, folder_ids: list[str]
) -> list[MailMessage]:
    rows = await session.execute(
        select(MailMessage).where(
            MailMessage.account_id == account_id, MailMessage.folder_id.in_(folder_ids)
        )
    )
    return list(rows.scalars().all())


async def thread_counts(session: AsyncSession, account_id: str, thread_ids: set[str]
                        ) -> dict[str, int]:
    """By primary key, the account checked on the rows found: with `account_id = ?` in the
    WHERE clause SQLite's planner walks the account's index over every conversation of the
    mailbox (180 ms at 100,000) instead of looking up the page's few ids."""
    if not thread_ids:
        return {}
    rows = await session.execute(
        select(MailThread.id, MailThread.message_count, MailThread.account_id).where(
            MailThread.id.in_(list(thread_ids)))
    )
    return {str(i): int(n) for i, n, owner in rows if owner == account_id}
