"""REST endpoints for events (`/v1/accounts/{account}/calendar/events`)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, Response, status

from api.calendar.events import instances, service
from api.calendar.events.occurrences import Occurrence, render, single
from api.calendar.events.render_json import page_json
from api.calendar.events.window import page_of
from api.deps import CalendarRead, CalendarWrite, DbSession
from api.directory import Owner, resolve_account
from api.events.sync import DEFAULT_CHANGES, ChangesLimit, SinceParam, changes_since
from api.kit.etags import check_if_match, set_etag
from api.kit.pagination import Page, PageParams, page_params
from schemas.calendar import Event, EventCreate, EventUpdate, Scope
from schemas.events import Changes

router = APIRouter(prefix="/v1/accounts/{account}/calendar/events", tags=["calendar"])

WindowStart = Annotated[datetime, Query(description="Window start, RFC 3339 with an offset.")]
WindowEnd = Annotated[
    datetime, Query(description="Window end (exclusive); at most 400 days after start.")
]
ScopeParam = Annotated[
    Scope | None,
    Query(
        description="For an instance id: this instance (default), this and following, "
        "or the series."
    ),
]


def _etag(response: Response, occ: Occurrence) -> None:
    set_etag(response, occ.id, occ.row.version)


@router.get("", response_model=Page[Event])
async def list_calendar_events(
    account: str,
    start: WindowStart,
    end: WindowEnd,
    principal: CalendarRead,
    session: DbSession,
    page: Annotated[PageParams, Depends(page_params)],
    calendar_id: Annotated[str | None, Query(max_length=40)] = None,
) -> Response:
    """Occurrences in [start, end) with recurrences expanded, in start order: single events,
    each instance of a series (id `<series id>.<instance key>`) and changed instances.

    Both bounds are required and the window is at most 400 days: a series that repeats
    forever is only ever expanded over the window you ask for. Without `calendar_id`,
    every calendar the account owns is listed."""
    owner = await resolve_account(session, principal, account)
    occurrences = await service.list_window(
        session, principal.org_id, owner.id, start, end, calendar_id
    )
    rows, cursor = page_of(occurrences, page)
    # Straight to JSON: what depends only on an unchanged row is rendered once per process.
    return Response(page_json(rows, cursor), media_type="application/json")


@router.get("/changes", response_model=Changes)
async def list_calendar_event_changes(
    account: str,
    principal: CalendarRead,
    session: DbSession,
    since: SinceParam = None,
    limit: ChangesLimit = DEFAULT_CHANGES,
) -> Changes:
    """Event series created, updated or cancelled/deleted in the account's calendars since
    `since` (ids are series ids; fetch them, or list a window, to see the change)."""
    owner = await resolve_account(session, principal, account)
    return await changes_since(
        session,
        principal.org_id,
        types=["calendar.event.*"],
        since=since,
        limit=limit,
        account_id=owner.id,
        deleted_verbs=("cancelled",),
    )


@router.post("", status_code=status.HTTP_201_CREATED, response_model=Event)
async def create_calendar_event(
    account: str,
    body: EventCreate,
    principal: CalendarWrite,
    session: DbSession,
    response: Response,
) -> Event:
    """Create an event (or a recurring series) in the account's default calendar or in
    `calendar_id`. With attendees, invitations (iTIP REQUEST) are mailed, local attendees
    get a needs-action copy, and invited rooms answer by their booking policy."""
    owner = await resolve_account(session, principal, account)
    row = await service.create_event(session, principal.org_id, owner, body)
    occ = single(row)
    _etag(response, occ)
    return render(occ)


@router.get("/{event_id}", response_model=Event)
async def get_calendar_event(
    event_id: str, principal: CalendarRead, session: DbSession, owner: Owner, response: Response
) -> Event:
    """One event: a series (its master, with `recurrence`), or one instance by its id."""
    _, _, _, occ = await service.locate(session, principal.org_id, owner.id, event_id)
    _etag(response, occ)
    return render(occ)


@router.get("/{event_id}/instances", response_model=Page[Event])
async def list_calendar_event_instances(
    event_id: str,
    start: WindowStart,
    end: WindowEnd,
    principal: CalendarRead,
    session: DbSession,
    owner: Owner,
    page: Annotated[PageParams, Depends(page_params)],
) -> Page[Event]:
    """The instances of one series in [start, end) (at most 400 days)."""
    occurrences = await service.series_window(
        session, principal.org_id, owner.id, event_id, start, end
    )
    rows, cursor = page_of(occurrences, page)
    return Page[Event](data=[render(o) for o in rows], next_cursor=cursor)


@router.patch("/{event_id}", response_model=Event)
async def update_calendar_event(
    event_id: str,
    body: EventUpdate,
    principal: CalendarWrite,
    session: DbSession,
    owner: Owner,
    request: Request,
    response: Response,
    scope: ScopeParam = None,
) -> Event:
    """Change an event (JSON merge patch). For an instance id, `scope` picks this instance
    (default), this and following (the series is split), or the whole series (moved by as
    much as this instance moves). Attendees are sent an updated invitation."""
    _, _, master, occ = await service.locate(session, principal.org_id, owner.id, event_id, "write")
    check_if_match(request, occ.id, occ.row.version)
    if occ.key is None:
        row = await service.update_series(session, principal.org_id, master, body)
        occ = single(row)
    else:
        occ = await instances.update_instance(
            session, principal.org_id, master, occ, body, scope or "this"
        )
    _etag(response, occ)
    return render(occ)


@router.delete("/{event_id}", status_code=status.HTTP_204_NO_CONTENT)
async def cancel_calendar_event(
    event_id: str,
    principal: CalendarWrite,
    session: DbSession,
    owner: Owner,
    request: Request,
    scope: ScopeParam = None,
    send_cancellations: Annotated[bool, Query(description="Mail iTIP CANCEL to attendees.")] = True,
) -> Response:
    """Cancel an event: the series, or for an instance id this instance (default), this and
    following, or the series. The organizer's cancellation is mailed to attendees and
    removes the event from local attendees' calendars; an attendee deleting their copy only
    removes it from their own calendar."""
    _, _, master, occ = await service.locate(session, principal.org_id, owner.id, event_id, "write")
    check_if_match(request, occ.id, occ.row.version)
    if occ.key is None:
        await service.cancel_series(session, principal.org_id, master, send=send_cancellations)
    else:
        await instances.cancel_instance(
            session, principal.org_id, master, occ, scope or "this", send=send_cancellations
        )
    return Response(status_code=status.HTTP_204_NO_CONTENT)
