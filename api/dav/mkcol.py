"""MKCALENDAR (RFC 4791 §5.3.1) and extended MKCOL (RFC 5689) in a person's homes: a new
calendar or address book, named by the URL's last segment."""

from __future__ import annotations

from starlette.responses import Response

from api.calendar.objects import collections as calendar_collections
from api.contacts.cards import collections as book_collections
from api.dav import setprops
from api.dav.context import Context
from api.dav.xml import CALDAV, CARDDAV, parse_body, tag
from api.errors import Forbidden, MalformedRequest


async def handle(ctx: Context) -> Response:
    ctx.check_owner()
    t = ctx.target
    update = setprops.read(parse_body(ctx.body))
    segment = t.collection or ""
    method = ctx.request.method
    is_calendar = t.kind == "calendar" and (
        method == "MKCALENDAR" or tag(CALDAV, "calendar") in update.resourcetypes
    )
    is_book = t.kind == "book" and (
        method == "MKCOL" and tag(CARDDAV, "addressbook") in update.resourcetypes
    )
    if is_calendar:
        ctx.need("calendar:write")
        await calendar_collections.create_named(
            ctx.session,
            ctx.user.org_id,
            ctx.user.account_id,
            segment,
            name=update.values.get("name"),
            color=update.values.get("color"),
            description=update.values.get("description") or "",
        )
    elif is_book:
        ctx.need("contacts:write")
        await book_collections.create_named(
            ctx.session,
            ctx.user.org_id,
            ctx.user.account_id,
            segment,
            name=update.values.get("name"),
        )
    elif t.kind in ("calendar", "book"):
        raise Forbidden("Only calendars and address books can be made here.")
    else:
        raise MalformedRequest(
            "Make a calendar in the calendar home or an address book in the address book home."
        )
    return Response(status_code=201)
