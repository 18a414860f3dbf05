"""free-busy-query (RFC 4791 §7.10): a VFREEBUSY of one calendar over a time range."""

from __future__ import annotations

from datetime import UTC, datetime
from xml.etree import ElementTree as ET

import icalendar
from starlette.responses import Response

from api.calendar.freebusy.service import busy_by_calendar, check_span
from api.dav.context import Context
from api.dav.reports.filters import time_range
from api.dav.xml import CALDAV, tag
from api.errors import MalformedRequest


async def handle(ctx: Context, root: ET.Element) -> Response:
    if ctx.target.kind != "calendar":
        raise MalformedRequest("free-busy-query runs on a calendar collection.")
    calendar, _ = await ctx.calendar("freebusy")
    found = time_range(root.find(tag(CALDAV, "time-range")))
    if found is None or found[0] is None or found[1] is None:
        raise MalformedRequest("free-busy-query needs a time-range with start and end.")
    start, end = found
    check_span(start, end)
    per = (await busy_by_calendar(ctx.session, ctx.user.org_id, [calendar.id], start, end))[
        calendar.id
    ]
    fb = icalendar.FreeBusy()
    fb.add("dtstamp", datetime.now(UTC))
    fb.add("dtstart", start)
    fb.add("dtend", end)
    for kind, fbtype in (("busy", "BUSY"), ("tentative", "BUSY-TENTATIVE")):
        for s, e in sorted(per[kind]):
            prop = icalendar.vPeriod((s.astimezone(UTC), e.astimezone(UTC)))
            fb.add("freebusy", prop, parameters={"FBTYPE": fbtype})
    cal = icalendar.Calendar()
    cal.add("prodid", "-//Mailplane//Calendar//EN")
    cal.add("version", "2.0")
    cal.add_component(fb)
    return Response(cal.to_ical(), media_type="text/calendar; charset=utf-8")
