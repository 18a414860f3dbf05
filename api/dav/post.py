"""POST to the scheduling outbox (RFC 6638 §5): a VFREEBUSY request answered with each
attendee's busy time from the free/busy service, the same answer `/v1/calendar/freebusy`
gives (people and rooms of the organisation; anyone else is `3.7;Invalid calendar user`)."""

from __future__ import annotations

from datetime import UTC, datetime
from xml.etree import ElementTree as ET

import icalendar
from starlette.responses import Response

from api.calendar.freebusy.service import freebusy
from api.calendar.ics.service import decode
from api.dav.context import Context
from api.dav.xml import CALDAV, DAV, tag
from api.errors import MalformedRequest, ValidationFailed

MAX_RECIPIENTS = 100


def _request(body: bytes) -> tuple[datetime, datetime, list[str], icalendar.Component]:
    try:
        cal = icalendar.Calendar.from_ical(decode(body))
    except ValueError:
        raise ValidationFailed("The body is not an iCalendar object.", param="body") from None
    fbs = cal.walk("VFREEBUSY")
    if str(cal.get("METHOD", "")).upper() != "REQUEST" or len(fbs) != 1:
        raise ValidationFailed("POST one VFREEBUSY with METHOD:REQUEST.", param="body")
    fb = fbs[0]
    try:
        start, end = fb.decoded("DTSTART"), fb.decoded("DTEND")
    except (KeyError, ValueError):
        raise ValidationFailed("The VFREEBUSY needs DTSTART and DTEND.", param="DTSTART") from None
    if not isinstance(start, datetime) or not isinstance(end, datetime):
        raise ValidationFailed("DTSTART and DTEND are date-times.", param="DTSTART")
    raw = fb.get("ATTENDEE") or []
    attendees = [str(a) for a in (raw if isinstance(raw, list) else [raw])]
    if not attendees or len(attendees) > MAX_RECIPIENTS:
        raise ValidationFailed(f"Ask for 1-{MAX_RECIPIENTS} attendees.", param="ATTENDEE")
    return start.astimezone(UTC), end.astimezone(UTC), attendees, fb


def _reply(
    fb: icalendar.Component, attendee: str, busy: list[tuple[datetime, datetime, str]]
) -> bytes:
    out = icalendar.FreeBusy()
    out.add("dtstamp", datetime.now(UTC))
    for name in ("uid", "dtstart", "dtend", "organizer"):
        if fb.get(name) is not None:
            out[name] = fb[name]
    out.add("attendee", attendee)
    for start, end, status in busy:
        kind = "BUSY" if status == "busy" else "BUSY-TENTATIVE"
        out.add("freebusy", icalendar.vPeriod((start, end)), parameters={"FBTYPE": kind})
    cal = icalendar.Calendar()
    cal.add("prodid", "-//Mailplane//Calendar//EN")
    cal.add("version", "2.0")
    cal.add("method", "REPLY")
    cal.add_component(out)
    return bytes(cal.to_ical())


async def handle(ctx: Context) -> Response:
    ctx.check_owner()
    if ctx.target.kind != "outbox":
        raise MalformedRequest("POST free/busy requests to the scheduling outbox.")
    ctx.need("calendar:read")
    start, end, attendees, fb = _request(ctx.body)
    refs = [a.removeprefix("mailto:").removeprefix("MAILTO:") for a in attendees]
    schedules = await freebusy(ctx.session, ctx.user.org_id, start, end, refs)
    root = ET.Element(tag(CALDAV, "schedule-response"))
    for attendee, schedule in zip(attendees, schedules, strict=True):
        response = ET.SubElement(root, tag(CALDAV, "response"))
        recipient = ET.SubElement(response, tag(CALDAV, "recipient"))
        ET.SubElement(recipient, tag(DAV, "href")).text = attendee
        status = ET.SubElement(response, tag(CALDAV, "request-status"))
        if schedule.error:
            status.text = "3.7;Invalid calendar user"
            continue
        status.text = "2.0;Success"
        busy = [(b.start, b.end, b.status) for b in schedule.busy]
        ET.SubElement(response, tag(CALDAV, "calendar-data")).text = _reply(
            fb, attendee, busy
        ).decode()
    body = b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root)
    return Response(body, media_type="application/xml; charset=utf-8")
