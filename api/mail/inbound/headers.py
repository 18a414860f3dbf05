"""Trace and result headers the edge prepends (Return-Path, Received, Authentication-Results)
and the removal of look-alike headers a sender may not set (RFC 8601 section 5)."""

from __future__ import annotations

import email.utils
import re

_UNSAFE = re.compile(r"[^\x21-\x7e]")
_FIELD = re.compile(rb"^([!-9;-~]+)[ \t]*:", re.MULTILINE)


def token(text: str, limit: int = 200) -> str:
    """Client-supplied text made safe for a header: printable ASCII, no spaces or breaks."""
    return _UNSAFE.sub("", text)[:limit] or "unknown"


def received(
    *, helo: str, ip: str, hostname: str, protocol: str, queue_id: str, recipient: str | None,
) -> bytes:
    """A `Received:` field (RFC 5321 4.4) for one hop; `protocol` per RFC 3848."""
    when = email.utils.formatdate(localtime=False)
    for_clause = f"\r\n\tfor <{token(recipient, 320)}>" if recipient else ""
    return (
        f"Received: from {token(helo)} ([{token(ip, 64)}])\r\n"
        f"\tby {hostname} (Mailplane) with {protocol} id {queue_id}{for_clause};\r\n"
        f"\t{when}\r\n"
    ).encode("ascii")


def return_path(sender: str) -> bytes:
    return f"Return-Path: <{token(sender, 320) if sender else ''}>\r\n".encode("ascii")


def header_end(raw: bytes) -> int:
    """Index just past the header block's final line break (0 if there is no body split)."""
    for sep in (b"\r\n\r\n", b"\n\n"):
        at = raw.find(sep)
        if at != -1:
            return at + len(sep) // 2
    return len(raw)


def strip_fields(raw: bytes, drop: callable) -> bytes:  # type: ignore[valid-type]
    """Remove header fields for which `drop(name_lower, value_bytes)` is true; the rest of
    the message stays byte for byte."""
    end = header_end(raw)
    head, body = raw[:end], raw[end:]
    lines = head.splitlines(keepends=True)
    kept: list[bytes] = []
    dropping = False
    changed = False
    for line in lines:
        if line[:1] in (b" ", b"\t"):
            if not dropping:
                kept.append(line)
            continue
        match = _FIELD.match(line)
        dropping = bool(match) and bool(drop(match.group(1).decode("ascii").lower(),
                                              line[match.end():]))
        if dropping:
            changed = True
        else:
            kept.append(line)
    return b"".join(kept) + body if changed else raw


def forged_results(hostname: str) -> callable:  # type: ignore[valid-type]
    """A `strip_fields` predicate: Authentication-Results naming this server, and X-Spam-*."""
    ours = hostname.lower().encode()

    def drop(name: str, value: bytes) -> bool:
        if name.startswith("x-spam-"):
            return True
        if name == "authentication-results":
            return value.strip().lower().split(b";", 1)[0].strip() == ours
        return False

    return drop
