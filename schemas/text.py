"""Text that may reach a mail header or a protocol line: no control characters.

Display names of accounts, groups, rooms and contacts, app names, calendar titles (iMIP
subjects), folder names (IMAP): a CR or LF in any of them would split a header or a
command line later, so they are refused at the edge (422 with `param`), whatever the API.
"""

from __future__ import annotations

import unicodedata

from pydantic import AfterValidator

# Line and paragraph separators are not category Cc but end lines for some readers.
_SEPARATORS = {"\u2028", "\u2029"}


def has_controls(value: str) -> bool:
    return any(unicodedata.category(ch) == "Cc" or ch in _SEPARATORS for ch in value)


def single_line(value: str) -> str:
    if has_controls(value):
        raise ValueError("must not contain control characters (line breaks, tabs, NUL)")
    return value


def strip_controls(value: str) -> str:
    """For values stored before this rule: each control character becomes a space."""
    return "".join(" " if unicodedata.category(ch) == "Cc" or ch in _SEPARATORS else ch
                   for ch in value)


SingleLine = AfterValidator(single_line)
