"""Wall-clock times in IANA zones: parsing API input, converting to UTC, instance keys.

An event's truth is its local start/end plus a zone; UTC is derived. A non-existent local
time (inside a spring-forward gap) resolves with the offset before the gap, as RFC 5545
3.3.5 asks, which is what `zoneinfo` does with `fold=0`.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, tzinfo
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from api.errors import ValidationFailed
from api.i18n import _

LOCAL_FORMAT = "%Y-%m-%dT%H:%M:%S"
KEY_FORMAT = "%Y%m%dT%H%M%SZ"
DATE_KEY_FORMAT = "%Y%m%d"


@lru_cache(maxsize=2048)
def _zone(name: str) -> ZoneInfo | None:
    if not name or len(name) > 64 or ".." in name or name.startswith("/"):
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return None


def zone(name: str, *, param: str = "time_zone") -> ZoneInfo:
    """The IANA zone `name`, or 422 naming it."""
    found = _zone(name)
    if found is None:
        raise ValidationFailed(
            _(
                "Unknown time zone {name}; use an IANA name such as Asia/Shanghai.", name=repr(name)
            ), param=param
        )
    return found


def is_zone(name: str) -> bool:
    return _zone(name) is not None


def to_utc(local: datetime, tz: tzinfo) -> datetime:
    return local.replace(tzinfo=tz).astimezone(UTC)


def to_local(moment: datetime, tz: tzinfo) -> datetime:
    """A UTC (or any aware) moment as naive wall-clock time in `tz`."""
    return moment.astimezone(tz).replace(tzinfo=None)


def local_text(local: datetime) -> str:
    """`YYYY-MM-DDTHH:MM:SS` (LOCAL_FORMAT), the stored form of wall-clock times."""
    return local.isoformat(timespec="seconds")


def parse_local(text: str) -> datetime:
    return datetime.fromisoformat(text)


def parse_when(value: str, tz: tzinfo, *, all_day: bool, param: str) -> datetime:
    """API input → naive wall-clock time in `tz` (midnight of the date for all-day)."""
    value = value.strip()
    if all_day:
        try:
            return datetime.combine(date.fromisoformat(value), datetime.min.time())
        except ValueError:
            raise ValidationFailed(
                _(
                    "{param} must be a date (YYYY-MM-DD) for an all-day event.", param=param
                ), param=param
            ) from None
    if len(value) == 10:
        raise ValidationFailed(
            _(
                "{param} is a date; set all_day to true or give a date-time.", param=param
            ), param=param
        )
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        raise ValidationFailed(_(
            "{param} is not an RFC 3339 date-time.", param=param
        ), param=param) from None
    if moment.tzinfo is not None:
        moment = to_local(moment, tz)
    return moment.replace(microsecond=0)


def instance_key(start_utc: datetime, *, all_day: bool, local: datetime | None = None) -> str:
    """The stable name of one instance: its original start in UTC (the date when all-day)."""
    if all_day:
        assert local is not None
        return local.strftime(DATE_KEY_FORMAT)
    return start_utc.astimezone(UTC).strftime(KEY_FORMAT)


def parse_key(key: str) -> datetime | date:
    try:
        if len(key) == 8:
            return datetime.strptime(key, DATE_KEY_FORMAT).date()
        return datetime.strptime(key, KEY_FORMAT).replace(tzinfo=UTC)
    except ValueError:
        raise ValidationFailed(_(
            "{key} is not an instance key.", key=repr(key)
        ), param="event_id") from None


def rfc3339(local: datetime, tz: tzinfo, *, all_day: bool) -> str:
    if all_day:
        return local.date().isoformat()
    return local.replace(tzinfo=tz).isoformat()


def key_to_rfc3339(key: str, tz: tzinfo) -> str:
    parsed = parse_key(key)
    if isinstance(parsed, datetime):
        return parsed.astimezone(tz).isoformat()
    return parsed.isoformat()


def day_span(start_local: datetime, end_local: datetime) -> timedelta:
    return end_local - start_local
