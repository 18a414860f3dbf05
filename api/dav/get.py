"""GET and HEAD: one calendar object or card as iCalendar or vCard, with its ETag."""

from __future__ import annotations

from starlette.responses import Response

from api.calendar.objects import service as objects
from api.contacts.cards import groups as group_cards
from api.contacts.cards import service as cards
from api.dav import collect
from api.dav.context import Context
from api.errors import MalformedRequest

CALENDAR = "text/calendar; charset=utf-8"
VCARD = "text/vcard; charset=utf-8"


async def handle(ctx: Context) -> Response:
    res = await collect.target(ctx)
    head = ctx.request.method == "HEAD"
    if res.obj is not None:
        body, media, etag = objects.render(res.obj.rows), CALENDAR, res.obj.etag
    elif res.card is not None:
        version = "4.0" if "4.0" in (ctx.header("accept") or "") else "3.0"
        text = await cards.render(ctx.runtime, res.card, version)
        body, media, etag = text.encode(), VCARD, cards.etag_of(res.card)
    elif res.group is not None:
        version = "4.0" if "4.0" in (ctx.header("accept") or "") else "3.0"
        body, media, etag = group_cards.render(res.group, version).encode(), VCARD, res.group.etag
    elif res.directory_card is not None:
        card = res.directory_card
        body, media, etag = card.text.encode(), VCARD, card.etag
    else:
        raise MalformedRequest("GET a calendar object or a card, not a collection.")
    if ctx.header("if-none-match") in (etag, "*"):
        return Response(status_code=304, headers={"ETag": etag})
    return Response(
        b"" if head else body,
        media_type=media,
        headers={"ETag": etag, **({"Content-Length": str(len(body))} if head else {})},
    )
