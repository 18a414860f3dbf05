"""Reading the `DAV:set` / `DAV:remove` properties of MKCALENDAR, MKCOL and PROPPATCH bodies
into the fields the calendars and address books services take."""

from __future__ import annotations

from dataclasses import dataclass, field
from xml.etree import ElementTree as ET

from api.dav.xml import APPLE, CALDAV, CARDDAV, DAV, tag

FIELDS = {
    tag(DAV, "displayname"): "name",
    tag(APPLE, "calendar-color"): "color",
    tag(CALDAV, "calendar-description"): "description",
    tag(CARDDAV, "addressbook-description"): "description",
}
IGNORED = {tag(CALDAV, "calendar-timezone"), tag(APPLE, "calendar-order")}


@dataclass
class PropertyUpdate:
    values: dict[str, str | None] = field(default_factory=dict)
    names: list[str] = field(default_factory=list)  # every property named, in order
    unsupported: list[str] = field(default_factory=list)
    resourcetypes: set[str] = field(default_factory=set)


def read(root: ET.Element | None) -> PropertyUpdate:
    out = PropertyUpdate()
    if root is None:
        return out
    for action in root:
        if action.tag not in (tag(DAV, "set"), tag(DAV, "remove")):
            continue
        removing = action.tag == tag(DAV, "remove")
        for prop in action.iter(tag(DAV, "prop")):
            for child in prop:
                out.names.append(child.tag)
                if child.tag == tag(DAV, "resourcetype"):
                    out.resourcetypes = {c.tag for c in child}
                elif child.tag in FIELDS:
                    out.values[FIELDS[child.tag]] = None if removing else (child.text or "").strip()
                elif child.tag not in IGNORED:
                    out.unsupported.append(child.tag)
    return out
