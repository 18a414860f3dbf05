"""REST endpoints for calendars, their shares and feeds
(`/v1/accounts/{account}/calendar/calendars`)."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response, status

from api.calendar.calendars import service
from api.calendar.calendars.views import calendar_out, feed_url
from api.deps import CalendarRead, CalendarWrite, DbSession, RuntimeDep
from api.directory import Owner, resolve_account
from api.kit.etags import check_if_match, set_etag
from api.kit.pagination import Page
from schemas.calendar import (
    Calendar,
    CalendarCreate,
    CalendarFeed,
    CalendarShare,
    CalendarShareCreate,
    CalendarUpdate,
)

router = APIRouter(prefix="/v1/accounts/{account}/calendar/calendars", tags=["calendar"])


@router.get("", response_model=Page[Calendar])
async def list_calendars(
    principal: CalendarRead, session: DbSession, owner: Owner, runtime: RuntimeDep
) -> Page[Calendar]:
    """The account's calendars (default first) and the calendars shared with it."""
    made = await service.provision(runtime, principal.org_id, owner.id)
    rows = await service.list_calendars(session, principal.org_id, owner.id)
    if made is not None and made.id not in {c.id for c, _ in rows}:
        rows.insert(0, (made, "owner"))
    return Page[Calendar](data=[calendar_out(c, level) for c, level in rows], next_cursor=None)


@router.post("", status_code=status.HTTP_201_CREATED, response_model=Calendar)
async def create_calendar(
    body: CalendarCreate,
    principal: CalendarWrite,
    session: DbSession,
    owner: Owner,
    response: Response,
) -> Calendar:
    """Create another calendar for the account."""
    calendar = await service.create_calendar(session, principal.org_id, owner.id, body)
    set_etag(response, calendar.id, calendar.version)
    return calendar_out(calendar, "owner")


@router.get("/{calendar_id}", response_model=Calendar)
async def get_calendar(
    calendar_id: str, principal: CalendarRead, session: DbSession, owner: Owner, response: Response
) -> Calendar:
    """One calendar the account owns or that is shared with it."""
    calendar, level = await service.get_accessible(
        session, principal.org_id, owner.id, calendar_id, "freebusy"
    )
    set_etag(response, calendar.id, calendar.version)
    return calendar_out(calendar, level)


@router.patch("/{calendar_id}", response_model=Calendar)
async def update_calendar(
    calendar_id: str,
    body: CalendarUpdate,
    principal: CalendarWrite,
    session: DbSession,
    owner: Owner,
    request: Request,
    response: Response,
) -> Calendar:
    """Rename a calendar or change its colour, description or default time zone (merge patch)."""
    calendar, level = await service.get_accessible(
        session, principal.org_id, owner.id, calendar_id, "owner"
    )
    check_if_match(request, calendar.id, calendar.version)
    calendar = await service.update_calendar(session, calendar, body)
    set_etag(response, calendar.id, calendar.version)
    return calendar_out(calendar, level)


@router.delete("/{calendar_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_calendar(
    calendar_id: str, principal: CalendarWrite, session: DbSession, owner: Owner, request: Request
) -> Response:
    """Delete a calendar and its events. The default calendar cannot be deleted (409)."""
    calendar, _ = await service.get_accessible(
        session, principal.org_id, owner.id, calendar_id, "owner"
    )
    check_if_match(request, calendar.id, calendar.version)
    await service.delete_calendar(session, calendar)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get("/{calendar_id}/shares", response_model=Page[CalendarShare])
async def list_calendar_shares(
    calendar_id: str, principal: CalendarRead, session: DbSession, owner: Owner
) -> Page[CalendarShare]:
    """Who else may see this calendar, and at which level."""
    calendar, _ = await service.get_accessible(
        session, principal.org_id, owner.id, calendar_id, "owner"
    )
    rows = await service.list_shares(session, calendar)
    return Page[CalendarShare](
        data=[
            CalendarShare(
                id=s.id,
                calendar_id=s.calendar_id,
                account_id=s.account_id,
                address=a,
                level=s.level,
                created_at=s.created_at,
            )
            for s, a in rows
        ],  # type: ignore[arg-type]
        next_cursor=None,
    )


@router.post(
    "/{calendar_id}/shares", status_code=status.HTTP_201_CREATED, response_model=CalendarShare
)
async def share_calendar(
    account: str,
    calendar_id: str,
    body: CalendarShareCreate,
    principal: CalendarWrite,
    session: DbSession,
) -> CalendarShare:
    """Share the calendar with another account of the organisation at freebusy, read or write
    level; sharing again with the same account changes its level."""
    owner = await resolve_account(session, principal, account)
    calendar, _ = await service.get_accessible(
        session, principal.org_id, owner.id, calendar_id, "owner"
    )
    share, grantee = await service.share_calendar(session, calendar, body)
    return CalendarShare(
        id=share.id,
        calendar_id=calendar.id,
        account_id=grantee.id,
        address=grantee.address,
        level=share.level,
        created_at=share.created_at,
    )  # type: ignore[arg-type]


@router.delete("/{calendar_id}/shares/{grantee}", status_code=status.HTTP_204_NO_CONTENT)
async def unshare_calendar(
    calendar_id: str, grantee: str, principal: CalendarWrite, session: DbSession, owner: Owner
) -> Response:
    """Stop sharing the calendar with an account (id or address)."""
    calendar, _ = await service.get_accessible(
        session, principal.org_id, owner.id, calendar_id, "owner"
    )
    await service.unshare_calendar(session, calendar, grantee)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post(
    "/{calendar_id}/feed", status_code=status.HTTP_201_CREATED, response_model=CalendarFeed
)
async def enable_calendar_feed(
    calendar_id: str, principal: CalendarWrite, session: DbSession, owner: Owner, request: Request
) -> CalendarFeed:
    """Issue a secret ICS subscription URL for the calendar (shown once). Issuing again
    replaces the previous URL, which stops working at once."""
    calendar, _ = await service.get_accessible(
        session, principal.org_id, owner.id, calendar_id, "owner"
    )
    token = await service.enable_feed(session, calendar)
    return CalendarFeed(url=feed_url(request, token), created_at=calendar.feed_created_at)  # type: ignore[arg-type]


@router.delete("/{calendar_id}/feed", status_code=status.HTTP_204_NO_CONTENT)
async def revoke_calendar_feed(
    calendar_id: str, principal: CalendarWrite, session: DbSession, owner: Owner
) -> Response:
    """Revoke the calendar's feed URL; subscribers get 404 from now on."""
    calendar, _ = await service.get_accessible(
        session, principal.org_id, owner.id, calendar_id, "owner"
    )
    await service.revoke_feed(session, calendar)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
