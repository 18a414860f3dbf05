"""OPTIONS: the DAV compliance classes and methods (RFC 4918 §10.1, RFC 4791 §5.1,
RFC 6352 §6.1, RFC 6638 §2.1), answered without credentials."""

from __future__ import annotations

from starlette.responses import Response

ALLOW = "OPTIONS, GET, HEAD, PUT, POST, DELETE, PROPFIND, PROPPATCH, REPORT, MKCALENDAR, MKCOL"
DAV_CLASSES = "1, 3, calendar-access, addressbook, calendar-auto-schedule, extended-mkcol"


async def handle() -> Response:
    return Response(status_code=200, headers={"Allow": ALLOW, "DAV": DAV_CLASSES})
