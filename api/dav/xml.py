"""WebDAV XML: reading request bodies safely (defusedxml: no entities, no DTDs, a size cap)
and writing multistatus answers."""

from __future__ import annotations

from xml.etree import ElementTree as ET

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from api.errors import MalformedRequest, PayloadTooLarge

DAV = "DAV:"
CALDAV = "urn:ietf:params:xml:ns:caldav"
CARDDAV = "urn:ietf:params:xml:ns:carddav"
CS = "http://calendarserver.org/ns/"
APPLE = "http://apple.com/ns/ical/"
MAX_XML = 1024 * 1024

for prefix, uri in (("d", DAV), ("c", CALDAV), ("card", CARDDAV), ("cs", CS), ("ical", APPLE)):
    ET.register_namespace(prefix, uri)


def tag(ns: str, name: str) -> str:
    return f"{{{ns}}}{name}"


def parse_body(body: bytes) -> ET.Element | None:
    """The request's XML document, or None for an empty body. Entities, DTDs and external
    references are refused (400), as is a body over `MAX_XML` (413)."""
    if not body.strip():
        return None
    if len(body) > MAX_XML:
        raise PayloadTooLarge(f"An XML request body is at most {MAX_XML} bytes.", param="body")
    try:
        return fromstring(body, forbid_dtd=True, forbid_entities=True, forbid_external=True)  # type: ignore[no-any-return]
    except DefusedXmlException:
        raise MalformedRequest(
            "XML with a DTD, entities or external references is refused.", param="body"
        ) from None
    except ET.ParseError as exc:
        raise MalformedRequest(f"The body is not well-formed XML ({exc}).", param="body") from None


def element(name: str, text: str | None = None, *children: ET.Element) -> ET.Element:
    el = ET.Element(name)
    if text is not None:
        el.text = text
    el.extend(children)
    return el


def href(path: str) -> ET.Element:
    return element(tag(DAV, "href"), path)


class Multistatus:
    """A 207 body: one `response` per resource, its properties grouped by status."""

    def __init__(self) -> None:
        self.root = ET.Element(tag(DAV, "multistatus"))

    def add(
        self,
        path: str,
        found: list[ET.Element] | None = None,
        missing: list[str] | None = None,
        *,
        status: str | None = None,
        forbidden: list[str] | None = None,
        failed: list[str] | None = None,
    ) -> None:
        response = ET.SubElement(self.root, tag(DAV, "response"))
        response.append(href(path))
        if status is not None:
            ET.SubElement(response, tag(DAV, "status")).text = f"HTTP/1.1 {status}"
            return
        for props, code in (
            (found or [], "200 OK"),
            ([ET.Element(n) for n in missing or []], "404 Not Found"),
            ([ET.Element(n) for n in forbidden or []], "403 Forbidden"),
            ([ET.Element(n) for n in failed or []], "424 Failed Dependency"),
        ):
            if not props:
                continue
            propstat = ET.SubElement(response, tag(DAV, "propstat"))
            prop = ET.SubElement(propstat, tag(DAV, "prop"))
            prop.extend(props)
            ET.SubElement(propstat, tag(DAV, "status")).text = f"HTTP/1.1 {code}"

    def to_bytes(self) -> bytes:
        return b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(self.root)


def error_body(ns: str, name: str) -> bytes:
    """An RFC 4918 §16 `error` body naming the failed precondition."""
    root = ET.Element(tag(DAV, "error"))
    ET.SubElement(root, tag(ns, name))
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root)
