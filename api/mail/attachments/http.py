"""HTTP pieces of file downloads: single byte ranges (RFC 9110) and Content-Disposition
with an RFC 6266 / RFC 5987 `filename*` for non-ASCII names."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote

from api.i18n import _
from api.mail.errors import RangeNotSatisfiable

_RANGE = re.compile(r"^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class ByteRange:
    start: int
    end: int  # exclusive

    @property
    def length(self) -> int:
        return self.end - self.start


def parse_range(header: str | None, size: int) -> ByteRange | None:
    """The one range asked for, None for the whole file (no header, several ranges or a
    header we do not understand), 416 when it lies outside the file."""
    if not header:
        return None
    match = _RANGE.match(header)
    if match is None:
        return None
    first, last = match.group(1), match.group(2)
    if not first and not last:
        return None
    if not first:  # the last N bytes
        n = int(last)
        if n == 0:
            raise _unsatisfiable(size)
        return ByteRange(max(0, size - n), size)
    start = int(first)
    end = min(int(last) + 1, size) if last else size
    if start >= size or (last and int(last) < start):
        raise _unsatisfiable(size)
    return ByteRange(start, end)


def _unsatisfiable(size: int) -> RangeNotSatisfiable:
    return RangeNotSatisfiable(
        _("The file has {size} bytes.", size=size), headers={"Content-Range": f"bytes */{size}"}
    )


def content_disposition(filename: str, disposition: str = "attachment") -> str:
    fallback = "".join(ch if 32 <= ord(ch) < 127 and ch not in '"\\' else "_" for ch in filename)
    fallback = fallback.strip() or "download"
    value = f'{disposition}; filename="{fallback}"'
    if fallback != filename:
        value += f"; filename*=UTF-8''{quote(filename, safe='')}"
    return value


def download_headers(
    *, filename: str, content_type: str, size: int, rng: ByteRange | None
) -> dict[str, str]:
    headers = {
        "Content-Disposition": content_disposition(filename),
        "Accept-Ranges": "bytes",
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": "sandbox",
        "Content-Type": content_type or "application/octet-stream",
        "Content-Length": str(rng.length if rng else size),
    }
    if rng is not None:
        headers["Content-Range"] = f"bytes {rng.start}-{rng.end - 1}/{size}"
    return headers
