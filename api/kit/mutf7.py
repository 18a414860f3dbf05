"""Modified UTF-7 (RFC 3501 section 5.1.3), how IMAP clients without UTF8=ACCEPT spell
folder names such as 收件箱: printable ASCII as itself, `&` as `&-`, anything else as
`&` + modified base64 of UTF-16BE + `-`."""

from __future__ import annotations

import base64
import binascii


class Utf7Error(ValueError):
    """The name is not valid modified UTF-7."""


def encode(name: str) -> str:
    out: list[str] = []
    pending: list[str] = []

    def flush() -> None:
        if pending:
            raw = "".join(pending).encode("utf-16-be")
            out.append("&" + base64.b64encode(raw).decode().rstrip("=").replace("/", ",") + "-")
            pending.clear()

    for ch in name:
        if 0x20 <= ord(ch) <= 0x7E:
            flush()
            out.append("&-" if ch == "&" else ch)
        else:
            pending.append(ch)
    flush()
    return "".join(out)


def decode(text: str) -> str:
    out: list[str] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if not 0x20 <= ord(ch) <= 0x7E:
            raise Utf7Error("non-ASCII character in a modified UTF-7 name")
        if ch != "&":
            out.append(ch)
            i += 1
            continue
        end = text.find("-", i)
        if end < 0:
            raise Utf7Error("unterminated & sequence")
        chunk = text[i + 1 : end]
        if not chunk:
            out.append("&")
        else:
            b64 = chunk.replace(",", "/")
            b64 += "=" * (-len(b64) % 4)
            try:
                raw = base64.b64decode(b64, validate=True)
                decoded = raw.decode("utf-16-be")
            except (binascii.Error, UnicodeDecodeError):
                raise Utf7Error("bad base64 in a modified UTF-7 name") from None
            if any(0x20 <= ord(c) <= 0x7E for c in decoded):
                raise Utf7Error("printable ASCII must not be encoded")
            out.append(decoded)
        i = end + 1
    return "".join(out)
