"""Attachment bytes, streamed: decoded straight from the stored message when its encoded
span is known (mail we built, however large), else from the parsed MIME part."""

from __future__ import annotations

import base64
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

from api.errors import NotFound
from api.i18n import _
from api.mail.attachments.http import ByteRange
from api.mail.messages.views import load_raw_head
from api.mail.mime import find_part, part_payload
from api.mail.sending.compose import LINE
from api.storage.blobs import BlobStore
from api.storage.models import MailMessage

_WS = b"\r\n \t"
LINE_BYTES = 78  # a 76-character line and its CRLF


@dataclass
class AttachmentBody:
    entry: dict[str, Any]
    size: int
    chunks: AsyncIterator[bytes]


def find_entry(message: MailMessage, attachment_id: str) -> dict[str, Any]:
    for entry in message.attachments or []:
        if entry.get("id") == attachment_id:
            return entry
    raise NotFound(_(
        "No attachment {attachment_id} in this message.", attachment_id=attachment_id
    ), param="attachment_id")


async def decode_base64(chunks: AsyncIterator[bytes]) -> AsyncIterator[bytes]:
    carry = b""
    async for chunk in chunks:
        data = carry + chunk.translate(None, _WS)
        cut = len(data) - len(data) % 4
        if cut:
            yield base64.b64decode(data[:cut])
        carry = data[cut:]
    if carry:
        yield base64.b64decode(carry + b"=" * (-len(carry) % 4))


async def _window(chunks: AsyncIterator[bytes], skip: int, length: int) -> AsyncIterator[bytes]:
    async for chunk in chunks:
        if skip:
            if len(chunk) <= skip:
                skip -= len(chunk)
                continue
            chunk = chunk[skip:]
            skip = 0
        if len(chunk) >= length:
            yield chunk[:length]
            return
        length -= len(chunk)
        yield chunk


async def _once(data: bytes) -> AsyncIterator[bytes]:
    yield data


async def open_attachment(
    blobs: BlobStore, message: MailMessage, attachment_id: str, rng: ByteRange | None = None
) -> AttachmentBody:
    entry = find_entry(message, attachment_id)
    if "offset" in entry:
        size = int(entry["size"])
        start, end = (rng.start, rng.end) if rng else (0, size)
        line = start // LINE  # lines are regular: seek straight to the one holding `start`
        enc_start = int(entry["offset"]) + line * LINE_BYTES
        enc_end = int(entry["offset"]) + int(entry["encoded_size"])
        chunks = _window(
            decode_base64(blobs.read(message.blob_sha256, enc_start, enc_end)),
            start - line * LINE,
            end - start,
        )
        return AttachmentBody(entry, size, chunks)
    part = find_part(await load_raw_head(blobs, message), attachment_id)
    if part is None:
        raise NotFound(_(
            "Attachment {attachment_id} cannot be read.", attachment_id=attachment_id
        ), param="attachment_id")
    data = part_payload(part)
    size = len(data)
    if rng is not None:
        data = data[rng.start : rng.end]
    return AttachmentBody(entry, size, _once(data))
