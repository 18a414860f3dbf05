"""The one place the mail-client protocols touch Mailplane's mailbox: each method is one
transaction over the mail package's services (the same calls the REST routers make, so
changes carry the same events), returning plain data the protocol code renders."""

from __future__ import annotations

import asyncio
import bisect
import json
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Row
from sqlalchemy.ext.asyncio import AsyncSession

from api.errors import AlreadyExists, AppError
from api.mail import (
    SearchQuery,
    append_message,
    apply_changes,
    create_folder,
    delete_folder,
    expunge,
    list_folders,
    quota_of,
    update_folder,
)
from api.mail import mailbox_uids as mail_uids
from api.runtime import Runtime
from api.storage.models import Account, MailFolder, MailMessage
from schemas.mail import FolderCreate, FolderUpdate

DELIMITER = "/"
SYSTEM_FLAGS = {"\\Seen": "seen", "\\Flagged": "flagged", "\\Answered": "answered",
                "\\Draft": "draft", "$Forwarded": "forwarded"}
DELETED = "\\Deleted"  # kept as a keyword: the store has no deleted flag of its own
SPECIAL_USE = {"drafts": "\\Drafts", "sent": "\\Sent", "archive": "\\Archive",
               "junk": "\\Junk", "trash": "\\Trash"}


Refresh = tuple[int, list[Row[Any]], list[int] | None, "FolderInfo | None"]


class StoreError(Exception):
    """A refusal to report as a tagged NO, with an optional response code."""

    def __init__(self, message: str, code: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.code = code


@dataclass
class FolderInfo:
    id: str
    path: str
    role: str | None
    uid_validity: int
    uid_next: int
    total: int
    unread: int
    size: int
    subscribed: bool
    has_children: bool


@dataclass
class Selected:
    folder: FolderInfo
    uids: array[int]
    modseq: int
    unseen_first: int | None


def flags_of(row: Row[Any] | MailMessage) -> list[str]:
    """IMAP flags of a message from its columns and keywords."""
    if isinstance(row, MailMessage):
        values = (row.seen, row.flagged, row.answered, row.draft, row.forwarded, row.keywords)
    else:
        values = (row[1], row[2], row[3], row[4], row[5], row[6])
    out = [name for name, on in zip(("\\Seen", "\\Flagged", "\\Answered", "\\Draft",
                                     "$Forwarded"), values[:5], strict=True) if on]
    out.extend(values[5] or [])
    return out


FLAG_NAMES = ((1, b"\\Seen"), (2, b"\\Flagged"), (4, b"\\Answered"), (8, b"\\Draft"),
              (16, b"$Forwarded"))
_flag_texts: dict[tuple[int, str | None], bytes] = {}


def flag_text(bits: int, keywords: str | None) -> bytes:
    """The inside of FLAGS (...) for flag bits and keywords' stored JSON text (see
    `uids.flag_bits`), the same as `flags_of` gives; a mailbox has few distinct flag
    sets, each rendered once."""
    key = (bits, keywords)
    found = _flag_texts.get(key)
    if found is None:
        names = [name for bit, name in FLAG_NAMES if bits & bit]
        if keywords:
            names.extend(str(k).encode() for k in json.loads(keywords) or [])
        found = b" ".join(names)
        if len(_flag_texts) >= 10000:
            _flag_texts.clear()
        _flag_texts[key] = found
    return found


def _paths(folders: list[MailFolder]) -> dict[str, str]:
    by_id = {f.id: f for f in folders}
    out: dict[str, str] = {}
    for f in folders:
        if f.role == "inbox":
            out[f.id] = "INBOX"
            continue
        names = [f.name]
        parent = f.parent_id
        while parent is not None and parent in by_id and len(names) < 30:
            names.append(by_id[parent].name)
            parent = by_id[parent].parent_id
        out[f.id] = DELIMITER.join(reversed(names))
    return out


def _info(f: MailFolder, path: str, parents: set[str]) -> FolderInfo:
    return FolderInfo(f.id, path, f.role, int(f.uid_validity), int(f.uid_next), f.total_count,
                      f.unread_count, int(f.size_bytes), bool(f.subscribed), f.id in parents)


class MailStore:
    def __init__(self, runtime: Runtime) -> None:
        self.runtime = runtime
        self.db = runtime.db
        self._inflight: dict[tuple[str, str, int, bool], asyncio.Future[Refresh]] = {}

    async def _account(self, session: AsyncSession, account_id: str) -> Account:
        account = await session.get(Account, account_id)
        if account is None or account.status != "active":
            raise StoreError("The account is not active.", "UNAVAILABLE")
        return account

    async def open_mailbox(self, account_id: str) -> None:
        """Make sure the account's mailbox and system folders exist (at sign-in)."""
        async with self.db.session() as session:
            await list_folders(session, await self._account(session, account_id))

    async def folders(self, account_id: str) -> list[FolderInfo]:
        async with self.db.session(write=False) as session:
            account = await self._account(session, account_id)
            rows = await list_folders(session, account)
        paths = _paths(rows)
        parents = {f.parent_id for f in rows if f.parent_id}
        return [_info(f, paths[f.id], parents) for f in rows]

    async def find(self, account_id: str, path: str) -> FolderInfo | None:
        wanted = "INBOX" if path.upper() == "INBOX" else path.strip(DELIMITER)
        for folder in await self.folders(account_id):
            if folder.path == wanted:
                return folder
        return None

    async def select(self, account_id: str, folder_id: str) -> Selected:
        async with self.db.session(write=False) as session:
            account = await self._account(session, account_id)
            folder = await mail_uids.fresh_folder(session, account, folder_id)
            if folder is None:
                raise StoreError("The mailbox no longer exists.", "NONEXISTENT")
            uids = await mail_uids.folder_uid_array(session, account.id, folder_id)
            modseq = (await mail_uids.mailbox_modseqs(session, [account_id])).get(account_id, 0)
            unseen = None
            if folder.unread_count:
                first = await mail_uids.first_unseen(session, account, folder_id)
                if first is not None:
                    i = bisect.bisect_left(uids, first)
                    unseen = i + 1 if i < len(uids) and uids[i] == first else None
        info = _info(folder, "", set())
        return Selected(info, uids, modseq, unseen)

    async def refresh(
        self, account_id: str, folder_id: str, since: int, *, with_uids: bool
    ) -> tuple[int, list[Row[Any]], list[int] | None, FolderInfo | None]:
        """(modseq, rows changed after `since`, all UIDs when asked, folder) in one read.
        Identical reads in flight are shared: a delivery wakes every client idling on the
        mailbox at once, and they all ask the same question."""
        key = (account_id, folder_id, since, with_uids)
        pending = self._inflight.get(key)
        if pending is not None:
            try:
                return await asyncio.shield(pending)
            except asyncio.CancelledError:
                if not pending.cancelled():
                    raise  # this caller was cancelled
                return await self._refresh(account_id, folder_id, since, with_uids=with_uids)
        future: asyncio.Future[Refresh] = asyncio.get_running_loop().create_future()
        self._inflight[key] = future
        try:
            result = await self._refresh(account_id, folder_id, since, with_uids=with_uids)
            future.set_result(result)
            return result
        except asyncio.CancelledError:
            future.cancel()  # its waiters read for themselves
            raise
        except Exception as error:
            future.set_exception(error)
            future.exception()  # retrieved: waiters re-raise it, nobody else must
            raise
        finally:
            del self._inflight[key]

    async def _refresh(
        self, account_id: str, folder_id: str, since: int, *, with_uids: bool
    ) -> Refresh:
        async with self.db.session(write=False) as session:
            account = await self._account(session, account_id)
            modseq = (await mail_uids.mailbox_modseqs(session, [account_id])).get(account_id, 0)
            folder = await mail_uids.fresh_folder(session, account, folder_id)
            if folder is None:
                return modseq, [], [], None
            rows = await mail_uids.changed_since(session, account, folder_id, since)
            uids = await mail_uids.folder_uids(session, account, folder_id) if with_uids else None
        return modseq, rows, uids, _info(folder, "", set())

    async def modseqs(self, account_ids: Sequence[str]) -> dict[str, int]:
        async with self.db.session(write=False) as session:
            return await mail_uids.mailbox_modseqs(session, account_ids)

    async def fetch_rows(self, account_id: str, folder_id: str, uids: Sequence[int], *,
                         stored: bool) -> tuple[int, list[Row[Any]]]:
        """(mailbox modseq, flag rows of `uids`) in one transaction: FETCH learns whether
        anything changed (so whether to report it first) from the read it makes anyway,
        instead of a transaction of its own per command (mbsync sends one FETCH per
        message)."""
        async with self.db.session(write=False) as session:
            status, modseq, rows = await mail_uids.flag_rows_and_state(
                session, account_id, folder_id, uids, stored=stored, brief=not stored)
            if status != "active":
                raise StoreError("The account is not active.", "UNAVAILABLE")
            return modseq, rows

    async def flag_bits(self, account_id: str, folder_id: str, lo: int,
                        hi: int) -> tuple[int, list[tuple[int, int, str | None, int]]]:
        """(mailbox modseq, `uids.flag_bits` rows from lo to hi) in one transaction: FETCH
        FLAGS (and UID, MODSEQ) of a folder, with no more than numbers and text per
        message."""
        async with self.db.session(write=False) as session:
            status, modseq = await mail_uids.status_and_modseq(session, account_id)
            if status != "active":
                raise StoreError("The account is not active.", "UNAVAILABLE")
            return modseq, await mail_uids.flag_bits(session, account_id, folder_id, lo, hi)

    async def flags(self, account_id: str, folder_id: str, uids: Sequence[int] | None, *,
                    stored: bool = False, brief: bool = False) -> list[Row[Any]]:
        """Flag rows (see `uids.flag_rows`) of `uids`, or of the whole folder when None;
        `stored` adds the columns FETCH reads (blob key, ids, dates) instead of loading
        whole message rows."""
        async with self.db.session(write=False) as session:
            account = await self._account(session, account_id)
            return await mail_uids.folder_flag_rows(session, account.id, folder_id,
                                                    uids or [], stored=stored, brief=brief) \
                if uids is not None else await mail_uids.flag_rows(session, account, folder_id)

    async def messages(
        self, account_id: str, folder_id: str, uids: Sequence[int]
    ) -> list[MailMessage]:
        async with self.db.session(write=False) as session:
            account = await self._account(session, account_id)
            return await mail_uids.messages_by_uid(session, account, folder_id, uids)

    async def raw(self, sha256: str) -> bytes:
        return await self.runtime.blobs.read_all(sha256)

    async def raws(self, sha256s: list[str]) -> list[bytes]:
        return await self.runtime.blobs.read_many(sha256s)

    async def search_text(
        self, account_id: str, folder_id: str, query: SearchQuery
    ) -> set[int]:
        async with self.db.session(write=False) as session:
            status, _ = await mail_uids.status_and_modseq(session, account_id)
            if status != "active":
                raise StoreError("The account is not active.", "UNAVAILABLE")
            return await mail_uids.folder_search_uids(session, account_id, folder_id, query)

    async def store_flags(
        self, account_id: str, folder_id: str, uids: Sequence[int], mode: str, flags: list[str],
        unchangedsince: int | None,
    ) -> tuple[list[MailMessage], list[int]]:
        """Apply +FLAGS/-FLAGS/FLAGS; returns (messages now, UIDs refused by UNCHANGEDSINCE)."""
        system = {SYSTEM_FLAGS[f]: True for f in flags if f in SYSTEM_FLAGS}
        keywords = sorted({f for f in flags if f not in SYSTEM_FLAGS and f != "\\Recent"})
        async with self.db.session() as session:
            account = await self._account(session, account_id)
            rows = await mail_uids.messages_by_uid(session, account, folder_id, uids)
            refused = []
            if unchangedsince is not None:
                refused = [m.uid for m in rows if m.modseq > unchangedsince]
                rows = [m for m in rows if m.modseq <= unchangedsince]
            if mode == "+":
                await apply_changes(session, account.id, account.org_id, rows, flags=system,
                                    add_keywords=keywords)
            elif mode == "-":
                await apply_changes(session, account.id, account.org_id, rows,
                                    flags={k: False for k in system}, remove_keywords=keywords)
            else:
                values = {name: name in system for name in SYSTEM_FLAGS.values()}
                groups: dict[tuple[str, ...], list[MailMessage]] = {}
                for m in rows:
                    groups.setdefault(tuple(m.keywords or []), []).append(m)
                for existing, members in groups.items():
                    await apply_changes(
                        session, account.id, account.org_id, members, flags=values,
                        add_keywords=keywords,
                        remove_keywords=[k for k in existing if k not in keywords],
                    )
            return rows, refused

    async def copy(
        self, account_id: str, folder_id: str, uids: Sequence[int], target_id: str, *, move: bool
    ) -> tuple[list[int], list[int], int]:
        """Copy or move; returns (source UIDs, new UIDs in the same order, target UIDVALIDITY)."""
        async with self.db.session() as session:
            account = await self._account(session, account_id)
            target = await mail_uids.fresh_folder(session, account, target_id)
            if target is None:
                raise StoreError("No such mailbox.", "TRYCREATE")
            rows = await mail_uids.messages_by_uid(session, account, folder_id, uids)
            source = [m.uid for m in rows]
            try:
                if move:
                    if target_id == folder_id:
                        return source, source, int(target.uid_validity)
                    moved = await apply_changes(session, account.id, account.org_id, rows,
                                                folder=target)
                    new = [m.uid for m in moved]
                else:
                    copies = await mail_uids.copy_messages(session, self.runtime.blobs, account,
                                                           rows, target)
                    new = [m.uid for m in copies]
            except AppError as error:
                raise StoreError(str(error.detail), "OVERQUOTA" if error.code ==
                                 "quota_exceeded" else None) from None
            return source, new, int(target.uid_validity)

    async def expunge(
        self, account_id: str, folder_id: str, uids: Sequence[int] | None
    ) -> list[int]:
        """Delete the messages marked \\Deleted (only those in `uids` when given)."""
        async with self.db.session() as session:
            account = await self._account(session, account_id)
            rows = await mail_uids.flag_rows(session, account, folder_id, uids)
            doomed_uids = [r[0] for r in rows if DELETED in (r[6] or [])]
            doomed = await mail_uids.messages_by_uid(session, account, folder_id, doomed_uids)
            await expunge(session, self.runtime.blobs, account.id, account.org_id, doomed)
            return sorted(m for m in doomed_uids)

    async def delete_uids(self, account_id: str, folder_id: str, uids: Sequence[int]) -> int:
        """Delete messages for good (POP3 DELE at QUIT)."""
        async with self.db.session() as session:
            account = await self._account(session, account_id)
            doomed = await mail_uids.messages_by_uid(session, account, folder_id, uids)
            return await expunge(session, self.runtime.blobs, account.id, account.org_id, doomed)

    async def append(
        self, account_id: str, folder_id: str, raw: bytes, flags: list[str],
        when: datetime | None,
    ) -> tuple[int, int]:
        """Store a message as sent; returns (UIDVALIDITY, UID)."""
        async with self.db.session() as session:
            account = await self._account(session, account_id)
            try:
                message = await append_message(
                    session, self.runtime, account, raw, folder_id=folder_id,
                    flags={SYSTEM_FLAGS[f]: True for f in flags if f in SYSTEM_FLAGS},
                    keywords=[f for f in flags if f not in SYSTEM_FLAGS and f != "\\Recent"],
                    received_at=when,
                )
            except AppError as error:
                raise StoreError(str(error.detail), "OVERQUOTA" if error.code ==
                                 "quota_exceeded" else "TOOBIG" if error.code ==
                                 "payload_too_large" else None) from None
            folder = await mail_uids.fresh_folder(session, account, folder_id)
            assert folder is not None
            return int(folder.uid_validity), message.uid

    async def create(self, account_id: str, path: str) -> None:
        """Create a folder and any missing parents (`a/b/c`)."""
        names = [n for n in path.strip(DELIMITER).split(DELIMITER) if n]
        if not names:
            raise StoreError("A mailbox needs a name.", "CANNOT")
        existing = {f.path: f for f in await self.folders(account_id)}
        if path.strip(DELIMITER) in existing or path.upper() == "INBOX":
            raise StoreError("The mailbox exists already.", "ALREADYEXISTS")
        async with self.db.session() as session:
            account = await self._account(session, account_id)
            parent_id: str | None = None
            for depth in range(len(names)):
                sub = DELIMITER.join(names[: depth + 1])
                if sub in existing:
                    parent_id = existing[sub].id
                    continue
                try:
                    folder = await create_folder(session, account,
                                                 FolderCreate(name=names[depth],
                                                              parent_id=parent_id))
                except AlreadyExists:  # made by another client since the look above
                    raise StoreError("The mailbox exists already.", "ALREADYEXISTS") from None
                except (AppError, ValueError) as error:
                    raise StoreError(str(getattr(error, "detail", error)), "CANNOT") from None
                parent_id = folder.id

    async def _folder_row(self, session: AsyncSession, account: Account,
                          folder_id: str) -> MailFolder:
        folder = await mail_uids.fresh_folder(session, account, folder_id)
        if folder is None:
            raise StoreError("No such mailbox.", "NONEXISTENT")
        return folder

    async def delete(self, account_id: str, folder_id: str) -> None:
        async with self.db.session() as session:
            account = await self._account(session, account_id)
            folder = await self._folder_row(session, account, folder_id)
            try:
                await delete_folder(session, account, folder)
            except AppError as error:
                raise StoreError(str(error.detail), "CANNOT") from None

    async def rename(self, account_id: str, folder_id: str, new_path: str) -> None:
        names = [n for n in new_path.strip(DELIMITER).split(DELIMITER) if n]
        if not names:
            raise StoreError("A mailbox needs a name.", "CANNOT")
        existing = {f.path: f for f in await self.folders(account_id)}
        if new_path.strip(DELIMITER) in existing:
            raise StoreError("The target mailbox exists already.", "ALREADYEXISTS")
        parent_path = DELIMITER.join(names[:-1])
        if parent_path and parent_path not in existing:
            await self.create(account_id, parent_path)
            existing = {f.path: f for f in await self.folders(account_id)}
        parent_id = existing[parent_path].id if parent_path else None
        async with self.db.session() as session:
            account = await self._account(session, account_id)
            folder = await self._folder_row(session, account, folder_id)
            try:
                await update_folder(session, account, folder,
                                    FolderUpdate(name=names[-1], parent_id=parent_id))
            except (AppError, ValueError) as error:
                raise StoreError(str(getattr(error, "detail", error)), "CANNOT") from None

    async def subscribe(self, account_id: str, folder_id: str, subscribed: bool) -> None:
        async with self.db.session() as session:
            account = await self._account(session, account_id)
            folder = await self._folder_row(session, account, folder_id)
            await mail_uids.set_subscribed(folder, subscribed)

    async def quota(self, account_id: str) -> tuple[int, int | None]:
        """(used bytes, limit in bytes or None)."""
        async with self.db.session(write=False) as session:
            account = await self._account(session, account_id)
            folders = await list_folders(session, account)
            used = sum(int(f.size_bytes) for f in folders)
            return used, quota_of(account)
