"""A message's MIME tree over its exact bytes, for FETCH: each part keeps the slices of the
original it came from, so BODY[1.2], BODY[HEADER] and sizes are byte-exact (the stdlib
`email` package re-serialises and loses offsets)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from email.message import Message
from email.parser import HeaderParser
from email.policy import compat32

_BLANK = re.compile(rb"\r?\n\r?\n")
_MAX_DEPTH = 30
_MAX_PARTS = 2000


@dataclass
class Part:
    header: bytes  # raw header lines, including the blank line that ends them
    body: bytes
    headers: Message
    maintype: str
    subtype: str
    params: list[tuple[str, str]]
    children: list[Part] = field(default_factory=list)
    message: Part | None = None  # the encapsulated message of a message/rfc822 part

    @property
    def is_multipart(self) -> bool:
        return self.maintype == "multipart"

    def get(self, name: str) -> str | None:
        value = self.headers.get(name)
        return None if value is None else str(value)


def _split_header(raw: bytes) -> tuple[bytes, bytes]:
    if raw.startswith(b"\r\n"):
        return raw[:2], raw[2:]
    if raw.startswith(b"\n"):
        return raw[:1], raw[1:]
    match = _BLANK.search(raw)
    if match is None:
        return raw, b""
    return raw[: match.end()], raw[match.end() :]


def _content_type(headers: Message, default: str) -> tuple[str, str, list[tuple[str, str]]]:
    value = headers.get("Content-Type")
    ctype = headers.get_content_type() if value else default
    if "/" not in ctype:
        ctype = "text/plain"
    main, sub = ctype.split("/", 1)
    params: list[tuple[str, str]] = []
    raw_params = headers.get_params(header="content-type") or [] if value else []
    for name, val in raw_params[1:]:
        if isinstance(val, tuple):
            val = val[2]
        params.append((str(name), str(val)))
    if not value and main == "text":
        params = [("charset", "us-ascii")]
    return main.lower(), sub.lower(), params


def parse(raw: bytes, default: str = "text/plain", depth: int = 0,
          budget: list[int] | None = None) -> Part:
    budget = budget if budget is not None else [_MAX_PARTS]
    budget[0] -= 1
    header, body = _split_header(raw)
    # UTF-8 (RFC 6532) headers decode as text; other 8-bit bytes survive as surrogates
    headers = HeaderParser(policy=compat32).parsestr(header.decode("utf-8", "surrogateescape"))
    main, sub, params = _content_type(headers, default)
    part = Part(header, body, headers, main, sub, params)
    if depth >= _MAX_DEPTH or budget[0] <= 0:
        return part
    if main == "multipart":
        boundary = dict((k.lower(), v) for k, v in params).get("boundary")
        if boundary:
            child_default = "message/rfc822" if sub == "digest" else "text/plain"
            for chunk in _split_multipart(body, boundary.encode("utf-8", "replace")):
                part.children.append(parse(chunk, child_default, depth + 1, budget))
        if not part.children:  # a multipart without parts reads as one empty text part
            part.children.append(Part(b"", b"", Message(), "text", "plain", []))
    elif main == "message" and sub in ("rfc822", "global"):
        part.message = parse(body, "text/plain", depth + 1, budget)
    return part


def _split_multipart(body: bytes, boundary: bytes) -> list[bytes]:
    delim = re.compile(rb"(?:^|\r?\n)--" + re.escape(boundary) + rb"(--)?[ \t]*(?:\r?\n|$)")
    parts: list[bytes] = []
    start: int | None = None
    for match in delim.finditer(body):
        if start is not None:
            parts.append(body[start : match.start()])
        if match.group(1):
            return parts
        start = match.end()
    if start is not None:
        parts.append(body[start:])
    return parts


def find(root: Part, path: tuple[int, ...]) -> Part | None:
    """The part at a section path (1-based); a message/rfc822 part's children are those
    of the message it holds."""
    part = root
    for number in path:
        if part.message is not None:
            part = part.message
        if part.is_multipart:
            if number > len(part.children):
                return None
            part = part.children[number - 1]
        elif number == 1:
            continue  # a non-multipart message's body is part 1
        else:
            return None
    return part


def header_fields(header: bytes, names: tuple[str, ...], exclude: bool) -> bytes:
    """The header lines (with continuations) named (or, with exclude, not named) in
    `names`, followed by the blank line."""
    wanted = {n.lower() for n in names}
    out: list[bytes] = []
    keep = False
    for line in header.splitlines(keepends=True):
        if line in (b"\r\n", b"\n"):
            break
        if line[:1] in (b" ", b"\t"):
            if keep:
                out.append(line)
            continue
        name = line.split(b":", 1)[0].strip().decode("latin-1").lower()
        keep = (name in wanted) != exclude
        if keep:
            out.append(line)
    out.append(b"\r\n")
    return b"".join(out)
