"""What mail-client protocols (IMAP, POP3) need beyond the API's message rules: a folder's
UIDs and flags, changes since a modseq, text matches within one folder, copies that keep
the bytes, and subscriptions. Changes go through `apply_changes`, `store_message` and
`expunge`, so they are the same changes, with the same events, as through the API."""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Row
from sqlalchemy.ext.asyncio import AsyncSession

from api.mail.mailbox import uid_repository as repo
from api.mail.mailbox.service import NewMessage, store_message
from api.mail.mime import parse_message
from api.mail.search.query import SearchQuery
from api.storage.blobs import BlobRef, BlobStore
from api.storage.models import Account, MailFolder, MailMessage

__all__ = [
    "changed_since",
    "first_unseen",
    "copy_messages",
    "flag_bits",
    "flag_rows",
    "flag_rows_and_state",
    "folder_flag_rows",
    "folder_search_uids",
    "folder_uid_array",
    "folder_uids",
    "fresh_folder",
    "mailbox_modseqs",
    "messages_by_uid",
    "search_uids",
    "set_subscribed",
    "status_and_modseq",
]


async def folder_uids(session: AsyncSession, account: Account, folder_id: str) -> list[int]:
    return await repo.folder_uids(session, account.id, folder_id)


async def folder_uid_array(session: AsyncSession, account_id: str, folder_id: str) -> array[int]:
    return await repo.folder_uid_array(session, account_id, folder_id)


async def flag_bits(
    session: AsyncSession, account_id: str, folder_id: str, lo: int, hi: int
) -> list[tuple[int, int, str | None, int]]:
    return await repo.flag_bits(session, account_id, folder_id, lo, hi)


async def flag_rows(
    session: AsyncSession, account: Account, folder_id: str, uids: Sequence[int] | None = None,
    *, stored: bool = False,
) -> list[Row[Any]]:
    return await repo.flag_rows(session, account.id, folder_id, uids=uids, stored=stored)


async def folder_flag_rows(
    session: AsyncSession, account_id: str, folder_id: str, uids: Sequence[int], *,
    stored: bool = False, brief: bool = False,
) -> list[Row[Any]]:
    """`flag_rows` by account id, for callers that checked the account themselves."""
    return await repo.flag_rows(session, account_id, folder_id, uids=uids, stored=stored,
                                brief=brief)


async def flag_rows_and_state(
    session: AsyncSession, account_id: str, folder_id: str, uids: Sequence[int], *,
    stored: bool = False, brief: bool = False,
) -> tuple[str | None, int, list[Row[Any]]]:
    return await repo.flag_rows_and_state(session, account_id, folder_id, uids, stored=stored,
                                          brief=brief)


async def first_unseen(session: AsyncSession, account: Account, folder_id: str) -> int | None:
    return await repo.first_unseen(session, account.id, folder_id)


async def changed_since(
    session: AsyncSession, account: Account, folder_id: str, modseq: int
) -> list[Row[Any]]:
    return await repo.flag_rows(session, account.id, folder_id, changed_since=modseq)


async def messages_by_uid(
    session: AsyncSession, account: Account, folder_id: str, uids: Sequence[int]
) -> list[MailMessage]:
    return await repo.messages_by_uid(session, account.id, folder_id, uids)


async def search_uids(
    session: AsyncSession, account: Account, folder_id: str, query: SearchQuery
) -> set[int]:
    return await repo.search_uids(session, account.id, folder_id, query)


async def status_and_modseq(session: AsyncSession, account_id: str) -> tuple[str | None, int]:
    return await repo.status_and_modseq(session, account_id)


async def folder_search_uids(
    session: AsyncSession, account_id: str, folder_id: str, query: SearchQuery
) -> set[int]:
    """`search_uids` by account id, for callers that checked the account themselves."""
    return await repo.search_uids(session, account_id, folder_id, query)


async def mailbox_modseqs(session: AsyncSession, account_ids: Sequence[str]) -> dict[str, int]:
    return await repo.modseqs(session, account_ids)


async def fresh_folder(
    session: AsyncSession, account: Account, folder_id: str
) -> MailFolder | None:
    return await repo.folder_fresh(session, account.id, folder_id)


async def copy_messages(
    session: AsyncSession,
    blobs: BlobStore,
    account: Account,
    messages: list[MailMessage],
    target: MailFolder,
) -> list[MailMessage]:
    """Copies of `messages` in `target`: the same stored bytes (one more reference each),
    flags and arrival time; raises QuotaExceeded with nothing written."""
    out: list[MailMessage] = []
    for m in messages:
        raw = await blobs.read_all(m.blob_sha256)
        new = NewMessage(
            blob=BlobRef(m.blob_sha256, m.size), parsed=parse_message(raw),
            received_at=m.received_at, seen=m.seen, flagged=m.flagged, answered=m.answered,
            forwarded=m.forwarded, draft=m.draft, keywords=list(m.keywords or []),
        )
        out.append(await store_message(session, blobs, account, target, new))
    return out


async def set_subscribed(folder: MailFolder, subscribed: bool) -> None:
    folder.subscribed = subscribed
