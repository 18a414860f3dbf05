"""Checks on the DATA bytes themselves: line endings (SMTP smuggling) and the envelope
sender's spelling."""

from __future__ import annotations

import re

# a dot line reached through a bare LF or bare CR: how smuggled SMTP commands hide in DATA
_SMUGGLED_END = re.compile(
    rb"(?:(?<!\r)\n|\r(?!\n))\.(?:\r\n|\n|\r(?!\n))|\r\n\.(?:\n|\r(?!\n))"
)
_BARE_EOL = re.compile(rb"\r?\n|\r")

SMUGGLING_REPLY = "554 5.5.2 Bare LF or CR before a dot line; message refused (SMTP smuggling)"


def line_endings(raw: bytes) -> tuple[bytes, str | None]:
    """(raw with every line ending CRLF, None) or (raw, the refusal) when the data holds a
    bare-LF/CR dot sequence another server could read as the end of DATA."""
    lf = raw.count(b"\n")
    if lf == raw.count(b"\r\n") and raw.count(b"\r") == lf:
        return raw, None
    if _SMUGGLED_END.search(raw):
        return raw, SMUGGLING_REPLY
    return _BARE_EOL.sub(b"\r\n", raw), None


def envelope_address(value: str | None) -> str:
    """aiosmtpd spells the null reverse path `<>`; we use the empty string."""
    if not value or value.strip() == "<>":
        return ""
    return value.strip()
