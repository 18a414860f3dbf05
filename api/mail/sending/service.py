"""Sending: validate, compose, store once, deliver locally in this transaction, queue the
rest for SMTP, save to Sent. Scheduled sends wait in Outbox for a worker job.

Other domains send through `send_message` (calendar invitations pass `extra_parts`).
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass, field, replace
from datetime import timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from api.directory import Resolution, may_send_as, resolve_recipients
from api.errors import NotFound, PayloadTooLarge, ValidationFailed
from api.events import emit
from api.i18n import Msg
from api.identity.audit import record
from api.identity.principal import Principal
from api.kit.clock import utcnow
from api.mail.delivery import (
    DeliveryReport,
    PendingStores,
    StoredRaw,
    deliver_stored,
    pending,
    write_bytes,
    write_stream,
)
from api.mail.errors import QuotaExceeded, SendAsDenied, UnknownRecipient, UploadIncomplete
from api.mail.mailbox.service import NewMessage, apply_changes, store_message, system_folder
from api.mail.messages import repository as messages
from api.mail.mime import has_reply_prefix
from api.mail.sending import links, validation
from api.mail.sending.compose import (
    AttachmentSource,
    BuiltMessage,
    Composition,
    ExtraPart,
    build,
    new_message_id,
)
from api.mail.sending.sent_copies import SENT_EVENT, SentCopies, SentCopy
from api.mail.uploads import repository as uploads
from api.runtime import Runtime
from api.storage.blobs import BlobRef
from api.storage.models import Account, MailMessage
from api.worker.jobs import enqueue
from schemas.mail import (
    AttachmentIn,
    GroupDelivery,
    RejectedRecipient,
    SendRequest,
    SendResult,
)

SCHEDULE_JOB = "mail.send_scheduled"
MAX_REFERENCES = 20


@dataclass
class Prepared:
    comp: Composition
    envelope: list[str]
    original: MailMessage | None = None
    mode: str | None = None  # reply | forward
    bcc: list[dict[str, str]] = field(default_factory=list)


async def check_send_as(session: AsyncSession, account: Account, address: str) -> None:
    """The directory decides: own address, aliases, groups with permission; frozen
    accounts send nothing."""
    if not await may_send_as(session, account, address):
        raise SendAsDenied(Msg(
            "{address} may not send as {address2}.", address=account.address, address2=address
        ), param="from")


async def resolve_sources(
    session: AsyncSession, account: Account, items: list[AttachmentIn]
) -> list[AttachmentSource]:
    """Attachments from committed uploads of this account or inline base64 content."""
    out: list[AttachmentSource] = []
    for i, item in enumerate(items):
        param = f"attachments[{i}]"
        if (item.upload_id is None) == (item.content_base64 is None):
            raise ValidationFailed(
                "An attachment needs exactly one of upload_id and content_base64.", param=param
            )
        content_id = item.content_id
        if content_id is not None:
            validation.no_breaks(content_id, f"{param}.content_id")
            content_id = content_id.strip().strip("<>") or None
        if item.upload_id is not None:
            upload = await uploads.get(session, account.id, item.upload_id)
            if upload is None or upload.expires_at <= utcnow():
                raise NotFound(Msg(
                    "No upload {upload_id}.", upload_id=item.upload_id
                ), param=f"{param}.upload_id")
            if upload.state != "committed" or upload.blob_sha256 is None:
                raise UploadIncomplete(
                    "Commit the upload before attaching it.", param=f"{param}.upload_id"
                )
            name = validation.filename(item.filename or upload.filename, f"{param}.filename")
            out.append(
                AttachmentSource(
                    filename=name,
                    content_type=validation.content_type(
                        item.content_type or upload.content_type, name, f"{param}.content_type"
                    ),
                    size=upload.size,
                    blob_sha256=upload.blob_sha256,
                    content_id=content_id,
                    inline=item.inline,
                )
            )
            continue
        if not item.filename:
            raise ValidationFailed(
                "An inline attachment needs a filename.", param=f"{param}.filename"
            )
        try:
            data = base64.b64decode(item.content_base64 or "", validate=True)
        except (binascii.Error, ValueError):
            raise ValidationFailed(
                "content_base64 is not valid base64.", param=f"{param}.content_base64"
            ) from None
        name = validation.filename(item.filename, f"{param}.filename")
        out.append(
            AttachmentSource(
                filename=name,
                content_type=validation.content_type(
                    item.content_type, name, f"{param}.content_type"
                ),
                size=len(data),
                data=data,
                content_id=content_id,
                inline=item.inline,
            )
        )
    return out


def sources_from_compose(entries: list[dict[str, Any]]) -> list[AttachmentSource]:
    return [
        AttachmentSource(
            filename=e["filename"],
            content_type=e["content_type"],
            size=int(e["size"]),
            blob_sha256=e["blob_sha256"],
            content_id=e.get("content_id"),
            inline=bool(e.get("inline")),
        )
        for e in entries
    ]


async def pin_sources(
    session: AsyncSession, runtime: Runtime, sources: list[AttachmentSource]
) -> list[dict[str, Any]]:
    """Give each attachment its own blob reference (drafts and scheduled sends outlive
    upload sessions); returns the entries to keep in `compose`."""
    entries = []
    for src in sources:
        if src.blob_sha256 is not None:
            await runtime.blobs.incref(session, BlobRef(src.blob_sha256, src.size))
        else:
            ref = await runtime.blobs.put_bytes(session, src.data or b"")
            src.blob_sha256 = ref.sha256
        entries.append(
            {
                "blob_sha256": src.blob_sha256,
                "filename": src.filename,
                "content_type": src.content_type,
                "size": src.size,
                "content_id": src.content_id,
                "inline": src.inline,
            }
        )
    return entries


def compose_json(
    request: SendRequest, attachments: list[dict[str, Any]], message_id: str
) -> dict[str, Any]:
    body = request.model_dump(
        mode="json", by_alias=True, exclude={"attachments", "send_at"}, exclude_none=True
    )
    return {"request": body, "attachments": attachments, "message_id": message_id}


async def prepare(
    session: AsyncSession,
    runtime: Runtime,
    account: Account,
    request: SendRequest,
    *,
    sources: list[AttachmentSource] | None = None,
    extra_parts: list[ExtraPart] | tuple[()] = (),
    message_id: str | None = None,
    include_bcc: bool = False,
    need_recipients: bool = True,
) -> Prepared:
    """Validate everything that goes into headers and resolve attachments; writes nothing."""
    settings = runtime.settings
    to = validation.recipients(request.to, "to")
    cc = validation.recipients(request.cc, "cc")
    bcc = validation.recipients(request.bcc, "bcc")
    reply_to = validation.recipients(request.reply_to, "reply_to")
    validation.check_count(len(to) + len(cc) + len(bcc), settings.mail_max_recipients)
    if need_recipients and not (to or cc or bcc):
        raise ValidationFailed("A message needs at least one recipient.", param="to")
    if request.from_ is not None:
        from_name, from_address = validation.recipient(request.from_, "from")
    else:
        from_name, from_address = account.display_name, account.address
    await check_send_as(session, account, from_address)
    subject = validation.no_breaks(request.subject, "subject")
    headers = validation.custom_headers(request.headers)
    original, mode = None, None
    in_reply_to, references = None, []
    if request.reply_to_message_id and request.forward_message_id:
        raise ValidationFailed("Reply or forward, not both.", param="forward_message_id")
    if request.reply_to_message_id or request.forward_message_id:
        mode = "reply" if request.reply_to_message_id else "forward"
        ref = request.reply_to_message_id or request.forward_message_id or ""
        original = await messages.get(session, account.id, ref)
        if original is None:
            raise NotFound(
                Msg("No message {ref}.", ref=ref),
                param=f"{mode}_message_id" if mode == "forward" else "reply_to_message_id",
            )
        if original.message_id_header:
            in_reply_to = original.message_id_header
            references = [*(original.references or []), original.message_id_header]
            references = references[-MAX_REFERENCES:]
        if not subject:
            prefix = "Re: " if mode == "reply" else "Fwd: "
            subject = (
                original.subject
                if has_reply_prefix(original.subject) and mode == "reply"
                else prefix + original.subject
            )
    if sources is None:  # given sources are final (a draft's, with any forward attached)
        sources = await resolve_sources(session, account, request.attachments)
        if mode == "forward" and original is not None:
            sources = [
                *sources,
                AttachmentSource(
                    filename=validation.filename(
                        (original.subject or "message")[:200] + ".eml", "subject"
                    ),
                    content_type="message/rfc822",
                    size=original.size,
                    blob_sha256=original.blob_sha256,
                ),
            ]
    alternatives = [p for p in extra_parts if p.alternative]
    for part in extra_parts:
        if not part.alternative:
            sources = [
                *sources,
                AttachmentSource(
                    filename=part.filename or "attachment",
                    content_type=part.content_type,
                    size=len(part.data),
                    data=part.data,
                    params=dict(part.params),
                ),
            ]
    domain = from_address.rsplit("@", 1)[1]
    comp = Composition(
        from_name=from_name,
        from_address=from_address,
        to=to,
        cc=cc,
        bcc=bcc,
        reply_to=reply_to,
        subject=subject,
        text=request.text,
        html=request.html,
        in_reply_to=in_reply_to,
        references=references,
        priority=request.priority,
        transactional=request.transactional,
        headers=headers,
        attachments=sources,
        alternatives=alternatives,
        message_id=message_id or new_message_id(domain),
        include_bcc=include_bcc,
    )
    envelope = list(dict.fromkeys(a.lower() for _, a in to + cc + bcc))
    bcc_dicts = [{"name": n, "address": a} for n, a in bcc]
    return Prepared(comp, envelope, original, mode, bcc_dicts)


async def store_built(session: AsyncSession, runtime: Runtime, built: BuiltMessage) -> StoredRaw:
    if built.in_memory:
        blob = await write_bytes(runtime, built.to_bytes())
    else:
        blob = await write_stream(runtime, built.stream(runtime.blobs.read))
    return StoredRaw(blob, built.parsed())


def _priority(comp: Composition) -> int:
    return 10 if comp.transactional else (5 if comp.priority == "high" else 0)


async def send_message(
    session: AsyncSession,
    runtime: Runtime,
    account: Account,
    request: SendRequest,
    *,
    extra_parts: list[ExtraPart] | tuple[()] = (),
    actor: Principal | None = None,
    ip: str | None = None,
) -> SendResult:
    """Send (or schedule) `request` as `account`. The service others call: calendar
    invitations add their text/calendar part with `extra_parts`."""
    if for_later(request):
        return await schedule(session, runtime, account, request, actor=actor)
    prepared = await prepare(session, runtime, account, request, extra_parts=extra_parts)
    return await send_prepared(
        session, runtime, account, prepared, save_to_sent=request.save_to_sent, actor=actor, ip=ip
    )


def for_later(request: SendRequest) -> bool:
    """Whether `request` is scheduled rather than sent now."""
    return request.send_at is not None and request.send_at > utcnow() + timedelta(seconds=5)


async def check_deliverable(
    session: AsyncSession, runtime: Runtime, prepared: Prepared
) -> tuple[Resolution, BuiltMessage, list[AttachmentSource]]:
    """Unknown local recipients (422) and size (413), before anything is written.
    Returns (the recipients resolved, once for the whole send; the lean rendering; the huge
    attachments)."""
    resolution = await resolve_recipients(
        session, prepared.envelope, sender=prepared.comp.from_address
    )
    if resolution.unknown:
        raise UnknownRecipient(
            Msg("No such recipient: {values}.", values=', '.join(resolution.unknown)),
            param="to",
            extra={"addresses": resolution.unknown},
        )
    threshold = runtime.settings.mail_link_threshold_bytes
    comp = prepared.comp
    huge = [s for s in comp.attachments if s.size > threshold and s.blob_sha256 is not None]
    lean = build(replace(comp, attachments=[s for s in comp.attachments if s not in huge]))
    if lean.size > runtime.settings.mail_max_message_bytes:
        raise PayloadTooLarge(
            Msg(
                "The message is {size} bytes; the limit is {mail_max_message_bytes} (attachments "
                "over {threshold} bytes do not count: remote recipients get them as links).",
                size=lean.size,
                mail_max_message_bytes=runtime.settings.mail_max_message_bytes,
                threshold=threshold,
            ),
            param="attachments",
        )
    return resolution, lean, huge


async def send_prepared(
    session: AsyncSession,
    runtime: Runtime,
    account: Account,
    prepared: Prepared,
    *,
    save_to_sent: bool = True,
    actor: Principal | None = None,
    ip: str | None = None,
) -> SendResult:
    prepared = final(prepared)
    checked = await check_deliverable(session, runtime, prepared)
    return await send_checked(
        session, runtime, account, prepared, checked, save_to_sent=save_to_sent, actor=actor,
        ip=ip,
    )


def final(prepared: Prepared) -> Prepared:
    """The composition as it is sent: Bcc left out of the headers, Date set when built."""
    return replace(prepared, comp=replace(prepared.comp, include_bcc=False, date=None))


async def send_checked(
    session: AsyncSession,
    runtime: Runtime,
    account: Account,
    prepared: Prepared,
    checked: tuple[Resolution, BuiltMessage, list[AttachmentSource]],
    *,
    save_to_sent: bool = True,
    actor: Principal | None = None,
    ip: str | None = None,
) -> SendResult:
    """Store and deliver a `final` composition `check_deliverable` passed, in `session`."""
    resolution, lean, huge = checked
    comp = prepared.comp
    has_remote = bool(resolution.remote)
    full = build(comp) if huge else lean
    stored = await store_built(session, runtime, full)
    remote: StoredRaw | None = None
    if huge and has_remote:
        pairs = []
        for src in huge:
            link, url = await links.create_link(
                session, runtime, org_id=account.org_id, account_id=account.id, source=src
            )
            pairs.append((src, url))
        text, markup = links.notice(pairs, link.expires_at)
        remote_comp = replace(
            comp,
            attachments=[s for s in comp.attachments if s not in huge],
            text=(comp.text or "") + text if comp.text is not None or comp.html is None else None,
            html=(comp.html + markup) if comp.html is not None else None,
        )
        remote = await store_built(session, runtime, build(remote_comp))
    sent, report = await write_send(
        session, runtime, account, prepared, resolution, stored, remote=remote,
        save_to_sent=save_to_sent, actor=actor, ip=ip,
    )
    return send_result(sent.row if sent else None, comp.message_id, report)


async def write_send(
    session: AsyncSession,
    runtime: Runtime,
    account: Account,
    prepared: Prepared,
    resolution: Resolution,
    stored: StoredRaw,
    *,
    remote: StoredRaw | None = None,
    save_to_sent: bool = True,
    actor: Principal | None = None,
    ip: str | None = None,
    copies: SentCopies | None = None,
) -> tuple[SentCopy | None, DeliveryReport]:
    """The writes of a send whose bytes are stored: the Sent copy, the local deliveries,
    the remote queue, the original's flag, the audit entry. With `copies` (group commit)
    the Sent copy is gathered there and stored when the batch ends, as the deliveries
    are gathered in the session's `pending` stores; `prepared.original` is then read
    again in `session`."""
    comp = prepared.comp
    sent: SentCopy | None = None
    if save_to_sent:
        folder = await system_folder(session, account.id, account.org_id, "sent")
        new = NewMessage(blob=stored.blob, parsed=stored.parsed, seen=True, bcc=prepared.bcc)
        if copies is not None:
            sent = copies.add(account, folder, new)
        else:
            row = await store_message(
                session, runtime.blobs, account, folder, new, event=SENT_EVENT
            )
            sent = SentCopy(row.id, row)
    else:
        await emit(
            session,
            account.org_id,
            SENT_EVENT,
            {
                "id": None,
                "account_id": account.id,
                "message_id": comp.message_id,
                "subject": comp.subject[:200],
            },
        )
    # the local copies are stored together (set-based, one statement per kind of row) unless
    # a group commit already gathers this session's deliveries
    gathering = pending(session)
    later = gathering or PendingStores()
    report = await deliver_stored(
        session,
        runtime,
        stored,
        comp.from_address,
        prepared.envelope,
        remote=remote,
        org_id=account.org_id,
        sender_account_id=account.id,
        sent_message_id=sent.id if sent else None,
        transactional=comp.transactional,
        priority=_priority(comp),
        later=later,
        resolution=resolution,
    )
    if gathering is None:
        await later.flush(session, runtime.blobs)
    if prepared.original is not None:
        original = prepared.original
        if copies is not None:  # read in the request's session: this one's own
            found = await messages.get(session, account.id, original.id)
            if found is None:
                raise NotFound(
                    Msg("No message {ref}.", ref=original.id),
                    param="reply_to_message_id" if prepared.mode == "reply"
                    else "forward_message_id",
                )
            original = found
        flag = "answered" if prepared.mode == "reply" else "forwarded"
        await apply_changes(session, account.id, account.org_id, [original], flags={flag: True})
    if actor is not None and actor.kind == "app":
        await record(
            session,
            org_id=account.org_id,
            action="mail.message.sent_for_account",
            actor=actor,
            ip=ip,
            target_type="account",
            target_id=account.id,
            details={"message_id": comp.message_id, "recipients": len(prepared.envelope)},
        )
    return sent, report


def send_result(sent: MailMessage | None, message_id: str, report: DeliveryReport) -> SendResult:
    rejected = [RejectedRecipient(address=a, code=UnknownRecipient.code) for a in report.unknown]
    rejected += [RejectedRecipient(address=a, code=QuotaExceeded.code) for a in report.over_quota]
    # A group's copies are its members' deliveries: report the mailboxes, once each, and the
    # group with the members it reached (never the group address once per member).
    delivered: dict[str, None] = {}
    groups: dict[str, dict[str, None]] = {}
    for d in report.delivered:
        if d.group:
            delivered[d.mailbox or d.address] = None
            groups.setdefault(d.group, {})[d.mailbox or d.address] = None
        else:
            delivered[d.address] = None
    return SendResult(
        id=sent.id if sent else None,
        message_id=message_id,
        thread_id=sent.thread_id if sent else None,
        status="sent",
        delivered=list(delivered),
        queued=report.queued,
        rejected=rejected,
        groups=[GroupDelivery(address=g, delivered=list(m)) for g, m in groups.items()],
    )


async def schedule(
    session: AsyncSession,
    runtime: Runtime,
    account: Account,
    request: SendRequest,
    *,
    actor: Principal | None = None,
) -> SendResult:
    """Validate now, keep the message in Outbox, and let a job send it at `send_at`."""
    prepared = await prepare(session, runtime, account, request, include_bcc=True)
    await check_deliverable(session, runtime, prepared)
    pinned = await pin_sources(session, runtime, prepared.comp.attachments)
    stored = await store_built(session, runtime, build(prepared.comp))
    outbox = await system_folder(session, account.id, account.org_id, "outbox")
    message = await store_message(
        session,
        runtime.blobs,
        account,
        outbox,
        NewMessage(
            blob=stored.blob,
            parsed=stored.parsed,
            seen=True,
            bcc=prepared.bcc,
            compose=compose_json(request, pinned, prepared.comp.message_id),
            send_at=request.send_at,
        ),
    )
    await enqueue(
        session,
        SCHEDULE_JOB,
        {"message_id": message.id, "account_id": account.id},
        org_id=account.org_id,
        run_at=request.send_at,
    )
    return SendResult(
        id=message.id,
        message_id=prepared.comp.message_id,
        thread_id=message.thread_id,
        status="scheduled",
        send_at=request.send_at,
        delivered=[],
        queued=[],
        rejected=[],
    )


async def prepare_composed(
    session: AsyncSession,
    runtime: Runtime,
    account: Account,
    message: MailMessage,
    *,
    include_bcc: bool = False,
) -> tuple[SendRequest, Prepared]:
    """The send request a draft or scheduled message was composed from, prepared again."""
    compose = message.compose or {}
    request = SendRequest.model_validate(compose.get("request", {}))
    prepared = await prepare(
        session,
        runtime,
        account,
        request,
        sources=sources_from_compose(compose.get("attachments", [])),
        message_id=compose.get("message_id"),
        include_bcc=include_bcc,
    )
    return request, prepared


async def send_composed(
    session: AsyncSession,
    runtime: Runtime,
    account: Account,
    message: MailMessage,
    *,
    actor: Principal | None = None,
    ip: str | None = None,
) -> SendResult:
    """Send a draft or a scheduled message from what it was composed from."""
    request, prepared = await prepare_composed(session, runtime, account, message)
    return await send_prepared(
        session, runtime, account, prepared, save_to_sent=request.save_to_sent, actor=actor, ip=ip
    )
