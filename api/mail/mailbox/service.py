"""The mailbox primitives every mail path goes through: store a message, change flags and
folders, expunge. Each keeps the exact counters (quota usage, folder totals and unread,
thread counts), the per-account modseq, the search index and the event log in step, in
the caller's transaction.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from api.events import emit
from api.i18n import Msg
from api.kit.clock import utcnow
from api.kit.ids import new_id
from api.mail.errors import QuotaExceeded
from api.mail.mailbox import repository
from api.mail.mime import ParsedMessage
from api.mail.search import index
from api.mail.threads.assign import attach_to_thread
from api.storage.blobs import BlobRef, BlobStore
from api.storage.models import (
    Account,
    MailFolder,
    MailMessage,
    MailThread,
)

SYSTEM_FOLDERS: tuple[tuple[str, str], ...] = (
    ("inbox", "Inbox"),
    ("drafts", "Drafts"),
    ("sent", "Sent"),
    ("outbox", "Outbox"),
    ("archive", "Archive"),
    ("junk", "Junk"),
    ("trash", "Trash"),
)
ROLES = tuple(role for role, _ in SYSTEM_FOLDERS)
FLAGS = ("seen", "flagged", "answered", "forwarded", "draft")


def quota_of(account: Account) -> int | None:
    """The account's quota in bytes, when the directory sets one."""
    value = getattr(account, "quota_bytes", None)
    return int(value) if value else None


def _known(session: AsyncSession) -> dict[tuple[str, str], Any]:
    """Per-transaction memo of mailboxes and system folders (they never change identity)."""
    return session.info.setdefault("mail_known", {})  # type: ignore[no-any-return]


async def ensure_mailbox(session: AsyncSession, account_id: str, org_id: str) -> None:
    """Create the account's mailbox and system folders on first use, race-free: the mailbox
    row and each system folder are inserted with ON CONFLICT DO NOTHING (the folders
    against the unique index on (account_id, role)), so of concurrent first uses on
    PostgreSQL one inserts and the others wait for it and insert nothing; SQLite's writers
    take turns. A mailbox that exists but lacks a system role (one added since it was made)
    gets that folder the same way."""
    known = _known(session)
    if (account_id, "") in known:
        return
    if await repository.mailbox_exists(session, account_id):
        known[(account_id, "")] = True
        return
    await repository.insert_mailbox(session, account_id, org_id)
    # made here or by a racer that has now committed: either way insert what is missing
    have = await repository.roles_of(session, account_id)
    await repository.insert_system_folders(
        session, account_id, org_id, [(r, n) for r, n in SYSTEM_FOLDERS if r not in have]
    )
    known[(account_id, "")] = True


async def system_folders(
    session: AsyncSession, accounts: list[tuple[str, str]], role: str
) -> dict[str, MailFolder]:
    """`system_folder` for many (account id, org id) at once: one query for those already
    known to exist, `ensure_mailbox` for the rest (first delivery to an account)."""
    known = _known(session)
    out: dict[str, MailFolder] = {}
    unknown: list[str] = []
    for account_id, _ in accounts:
        folder = known.get((account_id, role))
        if folder is not None and folder in session:
            out[account_id] = folder
        else:
            unknown.append(account_id)
    if unknown:
        for folder in await repository.folders_by_role(session, unknown, role):
            known[(folder.account_id, role)] = folder
            known[(folder.account_id, "")] = True  # folders exist only with their mailbox
            out[folder.account_id] = folder
    for account_id, org_id in accounts:
        if account_id not in out:
            out[account_id] = await system_folder(session, account_id, org_id, role)
    return out


async def system_folder(
    session: AsyncSession, account_id: str, org_id: str, role: str
) -> MailFolder:
    known = _known(session)
    folder = known.get((account_id, role))
    if folder is not None and folder in session:
        return folder  # type: ignore[no-any-return]
    await ensure_mailbox(session, account_id, org_id)
    folder = await repository.folder_by_role(session, account_id, role)
    if folder is None and role in ROLES:
        # a mailbox made before this role existed: add the folder (race-free) and re-read
        await repository.insert_system_folders(
            session, account_id, org_id, [(role, dict(SYSTEM_FOLDERS)[role])]
        )
        folder = await repository.folder_by_role(session, account_id, role)
    assert folder is not None, f"system folder {role} missing"
    known[(account_id, role)] = folder
    return folder


@dataclass
class NewMessage:
    """A message to put into one mailbox: its stored bytes, what was parsed from them and
    the per-mailbox state it starts with."""

    blob: BlobRef
    parsed: ParsedMessage
    received_at: datetime = field(default_factory=utcnow)
    seen: bool = False
    flagged: bool = False
    answered: bool = False
    forwarded: bool = False
    draft: bool = False
    keywords: list[str] = field(default_factory=list)
    bcc: list[dict[str, str]] | None = None
    compose: dict[str, Any] | None = None
    send_at: datetime | None = None
    # replacing a draft keeps its id and its place in delta sync
    id: str | None = None
    created_modseq: int | None = None


def event_data(message: MailMessage, **extra: Any) -> dict[str, Any]:
    return {
        "id": message.id,
        "account_id": message.account_id,
        "folder_id": message.folder_id,
        "thread_id": message.thread_id,
        "subject": message.subject[:200],
        "from": message.from_address,
        "size": message.size,
        "received_at": message.received_at.isoformat(),
        **extra,
    }


def new_row(
    account: Account, folder: MailFolder, new: NewMessage, thread_id: str, modseq: int
) -> MailMessage:
    parsed = new.parsed
    return MailMessage(
        id=new.id or new_id("msg"),
        org_id=account.org_id,
        account_id=account.id,
        folder_id=folder.id,
        thread_id=thread_id,
        blob_sha256=new.blob.sha256,
        size=new.blob.size,
        received_at=new.received_at,
        sent_at=parsed.sent_at,
        seen=new.seen,
        flagged=new.flagged,
        answered=new.answered,
        forwarded=new.forwarded,
        draft=new.draft,
        keywords=sorted(set(new.keywords)),
        subject=parsed.subject,
        from_name=parsed.from_name,
        from_address=parsed.from_address,
        to_addresses=parsed.to,
        cc_addresses=parsed.cc,
        bcc_addresses=new.bcc if new.bcc is not None else parsed.bcc,
        reply_to=parsed.reply_to,
        message_id_header=parsed.message_id,
        in_reply_to=parsed.in_reply_to,
        references=parsed.references,
        snippet=parsed.snippet,
        priority=parsed.priority,
        has_attachments=bool(_real(parsed)),
        attachments=parsed.attachments,
        parse_status=parsed.parse_status,
        parse_problems=parsed.problems,
        compose=new.compose,
        send_at=new.send_at,
        created_modseq=new.created_modseq or modseq,
        modseq=modseq,
        created_at=utcnow(),
    )


async def store_message(
    session: AsyncSession,
    blobs: BlobStore,
    account: Account,
    folder: MailFolder,
    new: NewMessage,
    *,
    event: str | None = "mail.message.created",
    enforce_quota: bool = True,
) -> MailMessage:
    """Put one message into `folder` of `account`; raises QuotaExceeded with nothing written."""
    size = new.blob.size
    modseq, used = await repository.bump(session, account.id, bytes_delta=size, count_delta=1)
    quota = quota_of(account) if enforce_quota else None
    if quota is not None and used > quota:
        await repository.unuse(session, account.id, size, 1)
        raise QuotaExceeded(
            Msg(
                "The mailbox of {address} is full ({quota} bytes).",
                address=account.address,
                quota=quota,
            ), param="account"
        )
    parsed = new.parsed
    thread_id = await attach_to_thread(
        session,
        account_id=account.id,
        org_id=account.org_id,
        parsed=parsed,
        received_at=new.received_at,
        seen=new.seen,
        has_attachments=bool(_real(parsed)),
        modseq=modseq,
    )
    message = new_row(account, folder, new, thread_id, modseq)
    message.uid = await repository.take_uids(session, folder.id, 1)
    session.add(message)
    await session.flush()
    await blobs.incref(session, new.blob)
    await repository.move_folder_counts(
        session, folder.id, total=1, unread=0 if new.seen else 1, size=size
    )
    await index.add(session, message.seq, account.id, index.document(parsed, message.bcc_addresses))
    if event:
        await emit(session, account.org_id, event, event_data(message))
    return message


def _real(parsed: ParsedMessage) -> list[dict[str, Any]]:
    """Attachments a person would call attachments (not inline images, not invitations)."""
    return [a for a in parsed.attachments if not a.get("inline") and not a.get("calendar")]


async def _threads(session: AsyncSession, ids: set[str]) -> dict[str, MailThread]:
    if not ids:
        return {}
    rows = await session.execute(select(MailThread).where(MailThread.id.in_(ids)))
    return {t.id: t for t in rows.scalars().all()}


async def apply_changes(
    session: AsyncSession,
    account_id: str,
    org_id: str,
    messages: list[MailMessage],
    *,
    flags: dict[str, bool] | None = None,
    add_keywords: list[str] | None = None,
    remove_keywords: list[str] | None = None,
    folder: MailFolder | None = None,
) -> list[MailMessage]:
    """Set flags, keywords and/or the folder on messages of one account, with one modseq.
    Returns the messages that changed (each gets a `mail.message.updated` event)."""
    flags = {k: v for k, v in (flags or {}).items() if k in FLAGS}
    changed: list[tuple[MailMessage, list[str]]] = []
    folder_delta: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    thread_delta: dict[str, int] = defaultdict(int)
    for m in messages:
        fields: list[str] = []
        was_unread = not m.seen
        for name, value in flags.items():
            if getattr(m, name) != value:
                setattr(m, name, value)
                fields.append(name)
        if add_keywords or remove_keywords:
            keywords = (set(m.keywords or []) | set(add_keywords or [])) - set(
                remove_keywords or []
            )
            if keywords != set(m.keywords or []):
                m.keywords = sorted(keywords)
                fields.append("keywords")
        moving = folder is not None and folder.id != m.folder_id
        if not fields and not moving:
            continue
        is_unread = not m.seen
        if moving:
            assert folder is not None
            old = folder_delta[m.folder_id]
            old[0] -= 1
            old[1] -= 1 if was_unread else 0
            old[2] -= m.size
            new = folder_delta[folder.id]
            new[0] += 1
            new[1] += 1 if is_unread else 0
            new[2] += m.size
            m.folder_id = folder.id
            fields.append("folder_id")
        elif was_unread != is_unread:
            folder_delta[m.folder_id][1] += 1 if is_unread else -1
        if was_unread != is_unread:
            thread_delta[m.thread_id] += 1 if is_unread else -1
        changed.append((m, fields))
    if not changed:
        return []
    modseq, _ = await repository.bump(session, account_id)
    if folder is not None:
        arriving = [m for m, fields in changed if "folder_id" in fields]
        if arriving:
            first = await repository.take_uids(session, folder.id, len(arriving))
            for offset, m in enumerate(arriving):
                m.uid = first + offset  # a message moved in is new to the folder's readers
    for fid, (total, unread, size) in folder_delta.items():
        await repository.move_folder_counts(session, fid, total=total, unread=unread, size=size)
    threads = await _threads(session, {m.thread_id for m, _ in changed})
    for tid, thread in threads.items():
        thread.unread_count = max(0, thread.unread_count + thread_delta.get(tid, 0))
        thread.modseq = modseq
    for m, fields in changed:
        m.modseq = modseq
        await emit(session, org_id, "mail.message.updated", event_data(m, changed=fields))
    await session.flush()
    return [m for m, _ in changed]


async def expunge(
    session: AsyncSession,
    blobs: BlobStore,
    account_id: str,
    org_id: str,
    messages: list[MailMessage],
    *,
    quiet: bool = False,
) -> int:
    """Delete messages for good: counters, blob references, index, events.
    `quiet` (a draft being replaced under the same id) emits no event."""
    if not messages:
        return 0
    total_size = sum(m.size for m in messages)
    modseq, _ = await repository.bump(
        session, account_id, bytes_delta=-total_size, count_delta=-len(messages)
    )
    folder_delta: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    thread_delta: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for m in messages:
        fd = folder_delta[m.folder_id]
        fd[0] -= 1
        fd[1] -= 0 if m.seen else 1
        fd[2] -= m.size
        td = thread_delta[m.thread_id]
        td[0] -= 1
        td[1] -= 0 if m.seen else 1
        await blobs.decref(session, m.blob_sha256)
        if quiet:
            continue
        await emit(
            session,
            org_id,
            "mail.message.deleted",
            {
                "id": m.id,
                "account_id": account_id,
                "folder_id": m.folder_id,
                "thread_id": m.thread_id,
            },
        )
    for fid, (total, unread, size) in folder_delta.items():
        await repository.move_folder_counts(session, fid, total=total, unread=unread, size=size)
    threads = await _threads(session, set(thread_delta))
    for tid, thread in threads.items():
        count, unread = thread_delta[tid]
        thread.message_count += count
        thread.unread_count = max(0, thread.unread_count + unread)
        thread.modseq = modseq
        if thread.message_count <= 0:
            await session.delete(thread)
    seqs = [m.seq for m in messages]
    await index.remove(session, seqs)
    for m in messages:
        session.expunge(m)
    for start in range(0, len(seqs), 500):
        await session.execute(
            delete(MailMessage)
            .where(MailMessage.seq.in_(seqs[start : start + 500]))
            .execution_options(synchronize_session=False)
        )
    await session.flush()
    return len(messages)
