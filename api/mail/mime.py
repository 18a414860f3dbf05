"""Parse RFC 5322 / MIME bytes into what a mailbox row and the API need. Never raises.

The raw bytes are never rewritten: this module only reads them. Structure comes from the
stdlib parser in its lenient compat32 mode; headers are decoded here (RFC 2047 encoded words
joined across adjacent words before decoding, raw 8-bit headers sniffed), because real
mail breaks the stricter header registry. Part ids are IMAP-style paths ("1", "2.1").
"""

from __future__ import annotations

import base64
import binascii
import email
import email.message
import email.utils
import html as html_lib
import mimetypes
import quopri
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from api.mail.charsets import clean, codec_for, decode_bytes

MAX_HEADER_CHARS = 2000
MAX_ADDRESSES = 1000
MAX_HEADERS = 300
MAX_REFERENCES = 50
SNIPPET_CHARS = 200
MAX_TEXT_CHARS = 1_000_000

_ENCODED_WORD = re.compile(r"=\?([^?\s]+)\?([bBqQ])\?([^?\s]*)\?=")
_MSGID = re.compile(r"<[^<>\s]+>")
_ADDR_FALLBACK = re.compile(r"[^\s<>,;:\"'()\[\]]+@[^\s<>,;:\"'()\[\]]+")
_WS = re.compile(r"\s+")
_FOLD = re.compile(r"\r?\n(?=[ \t])")
_SUBJECT_PREFIX = re.compile(
    r"^\s*((re|fw|fwd|aw|wg|sv|vs|tr|rif|antw|回复|回覆|答复|答覆|转发|轉寄|转寄|轉發)"
    r"\s*(\[\d+\])?\s*[:：]\s*|\[[^\]]{1,40}\]\s*)",
    re.IGNORECASE,
)


@dataclass
class ParsedMessage:
    subject: str = ""
    from_name: str = ""
    from_address: str = ""
    sender: list[dict[str, str]] = field(default_factory=list)
    to: list[dict[str, str]] = field(default_factory=list)
    cc: list[dict[str, str]] = field(default_factory=list)
    bcc: list[dict[str, str]] = field(default_factory=list)
    reply_to: list[dict[str, str]] = field(default_factory=list)
    sent_at: datetime | None = None
    message_id: str = ""
    in_reply_to: str = ""
    references: list[str] = field(default_factory=list)
    priority: str = "normal"
    text: str | None = None
    html: str | None = None
    snippet: str = ""
    attachments: list[dict[str, Any]] = field(default_factory=list)
    headers: list[tuple[str, str]] = field(default_factory=list)
    parse_status: str = "ok"  # ok | defects | failed
    problems: list[str] = field(default_factory=list)

    @property
    def body_text(self) -> str:
        """The readable text: the plain body, or the HTML body rendered to text."""
        if self.text:
            return self.text
        if self.html:
            return html_to_text(self.html)
        return ""


# --- headers ---------------------------------------------------------------------------


def _decode_word(charset: str, encoding: str, payload: str) -> bytes:
    if encoding in "bB":
        data = payload.encode("ascii", "ignore")
        data += b"=" * (-len(data) % 4)
        try:
            return base64.b64decode(data, validate=False)
        except (binascii.Error, ValueError):
            return b""
    data = quopri.decodestring(payload.replace("_", " ").encode("ascii", "ignore"), header=False)
    if "_" in payload and codec_for(charset) in _DOUBLE_BYTE:
        # Some Chinese mailers leave a trail byte 0x5F as a bare "_"; read as a space it
        # breaks the character, so keep it when that is what decodes cleanly.
        literal = quopri.decodestring(payload.encode("ascii", "ignore"), header=False)
        codec = codec_for(charset) or "ascii"
        if not _decodes(data, codec) and _decodes(literal, codec):
            return literal
    return data


_DOUBLE_BYTE = {"gb18030", "big5hkscs", "cp932", "cp949", "euc_jp"}


def _decodes(data: bytes, codec: str) -> bool:
    try:
        data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return False
    return True


def decode_rfc2047(value: str) -> str:
    """Decode encoded words; adjacent words in one charset are joined as bytes first, so
    a multi-byte character split across two words (common in Chinese mail) survives."""
    if "=?" not in value:
        return value
    out: list[str] = []
    pending: tuple[str, bytearray] | None = None
    pos = 0

    def flush() -> None:
        nonlocal pending
        if pending is not None:
            out.append(decode_bytes(bytes(pending[1]), pending[0]))
            pending = None

    for match in _ENCODED_WORD.finditer(value):
        between = value[pos : match.start()]
        if not (pending is not None and between.strip() == ""):
            flush()
            out.append(between)
        charset = match.group(1).split("*", 1)[0].lower()
        data = _decode_word(charset, match.group(2), match.group(3))
        if pending is not None and pending[0] == charset:
            pending[1].extend(data)
        else:
            flush()
            pending = (charset, bytearray(data))
        pos = match.end()
    flush()
    out.append(value[pos:])
    return "".join(out)


def decode_header(raw: str) -> str:
    """Unfold, recover raw 8-bit bytes, decode encoded words; clean and bounded."""
    value = _FOLD.sub("", raw)
    try:
        value.encode("ascii")
    except UnicodeEncodeError:
        data = value.encode("ascii", "surrogateescape") if _has_surrogates(value) else None
        if data is not None:
            value = decode_bytes(data, None)
    value = decode_rfc2047(value)
    value = _WS.sub(" ", value).strip()
    return clean(value[:MAX_HEADER_CHARS])


def _has_surrogates(value: str) -> bool:
    return any("\udc80" <= ch <= "\udcff" for ch in value)


def parse_addresses(values: list[str]) -> list[dict[str, str]]:
    """Addresses from raw header values, display names decoded; malformed input degrades to
    the bare addresses found in it, never to an error."""
    result: list[dict[str, str]] = []
    for raw in values:
        unfolded = _FOLD.sub("", raw)
        try:
            pairs = email.utils.getaddresses([unfolded])
        except Exception:  # noqa: BLE001 - the stdlib raises assorted errors on junk
            pairs = []
        if not pairs or all(not addr for _, addr in pairs):
            pairs = [("", a) for a in _ADDR_FALLBACK.findall(decode_header(unfolded))]
        for name, addr in pairs:
            addr = clean(decode_header(addr)).strip().strip("<>")
            if not addr:
                continue
            result.append({"name": decode_header(name).strip('"').strip(), "address": addr[:320]})
            if len(result) >= MAX_ADDRESSES:
                return result
    return result


def _parse_date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        parsed = email.utils.parsedate_to_datetime(_WS.sub(" ", value).strip())
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if parsed is None:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    if not 1970 <= parsed.year <= 2200:
        return None
    return parsed.astimezone(UTC)


def _priority(headers: dict[str, str]) -> str:
    x = headers.get("x-priority", "").strip()[:1]
    importance = (headers.get("importance", "") or headers.get("priority", "")).strip().lower()
    if x in ("1", "2") or importance in ("high", "urgent"):
        return "high"
    if x in ("4", "5") or importance in ("low", "non-urgent"):
        return "low"
    return "normal"


def subject_key(subject: str) -> str:
    """A subject without reply/forward prefixes or list tags, lower-cased, for threading."""
    previous = None
    key = subject
    while key != previous:
        previous = key
        key = _SUBJECT_PREFIX.sub("", key, count=1)
    return _WS.sub(" ", key).strip().lower()[:200]


def has_reply_prefix(subject: str) -> bool:
    """A reply or forward word among the leading prefixes (`[list] Re: x`, `回复：x`); a list
    tag alone (`[ILUG] x`) is a new post, not a reply."""
    rest = subject
    while (match := _SUBJECT_PREFIX.match(rest)) is not None and match.end() > 0:
        if match.group(2):
            return True
        rest = rest[match.end():]
    return False


# --- bodies --------------------------------------------------------------------------------


_SCRIPT_STYLE = re.compile(r"<(script|style|head)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_BLOCK = re.compile(r"<\s*(br|/p|/div|/tr|/li|/h\d)\b[^>]*>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.IGNORECASE)


def html_to_text(markup: str) -> str:
    text = _SCRIPT_STYLE.sub(" ", markup[:MAX_TEXT_CHARS])
    text = _BLOCK.sub("\n", text)
    text = _TAG.sub(" ", text)
    text = html_lib.unescape(text)
    return re.sub(r"[ \t\r\f\v]+", " ", text).strip()


def make_snippet(text: str) -> str:
    return _WS.sub(" ", text[: SNIPPET_CHARS * 8]).strip()[:SNIPPET_CHARS]


def part_payload(part: email.message.Message) -> bytes:
    """The decoded bytes of a leaf part (base64 / quoted-printable undone, leniently)."""
    if part.get_content_maintype() == "message" or part.is_multipart():
        inner = part.get_payload()
        if isinstance(inner, list):
            return b"".join(
                p.as_bytes() if isinstance(p, email.message.Message) else b"" for p in inner
            )
    try:
        data = part.get_payload(decode=True)
    except Exception:  # noqa: BLE001
        data = None
    if isinstance(data, bytes):
        return data
    raw = part.get_payload()
    if isinstance(raw, str):
        return raw.encode("utf-8", "surrogateescape")
    return b""


def _part_text(part: email.message.Message) -> str:
    data = part_payload(part)
    charset = part.get_param("charset")
    label = charset if isinstance(charset, str) else None
    if label is None and part.get_content_subtype() == "html":
        found = _META_CHARSET.search(data[:4096])
        if found:
            label = found.group(1).decode("ascii", "ignore")
    return clean(decode_bytes(data, label)[:MAX_TEXT_CHARS])


def _filename(part: email.message.Message) -> str | None:
    try:
        name = part.get_filename()
    except Exception:  # noqa: BLE001
        name = None
    if not name:
        return None
    if isinstance(name, tuple):  # undecodable RFC 2231 triple
        name = str(name[2])
    return decode_header(str(name)) or None


def _disposition(part: email.message.Message) -> str | None:
    try:
        return part.get_content_disposition()
    except Exception:  # noqa: BLE001
        return None


def _content_type(part: email.message.Message) -> str:
    try:
        return part.get_content_type()
    except Exception:  # noqa: BLE001
        return "application/octet-stream"


class _Walker:
    def __init__(self, parsed: ParsedMessage) -> None:
        self.parsed = parsed
        self.texts: list[str] = []
        self.htmls: list[str] = []

    def walk(self, part: email.message.Message, path: str, in_alternative: bool = False) -> None:
        ctype = _content_type(part)
        for defect in getattr(part, "defects", []):
            self.parsed.problems.append(type(defect).__name__)
        if part.is_multipart() and part.get_content_maintype() == "multipart":
            children = part.get_payload()
            if isinstance(children, list):
                alternative = ctype == "multipart/alternative"
                for i, child in enumerate(children, 1):
                    if isinstance(child, email.message.Message):
                        self.walk(child, f"{path}.{i}" if path else str(i), alternative)
                return
        self.leaf(part, path or "1", ctype, in_alternative)

    def leaf(self, part: email.message.Message, path: str, ctype: str, in_alt: bool) -> None:
        disposition = _disposition(part)
        filename = _filename(part)
        if ctype in ("text/plain", "text/html") and disposition != "attachment" and not filename:
            text = _part_text(part)
            (self.texts if ctype == "text/plain" else self.htmls).append(text)
            return
        content_id = (part.get("Content-ID") or "").strip()
        content_id = decode_header(content_id).strip("<>") if content_id else ""
        data = part_payload(part)
        inline = disposition == "inline" or (disposition is None and bool(content_id))
        self.parsed.attachments.append(
            {
                "id": path,
                "filename": filename or _default_name(ctype, path),
                "content_type": ctype,
                "size": len(data),
                "content_id": content_id[:500] or None,
                "inline": inline,
                "calendar": ctype == "text/calendar",
            }
        )


def _default_name(ctype: str, path: str) -> str:
    ext = {
        "text/calendar": "invite.ics",
        "message/rfc822": "message.eml",
        "application/ms-tnef": "winmail.dat",
        "application/pkcs7-mime": "smime.p7m",
        "application/x-pkcs7-mime": "smime.p7m",
        "application/pkcs7-signature": "smime.p7s",
        "application/x-pkcs7-signature": "smime.p7s",
        "message/delivery-status": "delivery-status.txt",
    }
    if ctype in ext:
        return ext[ctype]
    guessed = mimetypes.guess_extension(ctype) or ""
    return f"part-{path}{guessed}"


def parse_headers_only(raw: bytes) -> email.message.Message:
    return email.message_from_bytes(raw)


def parse_message(raw: bytes) -> ParsedMessage:
    """Everything the store and the API need from raw bytes; a failure yields a flagged
    result with whatever could be recovered, never an exception."""
    parsed = ParsedMessage()
    try:
        msg = email.message_from_bytes(raw)
        _fill(parsed, msg, raw)
    except Exception as exc:  # noqa: BLE001 - unparseable mail is stored and flagged, not lost
        parsed.parse_status = "failed"
        parsed.problems.append(f"{type(exc).__name__}")
        if not parsed.snippet:
            parsed.snippet = make_snippet(clean(decode_bytes(raw[:4096], None)))
    parsed.problems = sorted(set(parsed.problems))[:50]
    if parsed.parse_status == "ok" and parsed.problems:
        parsed.parse_status = "defects"
    return parsed


def _fill(parsed: ParsedMessage, msg: email.message.Message, raw: bytes) -> None:
    items = [(str(k), str(v)) for k, v in msg.raw_items()]
    if not items or not _looks_like_headers(raw):
        parsed.parse_status = "failed"
        parsed.problems.append("no_headers")
    for name, value in items[:MAX_HEADERS]:
        parsed.headers.append((clean(name[:200]), decode_header(value)))
    first: dict[str, str] = {}
    multi: dict[str, list[str]] = {}
    for name, value in items:
        key = name.lower()
        first.setdefault(key, value)
        multi.setdefault(key, []).append(value)
    parsed.subject = decode_header(first.get("subject", ""))
    sender = parse_addresses(multi.get("from", []))
    if sender:
        parsed.from_name, parsed.from_address = sender[0]["name"], sender[0]["address"]
    parsed.sender = sender
    parsed.to = parse_addresses(multi.get("to", []))
    parsed.cc = parse_addresses(multi.get("cc", []))
    parsed.bcc = parse_addresses(multi.get("bcc", []))
    parsed.reply_to = parse_addresses(multi.get("reply-to", []))
    parsed.sent_at = _parse_date(first.get("date"))
    if "date" not in first:
        parsed.problems.append("missing_date")
    ids = _MSGID.findall(_FOLD.sub("", first.get("message-id", "")))
    parsed.message_id = clean(ids[0][:500]) if ids else ""
    replied = _MSGID.findall(_FOLD.sub("", first.get("in-reply-to", "")))
    parsed.in_reply_to = clean(replied[0][:500]) if replied else ""
    refs = _MSGID.findall(_FOLD.sub("", " ".join(multi.get("references", []))))
    parsed.references = [clean(r[:500]) for r in refs[-MAX_REFERENCES:]]
    parsed.priority = _priority(
        {
            k: decode_header(v)
            for k, v in first.items()
            if k in ("x-priority", "importance", "priority")
        }
    )
    walker = _Walker(parsed)
    if parsed.parse_status == "failed":
        # No header block: the whole input is a body of unknown form.
        parsed.text = clean(decode_bytes(raw[:MAX_TEXT_CHARS], None))
    else:
        walker.walk(msg, "")
        if walker.texts:
            parsed.text = "\n".join(walker.texts)
        if walker.htmls:
            parsed.html = "\n".join(walker.htmls)
    parsed.snippet = make_snippet(parsed.body_text)


_HEADER_LINE = re.compile(rb"^[!-9;-~]+[ \t]*:")


def _looks_like_headers(raw: bytes) -> bool:
    """Does the input start with a header field (or a leading mbox `From ` line)?"""
    head = raw.lstrip(b"\r\n")[:1000]
    if head.startswith(b"From "):
        head = head.split(b"\n", 1)[1] if b"\n" in head else b""
    return bool(_HEADER_LINE.match(head))


def find_part(raw: bytes, part_id: str) -> email.message.Message | None:
    """The MIME part with IMAP-style path `part_id`, for downloads of parsed messages."""
    msg: email.message.Message = email.message_from_bytes(raw)
    if part_id == "1" and not msg.is_multipart():
        return msg
    current = msg
    for piece in part_id.split("."):
        if not piece.isdigit():
            return None
        if not (current.is_multipart() and current.get_content_maintype() == "multipart"):
            return None
        children = current.get_payload()
        index = int(piece) - 1
        if not isinstance(children, list) or not 0 <= index < len(children):
            return None
        current = children[index]
    return current
