"""Render stored messages for the API: summaries from the row, full messages from the
raw bytes (parsed again, bounded), with HTML sanitised by nh3 for display."""

from __future__ import annotations

from typing import Any

import nh3

from api.mail.mime import ParsedMessage, parse_message
from api.storage.blobs import BlobStore
from api.storage.models import MailMessage
from schemas.mail import Attachment, EmailAddress, Header, Message, MessageSummary

PARSE_LIMIT = 32 * 1024 * 1024  # larger messages: parse the head only (bodies come first)
HEAD_BYTES = 4 * 1024 * 1024
MAX_BODY_CHARS = 1_000_000

_URL_SCHEMES = set(nh3.ALLOWED_URL_SCHEMES) | {"cid"}
_STYLE = {
    "color",
    "background-color",
    "font-size",
    "font-weight",
    "font-style",
    "font-family",
    "text-align",
    "text-decoration",
    "line-height",
    "margin",
    "padding",
    "border",
    "border-collapse",
    "width",
    "height",
    "vertical-align",
    "white-space",
}


def sanitise_html(markup: str) -> str:
    """Markup safe to show in a browser: no scripts, handlers, forms or foreign schemes."""
    return nh3.clean(
        markup,
        attributes={
            **{k: set(v) for k, v in nh3.ALLOWED_ATTRIBUTES.items()},
            "*": {"style", "align", "width", "height", "bgcolor", "color"},
        },
        filter_style_properties=_STYLE,
        url_schemes=_URL_SCHEMES,
    )


def _public_attachment(entry: dict[str, Any]) -> Attachment:
    return Attachment(
        id=entry["id"],
        filename=entry.get("filename") or "",
        content_type=entry["content_type"],
        size=int(entry.get("size") or 0),
        content_id=entry.get("content_id"),
        inline=bool(entry.get("inline")),
        calendar=bool(entry.get("calendar")),
    )


def summary_fields(m: MailMessage) -> dict[str, Any]:
    return {
        "id": m.id,
        "account_id": m.account_id,
        "folder_id": m.folder_id,
        "thread_id": m.thread_id,
        "subject": m.subject,
        "from_": EmailAddress(name=m.from_name, address=m.from_address) if m.from_address else None,
        "to": [EmailAddress(**a) for a in m.to_addresses or []],
        "cc": [EmailAddress(**a) for a in m.cc_addresses or []],
        "bcc": [EmailAddress(**a) for a in m.bcc_addresses or []],
        "reply_to": [EmailAddress(**a) for a in m.reply_to or []],
        "received_at": m.received_at,
        "sent_at": m.sent_at,
        "size": m.size,
        "snippet": m.snippet,
        "seen": m.seen,
        "flagged": m.flagged,
        "answered": m.answered,
        "forwarded": m.forwarded,
        "draft": m.draft,
        "keywords": list(m.keywords or []),
        "priority": m.priority,
        "has_attachments": m.has_attachments,
        "attachments": [_public_attachment(a) for a in m.attachments or []],
        "message_id": m.message_id_header,
        "in_reply_to": m.in_reply_to,
        "references": list(m.references or []),
        "parse_status": m.parse_status,
        "parse_problems": list(m.parse_problems or []),
        "send_at": m.send_at,
    }


def summary(m: MailMessage) -> MessageSummary:
    return MessageSummary(**summary_fields(m))


async def load_raw_head(blobs: BlobStore, m: MailMessage) -> bytes:
    """The whole message when it is of parseable size, else its first bytes."""
    if m.size <= PARSE_LIMIT:
        return await blobs.read_all(m.blob_sha256)
    return b"".join([c async for c in blobs.read(m.blob_sha256, 0, HEAD_BYTES)])


async def parsed_of(blobs: BlobStore, m: MailMessage) -> ParsedMessage:
    return parse_message(await load_raw_head(blobs, m))


async def full(blobs: BlobStore, m: MailMessage) -> Message:
    parsed = await parsed_of(blobs, m)
    text = (
        parsed.text
        if parsed.text is not None
        else (parsed.body_text if parsed.html is not None else None)
    )
    truncated = False
    if text is not None and len(text) > MAX_BODY_CHARS:
        text, truncated = text[:MAX_BODY_CHARS], True
    html = parsed.html
    if html is not None:
        if len(html) > MAX_BODY_CHARS:
            html, truncated = html[:MAX_BODY_CHARS], True
        html = sanitise_html(html)
    return Message(
        **summary_fields(m),
        text=text,
        html=html,
        headers=[Header(name=n, value=v) for n, v in parsed.headers],
        body_truncated=truncated,
    )
