"""Checks on the DATA bytes themselves: line endings (SMTP smuggling), line length, and the
envelope sender's spelling.

Bare LF follows Postfix 3.9's `smtpd_forbid_bare_newline = normalize`: a bare LF (or CR)
ends a line like CRLF, whatever the message's size, and becomes CRLF; only CRLF.CRLF ends
DATA, and a dot line reached through a bare LF or CR (which another server could read as
the end of DATA: SMTP smuggling) refuses the message. Line length (RFC 5321 4.5.3.1.6) is
counted per line so ended, so a message with short LF lines is never "too long"."""

from __future__ import annotations

import re

# a dot line reached through a bare LF or bare CR: how smuggled SMTP commands hide in DATA
_SMUGGLED_END = re.compile(
    rb"(?:(?<!\r)\n|\r(?!\n))\.(?:\r\n|\n|\r(?!\n))|\r\n\.(?:\n|\r(?!\n))"
)
_BARE_EOL = re.compile(rb"\r?\n|\r")
# a dot-stuffed line after a bare LF: aiosmtpd undoes stuffing on CRLF lines only
_STUFFED_AFTER_LF = re.compile(rb"(?<!\r)\n\.\.")
MAX_LINE = 999  # bytes before the line ending (aiosmtpd's 1,001 with CRLF)

SMUGGLING_REPLY = "554 5.5.2 Bare LF or CR before a dot line; message refused (SMTP smuggling)"
LONG_LINE_REPLY = "500 5.5.2 Line too long (RFC 5321 4.5.3.1.6)"


def line_endings(raw: bytes) -> tuple[bytes, str | None]:
    """(raw with every line ending CRLF, None) or (raw, the refusal) when the data holds a
    bare-LF/CR dot sequence another server could read as the end of DATA."""
    lf = raw.count(b"\n")
    if not (lf == raw.count(b"\r\n") and raw.count(b"\r") == lf):
        if _SMUGGLED_END.search(raw):
            return raw, SMUGGLING_REPLY
        raw = _BARE_EOL.sub(b"\r\n", _STUFFED_AFTER_LF.sub(b"\n.", raw))
    if _longest_line(raw) > MAX_LINE:
        return raw, LONG_LINE_REPLY
    return raw, None


def _longest_line(raw: bytes) -> int:
    longest, start = 0, 0
    while True:
        end = raw.find(b"\r\n", start)
        if end < 0:
            return max(longest, len(raw) - start)
        longest = max(longest, end - start)
        start = end + 2


def envelope_address(value: str | None) -> str:
    """aiosmtpd spells the null reverse path `<>`; we use the empty string."""
    if not value or value.strip() == "<>":
        return ""
    return value.strip()
