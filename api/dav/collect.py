"""The resources a PROPFIND or REPORT covers: the target and, at Depth 1, its members."""

from __future__ import annotations

from api.calendar.objects import collections as calendar_collections
from api.calendar.objects import service as objects
from api.calendar.resources import service as rooms
from api.contacts.cards import collections as book_collections
from api.contacts.cards import groups as group_cards
from api.contacts.cards import service as cards
from api.contacts.gal.cards import directory_cards
from api.dav import paths
from api.dav.context import Context
from api.dav.resources import Resource, book_resource, calendar_resource
from api.errors import NotFound


async def target(ctx: Context) -> Resource:
    """The request URL's own resource (404 when it does not exist for this caller)."""
    t = ctx.target
    ctx.check_owner()
    me = ctx.owner
    if t.kind == "root":
        return Resource(f"{paths.PREFIX}/", "root")
    if t.kind == "principal":
        return Resource(paths.principal(me), "principal")
    if t.kind == "room_principal":
        ctx.need("calendar:read")
        room = await rooms.get_room(ctx.session, ctx.user.org_id, t.collection or "")
        return Resource(paths.room_principal(room.id), "room_principal", room=room)
    if t.kind == "calendar_home":
        return Resource(paths.calendar_home(me), "calendar_home")
    if t.kind in ("inbox", "outbox"):
        return Resource(paths.calendar(me, t.collection or ""), t.kind)
    if t.kind == "book_home":
        return Resource(paths.book_home(me), "book_home")
    if t.kind == "calendar":
        ctx.need("calendar:read")
        calendar, level = await ctx.calendar()
        return calendar_resource(me, calendar, level)
    if t.kind == "object":
        ctx.need("calendar:read")
        calendar, level = await ctx.calendar()
        obj = await objects.get_object(ctx.session, calendar, t.name or "")
        if obj is None:
            raise NotFound("No such calendar object.")
        base = calendar_collections.segment_of(calendar)
        return Resource(paths.obj(me, base, obj.name), "object", calendar, level, obj=obj)
    if t.kind == "book" and ctx.is_gal():
        ctx.need("contacts:read")
        return Resource(paths.book(me, paths.GAL), "gal")
    if t.kind == "book":
        ctx.need("contacts:read")
        return book_resource(me, await ctx.book())
    if t.kind == "card" and ctx.is_gal():
        ctx.need("contacts:read")
        for card in await directory_cards(ctx.session, ctx.user.org_id):
            if card.name == t.name:
                return Resource(
                    paths.card(me, paths.GAL, card.name), "directory_card", directory_card=card
                )
        raise NotFound("No such card.")
    if t.kind == "card":
        ctx.need("contacts:read")
        book = await ctx.book()
        contact = await cards.get_card(ctx.session, book, t.name or "")
        if contact is None:
            found = await group_cards.get_groups(ctx.session, book, [t.name or ""])
            if not found:
                raise NotFound("No such card.")
            seg = book_collections.segment_of(book)
            return Resource(
                paths.card(me, seg, found[0].name), "group", book=book, group=found[0]
            )
        seg = book_collections.segment_of(book)
        return Resource(
            paths.card(me, seg, cards.name_of(contact)), "card", book=book, card=contact
        )
    raise NotFound("No such resource.")


async def members(ctx: Context, res: Resource) -> list[Resource]:
    """A collection's members (Depth 1)."""
    me = ctx.owner
    s = ctx.session
    if res.kind == "calendar_home" and ctx.user.may("calendar:read"):
        out = [
            calendar_resource(me, c, level)
            for c, level in await calendar_collections.visible_calendars(
                s, ctx.user.org_id, ctx.user.account_id
            )
        ]
        out.append(Resource(paths.calendar(me, paths.INBOX), "inbox"))
        out.append(Resource(paths.calendar(me, paths.OUTBOX), "outbox"))
        return out
    if res.kind == "book_home" and ctx.user.may("contacts:read"):
        books = await book_collections.list_books(s, ctx.user.org_id, ctx.user.account_id)
        return [book_resource(me, b) for b in books] + [Resource(paths.book(me, paths.GAL), "gal")]
    if res.kind == "calendar" and res.calendar is not None:
        seg = calendar_collections.segment_of(res.calendar)
        return [
            Resource(paths.obj(me, seg, o.name), "object", res.calendar, res.level, obj=o)
            for o in await objects.list_objects(s, res.calendar)
        ]
    if res.kind == "book" and res.book is not None:
        seg = book_collections.segment_of(res.book)
        return [
            Resource(paths.card(me, seg, cards.name_of(c)), "card", book=res.book, card=c)
            for c in await cards.list_cards(s, res.book)
        ] + [
            Resource(paths.card(me, seg, g.name), "group", book=res.book, group=g)
            for g in await group_cards.list_groups(s, res.book)
        ]
    if res.kind == "gal":
        return [
            Resource(paths.card(me, paths.GAL, c.name), "directory_card", directory_card=c)
            for c in await directory_cards(s, ctx.user.org_id)
        ]
    return []


async def depth(ctx: Context, default: str = "0") -> str:
    value = (ctx.header("depth") or default).strip().lower()
    return "1" if value in ("1", "infinity") else "0"
