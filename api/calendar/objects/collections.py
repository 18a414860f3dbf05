"""Calendars as DAV collections: found by id or by the name a client gave with MKCALENDAR,
created, renamed and recoloured through the calendars service."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from api.calendar.calendars import service as calendars
from api.calendar.objects import repository
from api.errors import AlreadyExists, Forbidden, NotFound, ValidationFailed
from api.i18n import Msg, _
from api.storage.models import Calendar
from schemas.calendar import CalendarCreate, CalendarUpdate

MAX_SEGMENT = 255


def segment_of(calendar: Calendar) -> str:
    return calendar.dav_name or calendar.id


async def find_calendar(
    session: AsyncSession, org_id: str, account_id: str, segment: str, need: str = "read"
) -> tuple[Calendar, str]:
    """A calendar the account reaches at level `need`, by DAV name or id (404 otherwise),
    read in one query: clients name a collection with every request they make."""
    found = await repository.calendar_by_segment(session, org_id, account_id, segment)
    if found is None:
        raise NotFound(Msg("No calendar {segment}.", segment=segment), param="calendar_id")
    if found.room_id:
        # as `GET /v1/calendar/rooms/{id}/bookings`: everyone of the organisation reads a
        # room's bookings; they are made by inviting the room, never written directly
        if calendars.LEVELS[need] > calendars.LEVELS["read"]:
            raise Forbidden("A room's calendar is booked by inviting the room.")
        return found, "read"
    level = await calendars.access_to(session, found, account_id)
    if level is None:
        raise NotFound(Msg("No calendar {segment}.", segment=segment), param="calendar_id")
    if calendars.LEVELS[level] < calendars.LEVELS[need]:
        raise Forbidden(Msg(
            "This calendar is shared with you at {level} level; {need} is needed.",
            level=level,
            need=need,
        ))
    return found, level


async def visible_calendars(
    session: AsyncSession, org_id: str, account_id: str
) -> list[tuple[Calendar, str]]:
    """The account's own calendars, those shared with it at read level or above, then the
    organisation's rooms and resources (read-only: their bookings)."""
    rows = await calendars.list_calendars(session, org_id, account_id)
    mine = [(c, level) for c, level in rows if calendars.LEVELS[level] >= calendars.LEVELS["read"]]
    seen = {c.id for c, _ in mine}
    rooms = await repository.room_calendars(session, org_id)
    return mine + [(c, "read") for c in rooms if c.id not in seen]


def dav_color(color: str | None) -> str | None:
    """Apple clients send #RRGGBBAA; the API keeps #RRGGBB."""
    if not color:
        return None
    color = color.strip()
    if len(color) == 9 and color.startswith("#"):
        color = color[:7]
    return color


async def create_named(
    session: AsyncSession,
    org_id: str,
    account_id: str,
    segment: str,
    *,
    name: str | None,
    color: str | None = None,
    description: str = "",
    time_zone: str | None = None,
) -> Calendar:
    """MKCALENDAR: a new calendar of the account served under `segment`."""
    if not segment or len(segment) > MAX_SEGMENT or segment.startswith("cal_"):
        raise ValidationFailed("That collection name is not available.", param="name")
    if await repository.calendar_by_dav_name(session, org_id, account_id, segment) is not None:
        raise AlreadyExists(_(
            "A collection {segment} already exists.", segment=segment
        ), param="name")
    try:
        data = CalendarCreate(
            name=(name or segment)[:200],
            description=description[:2000],
            color=dav_color(color),
            time_zone=time_zone,
        )
    except ValueError as exc:
        raise ValidationFailed(_(
            "A calendar property is invalid: {exc}", exc=exc
        ), param="prop") from None
    calendar = await calendars.create_calendar(session, org_id, account_id, data)
    calendar.dav_name = segment
    return calendar


async def update(
    session: AsyncSession, calendar: Calendar, values: dict[str, str | None]
) -> Calendar:
    """PROPPATCH: displayname, colour, description (merge patch through the service)."""
    if "color" in values:
        values["color"] = dav_color(values["color"])
    try:
        data = CalendarUpdate(**values)  # type: ignore[arg-type]
    except ValueError as exc:
        raise ValidationFailed(_(
            "A calendar property is invalid: {exc}", exc=exc
        ), param="prop") from None
    return await calendars.update_calendar(session, calendar, data)


async def delete(session: AsyncSession, calendar: Calendar) -> None:
    await calendars.delete_calendar(session, calendar)
