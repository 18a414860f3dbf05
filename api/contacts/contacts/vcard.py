"""vCard 3.0 (RFC 2426) and 4.0 (RFC 6350) in and out, with vobject.

Files are checked line by line first (so a malformed one is a 422 naming the line), then
each card is read with vobject. PHOTO is taken from the raw line: vobject splits 4.0 data
URIs on their commas. Groups are vCard 4.0 `KIND:group` cards with `MEMBER` lines (and
Apple's `X-ADDRESSBOOKSERVER-KIND`/`-MEMBER` in 3.0).
"""

from __future__ import annotations

import base64
import binascii
import re
from dataclasses import dataclass, field
from typing import Any

import vobject

from api.calendar.ics.lines import Block, ContentLine, malformed, scan
from api.errors import PayloadTooLarge, ValidationFailed
from api.i18n import Msg
from api.storage.models import Contact

MAX_CARDS = 10_000
EMAIL_TYPES = {"work": "work", "home": "home"}
PHONE_TYPES = {
    "cell": "mobile",
    "mobile": "mobile",
    "work": "work",
    "home": "home",
    "fax": "fax",
    "pager": "pager",
    "main": "main",
    "voice": "other",
}
PHONE_OUT = {
    "mobile": "cell",
    "work": "work",
    "home": "home",
    "fax": "fax",
    "pager": "pager",
    "main": "main",
    "other": "voice",
}
BDAY = re.compile(r"^(\d{4}|--)-?(\d{2})-?(\d{2})")


@dataclass
class ParsedCard:
    uid: str | None
    kind: str  # individual | group
    fields: dict[str, Any] = field(default_factory=dict)
    photo: bytes | None = None
    members: list[str] = field(default_factory=list)
    line: int = 0


def _types(params: dict[str, list[str]]) -> set[str]:
    out: set[str] = set()
    for value in params.get("TYPE", []):
        out |= {t.strip().strip('"').lower() for t in value.split(",")}
    return out


def _text(card: Any, name: str) -> str:
    child = getattr(card, name, None)
    if child is None:
        return ""
    value = child.value
    if isinstance(value, list):
        return ",".join(str(v) for v in value)
    return str(value).strip()


def _photo(lines: list[ContentLine], block: Block) -> bytes | None:
    for line in lines:
        if line.name != "PHOTO" or not block.number < line.number < block.end:
            continue
        value = line.value.strip()
        params = line.params.upper()
        try:
            if value.startswith("data:"):
                header, _, payload = value.partition(",")
                if ";base64" not in header:
                    return None
                return base64.b64decode(payload, validate=False)
            if "ENCODING=B" in params or "ENCODING=BASE64" in params:
                return base64.b64decode(value, validate=False)
        except (binascii.Error, ValueError):
            raise malformed(line.number, "PHOTO is not valid base64") from None
    return None


def _birthday(value: str) -> str | None:
    match = BDAY.match(value.strip())
    if not match:
        return None
    year, month, day = match.groups()
    return f"{year}-{month}-{day}" if year != "--" else f"--{month}-{day}"


def _parse_card(text: str, block: Block, lines: list[ContentLine]) -> ParsedCard:
    photo = _photo(lines, block)  # first: vobject's own base64 error would not name the line
    try:
        card = vobject.readOne(text, ignoreUnreadable=False)
    except Exception as exc:
        raise malformed(block.number, f"the card cannot be read ({exc})") from None
    version = _text(card, "version")
    if version not in ("3.0", "4.0"):
        raise malformed(
            block.lines.get("VERSION", block.number),
            f"VERSION {version or '(missing)'} is not supported; use 3.0 or 4.0",
        )
    kind = (_text(card, "kind") or _text(card, "x_addressbookserver_kind") or "individual").lower()
    parsed = ParsedCard(uid=_text(card, "uid") or None, kind=kind, line=block.number)
    if kind == "group":
        parsed.fields["name"] = _text(card, "fn") or "Group"
        for name in ("member", "x_addressbookserver_member"):
            for child in card.contents.get(name.replace("_", "-"), []):
                parsed.members.append(str(child.value).strip())
        return parsed
    f: dict[str, Any] = {"display_name": _text(card, "fn")[:300]}
    n = getattr(card, "n", None)
    if n is not None and hasattr(n.value, "family"):

        def part(v: Any) -> str:
            return " ".join(v) if isinstance(v, list) else str(v or "")

        f.update(
            family_name=part(n.value.family)[:200],
            given_name=part(n.value.given)[:200],
            middle_name=part(n.value.additional)[:200],
            prefix=part(n.value.prefix)[:50],
            suffix=part(n.value.suffix)[:50],
        )
    f["nickname"] = _text(card, "nickname")[:200]
    emails = []
    for child in card.contents.get("email", [])[:20]:
        types = _types(child.params)
        address = str(child.value).strip()
        if "@" not in address:
            continue
        emails.append(
            {
                "address": address[:320],
                "type": next((EMAIL_TYPES[t] for t in types if t in EMAIL_TYPES), "other"),
                "primary": "pref" in types or "PREF" in child.params,
            }
        )
    f["emails"] = emails
    phones = []
    for child in card.contents.get("tel", [])[:20]:
        types = _types(child.params)
        number = str(child.value).strip()
        number = number[4:] if number.lower().startswith("tel:") else number
        phones.append(
            {
                "number": number[:64],
                "type": next(
                    (
                        PHONE_TYPES[t]
                        for t in ("cell", "mobile", "fax", "pager", "work", "home", "main")
                        if t in types
                    ),
                    "other",
                ),
            }
        )
    f["phones"] = phones
    addresses = []
    for child in card.contents.get("adr", [])[:10]:
        v = child.value
        types = _types(child.params)
        addresses.append(
            {
                "type": "work" if "work" in types else "home" if "home" in types else "other",
                "street": str(getattr(v, "street", "") or "")[:200],
                "city": str(getattr(v, "city", "") or "")[:200],
                "region": str(getattr(v, "region", "") or "")[:200],
                "postal_code": str(getattr(v, "code", "") or "")[:40],
                "country": str(getattr(v, "country", "") or "")[:200],
            }
        )
    f["addresses"] = addresses
    org = getattr(card, "org", None)
    if org is not None:
        values = org.value if isinstance(org.value, list) else [org.value]
        f["organization"] = str(values[0] if values else "")[:300]
        f["department"] = str(values[1] if len(values) > 1 else "")[:300]
    f["title"] = _text(card, "title")[:300]
    f["notes"] = _text(card, "note")[:10_000]
    f["urls"] = [str(c.value)[:2000] for c in card.contents.get("url", [])[:10]]
    cats = getattr(card, "categories", None)
    f["categories"] = [str(c)[:100] for c in (cats.value if cats is not None else [])][:20]
    bday = _text(card, "bday")
    f["birthday"] = _birthday(bday) if bday else None
    parsed.fields = f
    parsed.photo = photo
    return parsed


def parse(text: str) -> list[ParsedCard]:
    """Every card of a .vcf text; raises 422 naming the line of the first problem."""
    lines, blocks = scan(text, root="VCARD")
    if len(blocks) > MAX_CARDS:
        raise PayloadTooLarge(Msg("At most {MAX_CARDS} cards per file.", MAX_CARDS=MAX_CARDS))
    logical = text.splitlines()
    photos = [line for line in lines if line.name == "PHOTO"]
    out = []
    for block in blocks:
        body = "\r\n".join(logical[block.number - 1 : block.end]) + "\r\n"
        out.append(_parse_card(body, block, photos))
    return out


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("\n", "\\n").replace(",", "\\,").replace(";", "\\;")


def _fold(line: str) -> str:
    out, current = [], ""
    for ch in line:
        if len((current + ch).encode()) > 75:
            out.append(current)
            current = " " + ch
        else:
            current += ch
    out.append(current)
    return "\r\n".join(out)


def serialize(contact: Contact, *, version: str, photo: bytes | None = None) -> str:
    card = vobject.vCard()
    card.add("version").value = version
    card.add("uid").value = contact.uid
    card.add("fn").value = contact.display_name
    card.add("n").value = vobject.vcard.Name(
        family=contact.family_name,
        given=contact.given_name,
        additional=contact.middle_name,
        prefix=contact.prefix,
        suffix=contact.suffix,
    )
    if contact.nickname:
        card.add("nickname").value = contact.nickname
    for e in contact.emails or []:
        item = card.add("email")
        item.value = e["address"]
        types = [e["type"]] if e["type"] in ("work", "home") else []
        if version == "3.0":
            types = ["INTERNET", *[t.upper() for t in types]] + (
                ["pref"] if e.get("primary") else []
            )
        elif e.get("primary"):
            item.params["PREF"] = ["1"]
        if types:
            item.params["TYPE"] = [",".join(types)] if version == "3.0" else types
    for p in contact.phones or []:
        item = card.add("tel")
        kind = PHONE_OUT.get(p["type"], "voice")
        if version == "4.0":
            item.value = "tel:" + p["number"].replace(" ", "-")
            item.params["VALUE"] = ["uri"]
            item.params["TYPE"] = [kind]
        else:
            item.value = p["number"]
            item.params["TYPE"] = [kind.upper()]
    for a in contact.addresses or []:
        item = card.add("adr")
        item.value = vobject.vcard.Address(
            street=a["street"],
            city=a["city"],
            region=a["region"],
            code=a["postal_code"],
            country=a["country"],
        )
        if a["type"] in ("work", "home"):
            item.params["TYPE"] = [a["type"] if version == "4.0" else a["type"].upper()]
    if contact.organization or contact.department:
        card.add("org").value = [contact.organization] + (
            [contact.department] if contact.department else []
        )
    if contact.title:
        card.add("title").value = contact.title
    if contact.birthday:
        card.add("bday").value = (
            contact.birthday.replace("-", "")
            if version == "4.0" and not contact.birthday.startswith("--")
            else contact.birthday
        )
    if contact.notes:
        card.add("note").value = contact.notes
    for url in contact.urls or []:
        card.add("url").value = url
    if contact.categories:
        card.add("categories").value = list(contact.categories)
    text = card.serialize()
    extra = []
    if photo is not None and contact.photo_media_type:
        encoded = base64.b64encode(photo).decode()
        if version == "4.0":
            extra.append(_fold(f"PHOTO:data:{contact.photo_media_type};base64,{encoded}"))
        else:
            kind = contact.photo_media_type.split("/")[1].upper()
            extra.append(_fold(f"PHOTO;ENCODING=b;TYPE={kind}:{encoded}"))
    if extra:
        text = text.replace("END:VCARD", "\r\n".join(extra) + "\r\nEND:VCARD")
    return text


def serialize_group(uid: str, name: str, member_uids: list[str], *, version: str) -> str:
    lines = ["BEGIN:VCARD", f"VERSION:{version}", f"UID:{uid}", "FN:" + _escape(name)]
    if version == "4.0":
        lines.append("KIND:group")
        lines += [f"MEMBER:{m if ':' in m else 'urn:uuid:' + m}" for m in member_uids]
    else:
        lines.append("N:" + _escape(name) + ";;;;")
        lines.append("X-ADDRESSBOOKSERVER-KIND:group")
        lines += [
            f"X-ADDRESSBOOKSERVER-MEMBER:{m if ':' in m else 'urn:uuid:' + m}" for m in member_uids
        ]
    lines.append("END:VCARD")
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"


def check_version(value: str) -> str:
    if value not in ("3.0", "4.0"):
        raise ValidationFailed("version is 3.0 or 4.0.", param="version")
    return value
