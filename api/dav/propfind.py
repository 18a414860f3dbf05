"""PROPFIND (RFC 4918 §9.1): properties of the target and, at Depth 1, its members."""

from __future__ import annotations

from starlette.responses import Response

from api.dav import collect
from api.dav.context import Context
from api.dav.resources import Properties
from api.dav.xml import DAV, Multistatus, parse_body, tag
from api.errors import MalformedRequest

MULTISTATUS = "application/xml; charset=utf-8"


def requested(ctx: Context) -> set[str] | None:
    """The property names asked for; None for allprop (and an empty body)."""
    root = parse_body(ctx.body)
    if root is None:
        return None
    if root.tag != tag(DAV, "propfind"):
        raise MalformedRequest("The body is not a DAV:propfind.", param="body")
    prop = root.find(tag(DAV, "prop"))
    if prop is not None:
        return {child.tag for child in prop}
    if root.find(tag(DAV, "propname")) is not None:
        return None
    return None


async def handle(ctx: Context) -> Response:
    want = requested(ctx)
    res = await collect.target(ctx)
    resources = [res]
    if await collect.depth(ctx, "1") == "1":
        resources += await collect.members(ctx, res)
    props = Properties(ctx)
    out = Multistatus()
    for r in resources:
        found, missing = await props.of(r, want)
        out.add(r.path, found, missing)
    return Response(out.to_bytes(), status_code=207, media_type=MULTISTATUS)
