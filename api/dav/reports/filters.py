"""Reading CalDAV/CardDAV filters: time ranges (RFC 4791 §9.9) and text-match (§9.7.5,
RFC 6352 §10.5.4) with the `i;unicode-casemap` collation (case-insensitive contains)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from xml.etree import ElementTree as ET

from api.dav.xml import CALDAV, CARDDAV, tag
from api.errors import MalformedRequest


@dataclass(frozen=True)
class TextMatch:
    prop: str
    text: str
    negate: bool = False
    match_type: str = "contains"

    def matches(self, values: list[str]) -> bool:
        needle = self.text.casefold()
        hit = False
        for v in values:
            v = v.casefold()
            if self.match_type == "equals":
                hit = v == needle
            elif self.match_type == "starts-with":
                hit = v.startswith(needle)
            elif self.match_type == "ends-with":
                hit = v.endswith(needle)
            else:
                hit = needle in v
            if hit:
                break
        return hit != self.negate


def utc(value: str | None, what: str) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.strptime(value.strip(), "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
    except ValueError:
        raise MalformedRequest(f"{what} is not a UTC date-time like 20300101T000000Z.") from None


def time_range(el: ET.Element | None) -> tuple[datetime | None, datetime | None] | None:
    if el is None:
        return None
    start, end = utc(el.get("start"), "start"), utc(el.get("end"), "end")
    if start and end and end <= start:
        raise MalformedRequest("A time-range's end must be after its start.")
    return start, end


def text_matches(parent: ET.Element, ns: str) -> list[TextMatch]:
    """Every prop-filter/text-match under `parent` (nested comp-filters included)."""
    out = []
    for prop in parent.iter(tag(ns, "prop-filter")):
        match = prop.find(tag(ns, "text-match"))
        if match is None:
            continue
        out.append(
            TextMatch(
                prop=(prop.get("name") or "").upper(),
                text=match.text or "",
                negate=match.get("negate-condition") == "yes",
                match_type=match.get("match-type", "contains"),
            )
        )
    return out


@dataclass
class CalendarFilter:
    components: list[str]
    window: tuple[datetime | None, datetime | None] | None
    matches: list[TextMatch]


def calendar_filter(root: ET.Element) -> CalendarFilter:
    flt = root.find(tag(CALDAV, "filter"))
    if flt is None:
        return CalendarFilter(["VCALENDAR"], None, [])
    comps: list[str] = []
    window = None
    node = flt.find(tag(CALDAV, "comp-filter"))
    while node is not None:
        comps.append((node.get("name") or "").upper())
        found = time_range(node.find(tag(CALDAV, "time-range")))
        window = found or window
        node = node.find(tag(CALDAV, "comp-filter"))
    return CalendarFilter(comps, window, text_matches(flt, CALDAV))


def card_filter(root: ET.Element) -> tuple[list[TextMatch], bool]:
    """(text matches, all of them must hold)"""
    flt = root.find(tag(CARDDAV, "filter"))
    if flt is None:
        return [], True
    return text_matches(flt, CARDDAV), flt.get("test", "anyof") == "allof"
