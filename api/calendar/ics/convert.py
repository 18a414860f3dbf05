"""VEVENT ↔ stored event fields, shared by import/export, the feed and iTIP.

Incoming times are mapped to IANA zones: a TZID that is an IANA name, a Windows zone name
(Outlook), a prefixed Olson name (`/mozilla.org/…/Europe/Berlin`), or a custom VTIMEZONE
matched to the IANA zone with the same offsets. Floating times take the calendar's zone.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo, available_timezones

import icalendar
from icalendar.timezone.tzid import tzids_from_tzinfo
from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON

from api.calendar.events.inputs import Timing, check_address
from api.calendar.events.occurrences import tz_of
from api.calendar.events.recurrence import normalise
from api.calendar.events.timing import (
    instance_key,
    is_zone,
    local_text,
    parse_key,
    parse_local,
    to_local,
    to_utc,
    zone,
)
from api.errors import ValidationFailed
from api.storage.models import CalendarEvent

PARTSTAT_IN = {
    "NEEDS-ACTION": "needs_action",
    "ACCEPTED": "accepted",
    "DECLINED": "declined",
    "TENTATIVE": "tentative",
    "DELEGATED": "delegated",
}
PARTSTAT_OUT = {v: k for k, v in PARTSTAT_IN.items()}
ROLE_IN = {
    "REQ-PARTICIPANT": "required",
    "OPT-PARTICIPANT": "optional",
    "CHAIR": "chair",
    "NON-PARTICIPANT": "non_participant",
}
ROLE_OUT = {v: k for k, v in ROLE_IN.items()}
CUTYPE_OUT = {"person": "INDIVIDUAL", "room": "ROOM", "resource": "RESOURCE"}
PRODID = "-//Mailplane//Calendar//EN"


class PropertyError(ValueError):
    """A problem with one property of a component; the caller adds the line number."""

    def __init__(self, prop: str, detail: str) -> None:
        super().__init__(detail)
        self.prop = prop
        self.detail = detail


# ---- zones -------------------------------------------------------------------------------


def _olson_name(tzid: str) -> str | None:
    tzid = tzid.strip().strip('"')
    if is_zone(tzid):
        return tzid
    if tzid in WINDOWS_TO_OLSON:
        return WINDOWS_TO_OLSON[tzid]
    parts = [p for p in tzid.split("/") if p]
    for n in (3, 2, 1):
        if len(parts) >= n and is_zone("/".join(parts[-n:])):
            return "/".join(parts[-n:])
    return None


@lru_cache(maxsize=256)
def _by_offsets(signature: tuple[tuple[int, ...], ...]) -> str | None:
    """The IANA zone whose UTC offsets match a custom VTIMEZONE's on sample days."""
    preferred = [
        "UTC",
        "Asia/Shanghai",
        "Europe/London",
        "Europe/Berlin",
        "America/New_York",
        "America/Chicago",
        "America/Denver",
        "America/Los_Angeles",
        "Asia/Tokyo",
        "Australia/Sydney",
        "Asia/Kolkata",
        "Europe/Paris",
        "Asia/Singapore",
    ]
    names = preferred + sorted(n for n in available_timezones() if n not in preferred)
    for name in names:
        tz = zone(name)
        if _signature(tz, signature[0][0]) == signature:
            return name
    return None


def _signature(tz: tzinfo, year: int) -> tuple[tuple[int, ...], ...]:
    days = [datetime(year, m, d, 12) for m in range(1, 13) for d in (1, 8, 15, 22)]
    return tuple(
        (year, *[int((tz.utcoffset(day) or timedelta()).total_seconds() // 60) for day in days]),
    )


def iana_zone(value: datetime, tzid: str | None) -> str:
    """The IANA name for an aware datetime's zone (raises PropertyError when unknowable)."""
    tz = value.tzinfo
    if isinstance(tz, ZoneInfo):
        return "UTC" if tz.key in ("UTC", "Etc/UTC", "Z") else tz.key
    if tzid:
        name = _olson_name(tzid)
        if name:
            return name
    if tz is not None:
        for candidate in tzids_from_tzinfo(tz):
            if is_zone(candidate):
                return candidate
        if isinstance(tz, timezone) or (
            tz.utcoffset(value) == timedelta(0)
            and tz.dst(value) in (None, timedelta(0))
            and not tzid
        ):
            offset = tz.utcoffset(value) or timedelta(0)
            if offset == timedelta(0):
                return "UTC"
            hours = offset.total_seconds() / 3600
            if hours.is_integer():
                return f"Etc/GMT{'-' if hours > 0 else '+'}{abs(int(hours))}"
        if tzid:
            found = _by_offsets(_signature(tz, value.year))
            if found:
                return found
    raise PropertyError("DTSTART", f"unknown time zone {tzid or tz!r}")


# ---- VEVENT → fields ---------------------------------------------------------------------


@dataclass
class Parsed:
    """One VEVENT as fields ready for a CalendarEvent row."""

    uid: str
    recurrence_id: str
    sequence: int
    fields: dict[str, Any] = field(default_factory=dict)
    method_partstat: dict[str, str] = field(default_factory=dict)
    # RFC 5546 3.2.3: an attendee's REPLY may carry a COMMENT with their answer.
    comment: str = ""


def _text(component: icalendar.Event, name: str, limit: int) -> str:
    value = component.get(name)
    if value is None:
        return ""
    if isinstance(value, list):
        value = value[0]
    return str(value)[:limit]


def _decoded(component: icalendar.Event, name: str) -> Any:
    try:
        return component.decoded(name)
    except KeyError:
        return None
    except Exception as exc:  # icalendar raises assorted errors for bad values
        raise PropertyError(name, f"{name} has an invalid value ({exc})") from None


def _tzid(component: icalendar.Event, name: str) -> str | None:
    prop = component.get(name)
    if prop is None or isinstance(prop, list):
        return None
    params = getattr(prop, "params", {})
    return params.get("TZID")


def _as_local(value: date | datetime, tz: ZoneInfo, all_day: bool, prop: str) -> datetime:
    """A DTSTART-like value as naive wall-clock time in the event's zone."""
    if isinstance(value, datetime):
        if all_day:
            raise PropertyError(prop, f"{prop} is a date-time but the event is all-day")
        if value.tzinfo is None:
            return value.replace(microsecond=0)
        return to_local(value, tz).replace(microsecond=0)
    if not all_day:
        return datetime.combine(value, datetime.min.time())
    return datetime.combine(value, datetime.min.time())


def _dates(component: icalendar.Event, name: str) -> list[date | datetime]:
    raw = component.get(name)
    if raw is None:
        return []
    items = raw if isinstance(raw, list) else [raw]
    out: list[date | datetime] = []
    for item in items:
        dts = getattr(item, "dts", None)
        if dts is None:
            raise PropertyError(name, f"{name} has an invalid value")
        for d in dts:
            value = d.dt
            if isinstance(value, tuple):  # PERIOD values: take the start
                value = value[0]
            out.append(value)
    return out


def _address(value: Any, prop: str) -> tuple[str, dict[str, Any]]:
    text = str(value)
    if text.lower().startswith("mailto:"):
        text = text[7:]
    params = dict(getattr(value, "params", {}) or {})
    if "@" not in text and params.get("EMAIL"):
        text = str(params["EMAIL"])
    try:
        return check_address(text, prop), params
    except ValidationFailed:
        raise PropertyError(prop, f"{prop} is not a mail address: {text[:80]!r}") from None


def organizer_of(component: icalendar.Event) -> dict[str, Any] | None:
    raw = component.get("ORGANIZER")
    if raw is None:
        return None
    address, params = _address(raw, "ORGANIZER")
    return {"address": address, "name": params.get("CN") or None, "account_id": None}


def attendees_of(component: icalendar.Event) -> list[dict[str, Any]]:
    raw = component.get("ATTENDEE")
    if raw is None:
        return []
    items = raw if isinstance(raw, list) else [raw]
    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    for item in items[:500]:
        address, params = _address(item, "ATTENDEE")
        if address.lower() in seen:
            continue
        seen.add(address.lower())
        cutype = str(params.get("CUTYPE", "INDIVIDUAL")).upper()
        out.append(
            {
                "address": address,
                "name": params.get("CN") or None,
                "type": {"ROOM": "room", "RESOURCE": "resource"}.get(cutype, "person"),
                "role": ROLE_IN.get(str(params.get("ROLE", "REQ-PARTICIPANT")).upper(), "required"),
                "response": PARTSTAT_IN.get(
                    str(params.get("PARTSTAT", "NEEDS-ACTION")).upper(), "needs_action"
                ),
                "rsvp": str(params.get("RSVP", "FALSE")).upper() == "TRUE",
                "account_id": None,
                "room_id": None,
                "comment": None,
            }
        )
    return out


def _reminders(component: icalendar.Event) -> list[dict[str, Any]]:
    out = []
    for alarm in component.walk("VALARM")[:10]:
        try:
            trigger = alarm.decoded("TRIGGER")
        except Exception:
            continue
        if not isinstance(trigger, timedelta) or trigger > timedelta(0):
            continue
        minutes = int(-trigger.total_seconds() // 60)
        action = str(alarm.get("ACTION", "DISPLAY")).upper()
        if 0 <= minutes <= 40320:
            out.append(
                {"minutes_before": minutes, "method": "email" if action == "EMAIL" else "display"}
            )
    return sorted(out, key=lambda r: r["minutes_before"])


def _fallback_uid(component: icalendar.Event) -> str:
    return hashlib.sha256(component.to_ical()).hexdigest()[:32] + "@import.mailplane"


def parse_vevent(
    component: icalendar.Event, default_zone: str, *, require_uid: bool = False
) -> Parsed:
    uid = _text(component, "UID", 255).strip()
    if not uid:
        if require_uid:
            raise PropertyError("UID", "the event has no UID")
        uid = _fallback_uid(component)
    start = _decoded(component, "DTSTART")
    if start is None:
        raise PropertyError("DTSTART", "the event has no DTSTART")
    if not isinstance(start, date):
        raise PropertyError("DTSTART", "DTSTART is not a date or date-time")
    all_day = not isinstance(start, datetime)
    start_tzid = _tzid(component, "DTSTART")
    if all_day:
        tz_name = default_zone
    elif start.tzinfo is None:
        # Floating time, or a TZID icalendar could not resolve (no VTIMEZONE for it).
        tz_name = default_zone
        if start_tzid:
            found = _olson_name(start_tzid)
            if found is None:
                raise PropertyError("DTSTART", f"unknown time zone {start_tzid!r}")
            tz_name = found
    else:
        try:
            tz_name = iana_zone(start, start_tzid)
        except PropertyError as exc:
            raise PropertyError("DTSTART", exc.detail) from None
    tz = zone(tz_name)
    start_local = _as_local(start, tz, all_day, "DTSTART")
    end = _decoded(component, "DTEND")
    duration = _decoded(component, "DURATION") if end is None else None
    if end is not None:
        if isinstance(end, datetime) == all_day:
            raise PropertyError("DTEND", "DTEND and DTSTART must both be dates or both date-times")
        if all_day:
            end_local = datetime.combine(end, datetime.min.time())
        elif end.tzinfo is None:
            end_local = end.replace(microsecond=0)
        else:
            # Outlook may give DTEND another zone than DTSTART: keep the same moment.
            end_local = to_local(end, tz).replace(microsecond=0)
    elif isinstance(duration, timedelta):
        if all_day:
            end_local = start_local + timedelta(days=max(1, duration.days))
        else:
            end_local = to_local(to_utc(start_local, tz) + duration, tz)
    else:
        end_local = start_local + (timedelta(days=1) if all_day else timedelta(0))
    if all_day and end_local <= start_local:
        end_local = start_local + timedelta(days=1)
    if end_local < start_local:
        raise PropertyError("DTEND", "DTEND is before DTSTART")
    rrule = None
    raw_rule = component.get("RRULE")
    if raw_rule is not None:
        if isinstance(raw_rule, list):
            raise PropertyError("RRULE", "only one RRULE per event is supported")
        try:
            text = raw_rule.to_ical().decode()
            rrule = normalise(text, start_local, tz, all_day)
        except ValidationFailed as exc:
            raise PropertyError("RRULE", exc.detail) from None
        except Exception as exc:
            raise PropertyError("RRULE", f"Invalid RRULE: {exc}") from None
    rdates = sorted(
        {
            local_text(_as_local(_coerce(d, all_day), tz, all_day, "RDATE"))
            for d in _dates(component, "RDATE")
        }
    )
    exdates = sorted(
        {
            local_text(_as_local(_coerce(d, all_day), tz, all_day, "EXDATE"))
            for d in _dates(component, "EXDATE")
        }
    )
    recurrence_id = ""
    rid = _decoded(component, "RECURRENCE-ID")
    if rid is not None:
        recurrence_id = _key(rid, tz, all_day)
    status = _text(component, "STATUS", 20).upper()
    transp = _text(component, "TRANSP", 20).upper()
    url = _text(component, "URL", 2000) or None
    conference = (
        component.get("CONFERENCE")
        or component.get("X-GOOGLE-CONFERENCE")
        or component.get("X-MICROSOFT-SKYPETEAMSMEETINGURL")
    )
    if conference is not None:
        url = str(conference if not isinstance(conference, list) else conference[0])[:2000]
    if url and not url.startswith(("http://", "https://")):
        url = None
    try:
        sequence = int(str(component.get("SEQUENCE", 0)).strip() or 0)
    except ValueError:
        raise PropertyError("SEQUENCE", "SEQUENCE is not an integer") from None
    fields = {
        "title": _text(component, "SUMMARY", 500),
        "description": _text(component, "DESCRIPTION", 100_000),
        "location": _text(component, "LOCATION", 500),
        "online_meeting_url": url,
        "status": {"TENTATIVE": "tentative", "CANCELLED": "cancelled"}.get(status, "confirmed"),
        "transparency": "transparent" if transp == "TRANSPARENT" else "opaque",
        "reminders": _reminders(component),
        "organizer": organizer_of(component),
        "attendees": attendees_of(component),
        "tz": tz,
        "all_day": all_day,
        "start_local": start_local,
        "end_local": end_local,
        "rrule": rrule if not recurrence_id else None,
        "rdates": rdates if not recurrence_id else [],
        "exdates": exdates if not recurrence_id else [],
    }
    return Parsed(
        uid=uid,
        recurrence_id=recurrence_id,
        sequence=max(0, sequence),
        fields=fields,
        comment=_text(component, "COMMENT", 2000).strip(),
    )


def _coerce(value: date | datetime, all_day: bool) -> date | datetime:
    if all_day and isinstance(value, datetime):
        return value.date()
    return value


def _key(value: date | datetime, tz: ZoneInfo, all_day: bool) -> str:
    if isinstance(value, datetime):
        if all_day:
            local = datetime.combine(value.date(), datetime.min.time())
            return instance_key(to_utc(local, tz), all_day=True, local=local)
        moment = value if value.tzinfo is not None else to_utc(value, tz)
        return instance_key(moment.astimezone(UTC), all_day=False)
    local = datetime.combine(value, datetime.min.time())
    if all_day:
        return instance_key(to_utc(local, tz), all_day=True, local=local)
    return instance_key(to_utc(local, tz), all_day=False)


def apply_fields(row: CalendarEvent, parsed: Parsed) -> None:
    """Write parsed fields onto a row (timing columns derived as for API input)."""
    f = parsed.fields
    Timing(
        f["tz"],
        f["all_day"],
        f["start_local"],
        f["end_local"],
        f["rrule"],
        f["rdates"],
        f["exdates"],
    ).apply(row)
    if parsed.recurrence_id:
        row.range_start, row.range_end = row.start_at, row.end_at + timedelta(hours=1)
    for name in (
        "title",
        "description",
        "location",
        "online_meeting_url",
        "status",
        "transparency",
        "reminders",
    ):
        setattr(row, name, f[name])
    row.uid = parsed.uid
    row.recurrence_id = parsed.recurrence_id
    row.sequence = parsed.sequence


# ---- rows → VEVENT -----------------------------------------------------------------------


def _dt(local_text_value: str, tz: ZoneInfo, all_day: bool) -> date | datetime:
    local = parse_local(local_text_value)
    if all_day:
        return local.date()
    if tz.key == "UTC":
        return local.replace(tzinfo=UTC)
    return local.replace(tzinfo=tz)


def _cal_address(address: str, params: dict[str, str]) -> icalendar.vCalAddress:
    value = icalendar.vCalAddress(f"mailto:{address}")
    for k, v in params.items():
        if v:
            value.params[k] = v
    return value


def to_vevent(
    row: CalendarEvent, *, stamp: datetime, alarms: bool = True, attendee_filter: str | None = None
) -> icalendar.Event:
    tz = tz_of(row)
    event = icalendar.Event()
    event.add("uid", row.uid)
    event.add("dtstamp", stamp.astimezone(UTC))
    event.add("sequence", row.sequence)
    if row.recurrence_id:
        parsed = parse_key(row.recurrence_id)
        if isinstance(parsed, datetime):
            moment = parsed.astimezone(tz) if tz.key != "UTC" else parsed
            event.add("recurrence-id", moment)
        else:
            event.add("recurrence-id", parsed)
    event.add("dtstart", _dt(row.start_local, tz, row.all_day))
    event.add("dtend", _dt(row.end_local, tz, row.all_day))
    if row.rrule and not row.recurrence_id:
        event.add("rrule", icalendar.vRecur.from_ical(row.rrule))
    for name, values in (("rdate", row.rdates), ("exdate", row.exdates)):
        if values and not row.recurrence_id:
            event.add(name, [_dt(v, tz, row.all_day) for v in values])
    event.add("summary", row.title or "")
    if row.description:
        event.add("description", row.description)
    if row.location:
        event.add("location", row.location)
    if row.online_meeting_url:
        event.add("url", row.online_meeting_url)
    event.add("status", row.status.upper())
    event.add("transp", row.transparency.upper())
    if row.organizer and (row.attendees or not row.is_organizer):
        org = row.organizer
        event.add("organizer", _cal_address(org["address"], {"CN": org.get("name") or ""}))
    for a in row.attendees or []:
        if attendee_filter and a["address"].lower() != attendee_filter.lower():
            continue
        event.add(
            "attendee",
            _cal_address(
                a["address"],
                {
                    "CN": a.get("name") or "",
                    "CUTYPE": CUTYPE_OUT.get(a.get("type", "person"), "INDIVIDUAL"),
                    "ROLE": ROLE_OUT.get(a.get("role", "required"), "REQ-PARTICIPANT"),
                    "PARTSTAT": PARTSTAT_OUT.get(a.get("response", "needs_action"), "NEEDS-ACTION"),
                    "RSVP": "TRUE" if a.get("rsvp") else "",
                },
            ),
        )
    if alarms:
        for r in row.reminders or []:
            alarm = icalendar.Alarm()
            alarm.add("action", "EMAIL" if r.get("method") == "email" else "DISPLAY")
            alarm.add("trigger", timedelta(minutes=-int(r["minutes_before"])))
            alarm.add("description", row.title or "Reminder")
            event.add_component(alarm)
    return event


def calendar_object(
    vevents: list[icalendar.Event], *, method: str | None = None, name: str | None = None
) -> icalendar.Calendar:
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    if method:
        cal.add("method", method)
    if name:
        cal.add("x-wr-calname", name)
    for v in vevents:
        cal.add_component(v)
    try:
        cal.add_missing_timezones()
    except Exception:  # an exotic zone without transitions still exports with its TZID
        pass
    return cal
