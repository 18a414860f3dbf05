"""addressbook-multiget (RFC 6352 §8.7): named cards, 404 for names not there."""

from __future__ import annotations

from urllib.parse import unquote
from xml.etree import ElementTree as ET

from starlette.responses import Response

from api.dav import collect, paths
from api.dav.context import Context
from api.dav.reports.answer import multistatus, wanted
from api.dav.xml import DAV, tag
from api.errors import MalformedRequest


async def handle(ctx: Context, root: ET.Element) -> Response:
    if ctx.target.kind != "book":
        raise MalformedRequest("addressbook-multiget runs on an address book.")
    res = await collect.target(ctx)
    hrefs = [h.text or "" for h in root.findall(tag(DAV, "href"))]
    names = {paths.name_from_href(h, res.path): h for h in hrefs}
    members = {unquote(r.path.rsplit("/", 1)[-1]): r for r in await collect.members(ctx, res)}
    found = [members[n] for n in names if n and n in members]
    missing = [h for n, h in names.items() if not n or n not in members]
    return await multistatus(ctx, found, wanted(root), missing=missing)
