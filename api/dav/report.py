"""REPORT: dispatch on the body's root element to one module per report."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from xml.etree import ElementTree as ET

from starlette.responses import Response

from api.dav.context import Context
from api.dav.reports import (
    addressbook_multiget,
    addressbook_query,
    calendar_multiget,
    calendar_query,
    freebusy_query,
    sync_collection,
)
from api.dav.xml import CALDAV, CARDDAV, DAV, parse_body, tag
from api.errors import Forbidden, MalformedRequest

REPORTS: dict[str, tuple[str, Callable[[Context, ET.Element], Awaitable[Response]]]] = {
    tag(CALDAV, "calendar-query"): ("calendar:read", calendar_query.handle),
    tag(CALDAV, "calendar-multiget"): ("calendar:read", calendar_multiget.handle),
    tag(CALDAV, "free-busy-query"): ("calendar:read", freebusy_query.handle),
    tag(CARDDAV, "addressbook-query"): ("contacts:read", addressbook_query.handle),
    tag(CARDDAV, "addressbook-multiget"): ("contacts:read", addressbook_multiget.handle),
    tag(DAV, "sync-collection"): ("", sync_collection.handle),
}


async def handle(ctx: Context) -> Response:
    ctx.check_owner()
    root = parse_body(ctx.body)
    if root is None:
        raise MalformedRequest("REPORT needs a body.", param="body")
    found = REPORTS.get(root.tag)
    if found is None:
        raise Forbidden("This report is not supported here.", code="supported_report")
    scope, run = found
    if scope:
        ctx.need(scope)
    else:
        ctx.need("calendar:read" if ctx.target.kind == "calendar" else "contacts:read")
    return await run(ctx, root)
