"""REST endpoints for messages (`/v1/accounts/{account}/mail/messages`)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, Response, status
from fastapi.responses import StreamingResponse

from api.deps import ClientIp, DbSession, MailRead, MailWrite, RuntimeDep
from api.events.sync import ChangesLimit, SinceParam, changes_since
from api.identity.audit import record
from api.kit.etags import check_if_match, set_etag
from api.kit.pagination import Page, PageParams, page_params
from api.mail.access import Mailbox
from api.mail.attachments import service as attachments
from api.mail.attachments.http import download_headers, parse_range
from api.mail.messages import service, views
from api.mail.messages.repository import MessageFilters
from schemas.events import Changes
from schemas.mail import (
    BulkResult,
    Message,
    MessagesBulkDelete,
    MessagesBulkUpdate,
    MessageSummary,
    MessageUpdate,
)

router = APIRouter(prefix="/v1/accounts/{account}/mail/messages", tags=["mail"])

CREATED_VERBS = ("received", "sent", "created")


@router.get("", response_model=Page[MessageSummary])
async def list_mail_messages(
    principal: MailRead,
    session: DbSession,
    owner: Mailbox,
    page: Annotated[PageParams, Depends(page_params)],
    folder_id: Annotated[str | None, Query(max_length=40, description="One folder")] = None,
    q: Annotated[
        str | None,
        Query(
            max_length=500,
            description=(
                "Full-text search with operators: from: to: subject: has:attachment is:unread "
                'is:flagged before:YYYY-MM-DD after:YYYY-MM-DD in:<role>, "phrases", -negation'
            ),
        ),
    ] = None,
    unread: bool | None = None,
    flagged: bool | None = None,
    from_: Annotated[str | None, Query(alias="from", max_length=320)] = None,
    to: Annotated[str | None, Query(max_length=320)] = None,
    since: datetime | None = None,
    before: datetime | None = None,
    has_attachments: bool | None = None,
    thread_id: Annotated[str | None, Query(max_length=40)] = None,
) -> Page[MessageSummary]:
    """List messages newest first, in one folder or all; filter, or search with `q`.

    Search results come newest arrival first. Chinese, Japanese and Korean text is found
    by any two-character substring."""
    filters = MessageFilters(
        thread_id=thread_id,
        seen=None if unread is None else not unread,
        flagged=flagged,
        has_attachments=has_attachments,
        since=since,
        before=before,
    )
    rows, cursor = await service.list_messages(
        session, owner, page, folder_id=folder_id, q=q, from_=from_, to=to, filters=filters
    )
    counts = await service.thread_counts(session, owner, {m.thread_id for m in rows})
    data = [views.summary(m).model_copy(update={"thread_count": counts.get(m.thread_id, 1)})
            for m in rows]
    return Page[MessageSummary](data=data, next_cursor=cursor)


@router.get("/changes", response_model=Changes)
async def list_mail_message_changes(
    principal: MailRead,
    session: DbSession,
    owner: Mailbox,
    since: SinceParam = None,
    limit: ChangesLimit = 500,
) -> Changes:
    """Message ids created, updated or deleted since a state (delta sync).

    Call without `since` for the current state; a state too old is 410 `resync_required`."""
    return await changes_since(
        session,
        principal.org_id,
        types=["mail.message.*"],
        since=since,
        limit=limit,
        account_id=owner.id,
        created_verbs=CREATED_VERBS,
    )


@router.post("/bulk-update", response_model=BulkResult)
async def update_mail_messages(
    body: MessagesBulkUpdate, principal: MailWrite, session: DbSession, owner: Mailbox
) -> BulkResult:
    """Set flags or keywords on, or move, up to 1,000 messages at once."""
    update = MessageUpdate.model_validate(body.model_dump(exclude={"ids"}, exclude_unset=True))
    return await service.bulk_update(session, owner, body.ids, update)


@router.post("/bulk-delete", response_model=BulkResult)
async def delete_mail_messages(
    body: MessagesBulkDelete,
    principal: MailWrite,
    session: DbSession,
    owner: Mailbox,
    runtime: RuntimeDep,
    ip: ClientIp,
) -> BulkResult:
    """Move up to 1,000 messages to trash, or delete them for good (`permanent`, or when
    they are already in trash)."""
    result = await service.bulk_delete(session, runtime.blobs, owner, body.ids, body.permanent)
    if result.deleted and principal.kind == "app":
        await record(
            session,
            org_id=owner.org_id,
            action="mail.messages.deleted_for_account",
            actor=principal,
            ip=ip,
            target_type="account",
            target_id=owner.id,
            details={"count": len(result.deleted)},
        )
    return result


@router.get("/{message_id}", response_model=Message)
async def get_mail_message(
    message_id: str,
    principal: MailRead,
    session: DbSession,
    owner: Mailbox,
    runtime: RuntimeDep,
    response: Response,
) -> Message:
    """One message with its text, sanitised HTML, headers and attachment list."""
    message = await service.get_message(session, owner, message_id)
    set_etag(response, message.id, message.modseq)
    return await views.full(runtime.blobs, message)


@router.get(
    "/{message_id}/raw",
    response_class=StreamingResponse,
    responses={200: {"content": {"message/rfc822": {}}}},
)
async def get_mail_message_raw(
    message_id: str,
    principal: MailRead,
    session: DbSession,
    owner: Mailbox,
    runtime: RuntimeDep,
    request: Request,
) -> StreamingResponse:
    """The message exactly as stored (`.eml`), streamed; supports Range."""
    message = await service.get_message(session, owner, message_id)
    rng = parse_range(request.headers.get("range"), message.size)
    headers = download_headers(
        filename=f"{message.id}.eml", content_type="message/rfc822", size=message.size, rng=rng
    )
    start, end = (rng.start, rng.end) if rng else (0, message.size)
    return StreamingResponse(
        runtime.blobs.read(message.blob_sha256, start, end),
        status_code=206 if rng else 200,
        headers=headers,
        media_type="message/rfc822",
    )


@router.get(
    "/{message_id}/attachments/{attachment_id}",
    response_class=StreamingResponse,
    responses={200: {"content": {"application/octet-stream": {}}}},
)
async def get_mail_attachment(
    message_id: str,
    attachment_id: str,
    principal: MailRead,
    session: DbSession,
    owner: Mailbox,
    runtime: RuntimeDep,
    request: Request,
) -> StreamingResponse:
    """Download one attachment, decoded and streamed; supports Range. Non-ASCII names
    come as RFC 6266 `filename*`."""
    message = await service.get_message(session, owner, message_id)
    entry = attachments.find_entry(message, attachment_id)
    rng = parse_range(request.headers.get("range"), int(entry.get("size") or 0))
    body = await attachments.open_attachment(runtime.blobs, message, attachment_id, rng)
    headers = download_headers(
        filename=entry.get("filename") or "attachment",
        content_type=entry["content_type"],
        size=body.size,
        rng=rng,
    )
    return StreamingResponse(body.chunks, status_code=206 if rng else 200, headers=headers)


@router.patch("/{message_id}", response_model=MessageSummary)
async def update_mail_message(
    message_id: str,
    body: MessageUpdate,
    principal: MailWrite,
    session: DbSession,
    owner: Mailbox,
    request: Request,
    response: Response,
) -> MessageSummary:
    """Change flags (seen, flagged, answered, forwarded), keywords or folder."""
    message = await service.get_message(session, owner, message_id)
    check_if_match(request, message.id, message.modseq)
    await service.update_messages(session, owner, [message], body)
    set_etag(response, message.id, message.modseq)
    return views.summary(message)


@router.delete("/{message_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_mail_message(
    message_id: str,
    principal: MailWrite,
    session: DbSession,
    owner: Mailbox,
    runtime: RuntimeDep,
    ip: ClientIp,
    permanent: bool = False,
) -> Response:
    """Move a message to trash; from trash (or with `permanent=true`) delete it for good."""
    message = await service.get_message(session, owner, message_id)
    _, gone = await service.delete_messages(
        session, runtime.blobs, owner, [message], permanent=permanent
    )
    if gone and principal.kind == "app":
        await record(
            session,
            org_id=owner.org_id,
            action="mail.messages.deleted_for_account",
            actor=principal,
            ip=ip,
            target_type="account",
            target_id=owner.id,
            details={"count": 1, "message_id": message_id},
        )
    return Response(status_code=status.HTTP_204_NO_CONTENT)
