"""sync-collection (RFC 6578): what changed in a calendar or address book since a token,
read from the same event log as `…/changes`. A token names the collection's own last
change, so changes in other collections neither move it nor show in the answer."""

from __future__ import annotations

from xml.etree import ElementTree as ET

from starlette.responses import Response

from api.calendar.objects import collections as calendar_collections
from api.calendar.objects import service as objects
from api.contacts.cards import collections as book_collections
from api.contacts.cards import groups as group_cards
from api.contacts.cards import service as cards
from api.dav import collect, paths
from api.dav.context import Context
from api.dav.reports.answer import multistatus, wanted
from api.dav.resources import SYNC_PREFIX, Resource, state_of, token_of
from api.dav.xml import DAV, element, tag
from api.errors import AppError, Forbidden, MalformedRequest, ResyncRequired


class InvalidSyncToken(Forbidden):
    code, title = "valid_sync_token", "Sync token not valid"


async def handle(ctx: Context, root: ET.Element) -> Response:
    kind = ctx.target.kind
    if kind not in ("calendar", "book") or (kind == "book" and ctx.is_gal()):
        raise MalformedRequest("sync-collection runs on a calendar or an address book.")
    token_text = (root.findtext(tag(DAV, "sync-token")) or "").strip()
    want = wanted(root)
    if not token_text:  # initial sync: every member
        res = await collect.target(ctx)
        if res.calendar is not None and res.calendar.room_id:
            raise Forbidden("A room's calendar is read by listing it.", code="supported_report")
        token = await token_of(ctx, res)
        members = await collect.members(ctx, res)
        return await multistatus(
            ctx, members, want, extra=[element(tag(DAV, "sync-token"), token)]
        )
    state = state_of(token_text)
    if state is None:
        raise InvalidSyncToken("This sync token was not issued here.")
    try:
        if kind == "calendar":
            calendar, level = await ctx.calendar("read")
            if calendar.room_id:
                raise Forbidden(
                    "A room's calendar is read by listing it.", code="supported_report"
                )
            delta = await objects.changes(ctx.session, calendar, state)
            names = delta.created + delta.updated
            seg = calendar_collections.segment_of(calendar)
            found = await objects.get_objects(ctx.session, calendar, names)
            resources = [
                Resource(paths.obj(ctx.owner, seg, o.name), "object", calendar, level, obj=o)
                for o in found
            ]
            base = paths.calendar(ctx.owner, seg)
        else:
            book = await ctx.book()
            delta = await cards.changes(ctx.session, book, state)
            names = delta.created + delta.updated
            seg = book_collections.segment_of(book)
            contacts = await cards.get_cards(ctx.session, book, names)
            resources = [
                Resource(paths.card(ctx.owner, seg, cards.name_of(c)), "card", book=book, card=c)
                for c in contacts
            ] + [
                Resource(paths.card(ctx.owner, seg, g.name), "group", book=book, group=g)
                for g in await group_cards.get_groups(ctx.session, book, names)
            ]
            base = paths.book(ctx.owner, seg)
    except ResyncRequired:
        raise InvalidSyncToken("This sync token is too old; sync again from scratch.") from None
    except AppError as exc:
        if exc.param == "since":
            raise InvalidSyncToken("This sync token was not issued here.") from None
        raise
    present = {r.path for r in resources}
    gone = [base + paths.q(n) for n in delta.deleted + names if base + paths.q(n) not in present]
    new_token = SYNC_PREFIX + delta.new_state
    return await multistatus(
        ctx,
        resources,
        want,
        missing=sorted(set(gone)),
        extra=[element(tag(DAV, "sync-token"), new_token)],
    )
