"""The `/dav/` URL space, parsed into a typed target:

/dav/                                      root (discovery)
/dav/principals/{address}/                 a person's principal
/dav/principals/rooms/{room id}/           a room's or resource's principal (RFC 6638 ROOM)
/dav/calendars/{address}/                  their calendar home
/dav/calendars/{address}/{calendar}/       a calendar (id, or the name MKCALENDAR used)
/dav/calendars/{address}/{calendar}/{obj}  a calendar object
/dav/calendars/{address}/inbox/ | outbox/  scheduling inbox and outbox (RFC 6638)
/dav/addressbooks/{address}/               their address book home
/dav/addressbooks/{address}/{book}/        an address book; `gal` is the company directory
/dav/addressbooks/{address}/{book}/{card}  a card
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote, unquote

PREFIX = "/dav"
GAL = "gal"
INBOX = "inbox"
OUTBOX = "outbox"
ROOMS = "rooms"


@dataclass(frozen=True)
class Target:
    kind: str  # root | principal | room_principal | calendar_home | calendar | object
    #            | inbox | outbox | book_home | book | card | unknown
    owner: str | None = None
    collection: str | None = None
    name: str | None = None


def parse(path: str) -> Target:
    """`path` is the request path below the mount (`/dav/...`)."""
    if path.startswith(PREFIX):
        path = path[len(PREFIX) :]
    parts = [unquote(p) for p in path.split("/") if p]
    if not parts:
        return Target("root")
    head, rest = parts[0], parts[1:]
    if head == "principals" and len(rest) == 1:
        return Target("principal", rest[0])
    if head == "principals" and len(rest) == 2 and rest[0] == ROOMS:
        return Target("room_principal", collection=rest[1])
    if head == "calendars" and rest:
        owner = rest[0]
        if len(rest) == 1:
            return Target("calendar_home", owner)
        if len(rest) == 2:
            kind = {INBOX: "inbox", OUTBOX: "outbox"}.get(rest[1], "calendar")
            return Target(kind, owner, rest[1])
        if len(rest) == 3:
            return Target("object", owner, rest[1], rest[2])
    if head == "addressbooks" and rest:
        owner = rest[0]
        if len(rest) == 1:
            return Target("book_home", owner)
        if len(rest) == 2:
            return Target("book", owner, rest[1])
        if len(rest) == 3:
            return Target("card", owner, rest[1], rest[2])
    return Target("unknown")


def q(value: str) -> str:
    return quote(value, safe="@+:")


def principal(owner: str) -> str:
    return f"{PREFIX}/principals/{q(owner)}/"


def room_principal(room_id: str) -> str:
    return f"{PREFIX}/principals/{ROOMS}/{q(room_id)}/"


def calendar_home(owner: str) -> str:
    return f"{PREFIX}/calendars/{q(owner)}/"


def calendar(owner: str, segment: str) -> str:
    return f"{calendar_home(owner)}{q(segment)}/"


def obj(owner: str, segment: str, name: str) -> str:
    return f"{calendar(owner, segment)}{q(name)}"


def book_home(owner: str) -> str:
    return f"{PREFIX}/addressbooks/{q(owner)}/"


def book(owner: str, segment: str) -> str:
    return f"{book_home(owner)}{q(segment)}/"


def card(owner: str, segment: str, name: str) -> str:
    return f"{book(owner, segment)}{q(name)}"


def name_from_href(href_text: str, collection_path: str) -> str | None:
    """The member name of an href inside a collection (absolute URL or path)."""
    path = href_text
    if "://" in path:
        path = "/" + path.split("://", 1)[1].split("/", 1)[-1]
    path = unquote(path)
    base = unquote(collection_path)
    if not path.startswith(base):
        return None
    name = path[len(base) :]
    return name if name and "/" not in name else None
