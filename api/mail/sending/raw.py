"""Send a message given as raw MIME: recipients come from its To, Cc and Bcc headers,
Bcc is removed from what is delivered, Date and Message-ID are added when missing. The
bytes are otherwise delivered as given."""

from __future__ import annotations

import email.utils
import re

from sqlalchemy.ext.asyncio import AsyncSession

from api.directory import resolve_recipients
from api.errors import PayloadTooLarge, ValidationFailed
from api.i18n import _
from api.identity.audit import record
from api.identity.principal import Principal
from api.mail.delivery.deliver import StoredRaw, deliver_stored, write_bytes
from api.mail.errors import UnknownRecipient
from api.mail.mailbox.service import NewMessage, store_message, system_folder
from api.mail.mime import parse_message
from api.mail.sending import validation
from api.mail.sending.compose import new_message_id
from api.mail.sending.service import check_send_as, send_result
from api.runtime import Runtime
from api.storage.models import Account
from schemas.mail import SendResult

_BCC = re.compile(
    rb"^bcc[ \t]*:.*?(?=\r?\n(?![ \t]))\r?\n", re.IGNORECASE | re.MULTILINE | re.DOTALL
)


def split_head(raw: bytes) -> tuple[bytes, bytes]:
    for sep in (b"\r\n\r\n", b"\n\n"):
        at = raw.find(sep)
        if at != -1:
            return raw[: at + len(sep) // 2], raw[at + len(sep) // 2 :]
    raise ValidationFailed("The body is not a MIME message (no header block).", param="body")


async def send_raw(
    session: AsyncSession,
    runtime: Runtime,
    account: Account,
    raw: bytes,
    *,
    actor: Principal | None = None,
    ip: str | None = None,
    envelope: list[str] | None = None,
    envelope_from: str | None = None,
) -> SendResult:
    """`envelope` and `envelope_from` (SMTP submission's RCPT TO and MAIL FROM) replace the
    recipients read from the headers and the From address as the envelope."""
    limit = runtime.settings.mail_max_message_bytes
    if len(raw) > limit:
        raise PayloadTooLarge(_("The message is larger than {limit} bytes.", limit=limit))
    head, body = split_head(raw)
    parsed = parse_message(raw)
    if parsed.parse_status == "failed" or not parsed.from_address:
        raise ValidationFailed("The message needs a From header.", param="body")
    sender = validation.address(parsed.from_address, "from")
    await check_send_as(session, account, sender)
    if envelope is None:
        listed = parsed.to + parsed.cc + parsed.bcc
        envelope = list(
            dict.fromkeys(validation.address(a["address"], "to").lower() for a in listed)
        )
    else:
        envelope = list(dict.fromkeys(a.lower() for a in envelope))
    validation.check_count(len(envelope), runtime.settings.mail_max_recipients)
    if not envelope:
        raise ValidationFailed("The message has no recipients (To, Cc or Bcc).", param="body")
    resolution = await resolve_recipients(session, envelope, sender=envelope_from or sender)
    if resolution.unknown:
        raise UnknownRecipient(
            _("No such recipient: {values}.", values=', '.join(resolution.unknown)),
            param="to",
            extra={"addresses": resolution.unknown},
        )
    eol = b"\r\n" if head.endswith(b"\r\n") else b"\n"
    head = _BCC.sub(b"", head + b"\n")[:-1] if parsed.bcc else head
    added = b""
    if parsed.sent_at is None and b"\ndate:" not in (b"\n" + head.lower()):
        added += b"Date: " + email.utils.formatdate(localtime=False).encode() + eol
    if not parsed.message_id:
        parsed.message_id = new_message_id(sender.rsplit("@", 1)[1])
        added += b"Message-ID: " + parsed.message_id.encode() + eol
    final = added + head + body
    stored_parsed = parse_message(final)
    blob = await write_bytes(runtime, final)
    stored = StoredRaw(blob, stored_parsed)
    folder = await system_folder(session, account.id, account.org_id, "sent")
    sent = await store_message(
        session,
        runtime.blobs,
        account,
        folder,
        NewMessage(blob=blob, parsed=stored_parsed, seen=True, bcc=parsed.bcc),
        event="mail.message.sent",
    )
    report = await deliver_stored(
        session,
        runtime,
        stored,
        envelope_from or sender,
        envelope,
        org_id=account.org_id,
        sender_account_id=account.id,
        sent_message_id=sent.id,
    )
    if actor is not None and actor.kind == "app":
        await record(
            session,
            org_id=account.org_id,
            action="mail.message.sent_for_account",
            actor=actor,
            ip=ip,
            target_type="account",
            target_id=account.id,
            details={"message_id": stored_parsed.message_id, "raw": True},
        )
    return send_result(sent, stored_parsed.message_id, report)
