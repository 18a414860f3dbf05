"""REST endpoint for answering an invitation (`…/calendar/events/{event_id}/respond`)."""

from __future__ import annotations

from fastapi import APIRouter

from api.calendar.events import service as events
from api.calendar.events.occurrences import render
from api.calendar.invitations import service
from api.deps import CalendarWrite, DbSession
from api.directory import Owner
from schemas.calendar import Event, EventRespond

router = APIRouter(prefix="/v1/accounts/{account}/calendar/events", tags=["calendar"])


@router.post("/{event_id}/respond", response_model=Event)
async def respond_to_calendar_event(
    event_id: str, body: EventRespond, principal: CalendarWrite, session: DbSession, owner: Owner
) -> Event:
    """Accept, decline or tentatively accept an invitation (the series, or one instance by
    its id), with an optional comment. The organizer's copy is updated when the organizer
    is a colleague, and an iTIP REPLY is mailed unless `send_response` is false."""
    _, _, master, occ = await events.locate(session, principal.org_id, owner.id, event_id, "write")
    occ = await service.respond(session, principal.org_id, owner, master, occ, body)
    return render(occ)
