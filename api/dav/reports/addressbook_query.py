"""addressbook-query (RFC 6352 §8.6): cards whose properties match text filters."""

from __future__ import annotations

from xml.etree import ElementTree as ET

from starlette.responses import Response

from api.dav import collect
from api.dav.context import Context
from api.dav.reports.answer import multistatus, wanted
from api.dav.reports.filters import TextMatch, card_filter
from api.dav.resources import Resource
from api.errors import MalformedRequest
from api.storage.models import Contact


def _values(res: Resource, prop: str) -> list[str]:
    if res.directory_card is not None:
        return [res.directory_card.text]
    if res.group is not None:
        g = res.group.group
        return {"FN": [g.name], "N": [g.name], "UID": [g.uid]}.get(prop, [])
    c: Contact | None = res.card
    if c is None:
        return []
    table = {
        "FN": [c.display_name],
        "N": [c.given_name, c.family_name, c.middle_name],
        "NICKNAME": [c.nickname],
        "EMAIL": [e["address"] for e in c.emails or []],
        "TEL": [p.get("number", "") for p in c.phones or []],
        "ORG": [c.organization],
        "UID": [c.uid],
        "NOTE": [c.notes],
    }
    return [v for v in table.get(prop, []) if v]


def _keep(res: Resource, matches: list[TextMatch], all_of: bool) -> bool:
    if not matches:
        return True
    results = [m.matches(_values(res, m.prop)) for m in matches]
    return all(results) if all_of else any(results)


async def handle(ctx: Context, root: ET.Element) -> Response:
    if ctx.target.kind != "book":
        raise MalformedRequest("addressbook-query runs on an address book.")
    res = await collect.target(ctx)
    matches, all_of = card_filter(root)
    found = [r for r in await collect.members(ctx, res) if _keep(r, matches, all_of)]
    return await multistatus(ctx, found, wanted(root))
