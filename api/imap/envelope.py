"""ENVELOPE and BODY/BODYSTRUCTURE of a message (RFC 9051 section 7.5.2), from its MIME
tree, with header values as sent (encoded words left for the client to decode)."""

from __future__ import annotations

from email.utils import getaddresses

from api.imap.mime_tree import Part
from api.imap.wire import plist, string


def _raw(part: Part, name: str) -> str | None:
    value = part.headers.get(name)
    if value is None:
        return None
    text = str(value)
    return " ".join(text.split()) if "\n" in text else text.strip()


def _addresses(part: Part, name: str) -> bytes:
    values = part.headers.get_all(name)
    if not values:
        return b"NIL"
    out: list[bytes] = []
    for display, address in getaddresses([str(v) for v in values]):
        if not address and not display:
            continue
        local, _, host = address.rpartition("@") if "@" in address else (address, "", "")
        out.append(plist([string(display or None), b"NIL", string(local or None),
                          string(host or None)]))
    return plist(out) if out else b"NIL"


def envelope(part: Part) -> bytes:
    sender = _addresses(part, "sender")
    reply_to = _addresses(part, "reply-to")
    from_ = _addresses(part, "from")
    return plist([
        string(_raw(part, "date")),
        string(_raw(part, "subject")),
        from_,
        sender if sender != b"NIL" else from_,
        reply_to if reply_to != b"NIL" else from_,
        _addresses(part, "to"),
        _addresses(part, "cc"),
        _addresses(part, "bcc"),
        string(_raw(part, "in-reply-to")),
        string(_raw(part, "message-id")),
    ])


def _params(params: list[tuple[str, str]]) -> bytes:
    if not params:
        return b"NIL"
    return plist([item for k, v in params for item in (string(k), string(v))])


def _disposition(part: Part) -> bytes:
    value = part.headers.get("content-disposition")
    if value is None:
        return b"NIL"
    kind = str(value).split(";", 1)[0].strip()
    raw = part.headers.get_params(header="content-disposition") or []
    params = [(str(k), str(v[2] if isinstance(v, tuple) else v)) for k, v in raw[1:]]
    return plist([string(kind or "attachment"), _params(params)])


def _lines(data: bytes) -> int:
    return data.count(b"\n") + (0 if not data or data.endswith(b"\n") else 1)


def bodystructure(part: Part, extended: bool = True) -> bytes:
    if part.is_multipart:
        kids = b"".join(bodystructure(c, extended) for c in part.children)
        items = [kids, string(part.subtype)]
        if extended:
            items += [_params(part.params), _disposition(part),
                      string(_raw(part, "content-language")),
                      string(_raw(part, "content-location"))]
        return b"(" + b" ".join(items) + b")"
    encoding = (_raw(part, "content-transfer-encoding") or "7BIT").upper()
    items = [
        string(part.maintype), string(part.subtype), _params(part.params),
        string(_raw(part, "content-id")), string(_raw(part, "content-description")),
        string(encoding), str(len(part.body)).encode(),
    ]
    if part.message is not None:
        items += [envelope(part.message), bodystructure(part.message, extended),
                  str(_lines(part.body)).encode()]
    elif part.maintype == "text":
        items.append(str(_lines(part.body)).encode())
    if extended:
        items += [string(_raw(part, "content-md5")), _disposition(part),
                  string(_raw(part, "content-language")),
                  string(_raw(part, "content-location"))]
    return plist(items)
