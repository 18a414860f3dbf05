"""REST endpoints for spam filtering: per-message feedback and verdict
(`/v1/accounts/{account}/mail/messages/{id}/…`) and the organisation's allow and block
lists (`/v1/mail/spam/allowlist`, `/v1/mail/spam/blocklist`)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Response, status

from api.deps import (
    ClientIp,
    DbSession,
    MailRead,
    MailWrite,
    RuntimeDep,
    SpamListsRead,
    SpamListsWrite,
)
from api.kit.pagination import Page, PageParams, page_params
from api.mail.access import Mailbox, mailbox_account
from api.mail.messages.service import get_message
from api.mail.spam import personal, service
from api.storage.models import SpamListEntry as EntryRow
from schemas.spam import (
    SenderEntry,
    SenderEntryCreate,
    SenderListKind,
    SpamFeedback,
    SpamListEntry,
    SpamListEntryCreate,
    SpamVerdict,
)

router = APIRouter(tags=["spam"])

MESSAGE = "/v1/accounts/{account}/mail/messages/{message_id}"


def entry_view(row: EntryRow) -> SpamListEntry:
    return SpamListEntry(id=row.id, kind=row.kind, value=row.value,  # type: ignore[arg-type]
                         scope=service.scope_of(row), note=row.note,  # type: ignore[arg-type]
                         created_by=row.created_by, created_at=row.created_at)


def feedback_view(result: service.FeedbackResult) -> SpamFeedback:
    m = result.message
    return SpamFeedback(message_id=m.id, account_id=m.account_id, folder_id=m.folder_id,
                        label=result.label, learned=result.learned)  # type: ignore[arg-type]


@router.post(MESSAGE + "/report_spam", response_model=SpamFeedback)
async def report_message_spam(
    message_id: str, principal: MailWrite, session: DbSession, owner: Mailbox, runtime: RuntimeDep
) -> SpamFeedback:
    """Report a message as spam: it moves to Junk and the organisation's filter learns from
    it. Reporting it again changes nothing; reporting a message that was reported as not
    spam unlearns that first."""
    message = await get_message(session, owner, message_id)
    return feedback_view(await service.report(session, runtime.blobs, owner, message, "spam"))


@router.post(MESSAGE + "/report_not_spam", response_model=SpamFeedback)
async def report_message_not_spam(
    message_id: str, principal: MailWrite, session: DbSession, owner: Mailbox, runtime: RuntimeDep
) -> SpamFeedback:
    """Report a message as not spam: out of Junk it moves to the Inbox (elsewhere it stays
    where it is) and the organisation's filter learns from it."""
    message = await get_message(session, owner, message_id)
    return feedback_view(await service.report(session, runtime.blobs, owner, message, "ham"))


@router.get(MESSAGE + "/spam", response_model=SpamVerdict)
async def get_message_spam_verdict(
    message_id: str, principal: MailRead, session: DbSession, owner: Mailbox, runtime: RuntimeDep
) -> SpamVerdict:
    """The spam score, action and rules the filter recorded when the message arrived
    (its X-Spam-* header fields), and what a person reported it as."""
    message = await get_message(session, owner, message_id)
    return await service.verdict_of(session, runtime.blobs, message)


# --- allow and block lists: one handler set per list, so each has its own operationId ------


async def _list(session: DbSession, org_id: str, kind: str, page: PageParams
                ) -> Page[SpamListEntry]:
    rows, cursor = await service.list_entries(session, org_id, kind, page)
    return Page[SpamListEntry](data=[entry_view(r) for r in rows], next_cursor=cursor)


@router.get("/v1/mail/spam/allowlist", response_model=Page[SpamListEntry])
async def list_spam_allowlist(
    principal: SpamListsRead, session: DbSession,
    page: Annotated[PageParams, Depends(page_params)],
) -> Page[SpamListEntry]:
    """The organisation's allow list. An entry lets mail from that sender or domain skip
    the filter, but only when the sender is authenticated (DMARC, or SPF/DKIM aligned with
    the From domain): a forged From never rides on it."""
    return await _list(session, principal.org_id, "allow", page)


@router.post("/v1/mail/spam/allowlist", status_code=status.HTTP_201_CREATED,
             response_model=SpamListEntry)
async def create_spam_allowlist_entry(
    body: SpamListEntryCreate, principal: SpamListsWrite, session: DbSession, ip: ClientIp
) -> SpamListEntry:
    """Add a sender address or a domain (with its subdomains) to the allow list."""
    row = await service.create_entry(session, principal.org_id, "allow", body,
                                     actor=principal, ip=ip)
    return entry_view(row)


@router.get("/v1/mail/spam/allowlist/{entry_id}", response_model=SpamListEntry)
async def get_spam_allowlist_entry(
    entry_id: str, principal: SpamListsRead, session: DbSession
) -> SpamListEntry:
    """One allow-list entry."""
    return entry_view(await service.get_entry(session, principal.org_id, "allow", entry_id))


@router.delete("/v1/mail/spam/allowlist/{entry_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_spam_allowlist_entry(
    entry_id: str, principal: SpamListsWrite, session: DbSession, ip: ClientIp
) -> Response:
    """Remove an entry from the allow list."""
    row = await service.get_entry(session, principal.org_id, "allow", entry_id)
    await service.delete_entry(session, principal.org_id, row, actor=principal, ip=ip)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get("/v1/mail/spam/blocklist", response_model=Page[SpamListEntry])
async def list_spam_blocklist(
    principal: SpamListsRead, session: DbSession,
    page: Annotated[PageParams, Depends(page_params)],
) -> Page[SpamListEntry]:
    """The organisation's block list: mail from these senders or domains (From or envelope
    sender) is refused at SMTP time. A more specific allow entry (an address inside a
    blocked domain) wins over a domain block, for an authenticated sender."""
    return await _list(session, principal.org_id, "block", page)


@router.post("/v1/mail/spam/blocklist", status_code=status.HTTP_201_CREATED,
             response_model=SpamListEntry)
async def create_spam_blocklist_entry(
    body: SpamListEntryCreate, principal: SpamListsWrite, session: DbSession, ip: ClientIp
) -> SpamListEntry:
    """Add a sender address or a domain (with its subdomains) to the block list."""
    row = await service.create_entry(session, principal.org_id, "block", body,
                                     actor=principal, ip=ip)
    return entry_view(row)


@router.get("/v1/mail/spam/blocklist/{entry_id}", response_model=SpamListEntry)
async def get_spam_blocklist_entry(
    entry_id: str, principal: SpamListsRead, session: DbSession
) -> SpamListEntry:
    """One block-list entry."""
    return entry_view(await service.get_entry(session, principal.org_id, "block", entry_id))


@router.delete("/v1/mail/spam/blocklist/{entry_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_spam_blocklist_entry(
    entry_id: str, principal: SpamListsWrite, session: DbSession, ip: ClientIp
) -> Response:
    """Remove an entry from the block list."""
    row = await service.get_entry(session, principal.org_id, "block", entry_id)
    await service.delete_entry(session, principal.org_id, row, actor=principal, ip=ip)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


# --- a person's own sender lists ------------------------------------------------------------

SENDERS = "/v1/accounts/{account}/mail/sender_lists/{list}"
ListParam = Annotated[SenderListKind, Path(alias="list", description=(
    "allow: never junk (authenticated senders); block: filed in Junk or Trash; "
    "images: remote images shown without asking"))]


@router.get(SENDERS, response_model=Page[SenderEntry])
async def list_mail_sender_entries(
    account: str, kind: ListParam, principal: MailRead, session: DbSession,
    page: Annotated[PageParams, Depends(page_params)],
) -> Page[SenderEntry]:
    """One of the person's own sender lists. Unlike the organisation's lists, these apply
    to this mailbox only, and the person manages them from the webmail."""
    owner = await mailbox_account(session, principal, account)
    rows, cursor = await personal.page(session, owner, kind, page)
    return Page[SenderEntry](data=[personal.entry_view(r) for r in rows], next_cursor=cursor)


@router.post(SENDERS, status_code=status.HTTP_201_CREATED, response_model=SenderEntry)
async def create_mail_sender_entry(
    account: str, kind: ListParam, body: SenderEntryCreate, principal: MailWrite,
    session: DbSession,
) -> SenderEntry:
    """Put a sender address or a domain on one of the person's lists. Blocking a sender
    takes it off the allow list and the other way round; the next message from a blocked
    sender is filed in Junk (or Trash, `action`) by every delivery path, SMTP included."""
    owner = await mailbox_account(session, principal, account)
    return personal.entry_view(await personal.create(session, owner, kind, body))


@router.delete(SENDERS + "/{entry_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_mail_sender_entry(
    account: str, kind: ListParam, entry_id: str, principal: MailWrite, session: DbSession,
) -> Response:
    """Take an entry off one of the person's lists."""
    owner = await mailbox_account(session, principal, account)
    row = await personal.get(session, owner, kind, entry_id)
    await personal.remove(session, owner, row)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
