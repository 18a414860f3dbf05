"""Drafts: real messages in the Drafts folder (so every client sees them) that also keep
what they were composed from, with their own references to attachment blobs. Editing a
draft rebuilds it under the same id; sending it sends that composition and removes it."""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from api.errors import ValidationFailed
from api.i18n import _
from api.identity.principal import Principal
from api.mail.mailbox.service import NewMessage, expunge, store_message, system_folder
from api.mail.messages.service import delete_messages, get_message
from api.mail.sending.compose import build
from api.mail.sending.service import (
    compose_json,
    pin_sources,
    prepare,
    resolve_sources,
    send_composed,
    sources_from_compose,
    store_built,
)
from api.runtime import Runtime
from api.storage.models import Account, MailMessage
from schemas.mail import AttachmentIn, DraftUpdate, SendRequest, SendResult

MAX_ATTACHMENTS = 100


async def _write(
    session: AsyncSession,
    runtime: Runtime,
    account: Account,
    request: SendRequest,
    entries: list[dict[str, Any]],
    *,
    replacing: MailMessage | None = None,
    message_id: str | None = None,
) -> MailMessage:
    prepared = await prepare(
        session,
        runtime,
        account,
        request,
        sources=sources_from_compose(entries),
        message_id=message_id,
        include_bcc=True,
        need_recipients=False,
    )
    stored = await store_built(session, runtime, build(prepared.comp))
    folder = await system_folder(session, account.id, account.org_id, "drafts")
    new = NewMessage(
        blob=stored.blob,
        parsed=stored.parsed,
        seen=True,
        draft=True,
        bcc=prepared.bcc,
        compose=compose_json(request, entries, prepared.comp.message_id),
    )
    event = "mail.message.created"
    if replacing is not None:
        new.id, new.created_modseq = replacing.id, replacing.created_modseq
        new.flagged, new.keywords = replacing.flagged, list(replacing.keywords or [])
        await expunge(session, runtime.blobs, account.id, account.org_id, [replacing], quiet=True)
        event = "mail.message.updated"
    message = await store_message(session, runtime.blobs, account, folder, new, event=event)
    return message


async def create_draft(
    session: AsyncSession, runtime: Runtime, account: Account, request: SendRequest
) -> MailMessage:
    if request.send_at is not None:
        raise ValidationFailed(
            "Schedule when sending the draft, not on the draft.", param="send_at"
        )
    prepared = await prepare(
        session, runtime, account, request, include_bcc=True, need_recipients=False
    )
    entries = await pin_sources(session, runtime, prepared.comp.attachments)
    return await _write(
        session, runtime, account, request, entries, message_id=prepared.comp.message_id
    )


async def get_draft(session: AsyncSession, account: Account, draft_id: str) -> MailMessage:
    message = await get_message(session, account, draft_id)
    if not message.draft or message.compose is None:
        raise ValidationFailed("This message is not an editable draft.", param="draft_id")
    return message


async def update_draft(
    session: AsyncSession,
    runtime: Runtime,
    account: Account,
    draft: MailMessage,
    patch: DraftUpdate,
) -> MailMessage:
    compose = draft.compose or {}
    body: dict[str, Any] = dict(compose.get("request", {}))
    changes = patch.model_dump(mode="json", by_alias=True, exclude_unset=True)
    new_attachments = changes.pop("attachments", None)
    body.update(changes)
    body = {k: v for k, v in body.items() if v is not None}
    request = SendRequest.model_validate(body)
    entries: list[dict[str, Any]] = list(compose.get("attachments", []))
    if new_attachments is not None:
        items = [AttachmentIn.model_validate(a) for a in new_attachments]
        sources = await resolve_sources(session, account, items)
        fresh = await pin_sources(session, runtime, sources)
        for old in entries:
            await runtime.blobs.decref(session, old["blob_sha256"])
        entries = fresh
    return await _write(
        session,
        runtime,
        account,
        request,
        entries,
        replacing=draft,
        message_id=compose.get("message_id"),
    )


async def attach_to_draft(
    session: AsyncSession,
    runtime: Runtime,
    account: Account,
    draft: MailMessage,
    item: AttachmentIn,
) -> MailMessage:
    compose = draft.compose or {}
    entries: list[dict[str, Any]] = list(compose.get("attachments", []))
    if len(entries) >= MAX_ATTACHMENTS:
        raise ValidationFailed(
            _(
                "A draft has at most {MAX_ATTACHMENTS} attachments.",
                MAX_ATTACHMENTS=MAX_ATTACHMENTS,
            ), param="attachments"
        )
    sources = await resolve_sources(session, account, [item])
    entries += await pin_sources(session, runtime, sources)
    request = SendRequest.model_validate(compose.get("request", {}))
    return await _write(
        session,
        runtime,
        account,
        request,
        entries,
        replacing=draft,
        message_id=compose.get("message_id"),
    )


async def send_draft(
    session: AsyncSession,
    runtime: Runtime,
    account: Account,
    draft: MailMessage,
    *,
    actor: Principal | None = None,
    ip: str | None = None,
) -> SendResult:
    result = await send_composed(session, runtime, account, draft, actor=actor, ip=ip)
    await delete_messages(session, runtime.blobs, account, [draft], permanent=True)
    return result
