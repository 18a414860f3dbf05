"""Message rules: listing and search, flags and moves (one or up to 1,000), delete to trash
then for good, delta sync by modseq. Appending raw mail is the delivery core's
(`api.mail.delivery.append`)."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from api.errors import NotFound, ValidationFailed
from api.i18n import _
from api.kit.pagination import PageParams
from api.mail.folders import repository as folders
from api.mail.mailbox import repository as mailboxes
from api.mail.mailbox.service import (
    apply_changes,
    expunge,
    system_folder,
)
from api.mail.messages import repository
from api.mail.messages.repository import MessageFilters
from api.mail.search.query import Term, parse_query
from api.mail.search.tokens import tokens
from api.storage.blobs import BlobStore
from api.storage.models import Account, MailFolder, MailMessage
from schemas.mail import BulkResult, MessageUpdate

MAX_BULK = 1000


async def _folder(session: AsyncSession, account: Account, folder_id: str) -> MailFolder:
    folder = await folders.get(session, account.id, folder_id)
    if folder is None:
        raise NotFound(_("No folder {folder_id}.", folder_id=folder_id), param="folder_id")
    return folder


async def list_messages(
    session: AsyncSession,
    account: Account,
    params: PageParams,
    *,
    folder_id: str | None = None,
    q: str | None = None,
    from_: str | None = None,
    to: str | None = None,
    filters: MessageFilters | None = None,
) -> tuple[list[MailMessage], str | None]:
    f = filters or MessageFilters()
    if folder_id is not None:
        f.folder_ids = [(await _folder(session, account, folder_id)).id]
    query = parse_query(q or "")
    for column, value in (("sender", from_), ("recipients", to)):
        if value:
            words = list(tokens(value))
            if words:
                query.terms.append(Term(words, column))
    for name in ("seen", "flagged", "answered", "draft"):
        if getattr(f, name) is None and getattr(query, name) is not None:
            setattr(f, name, getattr(query, name))
    if f.has_attachments is None and query.has_attachment is not None:
        f.has_attachments = query.has_attachment
    if query.after is not None:
        f.since = max(f.since, query.after) if f.since else query.after
    if query.before is not None:
        f.before = min(f.before, query.before) if f.before else query.before
    if query.folder_role is not None:
        # no ensure_mailbox here: a mailbox not made yet has no folder and nothing to list,
        # and a list asked at the same time as the folders (the webmail's first load) must
        # not make a second set of system folders beside theirs
        role_folder = await mailboxes.folder_by_role(session, account.id, query.folder_role)
        wanted = [role_folder.id] if role_folder else []
        f.folder_ids = (
            [i for i in f.folder_ids if i in wanted] if f.folder_ids is not None else wanted
        )
    if query.terms:
        return await repository.search_page(session, account.id, query, f, params)
    return await repository.page(session, account.id, f, params)


async def get_message(session: AsyncSession, account: Account, message_id: str) -> MailMessage:
    message = await repository.get(session, account.id, message_id)
    if message is None:
        raise NotFound(_("No message {message_id}.", message_id=message_id), param="message_id")
    return message


def _flag_values(data: MessageUpdate) -> dict[str, bool]:
    return {
        k: v
        for k in ("seen", "flagged", "answered", "forwarded")
        if (v := getattr(data, k)) is not None
    }


async def update_messages(
    session: AsyncSession, account: Account, messages: list[MailMessage], data: MessageUpdate
) -> list[MailMessage]:
    folder = await _folder(session, account, data.folder_id) if data.folder_id else None
    return await apply_changes(
        session,
        account.id,
        account.org_id,
        messages,
        flags=_flag_values(data),
        add_keywords=data.add_keywords,
        remove_keywords=data.remove_keywords,
        folder=folder,
    )


def _dedupe(ids: list[str]) -> list[str]:
    if len(ids) > MAX_BULK:
        raise ValidationFailed(_(
            "At most {MAX_BULK} messages at once.", MAX_BULK=MAX_BULK
        ), param="ids")
    return list(dict.fromkeys(ids))


async def bulk_update(
    session: AsyncSession, account: Account, ids: list[str], data: MessageUpdate
) -> BulkResult:
    ids = _dedupe(ids)
    found = await repository.many(session, account.id, ids)
    known = {m.id for m in found}
    await update_messages(session, account, found, data)
    return BulkResult(
        updated=[i for i in ids if i in known], not_found=[i for i in ids if i not in known]
    )


async def delete_messages(
    session: AsyncSession,
    blobs: BlobStore,
    account: Account,
    messages: list[MailMessage],
    *,
    permanent: bool = False,
) -> tuple[list[MailMessage], list[MailMessage]]:
    """Move to trash, or delete for good when asked or already in trash.
    Returns (moved to trash, deleted for good)."""
    if not messages:
        return [], []
    trash = await system_folder(session, account.id, account.org_id, "trash")
    doomed = [m for m in messages if permanent or m.folder_id == trash.id]
    trashing = [m for m in messages if m not in doomed]
    await apply_changes(session, account.id, account.org_id, trashing, folder=trash)
    for m in doomed:
        for att in (m.compose or {}).get("attachments", []):
            if att.get("blob_sha256"):
                await blobs.decref(session, att["blob_sha256"])
    await expunge(session, blobs, account.id, account.org_id, doomed)
    return trashing, doomed


async def bulk_delete(
    session: AsyncSession, blobs: BlobStore, account: Account, ids: list[str], permanent: bool
) -> BulkResult:
    ids = _dedupe(ids)
    found = await repository.many(session, account.id, ids)
    known = {m.id for m in found}
    moved, gone = await delete_messages(session, blobs, account, found, permanent=permanent)
    return BulkResult(
        updated=[m.id for m in moved],
        deleted=[m.id for m in gone],
        not_found=[i for i in ids if i not in known],
    )


async def thread_counts(session: AsyncSession, account: Account, thread_ids: set[str]
                        ) -> dict[str, int]:
    """How many messages each of these conversations holds (one query for a page)."""
    return await repository.thread_counts(session, account.id, thread_ids)
