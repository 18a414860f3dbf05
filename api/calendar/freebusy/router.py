"""REST endpoints for free/busy across people and rooms (`/v1/calendar/freebusy`)."""

from __future__ import annotations

from fastapi import APIRouter, Response

from api.calendar.freebusy import service
from api.calendar.freebusy.wire import FREEBUSY_JSON
from api.deps import CalendarRead, DbSession, RuntimeDep
from schemas.calendar import FindTimeRequest, FindTimeResult, FreeBusyRequest, FreeBusyResult

router = APIRouter(prefix="/v1/calendar/freebusy", tags=["calendar"])


@router.post("", response_model=FreeBusyResult)
async def get_freebusy(
    body: FreeBusyRequest, principal: CalendarRead, session: DbSession
) -> Response:
    """Busy intervals of up to 100 accounts or rooms (ids or addresses) over up to 62 days,
    recurrences expanded. Tentative and not-yet-answered events are marked `tentative`;
    transparent, declined and cancelled ones are free. Unknown attendees come back with
    `error: not_found` instead of failing the request."""
    schedules = await service.schedules(
        session, principal.org_id, body.start, body.end, body.attendees
    )
    result = {"start": body.start, "end": body.end, "schedules": schedules}
    return Response(FREEBUSY_JSON.dump_json(result), media_type="application/json")


@router.post("/find", response_model=FindTimeResult)
async def find_meeting_times(
    body: FindTimeRequest, principal: CalendarRead, session: DbSession, runtime: RuntimeDep
) -> FindTimeResult:
    """Propose slots of `duration_minutes` within working hours when every attendee is free
    and, when rooms are given, one of them is free too (the first free room is proposed).
    Working hours are read in `working_hours.time_zone`, by default the asking person's time
    zone (for an app token: the first attendee's), else the organisation's. The answer echoes
    the hours it used, and an empty answer says why in `reason`."""
    return await service.find_times(
        session, principal.org_id, body, asker_id=principal.account_id,
        default_zone=runtime.settings.default_time_zone,
    )
