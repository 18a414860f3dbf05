"""DAV resources and their live properties (RFC 4918 §15, RFC 4791 §5.2, RFC 6352 §6.2,
RFC 6578 §4, RFC 6638 §2, Apple and CalendarServer extensions clients look for)."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from xml.etree import ElementTree as ET

from api.calendar.objects import collections as calendar_collections
from api.calendar.objects import service as objects
from api.calendar.objects.service import CalendarObject
from api.contacts.cards import collections as book_collections
from api.contacts.cards import groups as group_cards
from api.contacts.cards import service as cards
from api.contacts.cards.groups import GroupCard
from api.contacts.gal.cards import DirectoryCard, directory_cards
from api.dav import paths
from api.dav.context import Context
from api.dav.xml import APPLE, CALDAV, CARDDAV, CS, DAV, element, href, tag
from api.storage.models import AddressBook, Calendar, Contact, Room

SYNC_PREFIX = "https://mailplane.dev/ns/sync/"
CALENDAR_DATA = tag(CALDAV, "calendar-data")
ADDRESS_DATA = tag(CARDDAV, "address-data")
HEAVY = {CALENDAR_DATA, ADDRESS_DATA}


@dataclass
class Resource:
    path: str
    kind: str
    calendar: Calendar | None = None
    level: str = "owner"
    obj: CalendarObject | None = None
    book: AddressBook | None = None
    card: Contact | None = None
    directory_card: DirectoryCard | None = None
    room: Room | None = None
    group: GroupCard | None = None


async def token_of(ctx: Context, res: Resource) -> str:
    """A collection's own sync token (and ctag): it moves only when that collection
    changes, never for a change elsewhere in the organisation."""
    if res.calendar is not None:
        return SYNC_PREFIX + await objects.sync_state(ctx.session, res.calendar)
    if res.book is not None:
        return SYNC_PREFIX + await cards.sync_state(ctx.session, res.book)
    if res.kind == "gal":
        etags = "".join(c.etag for c in await directory_cards(ctx.session, ctx.user.org_id))
        return SYNC_PREFIX + "gal-" + hashlib.sha256(etags.encode()).hexdigest()[:24]
    return ""


def state_of(token: str) -> str | None:
    return token[len(SYNC_PREFIX) :] if token.startswith(SYNC_PREFIX) else None


def _resourcetype(*names: str) -> ET.Element:
    return element(tag(DAV, "resourcetype"), None, *[ET.Element(n) for n in names])


def _privileges(write: bool) -> ET.Element:
    names = ["read", "read-current-user-privilege-set"]
    if write:
        names += ["write", "write-properties", "write-content", "bind", "unbind"]
    out = ET.Element(tag(DAV, "current-user-privilege-set"))
    for n in names:
        priv = ET.SubElement(out, tag(DAV, "privilege"))
        ET.SubElement(priv, tag(DAV, n))
    if write:
        priv = ET.SubElement(out, tag(DAV, "privilege"))
        ET.SubElement(priv, tag(CALDAV, "schedule-send"))
    return out


def _reports(*names: tuple[str, str]) -> ET.Element:
    out = ET.Element(tag(DAV, "supported-report-set"))
    for ns, name in names:
        sup = ET.SubElement(out, tag(DAV, "supported-report"))
        rep = ET.SubElement(sup, tag(DAV, "report"))
        ET.SubElement(rep, tag(ns, name))
    return out


def _hrefs(name: str, *paths_: str) -> ET.Element:
    return element(name, None, *[href(p) for p in paths_])


class Properties:
    """Property values for the resources of one request."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def common(self) -> dict[str, Callable[[], ET.Element]]:
        me = self.ctx.owner
        return {
            tag(DAV, "current-user-principal"): lambda: _hrefs(
                tag(DAV, "current-user-principal"), paths.principal(me)
            ),
            tag(DAV, "principal-collection-set"): lambda: _hrefs(
                tag(DAV, "principal-collection-set"), f"{paths.PREFIX}/principals/"
            ),
        }

    def home_sets(self) -> dict[str, Callable[[], ET.Element]]:
        me = self.ctx.owner
        return {
            tag(CALDAV, "calendar-home-set"): lambda: _hrefs(
                tag(CALDAV, "calendar-home-set"), paths.calendar_home(me)
            ),
            tag(CARDDAV, "addressbook-home-set"): lambda: _hrefs(
                tag(CARDDAV, "addressbook-home-set"), paths.book_home(me)
            ),
        }

    async def of(self, res: Resource, want: set[str] | None) -> tuple[list[ET.Element], list[str]]:
        """(found elements, missing names); `want` None is allprop (no object bodies)."""
        table = await self._table(res, want)
        if want is None:
            return [make() for name, make in table.items() if name not in HEAVY], []
        found, missing = [], []
        for name in want:
            make = table.get(name)
            if make is None:
                missing.append(name)
            else:
                found.append(make())
        return found, missing

    async def _table(
        self, res: Resource, want: set[str] | None
    ) -> dict[str, Callable[[], ET.Element]]:
        me = self.ctx.owner
        t = self.common()
        kind = res.kind
        if kind in ("root", "principal"):
            t.update(self.home_sets())
            t[tag(DAV, "resourcetype")] = lambda: (
                _resourcetype(tag(DAV, "collection"), tag(DAV, "principal"))
                if kind == "principal"
                else _resourcetype(tag(DAV, "collection"))
            )
            t[tag(DAV, "displayname")] = lambda: element(
                tag(DAV, "displayname"), self.ctx.user.principal.display_name or me
            )
            if kind == "principal":
                t[tag(DAV, "principal-URL")] = lambda: _hrefs(
                    tag(DAV, "principal-URL"), paths.principal(me)
                )
                t[tag(CALDAV, "calendar-user-address-set")] = lambda: _hrefs(
                    tag(CALDAV, "calendar-user-address-set"), f"mailto:{me}", paths.principal(me)
                )
                t[tag(CALDAV, "schedule-inbox-URL")] = lambda: _hrefs(
                    tag(CALDAV, "schedule-inbox-URL"), paths.calendar(me, paths.INBOX)
                )
                t[tag(CALDAV, "schedule-outbox-URL")] = lambda: _hrefs(
                    tag(CALDAV, "schedule-outbox-URL"), paths.calendar(me, paths.OUTBOX)
                )
                t[tag(CALDAV, "calendar-user-type")] = lambda: element(
                    tag(CALDAV, "calendar-user-type"), "INDIVIDUAL"
                )
        elif kind == "room_principal" and res.room is not None:
            t.update(self._room(res.room))
        elif kind in ("calendar_home", "book_home"):
            t.update(self.home_sets())
            t[tag(DAV, "resourcetype")] = lambda: _resourcetype(tag(DAV, "collection"))
            t[tag(DAV, "owner")] = lambda: _hrefs(tag(DAV, "owner"), paths.principal(me))
            t[tag(DAV, "current-user-privilege-set")] = lambda: _privileges(True)
        elif kind in ("inbox", "outbox"):
            t[tag(DAV, "resourcetype")] = lambda: _resourcetype(
                tag(DAV, "collection"), tag(CALDAV, f"schedule-{kind}")
            )
            t[tag(DAV, "current-user-privilege-set")] = lambda: _privileges(False)
        elif kind == "calendar":
            t.update(self._calendar(res, await self._token(res, want)))
        elif kind == "object":
            t.update(self._object(res))
        elif kind in ("book", "gal"):
            t.update(self._book(res, await self._token(res, want)))
        elif kind in ("card", "directory_card", "group"):
            t.update(await self._card(res, want))
        return t

    def _room(self, room: Room) -> dict[str, Callable[[], ET.Element]]:
        """A room's principal: what a client shows and invites (RFC 6638 §2.4.2, ROOM or
        RESOURCE), its address, and its calendar (the bookings, read-only)."""
        me = paths.room_principal(room.id)
        cutype = "ROOM" if room.kind == "room" else "RESOURCE"
        addresses = ([f"mailto:{room.address}"] if room.address else []) + [me]
        return {
            tag(DAV, "resourcetype"): lambda: _resourcetype(
                tag(DAV, "collection"), tag(DAV, "principal")
            ),
            tag(DAV, "displayname"): lambda: element(tag(DAV, "displayname"), room.name),
            tag(DAV, "principal-URL"): lambda: _hrefs(tag(DAV, "principal-URL"), me),
            tag(CALDAV, "calendar-user-type"): lambda: element(
                tag(CALDAV, "calendar-user-type"), cutype
            ),
            tag(CALDAV, "calendar-user-address-set"): lambda: _hrefs(
                tag(CALDAV, "calendar-user-address-set"), *addresses
            ),
            tag(CALDAV, "calendar-description"): lambda: element(
                tag(CALDAV, "calendar-description"),
                " · ".join(x for x in (room.building, room.floor, room.description) if x),
            ),
        }

    async def _token(self, res: Resource, want: set[str] | None) -> str:
        """The collection's token, read only when a property needs it."""
        if want is not None and not want & {tag(CS, "getctag"), tag(DAV, "sync-token")}:
            return ""
        return await token_of(self.ctx, res)

    def _calendar(self, res: Resource, token: str) -> dict[str, Callable[[], ET.Element]]:
        cal = res.calendar
        assert cal is not None
        writable = calendar_collections_writable(res)
        comp = ET.Element(tag(CALDAV, "supported-calendar-component-set"))
        ET.SubElement(comp, tag(CALDAV, "comp"), name="VEVENT")
        room = cal.room_id
        owner = paths.room_principal(room) if room else paths.principal(self.ctx.owner)
        # a room's bookings are not the person's busy time
        transp = tag(CALDAV, "transparent" if room else "opaque")
        return {
            tag(DAV, "resourcetype"): lambda: _resourcetype(
                tag(DAV, "collection"), tag(CALDAV, "calendar")
            ),
            tag(DAV, "displayname"): lambda: element(tag(DAV, "displayname"), cal.name),
            tag(APPLE, "calendar-color"): lambda: element(
                tag(APPLE, "calendar-color"), cal.color or "#3A87ADFF"
            ),
            tag(CALDAV, "calendar-description"): lambda: element(
                tag(CALDAV, "calendar-description"), cal.description or ""
            ),
            tag(CALDAV, "supported-calendar-component-set"): lambda: comp,
            tag(CALDAV, "supported-calendar-data"): lambda: element(
                tag(CALDAV, "supported-calendar-data"),
                None,
                ET.Element(
                    tag(CALDAV, "calendar-data"),
                    {"content-type": "text/calendar", "version": "2.0"},
                ),
            ),
            tag(CALDAV, "max-resource-size"): lambda: element(
                tag(CALDAV, "max-resource-size"), str(self.ctx.runtime.settings.max_body_bytes)
            ),
            tag(CS, "getctag"): lambda: element(tag(CS, "getctag"), token),
            tag(DAV, "sync-token"): lambda: element(tag(DAV, "sync-token"), token),
            tag(DAV, "owner"): lambda: _hrefs(tag(DAV, "owner"), owner),
            tag(DAV, "current-user-privilege-set"): lambda: _privileges(writable),
            tag(DAV, "supported-report-set"): lambda: _reports(
                (CALDAV, "calendar-query"),
                (CALDAV, "calendar-multiget"),
                (CALDAV, "free-busy-query"),
                *([] if room else [(DAV, "sync-collection")]),
            ),
            tag(CALDAV, "schedule-calendar-transp"): lambda: element(
                tag(CALDAV, "schedule-calendar-transp"), None, ET.Element(transp)
            ),
        }

    def _object(self, res: Resource) -> dict[str, Callable[[], ET.Element]]:
        obj = res.obj
        assert obj is not None
        return {
            tag(DAV, "resourcetype"): lambda: _resourcetype(),
            tag(DAV, "getetag"): lambda: element(tag(DAV, "getetag"), obj.etag),
            tag(DAV, "getcontenttype"): lambda: element(
                tag(DAV, "getcontenttype"), "text/calendar; charset=utf-8; component=vevent"
            ),
            CALENDAR_DATA: lambda: element(CALENDAR_DATA, objects.render(obj.rows).decode()),
        }

    def _book(self, res: Resource, token: str) -> dict[str, Callable[[], ET.Element]]:
        gal = res.kind == "gal"
        name = "Directory" if gal else (res.book.name if res.book else "")
        data = ET.Element(tag(CARDDAV, "supported-address-data"))
        for version in ("3.0", "4.0"):
            ET.SubElement(
                data,
                tag(CARDDAV, "address-data-type"),
                {"content-type": "text/vcard", "version": version},
            )
        return {
            tag(DAV, "resourcetype"): lambda: _resourcetype(
                tag(DAV, "collection"), tag(CARDDAV, "addressbook")
            ),
            tag(DAV, "displayname"): lambda: element(tag(DAV, "displayname"), name),
            tag(CARDDAV, "addressbook-description"): lambda: element(
                tag(CARDDAV, "addressbook-description"),
                "通讯录 · Company directory" if gal else (res.book.description if res.book else ""),
            ),
            tag(CARDDAV, "supported-address-data"): lambda: data,
            tag(CS, "getctag"): lambda: element(tag(CS, "getctag"), token),
            tag(DAV, "sync-token"): lambda: element(tag(DAV, "sync-token"), token),
            tag(DAV, "owner"): lambda: _hrefs(tag(DAV, "owner"), paths.principal(self.ctx.owner)),
            tag(DAV, "current-user-privilege-set"): lambda: _privileges(not gal),
            tag(DAV, "supported-report-set"): lambda: _reports(
                (CARDDAV, "addressbook-query"),
                (CARDDAV, "addressbook-multiget"),
                *([] if gal else [(DAV, "sync-collection")]),
            ),
        }

    async def _card(
        self, res: Resource, want: set[str] | None
    ) -> dict[str, Callable[[], ET.Element]]:
        heavy = want is not None and ADDRESS_DATA in want
        if res.directory_card is not None:
            etag, text = res.directory_card.etag, res.directory_card.text
        elif res.group is not None:
            etag = res.group.etag
            text = group_cards.render(res.group) if heavy else ""
        else:
            assert res.card is not None
            etag = cards.etag_of(res.card)
            text = (
                await cards.render(self.ctx.runtime, res.card)
                if want is not None and ADDRESS_DATA in want
                else ""
            )
        return {
            tag(DAV, "resourcetype"): lambda: _resourcetype(),
            tag(DAV, "getetag"): lambda: element(tag(DAV, "getetag"), etag),
            tag(DAV, "getcontenttype"): lambda: element(
                tag(DAV, "getcontenttype"), "text/vcard; charset=utf-8"
            ),
            ADDRESS_DATA: lambda: element(ADDRESS_DATA, text),
        }


def calendar_collections_writable(res: Resource) -> bool:
    return res.level in ("write", "owner") and not (res.calendar and res.calendar.room_id)


def calendar_resource(owner: str, calendar: Calendar, level: str) -> Resource:
    return Resource(
        paths.calendar(owner, calendar_collections.segment_of(calendar)),
        "calendar",
        calendar=calendar,
        level=level,
    )


def book_resource(owner: str, book: AddressBook) -> Resource:
    return Resource(paths.book(owner, book_collections.segment_of(book)), "book", book=book)
