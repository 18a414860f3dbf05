"""Queries by IMAP UID: a folder's UIDs and flags, rows by UID, changes since a modseq and
full-text matches within a folder. Always scoped to one account."""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Integer, Row, String, cast, func, select, text
from sqlalchemy.ext.asyncio import AsyncSession

from api.mail.search import index
from api.mail.search.query import SearchQuery
from api.storage.models import Account, Mailbox, MailFolder, MailMessage

CHUNK = 500

m = MailMessage
FLAG_COLUMNS = (m.uid, m.seen, m.flagged, m.answered, m.draft, m.forwarded, m.keywords, m.modseq,
                m.received_at, m.sent_at, m.size)


async def folder_uids(session: AsyncSession, account_id: str, folder_id: str) -> list[int]:
    rows = await session.execute(
        select(m.uid).where(m.account_id == account_id, m.folder_id == folder_id).order_by(m.uid)
    )
    return [int(u) for u in rows.scalars().all()]


async def folder_uid_array(session: AsyncSession, account_id: str, folder_id: str) -> array[int]:
    """The folder's UIDs in order as 32-bit numbers, read through Core (no ORM result
    machinery per row): SELECT of a 100,000-message folder reads 100,000 of them."""
    conn = await session.connection()
    found = await conn.execute(
        select(m.uid).where(m.account_id == account_id, m.folder_id == folder_id).order_by(m.uid)
    )
    return array("I", found.scalars().all())


def _bit(column: Any, value: int) -> Any:
    return func.coalesce(cast(column, Integer), 0) * value if value > 1 else \
        func.coalesce(cast(column, Integer), 0)


# seen 1, flagged 2, answered 4, draft 8, forwarded 16 (the order IMAP lists them in)
FLAG_BITS = (_bit(m.seen, 1) + _bit(m.flagged, 2) + _bit(m.answered, 4) + _bit(m.draft, 8)
             + _bit(m.forwarded, 16)).label("bits")


async def flag_bits(
    session: AsyncSession, account_id: str, folder_id: str, lo: int, hi: int
) -> list[tuple[int, int, str | None, int]]:
    """(uid, flag bits, keywords as their stored JSON text, modseq) of the folder's
    messages with lo <= uid <= hi, in UID order: what FETCH FLAGS of a whole folder needs,
    as plain numbers and text (no booleans, no JSON parsed per message; a client renders
    a folder's few distinct flag sets once each)."""
    conn = await session.connection()
    found = await conn.execute(
        select(m.uid, FLAG_BITS, cast(m.keywords, String), m.modseq)
        .where(m.account_id == account_id, m.folder_id == folder_id, m.uid >= lo, m.uid <= hi)
        .order_by(m.uid))
    return found.all()  # type: ignore[return-value]


async def first_unseen(session: AsyncSession, account_id: str, folder_id: str) -> int | None:
    """The lowest UID not seen (SELECT's UNSEEN), without reading the folder's flags."""
    found = await session.scalar(
        select(m.uid).where(m.account_id == account_id, m.folder_id == folder_id,
                            m.seen.is_(False)).order_by(m.uid).limit(1))
    return None if found is None else int(found)


FETCH_COLUMNS = (m.blob_sha256, m.id, m.thread_id, m.created_at)


async def flag_rows(
    session: AsyncSession, account_id: str, folder_id: str, *, changed_since: int | None = None,
    uids: Sequence[int] | None = None, stored: bool = False, brief: bool = False,
) -> list[Row[Any]]:
    """(uid, seen, flagged, answered, draft, forwarded, keywords, modseq, received_at,
    sent_at, size) in UID order; with `stored` also (blob_sha256, id, thread_id,
    created_at): what FETCH needs of a message besides its bytes, without loading it;
    `brief`: only up to the modseq (FETCH FLAGS of a whole folder parses no dates)."""
    columns = FLAG_COLUMNS + FETCH_COLUMNS if stored else \
        FLAG_COLUMNS[:8] if brief else FLAG_COLUMNS
    stmt = select(*columns).where(m.account_id == account_id, m.folder_id == folder_id)
    if changed_since is not None:
        stmt = stmt.where(m.modseq > changed_since)
    if uids is None:
        return list((await session.execute(stmt.order_by(m.uid))).all())
    wanted = sorted(set(uids))
    if not wanted:
        return []
    if wanted[-1] - wanted[0] < 2 * len(wanted):
        # dense (1:*, a client's batch of a range): one range scan of the (folder, uid)
        # index instead of IN lists of 500 bound values each
        found = await session.execute(
            stmt.where(m.uid >= wanted[0], m.uid <= wanted[-1]).order_by(m.uid))
        keep = set(wanted)
        return [r for r in found.all() if r[0] in keep]
    out: list[Row[Any]] = []
    for start in range(0, len(wanted), CHUNK):
        part = wanted[start : start + CHUNK]
        out.extend((await session.execute(stmt.where(m.uid.in_(part)))).all())
    return sorted(out, key=lambda r: r[0])


async def flag_rows_and_state(
    session: AsyncSession, account_id: str, folder_id: str, uids: Sequence[int], *,
    stored: bool = False, brief: bool = False,
) -> tuple[str | None, int, list[Row[Any]]]:
    """(the account's status, its mailbox modseq, `flag_rows` of `uids`): for a few
    neighbouring UIDs (a client fetching message by message) one statement instead of
    two, the status and modseq riding along on every row."""
    wanted = sorted(set(uids))
    if not wanted or wanted[-1] - wanted[0] >= 2 * len(wanted) or len(wanted) > CHUNK:
        status, modseq = await status_and_modseq(session, account_id)
        return status, modseq, await flag_rows(session, account_id, folder_id, uids=wanted,
                                               stored=stored, brief=brief)
    columns = FLAG_COLUMNS + FETCH_COLUMNS if stored else \
        FLAG_COLUMNS[:8] if brief else FLAG_COLUMNS
    state = (select(Account.status).where(Account.id == account_id).scalar_subquery(),
             select(Mailbox.modseq).where(Mailbox.account_id == account_id).scalar_subquery())
    found = (await session.execute(
        select(*columns, state[0].label("account_status"), state[1].label("mailbox_modseq"))
        .where(m.account_id == account_id, m.folder_id == folder_id, m.uid >= wanted[0],
               m.uid <= wanted[-1]).order_by(m.uid))).all()
    if not found:
        status, modseq = await status_and_modseq(session, account_id)
        return status, modseq, []
    keep = set(wanted)
    return found[0][-2], int(found[0][-1] or 0), [r for r in found if r[0] in keep]


async def messages_by_uid(
    session: AsyncSession, account_id: str, folder_id: str, uids: Sequence[int]
) -> list[MailMessage]:
    out: list[MailMessage] = []
    wanted = sorted(set(uids))
    for start in range(0, len(wanted), CHUNK):
        rows = await session.execute(
            select(m).where(
                m.account_id == account_id, m.folder_id == folder_id,
                m.uid.in_(wanted[start : start + CHUNK]),
            )
        )
        out.extend(rows.scalars().all())
    return sorted(out, key=lambda r: r.uid)


async def search_uids(
    session: AsyncSession, account_id: str, folder_id: str, query: SearchQuery
) -> set[int]:
    """UIDs in the folder whose index entry matches every text term of `query`."""
    if session.get_bind().dialect.name == "sqlite":
        # the index answers first and each match is one rowid lookup (CROSS JOIN fixes the
        # order): left to itself SQLite walks the folder's rows (every message, 100,000 at
        # 100,000) and probes the match list once per message
        found = await session.execute(_SQLITE_SEARCH, {
            "match": index.fts_match(account_id, query), "account": account_id,
            "folder": folder_id})
        return {int(u) for u in found.scalars().all()}
    join = index.matching_seq(session, account_id, query)
    matching = select(join.key).select_from(join.table).where(*join.where)
    stmt = select(m.uid).where(
        m.seq.in_(matching), m.account_id == account_id, m.folder_id == folder_id
    )
    return {int(u) for u in (await session.execute(stmt)).scalars().all()}


_SQLITE_SEARCH = text(
    "SELECT m.uid FROM mail_search CROSS JOIN mail_messages AS m ON m.seq = mail_search.rowid "
    "WHERE mail_search MATCH :match AND m.account_id = :account AND m.folder_id = :folder"
)


async def status_and_modseq(session: AsyncSession, account_id: str) -> tuple[str | None, int]:
    """(the account's status, its mailbox modseq) in one query: a mail client's read
    checks the account is still active and learns whether anything changed at once."""
    found = (await session.execute(
        select(Account.status, Mailbox.modseq)
        .select_from(Account)
        .outerjoin(Mailbox, Mailbox.account_id == Account.id)
        .where(Account.id == account_id)
    )).first()
    if found is None:
        return None, 0
    return found[0], int(found[1] or 0)


async def modseqs(session: AsyncSession, account_ids: Sequence[str]) -> dict[str, int]:
    out: dict[str, int] = {}
    ids = list(account_ids)
    for start in range(0, len(ids), CHUNK):
        rows = await session.execute(
            select(Mailbox.account_id, Mailbox.modseq).where(
                Mailbox.account_id.in_(ids[start : start + CHUNK])
            )
        )
        out.update({a: int(s) for a, s in rows.all()})
    return out


async def folder_fresh(session: AsyncSession, account_id: str, folder_id: str) -> MailFolder | None:
    return await session.scalar(
        select(MailFolder)
        .where(MailFolder.id == folder_id, MailFolder.account_id == account_id)
        .execution_options(populate_existing=True)
    )
