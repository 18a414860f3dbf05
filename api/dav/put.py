"""PUT: create or replace a calendar object (iCalendar) or a card (vCard) through the same
services as the API; `If-Match` / `If-None-Match` preconditions answer 412."""

from __future__ import annotations

from starlette.responses import Response

from api.calendar.objects import service as objects
from api.contacts.cards import service as cards
from api.contacts.cards.groups import GroupCard
from api.dav.context import Context
from api.errors import Forbidden, MalformedRequest


async def handle(ctx: Context) -> Response:
    ctx.check_owner()
    t = ctx.target
    if_match, if_none_match = ctx.header("if-match"), ctx.header("if-none-match")
    if t.kind == "object":
        ctx.need("calendar:write")
        calendar, _ = await ctx.calendar("write")
        obj, created = await objects.put_object(
            ctx.session,
            calendar,
            t.name or "",
            ctx.body,
            if_match=if_match,
            if_none_match=if_none_match,
            owner=ctx.user.account,
        )
        etag = obj.etag
    elif t.kind == "card":
        ctx.need("contacts:write")
        if ctx.is_gal():
            raise Forbidden("The company directory is read-only.")
        book = await ctx.book()
        contact, created = await cards.put_card(
            ctx.session,
            ctx.runtime,
            book,
            t.name or "",
            ctx.body,
            if_match=if_match,
            if_none_match=if_none_match,
        )
        etag = contact.etag if isinstance(contact, GroupCard) else cards.etag_of(contact)
    else:
        raise MalformedRequest("PUT a calendar object or a card into a collection.")
    return Response(status_code=201 if created else 204, headers={"ETag": etag})
