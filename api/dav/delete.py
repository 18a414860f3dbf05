"""DELETE: a calendar object (the organiser's delete cancels the meeting), a card, or a whole
calendar or address book (not the default ones, nor the company directory)."""

from __future__ import annotations

from starlette.responses import Response

from api.calendar.objects import collections as calendar_collections
from api.calendar.objects import service as objects
from api.contacts.cards import collections as book_collections
from api.contacts.cards import service as cards
from api.dav.context import Context
from api.errors import Forbidden, MalformedRequest, NotFound


async def handle(ctx: Context) -> Response:
    ctx.check_owner()
    t = ctx.target
    if_match = ctx.header("if-match")
    if t.kind == "object":
        ctx.need("calendar:write")
        calendar, _ = await ctx.calendar("write")
        if not await objects.delete_object(ctx.session, calendar, t.name or "", if_match=if_match):
            raise NotFound("No such calendar object.")
    elif t.kind == "card":
        ctx.need("contacts:write")
        if ctx.is_gal():
            raise Forbidden("The company directory is read-only.")
        book = await ctx.book()
        if not await cards.delete_card(
            ctx.session, ctx.runtime, book, t.name or "", if_match=if_match
        ):
            raise NotFound("No such card.")
    elif t.kind == "calendar":
        ctx.need("calendar:write")
        calendar, _ = await ctx.calendar("owner")
        await calendar_collections.delete(ctx.session, calendar)
    elif t.kind == "book":
        ctx.need("contacts:write")
        if ctx.is_gal():
            raise Forbidden("The company directory is read-only.")
        await book_collections.delete(ctx.session, ctx.runtime, await ctx.book())
    else:
        raise MalformedRequest("This resource cannot be deleted.")
    return Response(status_code=204)
