"""A message's HTML as the webmail's reading frame shows it: sanitised (`views.sanitise_html`),
with `cid:` references turned into URLs the caller makes (signed, one per inline part), and
remote images either kept (the person allowed them) or taken out of `src` so that not even a
policy slip could fetch them. Also the bytes of one inline image part, for those URLs."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from html import escape, unescape

from sqlalchemy.ext.asyncio import AsyncSession

from api.mail.attachments import service as attachments
from api.mail.messages import repository
from api.mail.messages.views import MAX_BODY_CHARS, parsed_of, sanitise_html
from api.storage.blobs import BlobStore
from api.storage.models import MailMessage

#: Inline image types a reading frame may show (never SVG: it can carry script).
IMAGE_TYPES = frozenset({"image/png", "image/jpeg", "image/gif", "image/webp", "image/bmp"})
MAX_INLINE_IMAGE = 10 * 1024 * 1024

_SRC = re.compile(r"""\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
_REMOTE = re.compile(r"^\s*(?:https?:)?//", re.IGNORECASE)


@dataclass(frozen=True)
class DisplayBody:
    html: str | None
    text: str | None
    remote_images: int  # how many remote image references the HTML carries
    sender: str  # the From address, for "always show images from this sender"


def _content_ids(message: MailMessage) -> dict[str, str]:
    """content-id (without <>) → attachment id, for parts the frame may show."""
    found: dict[str, str] = {}
    for entry in message.attachments or []:
        cid = (entry.get("content_id") or "").strip().strip("<>")
        if cid and (entry.get("content_type") or "").lower() in IMAGE_TYPES:
            found[cid.lower()] = str(entry["id"])
    return found


def rewrite_images(html: str, cids: dict[str, str], part_url: Callable[[str], str],
                   allow_remote: bool, remote_url: Callable[[str], str] | None = None
                   ) -> tuple[str, int]:
    """(html, remote image count): `cid:` sources → `part_url(attachment id)` (unknown ones
    emptied); remote sources, only with `allow_remote`, → `remote_url(source)` (the webmail's
    image proxy) or kept as they are without one; else moved to `data-blocked-src`.
    (`srcset` never gets this far: the sanitiser keeps only `src` on `img`.)"""
    remote = 0

    def one(match: re.Match[str]) -> str:
        nonlocal remote
        value = next(g for g in match.groups() if g is not None)
        if value.lower().startswith("cid:"):
            attachment = cids.get(value[4:].strip().strip("<>").lower())
            url = part_url(attachment) if attachment else ""
            return f' src="{url}"'
        if _REMOTE.match(value):
            remote += 1
            if not allow_remote:
                return f' data-blocked-src="{value}"'
            if remote_url is not None:
                return f' src="{escape(remote_url(unescape(value)), quote=True)}"'
        return match.group(0)

    return _SRC.sub(one, html), remote


async def display_body(blobs: BlobStore, message: MailMessage, part_url: Callable[[str], str],
                       allow_remote: bool, remote_url: Callable[[str], str] | None = None
                       ) -> DisplayBody:
    parsed = await parsed_of(blobs, message)
    html = parsed.html
    remote = 0
    if html is not None:
        html, remote = rewrite_images(
            sanitise_html(html[:MAX_BODY_CHARS]), _content_ids(message), part_url, allow_remote,
            remote_url,
        )
    text = parsed.text if parsed.text is not None else None
    return DisplayBody(html, text, remote, message.from_address or "")


async def message_of(session: AsyncSession, account_id: str, message_id: str
                     ) -> MailMessage | None:
    return await repository.get(session, account_id, message_id)


async def inline_image(blobs: BlobStore, message: MailMessage, attachment_id: str
                       ) -> tuple[str, bytes] | None:
    """(content type, bytes) of an inline image part, None when it is not one."""
    entry = next((e for e in message.attachments or [] if e.get("id") == attachment_id), None)
    if entry is None:
        return None
    content_type = (entry.get("content_type") or "").lower()
    if content_type not in IMAGE_TYPES or int(entry.get("size") or 0) > MAX_INLINE_IMAGE:
        return None
    body = await attachments.open_attachment(blobs, message, attachment_id)
    return content_type, b"".join([c async for c in body.chunks])


#: Attachment types the webmail previews inline (images as <img>, PDF in the browser's viewer).
PREVIEW_TYPES = IMAGE_TYPES | {"application/pdf"}


async def preview(blobs: BlobStore, message: MailMessage, attachment_id: str
                  ) -> attachments.AttachmentBody | None:
    """The attachment's decoded body when it is a previewable type, else None."""
    entry = next((e for e in message.attachments or [] if e.get("id") == attachment_id), None)
    if entry is None or (entry.get("content_type") or "").lower() not in PREVIEW_TYPES:
        return None
    return await attachments.open_attachment(blobs, message, attachment_id)
