"""REST endpoints for sending (`/v1/accounts/{account}/mail/send`), drafts, and the public
download of huge attachments sent as links (`/v1/mail/links/{token}`)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response, status
from fastapi.responses import StreamingResponse

from api.deps import ClientIp, DbSession, MailRead, MailSend, MailWrite, RuntimeDep
from api.kit.etags import check_if_match, set_etag
from api.kit.pagination import Page, PageParams, page_params
from api.mail.access import Mailbox, mailbox_account
from api.mail.attachments.http import download_headers, parse_range
from api.mail.drafts import service as drafts
from api.mail.messages import views
from api.mail.sending import grouped, links, raw, scheduled
from schemas.mail import (
    AttachmentIn,
    DraftUpdate,
    Message,
    MessageSummary,
    SendRequest,
    SendResult,
)
from schemas.mail_settings import DraftSend

router = APIRouter(prefix="/v1/accounts/{account}/mail", tags=["mail"])
public = APIRouter(prefix="/v1/mail/links", tags=["mail"])

RAW_BODY = {
    "requestBody": {
        "required": True,
        "content": {"message/rfc822": {"schema": {"type": "string", "format": "binary"}}},
    }
}


@router.post("/send", status_code=status.HTTP_202_ACCEPTED, response_model=SendResult)
async def send_message(
    body: SendRequest,
    principal: MailSend,
    sender: grouped.SendingAccount,
    runtime: RuntimeDep,
    ip: ClientIp,
    request: Request,
) -> SendResult:
    """Send a message (or schedule it with `send_at`).

    Local recipients, in any organisation hosted here, have it in their inbox when this
    returns; remote ones are queued for SMTP. A copy goes to Sent. Attachments come from
    committed upload sessions or inline base64; those above the link threshold reach remote
    recipients as expiring download links. Line breaks in any header field are a 422
    `header_injection`; more recipients than allowed a 422 `too_many_recipients`; a message
    over the size limit a 413."""
    return await grouped.send(
        sender, runtime, body, actor=principal, ip=ip, state=request.scope.setdefault("state", {})
    )


@router.post(
    "/send/raw",
    status_code=status.HTTP_202_ACCEPTED,
    response_model=SendResult,
    openapi_extra=RAW_BODY,
)
async def send_raw_message(
    request: Request,
    principal: MailSend,
    session: DbSession,
    owner: Mailbox,
    runtime: RuntimeDep,
    ip: ClientIp,
) -> SendResult:
    """Send a message given as raw MIME (`Content-Type: message/rfc822`).

    Recipients are read from To, Cc and Bcc; Bcc is removed before delivery; Date and
    Message-ID are added if missing."""
    return await raw.send_raw(session, runtime, owner, await request.body(), actor=principal, ip=ip)


@router.post("/drafts", status_code=status.HTTP_201_CREATED, response_model=Message)
async def create_mail_draft(
    body: SendRequest,
    principal: MailWrite,
    session: DbSession,
    owner: Mailbox,
    runtime: RuntimeDep,
    response: Response,
) -> Message:
    """Save a draft in the Drafts folder (recipients optional)."""
    draft = await drafts.create_draft(session, runtime, owner, body)
    set_etag(response, draft.id, draft.modseq)
    return await views.full(runtime.blobs, draft)


@router.patch("/drafts/{draft_id}", response_model=Message)
async def update_mail_draft(
    draft_id: str,
    body: DraftUpdate,
    principal: MailWrite,
    session: DbSession,
    owner: Mailbox,
    runtime: RuntimeDep,
    request: Request,
    response: Response,
) -> Message:
    """Change a draft (JSON merge patch of its content; `attachments` replaces the list)."""
    draft = await drafts.get_draft(session, owner, draft_id)
    check_if_match(request, draft.id, draft.modseq)
    draft = await drafts.update_draft(session, runtime, owner, draft, body)
    set_etag(response, draft.id, draft.modseq)
    return await views.full(runtime.blobs, draft)


@router.post(
    "/drafts/{draft_id}/attachments", status_code=status.HTTP_201_CREATED, response_model=Message
)
async def add_mail_draft_attachment(
    draft_id: str,
    body: AttachmentIn,
    principal: MailWrite,
    session: DbSession,
    owner: Mailbox,
    runtime: RuntimeDep,
    response: Response,
) -> Message:
    """Attach a file (a committed upload or inline base64) to a draft."""
    draft = await drafts.get_draft(session, owner, draft_id)
    draft = await drafts.attach_to_draft(session, runtime, owner, draft, body)
    set_etag(response, draft.id, draft.modseq)
    return await views.full(runtime.blobs, draft)


@router.post(
    "/drafts/{draft_id}/send", status_code=status.HTTP_202_ACCEPTED, response_model=SendResult
)
async def send_mail_draft(
    draft_id: str,
    principal: MailSend,
    session: DbSession,
    owner: Mailbox,
    runtime: RuntimeDep,
    ip: ClientIp,
    body: DraftSend | None = None,
) -> SendResult:
    """Send a draft; it leaves Drafts and its copy is in Sent.

    With `send_at` more than 5 seconds ahead, the draft is checked now (recipients, size)
    and waits in Outbox until then: list it with `GET …/mail/scheduled`, cancel it with
    `POST …/mail/scheduled/{message_id}/cancel`. A web client's "undo send" is a
    `send_at` a few seconds ahead."""
    draft = await drafts.get_draft(session, owner, draft_id)
    if body is not None and scheduled.is_later(body.send_at):
        assert body.send_at is not None
        return await scheduled.schedule_draft(session, runtime, owner, draft, body.send_at)
    return await drafts.send_draft(session, runtime, owner, draft, actor=principal, ip=ip)


@router.get("/scheduled", response_model=Page[MessageSummary])
async def list_scheduled_messages(
    account: str,
    principal: MailRead,
    session: DbSession,
    page: Annotated[PageParams, Depends(page_params)],
) -> Page[MessageSummary]:
    """Messages waiting in Outbox to be sent at their `send_at` (scheduled sends and
    undo-send windows)."""
    owner = await mailbox_account(session, principal, account)
    rows, cursor = await scheduled.list_scheduled(session, owner, page)
    return Page[MessageSummary](data=[views.summary(m) for m in rows], next_cursor=cursor)


@router.post("/scheduled/{message_id}/cancel", response_model=MessageSummary)
async def cancel_scheduled_message(
    account: str, message_id: str, principal: MailSend, session: DbSession
) -> MessageSummary:
    """Cancel a scheduled send (or undo a send within its window): the message goes back to
    Drafts and is never sent. 409 `not_scheduled` once it left Outbox (sent already)."""
    owner = await mailbox_account(session, principal, account)
    return views.summary(await scheduled.cancel_scheduled(session, owner, message_id))


@public.get(
    "/{token}",
    response_class=StreamingResponse,
    responses={200: {"content": {"application/octet-stream": {}}}},
)
async def download_mail_link(
    token: str, session: DbSession, runtime: RuntimeDep, request: Request
) -> StreamingResponse:
    """Download a large attachment sent as a link (no token needed: the link is the key;
    410 once it expired). Supports Range."""
    link = await links.resolve(session, runtime, token)
    rng = parse_range(request.headers.get("range"), link.size)
    start, end = (rng.start, rng.end) if rng else (0, link.size)
    headers = download_headers(
        filename=link.filename, content_type=link.content_type, size=link.size, rng=rng
    )
    return StreamingResponse(
        runtime.blobs.read(link.blob_sha256, start, end),
        status_code=206 if rng else 200,
        headers=headers,
    )
