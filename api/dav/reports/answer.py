"""Writing a REPORT's multistatus: requested properties of each resource found, 404 for
hrefs asked for that do not exist."""

from __future__ import annotations

from collections.abc import Callable
from xml.etree import ElementTree as ET

from starlette.responses import Response

from api.dav.context import Context
from api.dav.resources import Properties, Resource
from api.dav.xml import DAV, Multistatus, tag

MULTISTATUS = "application/xml; charset=utf-8"


def wanted(root: ET.Element) -> set[str] | None:
    prop = root.find(tag(DAV, "prop"))
    return {c.tag for c in prop} if prop is not None else None


async def multistatus(
    ctx: Context,
    resources: list[Resource],
    want: set[str] | None,
    *,
    missing: list[str] = (),  # type: ignore[assignment]
    override: Callable[[Resource], dict[str, ET.Element]] | None = None,
    extra: list[ET.Element] = (),  # type: ignore[assignment]
) -> Response:
    props = Properties(ctx)
    out = Multistatus()
    for res in resources:
        found, absent = await props.of(res, want)
        if override is not None:
            replaced = override(res)
            found = [replaced.get(el.tag, el) for el in found]
        out.add(res.path, found, absent)
    for path in missing:
        out.add(path, status="404 Not Found")
    out.root.extend(extra)
    return Response(out.to_bytes(), status_code=207, media_type=MULTISTATUS)
