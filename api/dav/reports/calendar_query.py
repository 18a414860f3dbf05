"""calendar-query (RFC 4791 §7.8): a calendar's objects matching a time range and text
filters, optionally expanded into instances (§9.6.5)."""

from __future__ import annotations

from datetime import UTC, datetime
from xml.etree import ElementTree as ET

from starlette.responses import Response

from api.calendar.objects import collections as calendar_collections
from api.calendar.objects import service as objects
from api.calendar.objects.service import CalendarObject
from api.dav import paths
from api.dav.context import Context
from api.dav.reports.answer import multistatus, wanted
from api.dav.reports.filters import TextMatch, calendar_filter, time_range
from api.dav.resources import CALENDAR_DATA, Resource
from api.dav.xml import CALDAV, element, tag
from api.errors import MalformedRequest

FAR_PAST = datetime(1970, 1, 1, tzinfo=UTC)
FAR_FUTURE = datetime(2100, 1, 1, tzinfo=UTC)
TEXT_OF = {
    "SUMMARY": "title",
    "DESCRIPTION": "description",
    "LOCATION": "location",
    "UID": "uid",
    "STATUS": "status",
}


def _matches(obj: CalendarObject, matches: list[TextMatch]) -> bool:
    for m in matches:
        field = TEXT_OF.get(m.prop)
        if field is None:
            if m.prop in ("ORGANIZER", "ATTENDEE"):
                values = [
                    a["address"]
                    for r in obj.rows
                    for a in ([r.organizer] if m.prop == "ORGANIZER" and r.organizer else [])
                    + (r.attendees or [] if m.prop == "ATTENDEE" else [])
                ]
            else:
                return False
        else:
            values = [str(getattr(r, field) or "") for r in obj.rows]
        if not m.matches(values):
            return False
    return True


async def handle(ctx: Context, root: ET.Element) -> Response:
    if ctx.target.kind != "calendar":
        raise MalformedRequest("calendar-query runs on a calendar collection.")
    calendar, level = await ctx.calendar("read")
    flt = calendar_filter(root)
    if flt.components[:1] != ["VCALENDAR"] or any(c != "VEVENT" for c in flt.components[1:]):
        return await multistatus(ctx, [], wanted(root))  # only VEVENTs live here
    occurrences_by_uid: dict[str, list] = {}
    if flt.window is not None:
        lo, hi = flt.window[0] or FAR_PAST, flt.window[1] or FAR_FUTURE
        found, occurrences = await objects.objects_in_window(ctx.session, calendar, lo, hi)
        for occ in occurrences:
            occurrences_by_uid.setdefault(occ.row.uid, []).append(occ)
    else:
        found = await objects.list_objects(ctx.session, calendar)
    found = [o for o in found if _matches(o, flt.matches)]
    seg = calendar_collections.segment_of(calendar)
    resources = [
        Resource(paths.obj(ctx.owner, seg, o.name), "object", calendar, level, obj=o) for o in found
    ]
    expand = _expand(root)
    override = None
    if expand is not None:
        lo, hi = expand
        expanded: dict[str, list] = {}
        if flt.window != (lo, hi):
            _, occurrences = await objects.objects_in_window(ctx.session, calendar, lo, hi)
            for occ in occurrences:
                expanded.setdefault(occ.row.uid, []).append(occ)
        else:
            expanded = occurrences_by_uid

        def override(res: Resource) -> dict[str, ET.Element]:
            assert res.obj is not None
            text = objects.render_expanded(res.obj, expanded.get(res.obj.master.uid, []))
            return {CALENDAR_DATA: element(CALENDAR_DATA, text.decode())}

    return await multistatus(ctx, resources, wanted(root), override=override)


def _expand(root: ET.Element) -> tuple[datetime, datetime] | None:
    for data in root.iter(tag(CALDAV, "calendar-data")):
        found = time_range(data.find(tag(CALDAV, "expand")))
        if found is not None:
            if found[0] is None or found[1] is None:
                raise MalformedRequest("expand needs both start and end.")
            return found[0], found[1]
    return None
