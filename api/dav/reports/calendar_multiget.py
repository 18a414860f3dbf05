"""calendar-multiget (RFC 4791 §7.9): named calendar objects, 404 for names not there."""

from __future__ import annotations

from xml.etree import ElementTree as ET

from starlette.responses import Response

from api.calendar.objects import collections as calendar_collections
from api.calendar.objects import service as objects
from api.dav import paths
from api.dav.context import Context
from api.dav.reports.answer import multistatus, wanted
from api.dav.resources import Resource
from api.dav.xml import DAV, tag
from api.errors import MalformedRequest

MAX_HREFS = 5000


async def handle(ctx: Context, root: ET.Element) -> Response:
    if ctx.target.kind != "calendar":
        raise MalformedRequest("calendar-multiget runs on a calendar collection.")
    calendar, level = await ctx.calendar("read")
    seg = calendar_collections.segment_of(calendar)
    base = paths.calendar(ctx.owner, seg)
    hrefs = [h.text or "" for h in root.findall(tag(DAV, "href"))]
    if len(hrefs) > MAX_HREFS:
        raise MalformedRequest(f"At most {MAX_HREFS} hrefs per multiget.")
    names = {paths.name_from_href(h, base): h for h in hrefs}
    found = await objects.get_objects(ctx.session, calendar, [n for n in names if n])
    by_name = {o.name: o for o in found}
    resources = [
        Resource(paths.obj(ctx.owner, seg, o.name), "object", calendar, level, obj=o) for o in found
    ]
    missing = [h for n, h in names.items() if n is None or n not in by_name]
    return await multistatus(ctx, resources, wanted(root), missing=missing)
