"""PROPPATCH (RFC 4918 §9.2): rename, recolour or describe a calendar or address book through
its service; every other property is refused (403) and, being atomic, nothing changes."""

from __future__ import annotations

from starlette.responses import Response

from api.calendar.objects import collections as calendar_collections
from api.contacts.cards import collections as book_collections
from api.dav import collect, setprops
from api.dav.context import Context
from api.dav.propfind import MULTISTATUS
from api.dav.xml import Multistatus, element, parse_body
from api.errors import Forbidden, MalformedRequest


async def handle(ctx: Context) -> Response:
    res = await collect.target(ctx)
    update = setprops.read(parse_body(ctx.body))
    out = Multistatus()
    if update.unsupported:
        ok = [n for n in update.names if n not in update.unsupported]
        # RFC 4918 §9.2: all or nothing; the rest failed because one did (424)
        out.add(res.path, forbidden=update.unsupported, failed=ok)
        return Response(out.to_bytes(), status_code=207, media_type=MULTISTATUS)
    if res.kind == "calendar" and res.calendar is not None:
        ctx.need("calendar:write")
        calendar, _ = await ctx.calendar("owner")
        await calendar_collections.update(ctx.session, calendar, dict(update.values))
    elif res.kind == "book" and res.book is not None:
        ctx.need("contacts:write")
        if update.values.get("name"):
            await book_collections.rename(ctx.session, res.book, update.values["name"] or "")
    elif res.kind == "gal":
        raise Forbidden("The company directory is read-only.")
    else:
        raise MalformedRequest("Only calendars and address books take property changes.")
    out.add(res.path, [element(n) for n in update.names])
    return Response(out.to_bytes(), status_code=207, media_type=MULTISTATUS)
