"""sync-collection (RFC 6578): what changed in a calendar or address book since a token,
read from the same event log as `…/changes` (the token is a `/changes` state)."""

from __future__ import annotations

from xml.etree import ElementTree as ET

from starlette.responses import Response

from api.calendar.objects import collections as calendar_collections
from api.calendar.objects import service as objects
from api.contacts.cards import collections as book_collections
from api.contacts.cards import service as cards
from api.dav import collect, paths
from api.dav.context import Context
from api.dav.reports.answer import multistatus, wanted
from api.dav.resources import SYNC_PREFIX, Resource, current_token, state_of
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
        token = await current_token(ctx)
        res = await collect.target(ctx)
        members = await collect.members(ctx, res)
        return await multistatus(
            ctx, members, want, token=token, extra=[element(tag(DAV, "sync-token"), token)]
        )
    state = state_of(token_text)
    if state is None:
        raise InvalidSyncToken("This sync token was not issued here.")
    try:
        if kind == "calendar":
            calendar, level = await ctx.calendar("read")
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
        token=new_token,
        extra=[element(tag(DAV, "sync-token"), new_token)],
    )
