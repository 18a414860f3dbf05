"""Text that may reach a mail header or a protocol line: no control characters, and no
bidirectional overrides.

Display names of accounts, groups, rooms and contacts, app names, calendar titles (iMIP
subjects), folder names (IMAP): a CR or LF in any of them would split a header or a
command line later, so they are refused at the edge (422 with `param`), whatever the API.
Bidirectional embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069) would let a
display name render as something else ("Eve\u202egnp.exe" shows as "Eveexe.png"), the
"Trojan Source" trick; the marks RLM/LRM that right-to-left names use stay allowed.
"""

from __future__ import annotations

import unicodedata

from pydantic import AfterValidator

# Line and paragraph separators are not category Cc but end lines for some readers.
_SEPARATORS = {"\u2028", "\u2029"}
_BIDI_OVERRIDES = {chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))}
_REFUSED = _SEPARATORS | _BIDI_OVERRIDES


def has_controls(value: str) -> bool:
    return any(unicodedata.category(ch) == "Cc" or ch in _REFUSED for ch in value)


def single_line(value: str) -> str:
    if has_controls(value):
        raise ValueError(
            "must not contain control characters (line breaks, tabs, NUL) or bidirectional"
            " overrides"
        )
    return value


def strip_controls(value: str) -> str:
    """For values stored before this rule: each control character becomes a space."""
    return "".join(" " if unicodedata.category(ch) == "Cc" or ch in _REFUSED else ch
                   for ch in value)


SingleLine = AfterValidator(single_line)
