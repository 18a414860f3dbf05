"""Calendar tables: calendars and their shares, events (series masters and overrides), rooms."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from api.kit.clock import utcnow
from api.storage.models.base import Base, JSONType, UTCDateTime


class Calendar(Base):
    """A calendar owned by an account, or the booking calendar of a room."""

    __tablename__ = "calendars"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    org_id: Mapped[str] = mapped_column(ForeignKey("organizations.id"), index=True)
    account_id: Mapped[str | None] = mapped_column(String(40), nullable=True, index=True)
    room_id: Mapped[str | None] = mapped_column(String(40), nullable=True, index=True)
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    color: Mapped[str | None] = mapped_column(String(20), nullable=True)
    time_zone: Mapped[str] = mapped_column(String(64), default="UTC")
    is_default: Mapped[bool] = mapped_column(Boolean, default=False)
    # The owner's id on their default calendar only: a unique key, so two concurrent first
    # requests cannot both create one.
    default_for: Mapped[str | None] = mapped_column(String(40), nullable=True, unique=True)
    feed_token_hash: Mapped[str | None] = mapped_column(String(64), nullable=True, unique=True)
    feed_created_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    # The collection name a CalDAV client chose with MKCALENDAR (None: served under its id).
    dav_name: Mapped[str | None] = mapped_column(String(255), nullable=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


class CalendarShare(Base):
    """Another account's access to a calendar: freebusy, read or write."""

    __tablename__ = "calendar_shares"
    __table_args__ = (UniqueConstraint("calendar_id", "account_id"),)

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    org_id: Mapped[str] = mapped_column(String(40), index=True)
    calendar_id: Mapped[str] = mapped_column(ForeignKey("calendars.id", ondelete="CASCADE"))
    account_id: Mapped[str] = mapped_column(String(40), index=True)
    level: Mapped[str] = mapped_column(String(20))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class CalendarEvent(Base):
    """One VEVENT: a series master (`recurrence_id == ""`) or an override of one instance.

    Wall-clock start/end plus an IANA zone are the truth; the UTC columns are derived for
    range queries. `range_start`/`range_end` bound every instance of a series
    (`range_end` NULL means it recurs forever).
    """

    __tablename__ = "calendar_events"
    __table_args__ = (
        UniqueConstraint("calendar_id", "uid", "recurrence_id"),
        Index("ix_calendar_events_calendar_range", "calendar_id", "range_start"),
        Index("ix_calendar_events_org_uid", "org_id", "uid"),
        Index("ix_calendar_events_calendar_dav_name", "calendar_id", "dav_name"),
    )

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    org_id: Mapped[str] = mapped_column(String(40), index=True)
    calendar_id: Mapped[str] = mapped_column(ForeignKey("calendars.id", ondelete="CASCADE"))
    account_id: Mapped[str | None] = mapped_column(String(40), nullable=True)
    uid: Mapped[str] = mapped_column(String(255))
    recurrence_id: Mapped[str] = mapped_column(String(20), default="")
    series_id: Mapped[str | None] = mapped_column(String(40), nullable=True)
    sequence: Mapped[int] = mapped_column(Integer, default=0)
    title: Mapped[str] = mapped_column(String(500), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    location: Mapped[str] = mapped_column(String(500), default="")
    online_meeting_url: Mapped[str | None] = mapped_column(String(2000), nullable=True)
    all_day: Mapped[bool] = mapped_column(Boolean, default=False)
    time_zone: Mapped[str] = mapped_column(String(64), default="UTC")
    start_local: Mapped[str] = mapped_column(String(19))
    end_local: Mapped[str] = mapped_column(String(19))
    start_at: Mapped[datetime] = mapped_column(UTCDateTime)
    end_at: Mapped[datetime] = mapped_column(UTCDateTime)
    rrule: Mapped[str | None] = mapped_column(String(1000), nullable=True)
    rdates: Mapped[list[str]] = mapped_column(JSONType, default=list)
    exdates: Mapped[list[str]] = mapped_column(JSONType, default=list)
    range_start: Mapped[datetime] = mapped_column(UTCDateTime)
    range_end: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    status: Mapped[str] = mapped_column(String(20), default="confirmed")
    transparency: Mapped[str] = mapped_column(String(20), default="opaque")
    reminders: Mapped[list[dict[str, Any]]] = mapped_column(JSONType, default=list)
    organizer: Mapped[dict[str, Any] | None] = mapped_column(JSONType, nullable=True)
    attendees: Mapped[list[dict[str, Any]]] = mapped_column(JSONType, default=list)
    is_organizer: Mapped[bool] = mapped_column(Boolean, default=True)
    partstat: Mapped[str] = mapped_column(String(20), default="accepted")
    # The name a CalDAV client PUT the object under (None: it is served as `<id>.ics`).
    dav_name: Mapped[str | None] = mapped_column(String(255), nullable=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


class Room(Base):
    """A bookable room or resource with its booking policy; its bookings live in a calendar."""

    __tablename__ = "calendar_rooms"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    org_id: Mapped[str] = mapped_column(ForeignKey("organizations.id"), index=True)
    calendar_id: Mapped[str] = mapped_column(String(40))
    kind: Mapped[str] = mapped_column(String(20), default="room")  # room | resource
    name: Mapped[str] = mapped_column(String(200))
    address: Mapped[str | None] = mapped_column(String(320), nullable=True, unique=True)
    description: Mapped[str] = mapped_column(Text, default="")
    capacity: Mapped[int] = mapped_column(Integer, default=0)
    building: Mapped[str] = mapped_column(String(200), default="")
    floor: Mapped[str] = mapped_column(String(50), default="")
    equipment: Mapped[list[str]] = mapped_column(JSONType, default=list)
    booking_policy: Mapped[str] = mapped_column(String(20), default="auto_accept")
    allow_conflicts: Mapped[bool] = mapped_column(Boolean, default=False)
    delegates: Mapped[list[str]] = mapped_column(JSONType, default=list)
    max_duration_minutes: Mapped[int | None] = mapped_column(Integer, nullable=True)
    booking_window_days: Mapped[int] = mapped_column(Integer, default=365)
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
