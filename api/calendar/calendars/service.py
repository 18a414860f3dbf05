"""Rules for calendars: a default per account, sharing levels, secret feed URLs.

Access levels, weakest first: freebusy < read < write < owner. A calendar you cannot see
at all is a 404; one you can see but not at the level asked is a 403.
"""

from __future__ import annotations

import hashlib
import secrets

from sqlalchemy import delete
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from api.calendar.calendars import repository
from api.calendar.errors import DefaultCalendar, RoomCalendar
from api.calendar.events.timing import zone
from api.directory import find_account
from api.errors import Forbidden, NotFound, ValidationFailed
from api.events import emit
from api.i18n import _
from api.kit import merge_patch
from api.kit.clock import utcnow
from api.kit.ids import new_id
from api.runtime import Runtime
from api.storage.models import Account, Calendar, CalendarEvent, CalendarShare
from schemas.calendar import CalendarCreate, CalendarShareCreate, CalendarUpdate

LEVELS = {"freebusy": 1, "read": 2, "write": 3, "owner": 4}
DEFAULT_NAME = "Calendar"


async def ensure_default(session: AsyncSession, org_id: str, account_id: str) -> Calendar:
    """The account's default calendar, created on first use."""
    found = await repository.default_of(session, org_id, account_id)
    if found is not None:
        return found
    calendar = Calendar(
        id=new_id("cal"),
        org_id=org_id,
        account_id=account_id,
        name=DEFAULT_NAME,
        description="",
        time_zone="UTC",
        is_default=True,
        default_for=account_id,
    )
    try:
        async with session.begin_nested():
            session.add(calendar)
    except IntegrityError:  # a concurrent first request made it
        found = await repository.default_of(session, org_id, account_id)
        assert found is not None
        return found
    return calendar


async def owned_ids(session: AsyncSession, org_id: str, account_id: str) -> list[str]:
    """Ids of the account's own calendars (none yet: nothing to list)."""
    return await repository.owned_ids(session, org_id, account_id)


async def provision(runtime: Runtime, org_id: str, account_id: str) -> Calendar | None:
    """Make the default calendar in a unit of work of its own, for read-only requests (a
    read transaction must not write: on SQLite it could not become a writer). Returns the
    calendar when it was just made, since the caller's snapshot may predate it."""
    async with runtime.db.session(write=False) as session:
        if await repository.default_of(session, org_id, account_id) is not None:
            return None
    async with runtime.db.session(write=True) as session:
        return await ensure_default(session, org_id, account_id)


async def access_to(session: AsyncSession, calendar: Calendar, account_id: str) -> str | None:
    if calendar.account_id == account_id:
        return "owner"
    share = await repository.share_of(session, calendar.id, account_id)
    return share.level if share else None


async def get_accessible(
    session: AsyncSession, org_id: str, account_id: str, calendar_id: str, need: str = "read"
) -> tuple[Calendar, str]:
    calendar = await repository.get(session, org_id, calendar_id)
    level = await access_to(session, calendar, account_id) if calendar else None
    if calendar is None or level is None:
        raise NotFound(_(
            "No calendar {calendar_id}.", calendar_id=calendar_id
        ), param="calendar_id")
    if LEVELS[level] < LEVELS[need]:
        raise Forbidden(_(
            "This calendar is shared with you at {level} level; {need} is needed.",
            level=level,
            need=need,
        ))
    return calendar, level


async def list_calendars(
    session: AsyncSession, org_id: str, account_id: str
) -> list[tuple[Calendar, str]]:
    own = [(c, "owner") for c in await repository.owned_by(session, org_id, account_id)]
    return own + await repository.shared_with(session, org_id, account_id)


async def create_calendar(
    session: AsyncSession, org_id: str, account_id: str, data: CalendarCreate
) -> Calendar:
    await ensure_default(session, org_id, account_id)
    tz = data.time_zone or "UTC"
    zone(tz)
    calendar = Calendar(
        id=new_id("cal"),
        org_id=org_id,
        account_id=account_id,
        name=data.name,
        description=data.description,
        color=data.color,
        time_zone=tz,
        is_default=False,
    )
    session.add(calendar)
    await session.flush()
    await emit(
        session, org_id, "calendar.calendar.created", {"id": calendar.id, "account_id": account_id}
    )
    return calendar


async def update_calendar(
    session: AsyncSession, calendar: Calendar, data: CalendarUpdate
) -> Calendar:
    values = merge_patch.changes(data)
    for key in ("name", "time_zone", "description"):
        if key in values and values[key] is None:
            raise ValidationFailed(_("{key} cannot be null.", key=key), param=key)
    if values.get("time_zone"):
        zone(values["time_zone"])
    changed = merge_patch.apply(calendar, values)
    if changed:
        calendar.version += 1
        calendar.updated_at = utcnow()
        await emit(
            session,
            calendar.org_id,
            "calendar.calendar.updated",
            {"id": calendar.id, "account_id": calendar.account_id, "changed": changed},
        )
    return calendar


async def delete_calendar(session: AsyncSession, calendar: Calendar) -> None:
    if calendar.is_default:
        raise DefaultCalendar("The default calendar cannot be deleted.")
    if calendar.room_id:
        raise RoomCalendar("A room's calendar goes with the room.")
    await session.execute(delete(CalendarEvent).where(CalendarEvent.calendar_id == calendar.id))
    await session.execute(delete(CalendarShare).where(CalendarShare.calendar_id == calendar.id))
    await session.delete(calendar)
    await emit(
        session,
        calendar.org_id,
        "calendar.calendar.deleted",
        {"id": calendar.id, "account_id": calendar.account_id},
    )


async def share_calendar(
    session: AsyncSession, calendar: Calendar, data: CalendarShareCreate
) -> tuple[CalendarShare, Account]:
    grantee = await find_account(session, calendar.org_id, data.account)
    if grantee is None:
        raise NotFound(_("No account {account}.", account=data.account), param="account")
    if grantee.id == calendar.account_id:
        raise ValidationFailed("The owner already has full access.", param="account")
    share = await repository.share_of(session, calendar.id, grantee.id)
    if share is None:
        share = CalendarShare(
            id=new_id("csh"),
            org_id=calendar.org_id,
            calendar_id=calendar.id,
            account_id=grantee.id,
            level=data.level,
        )
        session.add(share)
    else:
        share.level = data.level
    await session.flush()
    await emit(
        session,
        calendar.org_id,
        "calendar.calendar.shared",
        {
            "id": calendar.id,
            "account_id": calendar.account_id,
            "grantee_id": grantee.id,
            "level": data.level,
        },
    )
    return share, grantee


async def list_shares(session: AsyncSession, calendar: Calendar) -> list[tuple[CalendarShare, str]]:
    return await repository.shares(session, calendar.org_id, calendar.id)


async def unshare_calendar(session: AsyncSession, calendar: Calendar, account_ref: str) -> None:
    grantee = await find_account(session, calendar.org_id, account_ref)
    share = await repository.share_of(session, calendar.id, grantee.id) if grantee else None
    if share is None or grantee is None:
        raise NotFound(_(
            "The calendar is not shared with {account_ref}.", account_ref=account_ref
        ), param="account")
    await session.delete(share)
    await emit(
        session,
        calendar.org_id,
        "calendar.calendar.unshared",
        {"id": calendar.id, "account_id": calendar.account_id, "grantee_id": grantee.id},
    )


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


async def enable_feed(session: AsyncSession, calendar: Calendar) -> str:
    """Issue a new secret feed token (replacing any earlier one); returned once."""
    token = "calfeed_" + secrets.token_urlsafe(32)
    calendar.feed_token_hash = _digest(token)
    calendar.feed_created_at = utcnow()
    calendar.version += 1
    await emit(
        session,
        calendar.org_id,
        "calendar.calendar.updated",
        {"id": calendar.id, "account_id": calendar.account_id, "changed": ["feed"]},
    )
    return token


async def revoke_feed(session: AsyncSession, calendar: Calendar) -> None:
    if calendar.feed_token_hash is None:
        raise NotFound("This calendar has no feed.", param="calendar_id")
    calendar.feed_token_hash = None
    calendar.feed_created_at = None
    calendar.version += 1
    await emit(
        session,
        calendar.org_id,
        "calendar.calendar.updated",
        {"id": calendar.id, "account_id": calendar.account_id, "changed": ["feed"]},
    )


async def calendar_for_feed(session: AsyncSession, token: str) -> Calendar:
    if not token.startswith("calfeed_") or len(token) > 100:
        raise NotFound("No such feed.")
    calendar = await repository.by_feed_token(session, _digest(token))
    if calendar is None:
        raise NotFound("No such feed.")
    return calendar
