"""Content lines (RFC 5545 §3.1 / RFC 6350 §3.2) with their line numbers, checked before
any library parses them, so a malformed file is a 422 that names the offending line.

Shared by iCalendar and vCard: both use `NAME;PARAM=VALUE:value` lines folded at 75 octets
and BEGIN/END blocks.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from api.errors import ValidationFailed
from api.i18n import _

NAME_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.")


@dataclass
class ContentLine:
    number: int  # 1-based number of the first physical line
    name: str  # upper-cased property name (group prefix removed)
    params: str  # the raw `;PARAM=…` text
    value: str


@dataclass
class Block:
    """One BEGIN…END component: its first line and where each of its own properties is."""

    kind: str
    number: int
    lines: dict[str, int] = field(default_factory=dict)
    children: list[Block] = field(default_factory=list)
    end: int = 0


def malformed(number: int, detail: str, *, param: str = "body") -> ValidationFailed:
    return ValidationFailed(_(
        "Line {number}: {detail}", number=number, detail=detail
    ), param=param, extra={"line": number})


def unfold(text: str) -> list[tuple[int, str]]:
    """Logical lines with the physical line number each starts on."""
    out: list[tuple[int, str]] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        if raw[:1] in (" ", "\t"):
            if not out:
                raise malformed(number, "a continuation line with nothing to continue")
            first, body = out[-1]
            out[-1] = (first, body + raw[1:])
        elif raw.strip():
            out.append((number, raw))
    return out


def split_line(number: int, line: str) -> ContentLine:
    i = 0
    while i < len(line) and line[i] in NAME_CHARS:
        i += 1
    name = line[:i]
    if not name or i == len(line) or line[i] not in ";:":
        raise malformed(number, f"expected NAME:value, found {line[:60]!r}")
    quoted = False
    j = i
    while j < len(line):
        ch = line[j]
        if ch == '"':
            quoted = not quoted
        elif ch == ":" and not quoted:
            break
        elif ch in "\r\n\x00":
            raise malformed(number, "control characters in a content line")
        j += 1
    if j == len(line):
        raise malformed(number, f"no ':' after the parameters of {name}")
    bare = name.rsplit(".", 1)[-1].upper()  # vCard group prefixes: item1.EMAIL
    return ContentLine(number, bare, line[i:j], line[j + 1 :])


def scan(
    text: str, *, root: str, max_lines: int = 500_000
) -> tuple[list[ContentLine], list[Block]]:
    """Check structure; return the content lines and the top-level blocks (`root` kind)."""
    if "\x00" in text:
        raise malformed(1, "the file contains NUL bytes")
    logical = unfold(text)
    if not logical:
        raise malformed(1, f"the file is empty; expected BEGIN:{root}")
    if len(logical) > max_lines:
        raise malformed(max_lines, f"more than {max_lines} lines")
    lines = [split_line(n, raw) for n, raw in logical]
    tops: list[Block] = []
    stack: list[Block] = []
    for line in lines:
        if line.name == "BEGIN":
            kind = line.value.strip().upper()
            if not kind:
                raise malformed(line.number, "BEGIN without a component name")
            if not stack and kind != root:
                raise malformed(line.number, f"expected BEGIN:{root}, found BEGIN:{kind}")
            block = Block(kind, line.number)
            if stack:
                stack[-1].children.append(block)
            else:
                tops.append(block)
            stack.append(block)
            if len(stack) > 10:
                raise malformed(line.number, "components nested too deep")
        elif line.name == "END":
            kind = line.value.strip().upper()
            if not stack:
                raise malformed(line.number, f"END:{kind} without a matching BEGIN")
            if stack[-1].kind != kind:
                raise malformed(
                    line.number,
                    f"END:{kind} closes BEGIN:{stack[-1].kind} from line {stack[-1].number}",
                )
            stack.pop().end = line.number
        else:
            if not stack:
                raise malformed(line.number, f"{line.name} outside BEGIN:{root}…END:{root}")
            stack[-1].lines.setdefault(line.name, line.number)
    if stack:
        raise malformed(stack[-1].number, f"BEGIN:{stack[-1].kind} is never closed")
    return lines, tops
