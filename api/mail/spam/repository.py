"""Spam-filter queries, every one scoped to an organisation: learned token counts, feedback
state, allow/block-list entries, and the few reads of other domains' tables it needs."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import delete, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from api.kit.pagination import PageParams, paginate
from api.storage.models import (
    MailFolder,
    MailMessage,
    SpamFeedback,
    SpamListEntry,
    SpamToken,
)
from api.storage.models.spam import TOTALS_TOKEN
from api.storage.tenancy import scoped

#: Rows per statement: far below SQLite's and PostgreSQL's bound-parameter limits.
BATCH = 500


async def token_counts(session: AsyncSession, org_id: str, tokens: Sequence[int]
                       ) -> dict[int, tuple[int, int]]:
    """The organisation's learned (spam, ham) counts for `tokens` it has seen."""
    counts: dict[int, tuple[int, int]] = {}
    wanted = list(tokens)
    for start in range(0, len(wanted), BATCH):
        rows = await session.execute(
            select(SpamToken.token, SpamToken.spam, SpamToken.ham).where(
                SpamToken.org_id == org_id, SpamToken.token.in_(wanted[start : start + BATCH])
            )
        )
        for token, spam, ham in rows:
            if spam or ham:
                counts[int(token)] = (int(spam), int(ham))
    return counts


async def add_counts(
    session: AsyncSession, org_id: str, tokens: Sequence[int], *, spam: int, ham: int
) -> None:
    """Add (or, negative, take away) one message's worth of counts for `tokens` and the
    totals, in token order so concurrent learners lock rows in the same order."""
    rows = [{"org_id": org_id, "token": t, "spam": spam, "ham": ham}
            for t in sorted({TOTALS_TOKEN, *tokens})]
    dialect = session.get_bind().dialect.name
    insert = sqlite.insert if dialect == "sqlite" else postgresql.insert
    for start in range(0, len(rows), BATCH):
        stmt = insert(SpamToken).values(rows[start : start + BATCH])
        stmt = stmt.on_conflict_do_update(
            index_elements=["org_id", "token"],
            set_={"spam": SpamToken.spam + stmt.excluded.spam,
                  "ham": SpamToken.ham + stmt.excluded.ham},
        )
        await session.execute(stmt)


async def feedback(session: AsyncSession, org_id: str, message_id: str) -> SpamFeedback | None:
    return await session.scalar(
        select(SpamFeedback).where(SpamFeedback.message_id == message_id,
                                   SpamFeedback.org_id == org_id)
    )


async def lock_feedback(session: AsyncSession, org_id: str, message_id: str
                        ) -> SpamFeedback | None:
    """The feedback row, locked on PostgreSQL so two learners of one message serialise."""
    stmt = select(SpamFeedback).where(SpamFeedback.message_id == message_id,
                                      SpamFeedback.org_id == org_id)
    if session.get_bind().dialect.name != "sqlite":
        stmt = stmt.with_for_update()
    return await session.scalar(stmt)


async def message_in_org(session: AsyncSession, org_id: str, message_id: str
                         ) -> MailMessage | None:
    return await session.scalar(
        select(MailMessage).where(MailMessage.id == message_id, MailMessage.org_id == org_id)
    )


async def messages_in_org(session: AsyncSession, org_id: str, ids: Sequence[str]
                          ) -> list[MailMessage]:
    if not ids:
        return []
    rows = await session.execute(
        scoped(MailMessage, org_id).where(MailMessage.id.in_(list(ids)))
    )
    return list(rows.scalars().all())


async def folder_roles(session: AsyncSession, org_id: str, ids: Iterable[str]
                       ) -> dict[str, str | None]:
    wanted = list(set(ids))
    if not wanted:
        return {}
    rows = await session.execute(
        select(MailFolder.id, MailFolder.role).where(MailFolder.org_id == org_id,
                                                     MailFolder.id.in_(wanted))
    )
    return {fid: role for fid, role in rows}


# --- allow and block lists ----------------------------------------------------------------


async def entry(session: AsyncSession, org_id: str, kind: str | None, entry_id: str
                ) -> SpamListEntry | None:
    stmt = select(SpamListEntry).where(SpamListEntry.id == entry_id,
                                       SpamListEntry.org_id == org_id)
    if kind is not None:
        stmt = stmt.where(SpamListEntry.kind == kind)
    return await session.scalar(stmt)


async def entry_by_value(session: AsyncSession, org_id: str, kind: str, value: str
                         ) -> SpamListEntry | None:
    return await session.scalar(
        scoped(SpamListEntry, org_id).where(SpamListEntry.kind == kind,
                                    SpamListEntry.value == value)
    )


async def entries_page(session: AsyncSession, org_id: str, kind: str, params: PageParams
                       ) -> tuple[list[SpamListEntry], str | None]:
    stmt = scoped(SpamListEntry, org_id).where(SpamListEntry.kind == kind)
    return await paginate(session, stmt, params, [SpamListEntry.id])


async def delete_entry(session: AsyncSession, org_id: str, entry_id: str) -> None:
    await session.execute(
        delete(SpamListEntry).where(SpamListEntry.id == entry_id, SpamListEntry.org_id == org_id)
    )
