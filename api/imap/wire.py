"""Rendering IMAP response data: strings as quoted strings or literals, NIL, lists,
sequence sets and dates."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


class Raw(bytes):
    """Already-rendered response bytes (not quoted again)."""


def string(value: str | bytes | None) -> bytes:
    """A string as a quoted string when it can be one, else a literal; None is NIL."""
    if value is None:
        return b"NIL"
    data = value.encode("utf-8", "surrogateescape") if isinstance(value, str) else value
    if len(data) < 512 and all(0x20 <= b < 0x7F for b in data):
        return b'"' + data.replace(b"\\", b"\\\\").replace(b'"', b'\\"') + b'"'
    return b"{%d}\r\n" % len(data) + data


def literal(data: bytes) -> bytes:
    return b"{%d}\r\n" % len(data) + data


def astring(value: str) -> bytes:
    data = value.encode("utf-8")
    if data and all(0x21 <= b < 0x7F and b not in b'(){ %*"\\]' for b in data):
        return data
    return string(data)


def plist(items: Iterable[bytes]) -> bytes:
    return b"(" + b" ".join(items) + b")"


def internal_date(when: datetime) -> bytes:
    when = when.astimezone(UTC) if when.tzinfo else when.replace(tzinfo=UTC)
    return (f'"{when.day:02d}-{MONTHS[when.month - 1]}-{when.year:04d} '
            f'{when.hour:02d}:{when.minute:02d}:{when.second:02d} +0000"').encode()


def seqset(values: Iterable[int]) -> str:
    """`1:3,5` for [1, 2, 3, 5]; empty input gives ''."""
    ordered = sorted(set(values))
    if not ordered:
        return ""
    parts: list[str] = []
    start = prev = ordered[0]
    for v in ordered[1:]:
        if v == prev + 1:
            prev = v
            continue
        parts.append(f"{start}:{prev}" if start != prev else str(start))
        start = prev = v
    parts.append(f"{start}:{prev}" if start != prev else str(start))
    return ",".join(parts)
