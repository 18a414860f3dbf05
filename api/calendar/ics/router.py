"""REST endpoints for iCalendar files: import into and export from a calendar, and the
secret subscription feed (`/v1/calendar/feeds/{token}.ics`, no token needed but the URL's)."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response

from api.calendar.calendars import service as calendars
from api.calendar.ics import service
from api.deps import CalendarRead, CalendarWrite, DbSession
from api.directory import Owner
from schemas.calendar import ImportResult

router = APIRouter(tags=["calendar"])
CALENDAR_MEDIA = "text/calendar; charset=utf-8"
ICS_BODY = {
    "requestBody": {
        "required": True,
        "content": {"text/calendar": {"schema": {"type": "string"}}},
    }
}
ICS_RESPONSE = {
    200: {
        "content": {"text/calendar": {"schema": {"type": "string"}}},
        "description": "An iCalendar file.",
    }
}


@router.post(
    "/v1/accounts/{account}/calendar/calendars/{calendar_id}/import",
    response_model=ImportResult,
    openapi_extra=ICS_BODY,
)
async def import_calendar(
    calendar_id: str, request: Request, principal: CalendarWrite, session: DbSession, owner: Owner
) -> ImportResult:
    """Import an iCalendar (.ics) file into a calendar. Events are matched by UID, so a
    second import updates them. The file is checked whole first: a malformed line or
    property is a 422 naming the line, more than 10,000 events or more than the request
    size limit is a 413, and in either case nothing is imported. No invitations are sent."""
    calendar, _ = await calendars.get_accessible(
        session, principal.org_id, owner.id, calendar_id, "write"
    )
    result = await service.import_ics(session, calendar, await request.body())
    return ImportResult(**result)


@router.get(
    "/v1/accounts/{account}/calendar/calendars/{calendar_id}/export",
    response_class=Response,
    responses=ICS_RESPONSE,
)
async def export_calendar(
    calendar_id: str, principal: CalendarRead, session: DbSession, owner: Owner
) -> Response:
    """The calendar as an iCalendar (.ics) file, series and changed instances included."""
    calendar, _ = await calendars.get_accessible(
        session, principal.org_id, owner.id, calendar_id, "read"
    )
    body = await service.export_ics(session, calendar)
    return Response(
        body,
        media_type=CALENDAR_MEDIA,
        headers={"Content-Disposition": f'attachment; filename="{calendar.id}.ics"'},
    )


@router.get("/v1/calendar/feeds/{token}.ics", response_class=Response, responses=ICS_RESPONSE)
async def get_calendar_feed(token: str, session: DbSession) -> Response:
    """A calendar's secret subscription feed, for clients that subscribe to .ics URLs.
    The URL itself is the credential; revoking or reissuing it makes this a 404."""
    calendar = await calendars.calendar_for_feed(session, token)
    body = await service.export_ics(session, calendar)
    return Response(
        body, media_type=CALENDAR_MEDIA, headers={"Cache-Control": "private, max-age=300"}
    )
