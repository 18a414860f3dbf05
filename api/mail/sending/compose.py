"""Build outgoing MIME: correct headers (RFC 2047 names and subjects, Message-ID, Date,
threading), a text/HTML body, and attachments streamed as base64 with flat memory.

The message is laid out as `headers + body entity` or, with attachments,
`multipart/mixed [body entity, attachment, …]`. Its exact size is known before a byte is
written, and every attachment's encoded span is recorded, so a download can decode a
gigabyte attachment straight from the stored message without parsing it.
"""

from __future__ import annotations

import base64
import email.utils
import secrets
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from datetime import datetime
from email import policy
from email.headerregistry import Address
from email.message import MIMEPart
from typing import Any

from api.mail.mime import ParsedMessage, html_to_text, parse_message
from schemas.text import strip_controls

POLICY = policy.SMTP
LINE = 57  # raw bytes per 76-character base64 line
STREAM_CHUNK = LINE * 16 * 1024  # ~0.9 MiB of input per encode call


@dataclass
class AttachmentSource:
    """One attachment: bytes in memory, or a blob in the store (streamed)."""

    filename: str
    content_type: str
    size: int
    data: bytes | None = None
    blob_sha256: str | None = None
    content_id: str | None = None
    inline: bool = False
    params: dict[str, str] = field(default_factory=dict)


@dataclass
class ExtraPart:
    """A part another domain adds to a message it sends through mail (e.g. an iMIP
    invitation): `alternative=True` puts it beside text/plain and text/html inside
    multipart/alternative; otherwise it becomes an attachment."""

    content_type: str
    data: bytes
    filename: str | None = None
    alternative: bool = False
    params: dict[str, str] = field(default_factory=dict)


@dataclass
class Composition:
    from_name: str
    from_address: str
    to: list[tuple[str, str]] = field(default_factory=list)
    cc: list[tuple[str, str]] = field(default_factory=list)
    bcc: list[tuple[str, str]] = field(default_factory=list)
    reply_to: list[tuple[str, str]] = field(default_factory=list)
    subject: str = ""
    text: str | None = None
    html: str | None = None
    in_reply_to: str | None = None
    references: list[str] = field(default_factory=list)
    priority: str = "normal"
    transactional: bool = False
    headers: list[tuple[str, str]] = field(default_factory=list)
    attachments: list[AttachmentSource] = field(default_factory=list)
    alternatives: list[ExtraPart] = field(default_factory=list)
    message_id: str = ""
    date: datetime | None = None
    include_bcc: bool = False  # drafts keep Bcc in their own copy; sent mail never does


def new_message_id(domain: str) -> str:
    return f"<{secrets.token_hex(12)}.{secrets.token_hex(4)}@{domain}>"


def _fold(name: str, value: str) -> bytes:
    # Input is validated at the edge; a value stored before that rule (a display name with
    # a CR/LF) still never splits a header: its control characters become spaces.
    value = strip_controls(value)
    return POLICY.header_factory(name, value).fold(policy=POLICY).encode("ascii")


def _addresses(entries: list[tuple[str, str]]) -> str:
    return ", ".join(
        str(Address(display_name=strip_controls(n).strip(), addr_spec=a)) for n, a in entries
    )


def encoded_size(n: int) -> int:
    """Bytes of base64 with 76-character CRLF lines for `n` input bytes."""
    full, rest = divmod(n, LINE)
    return full * (76 + 2) + ((rest + 2) // 3 * 4 + 2 if rest else 0)


def _text_cte(text: str) -> str:
    non_ascii = sum(1 for ch in text if ord(ch) > 127)
    if not non_ascii and all(len(line) <= 900 for line in text.splitlines()):
        return "7bit"
    return "base64" if non_ascii * 5 > len(text) else "quoted-printable"


def _body_entity(comp: Composition) -> bytes:
    text = comp.text
    if text is None and comp.html is not None:
        text = html_to_text(comp.html)
    text = text if text is not None else ""
    part = MIMEPart(policy=POLICY)
    part.set_content(text, cte=_text_cte(text))
    if comp.html is not None:
        part.add_alternative(comp.html, subtype="html", cte=_text_cte(comp.html))
    for extra in comp.alternatives:
        maintype, _, subtype = extra.content_type.partition("/")
        if not part.is_multipart():
            part.make_alternative()
        sub = MIMEPart(policy=POLICY)
        if maintype == "text":
            sub.set_content(
                extra.data.decode("utf-8", "replace"),
                subtype=subtype,
                cte=_text_cte(extra.data.decode("utf-8", "replace")),
            )
        else:
            sub.set_content(extra.data, maintype, subtype, cte="base64")
        for key, value in extra.params.items():
            sub.set_param(key, value)
        part.attach(sub)
    return part.as_bytes(policy=POLICY)


def _attachment_headers(att: AttachmentSource) -> bytes:
    part = MIMEPart(policy=POLICY)
    part["Content-Type"] = att.content_type
    for key, value in att.params.items():
        part.set_param(key, value)
    part.set_param("name", att.filename)
    part["Content-Disposition"] = "inline" if att.inline else "attachment"
    part.set_param("filename", att.filename, header="Content-Disposition")
    part["Content-Transfer-Encoding"] = "base64"
    if att.content_id:
        part["Content-ID"] = f"<{att.content_id}>"
    # Folded one by one: the generator would want a payload for message/rfc822.
    folded = b"".join(POLICY.fold(n, v).encode("ascii") for n, v in part.raw_items())
    return folded + b"\r\n"


def header_block(comp: Composition) -> list[bytes]:
    date = comp.date or datetime.now().astimezone()
    lines = [
        _fold("Date", email.utils.format_datetime(date)),
        _fold("From", _addresses([(comp.from_name, comp.from_address)])),
    ]
    if comp.to:
        lines.append(_fold("To", _addresses(comp.to)))
    if comp.cc:
        lines.append(_fold("Cc", _addresses(comp.cc)))
    if comp.bcc and comp.include_bcc:
        lines.append(_fold("Bcc", _addresses(comp.bcc)))
    if comp.reply_to:
        lines.append(_fold("Reply-To", _addresses(comp.reply_to)))
    lines.append(_fold("Subject", comp.subject))
    lines.append(_fold("Message-ID", comp.message_id))
    if comp.in_reply_to:
        lines.append(_fold("In-Reply-To", comp.in_reply_to))
    if comp.references:
        lines.append(_fold("References", " ".join(comp.references)))
    if comp.priority == "high":
        lines += [b"X-Priority: 1 (Highest)\r\n", b"Importance: high\r\n"]
    elif comp.priority == "low":
        lines += [b"X-Priority: 5 (Lowest)\r\n", b"Importance: low\r\n"]
    if comp.transactional:
        lines += [b"Auto-Submitted: auto-generated\r\n", b"X-Auto-Response-Suppress: All\r\n"]
    for name, value in comp.headers:
        lines.append(_fold(name, value))
    lines.append(b"MIME-Version: 1.0\r\n")
    return lines


Reader = Callable[[str], AsyncIterator[bytes]]


@dataclass
class BuiltMessage:
    """A message ready to stream: `pieces` are bytes or attachment sources, in order."""

    pieces: list[bytes | AttachmentSource]
    manifest: list[dict[str, Any]]
    size: int
    message_id: str

    @property
    def in_memory(self) -> bool:
        return all(isinstance(p, bytes) or p.data is not None for p in self.pieces)

    def skeleton(self) -> bytes:
        """The message with attachment bodies left out: what the parser needs."""
        return b"".join(p for p in self.pieces if isinstance(p, bytes))

    def to_bytes(self) -> bytes:
        assert self.in_memory
        out = bytearray()
        for piece in self.pieces:
            out += piece if isinstance(piece, bytes) else _encode_all(piece.data or b"")
        return bytes(out)

    async def stream(self, read: Reader) -> AsyncIterator[bytes]:
        for piece in self.pieces:
            if isinstance(piece, bytes):
                yield piece
            elif piece.data is not None:
                yield _encode_all(piece.data)
            else:
                assert piece.blob_sha256 is not None
                async for chunk in encode_stream(read(piece.blob_sha256)):
                    yield chunk

    def parsed(self) -> ParsedMessage:
        """Metadata from the skeleton, with the attachment list (and spans) we laid out."""
        parsed = parse_message(self.skeleton())
        if not self.manifest:  # no multipart/mixed wrapper: every part is the body's own
            return parsed  # (an invitation's text/calendar alternative is part 2, say)
        body_parts = [a for a in parsed.attachments if a["id"] == "1" or a["id"].startswith("1.")]
        parsed.attachments = body_parts + self.manifest
        return parsed


def _encode_all(data: bytes) -> bytes:
    return base64.encodebytes(data).replace(b"\n", b"\r\n")


async def encode_stream(chunks: AsyncIterator[bytes]) -> AsyncIterator[bytes]:
    """Base64 in 76-character CRLF lines, streamed; memory stays at one chunk."""
    carry = b""
    async for chunk in chunks:
        data = carry + chunk if carry else chunk
        cut = len(data) - len(data) % LINE
        if cut:
            yield base64.encodebytes(data[:cut]).replace(b"\n", b"\r\n")
        carry = data[cut:]
    if carry:
        yield base64.encodebytes(carry).replace(b"\n", b"\r\n")


def build(comp: Composition) -> BuiltMessage:
    """Lay out the message. Nothing is read or encoded yet; sizes are exact."""
    head = b"".join(header_block(comp))
    body = _body_entity(comp)
    if not comp.attachments:
        raw = head + body
        return BuiltMessage([raw], [], len(raw), comp.message_id)
    boundary = f"=_mp_{secrets.token_hex(12)}"
    pieces: list[bytes | AttachmentSource] = []
    manifest: list[dict[str, Any]] = []
    offset = 0

    def add(data: bytes) -> None:
        nonlocal offset
        pieces.append(data)
        offset += len(data)

    add(
        head
        + _fold("Content-Type", f'multipart/mixed; boundary="{boundary}"')
        + b"\r\n"
        + b"This is a multi-part message in MIME format.\r\n"
        + f"--{boundary}\r\n".encode()
        + body
    )
    for index, att in enumerate(comp.attachments, start=2):
        add(f"\r\n--{boundary}\r\n".encode() + _attachment_headers(att))
        encoded = encoded_size(att.size)
        manifest.append(
            {
                "id": str(index),
                "filename": att.filename,
                "content_type": att.content_type,
                "size": att.size,
                "content_id": att.content_id,
                "inline": att.inline,
                "calendar": att.content_type == "text/calendar",
                "offset": offset,
                "encoded_size": encoded,
                "encoding": "base64",
            }
        )
        pieces.append(att)
        offset += encoded
    add(f"\r\n--{boundary}--\r\n".encode())
    return BuiltMessage(pieces, manifest, offset, comp.message_id)
