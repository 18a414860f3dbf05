"""Recurrence: validate RRULE/RDATE/EXDATE and expand a series over a bounded UTC window.

Expansion runs on wall-clock time in the event's zone (dateutil's rrule over naive local
datetimes), then converts each instance to UTC, so a 09:00 weekly meeting stays at 09:00
across DST changes. DTSTART is always the first instance (as recurring-ical-events and
most clients treat it). An infinite rule is fine: callers only ever ask for a window.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from dateutil.relativedelta import relativedelta
from dateutil.rrule import rrule, rrulestr

from api.calendar.events.timing import local_text, parse_local, to_local, to_utc
from api.errors import ValidationFailed
from api.i18n import Msg

FREQUENCIES = {"YEARLY", "MONTHLY", "WEEKLY", "DAILY", "HOURLY"}
PARTS = {
    "FREQ",
    "UNTIL",
    "COUNT",
    "INTERVAL",
    "BYSECOND",
    "BYMINUTE",
    "BYHOUR",
    "BYDAY",
    "BYMONTHDAY",
    "BYYEARDAY",
    "BYWEEKNO",
    "BYMONTH",
    "BYSETPOS",
    "WKST",
}
MAX_COUNT = 10_000
#: Instances one series may contribute to one window; beyond it the window is too wide.
MAX_INSTANCES_PER_SERIES = 5_000


def _invalid(detail: str) -> ValidationFailed:
    return ValidationFailed(Msg("Invalid RRULE: {detail}", detail=detail), param="recurrence.rrule")


def _parse_until(value: str, tz: ZoneInfo, all_day: bool) -> tuple[datetime, str]:
    """UNTIL → (inclusive local bound, canonical text: UTC for timed events, a date for all-day)."""
    try:
        if len(value) == 8:
            day = datetime.strptime(value, "%Y%m%d")
            if all_day:
                return day, value
            local = day.replace(hour=23, minute=59, second=59)
        elif value.endswith("Z"):
            moment = datetime.strptime(value, "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
            local = to_local(moment, tz)
            if all_day:
                return local.replace(hour=0, minute=0, second=0), local.strftime("%Y%m%d")
        else:
            local = datetime.strptime(value, "%Y%m%dT%H%M%S")
            if all_day:
                return local.replace(hour=0, minute=0, second=0), local.strftime("%Y%m%d")
    except ValueError:
        raise _invalid(f"UNTIL={value} is not a date or date-time") from None
    return local, to_utc(local, tz).strftime("%Y%m%dT%H%M%SZ")


def _split(text: str) -> list[tuple[str, str]]:
    body = text.strip()
    if body.upper().startswith("RRULE:"):
        body = body[6:]
    if not body:
        raise _invalid("it is empty")
    parts = []
    for item in body.split(";"):
        if not item:
            continue
        name, sep, value = item.partition("=")
        name = name.strip().upper()
        if not sep or not value.strip():
            raise _invalid(f"{item!r} is not NAME=VALUE")
        if name not in PARTS:
            raise _invalid(f"unknown part {name}")
        parts.append((name, value.strip().upper()))
    return parts


def normalise(text: str, start_local: datetime, tz: ZoneInfo, all_day: bool) -> str:
    """Validate an RRULE for a series starting at `start_local`; return its canonical text."""
    parts = _split(text)
    names = [n for n, _ in parts]
    if len(set(names)) != len(names):
        raise _invalid("a part appears twice")
    values = dict(parts)
    freq = values.get("FREQ")
    if freq is None:
        raise _invalid("FREQ is required")
    if freq in ("SECONDLY", "MINUTELY"):
        raise _invalid(f"FREQ={freq} is not supported; the shortest is HOURLY")
    if freq not in FREQUENCIES:
        raise _invalid(f"unknown FREQ={freq}")
    if "COUNT" in values and "UNTIL" in values:
        raise _invalid("COUNT and UNTIL cannot both be set")
    if "COUNT" in values:
        if not values["COUNT"].isdigit() or not 1 <= int(values["COUNT"]) <= MAX_COUNT:
            raise _invalid(f"COUNT must be 1 to {MAX_COUNT}")
    if "INTERVAL" in values:
        if not values["INTERVAL"].isdigit() or not 1 <= int(values["INTERVAL"]) <= 1000:
            raise _invalid("INTERVAL must be 1 to 1000")
    if freq == "HOURLY" and all_day:
        raise _invalid("an all-day event cannot repeat hourly")
    canonical = []
    for name, value in parts:
        if name == "UNTIL":
            _, value = _parse_until(value, tz, all_day)
        canonical.append(f"{name}={value}")
    result = ";".join(canonical)
    rule_for(result, local_text(start_local), tz.key, all_day)  # raises when dateutil cannot
    return result


@lru_cache(maxsize=8192)
def rule_for(text: str, start_text: str, tz_name: str, all_day: bool) -> rrule:
    tz = ZoneInfo(tz_name)
    start_local = parse_local(start_text)
    parts = _split(text)
    until = next((v for n, v in parts if n == "UNTIL"), None)
    rest = ";".join(f"{n}={v}" for n, v in parts if n != "UNTIL")
    try:
        built = rrulestr(rest, dtstart=start_local, cache=False)
        if until is not None:
            bound, _ = _parse_until(until, tz, all_day)
            built = built.replace(until=bound)
    except (ValueError, TypeError, KeyError, IndexError) as exc:
        raise _invalid(str(exc) or type(exc).__name__) from None
    if not isinstance(built, rrule):
        raise _invalid("only one RRULE is allowed")
    return built


_STEP = {"DAILY": timedelta(days=1), "WEEKLY": timedelta(weeks=1), "HOURLY": timedelta(hours=1)}


def _jumped(rule: rrule, text: str, start_local: datetime, lo_local: datetime) -> rrule:
    """The same rule restarted whole periods later, so expanding a window years after DTSTART
    does not walk every earlier instance. Only for rules where a restart by whole periods
    keeps the instance set: no COUNT, and for months/years a day of month every month has."""
    if lo_local - start_local < timedelta(days=62):
        return rule
    values = dict(_split(text))
    if "COUNT" in values:
        return rule
    freq = values["FREQ"]
    interval = int(values.get("INTERVAL", "1"))
    if freq in _STEP:
        period = _STEP[freq] * interval
        periods = (lo_local - start_local) // period - 1
        if periods < 1:
            return rule
        return rule.replace(dtstart=start_local + period * periods)
    if start_local.day > 28:
        return rule
    months = (lo_local.year - start_local.year) * 12 + lo_local.month - start_local.month
    step = interval * (12 if freq == "YEARLY" else 1)
    periods = months // step - 1
    if periods < 1:
        return rule
    return rule.replace(dtstart=start_local + relativedelta(months=step * periods))


@dataclass(frozen=True)
class Series:
    """What expansion needs to know about a master event."""

    start_local: datetime
    end_local: datetime
    tz: ZoneInfo
    all_day: bool
    rrule: str | None = None
    rdates: tuple[str, ...] = ()
    exdates: frozenset[str] = frozenset()

    @property
    def recurring(self) -> bool:
        return bool(self.rrule or self.rdates)

    def bounds(self, local: datetime) -> tuple[datetime, datetime]:
        """UTC start and end of the instance starting at wall-clock `local`."""
        start = to_utc(local, self.tz)
        if self.all_day:
            return start, to_utc(local + (self.end_local - self.start_local), self.tz)
        exact = to_utc(self.end_local, self.tz) - to_utc(self.start_local, self.tz)
        return start, start + exact

    def _starts_between(self, lo_local: datetime, hi_local: datetime) -> list[datetime]:
        starts: set[datetime] = set()
        if lo_local <= self.start_local <= hi_local:
            starts.add(self.start_local)
        if self.rrule:
            rule = rule_for(self.rrule, local_text(self.start_local), self.tz.key, self.all_day)
            rule = _jumped(rule, self.rrule, self.start_local, lo_local)
            for n, moment in enumerate(rule.xafter(lo_local, inc=True)):
                if moment > hi_local:
                    break
                if n >= MAX_INSTANCES_PER_SERIES:
                    raise ValidationFailed(
                        "The window holds too many instances of one series; "
                        "ask for a shorter window.",
                        param="end",
                    )
                starts.add(moment)
        for text in self.rdates:
            moment = parse_local(text)
            if lo_local <= moment <= hi_local:
                starts.add(moment)
        return sorted(s for s in starts if local_text(s) not in self.exdates)

    def occurrences(self, lo: datetime, hi: datetime) -> list[tuple[datetime, datetime, datetime]]:
        """Instances overlapping [lo, hi) as (local start, UTC start, UTC end), in order.

        Cached per (series, window): a series is a value, so the same window of the same
        series (free/busy polled by portals, find-a-time, calendar views) expands once."""
        return list(_cached_occurrences(self, lo, hi))

    def _occurrences(self, lo: datetime, hi: datetime) -> list[tuple[datetime, datetime, datetime]]:
        span = self.end_local - self.start_local
        lo_local = to_local(lo, self.tz) - span - timedelta(days=1)
        hi_local = to_local(hi, self.tz) + timedelta(days=1)
        out = []
        for local in self._starts_between(lo_local, hi_local):
            start, end = self.bounds(local)
            if start < hi and (end > lo or (end == start and start >= lo)):
                out.append((local, start, end))
        return out

    def contains(self, local: datetime) -> bool:
        """Whether an instance starts at wall-clock `local` (exdates excluded)."""
        return local in self._starts_between(local, local)

    def range(self) -> tuple[datetime, datetime | None]:
        """UTC bounds of the whole series; the end is None when it recurs forever."""
        first_local = min([self.start_local, *(parse_local(t) for t in self.rdates)])
        last_local = max([self.start_local, *(parse_local(t) for t in self.rdates)])
        first, _ = self.bounds(first_local)
        if self.rrule:
            rule = rule_for(self.rrule, local_text(self.start_local), self.tz.key, self.all_day)
            values = dict(_split(self.rrule))
            if "COUNT" in values:
                listed = list(rule)
                if listed:
                    last_local = max(last_local, listed[-1])
            elif "UNTIL" in values:
                until, _ = _parse_until(values["UNTIL"], self.tz, self.all_day)
                last_local = max(last_local, until)
            else:
                return first, None
        _, last = self.bounds(last_local)
        return first, last + timedelta(hours=1)


@lru_cache(maxsize=20_000)
def _cached_occurrences(
    series: Series, lo: datetime, hi: datetime
) -> tuple[tuple[datetime, datetime, datetime], ...]:
    return tuple(series._occurrences(lo, hi))
