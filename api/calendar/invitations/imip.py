"""iMIP (RFC 6047): iTIP objects carried by mail.

Outgoing: `queue` adds a job in the caller's transaction; the worker composes a message
with a `text/calendar; method=…` alternative and hands it to mail's send path, so
invitations leave only if the change committed. Incoming: `calendar_parts` finds the
`text/calendar` parts (and `.ics` attachments) of a received message.
"""

from __future__ import annotations

import email
from collections.abc import Callable
from email import policy
from email.message import EmailMessage
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from api.calendar.events.occurrences import tz_of
from api.calendar.events.timing import parse_local, rfc3339
from api.i18n import DEFAULT_LOCALE, SUPPORTED_LOCALES, translate
from api.storage.models import Account, CalendarEvent
from api.worker.jobs import enqueue
from schemas.text import strip_controls

JOB = "calendar.imip.send"
SUBJECT = {
    "REQUEST": "Invitation: {title}",
    "UPDATE": "Updated invitation: {title}",
    "CANCEL": "Cancelled: {title}",
}
REPLY_SUBJECT = {
    "accepted": "Accepted: {title}",
    "declined": "Declined: {title}",
    "tentative": "Tentative: {title}",
}


def title_of(row: CalendarEvent, locale: str) -> str:
    return row.title or translate(locale, "(no title)")


def summary(row: CalendarEvent, locale: str = DEFAULT_LOCALE) -> str:
    """The human part of an invitation, in `locale` (the iCalendar part is the same for all)."""
    tz = tz_of(row)
    when = rfc3339(parse_local(row.start_local), tz, all_day=row.all_day)
    lines = [
        title_of(row, locale),
        translate(locale, "When: {when} ({zone})", when=when, zone=row.time_zone),
    ]
    if row.rrule:
        lines.append(translate(locale, "Repeats: {rule}", rule=row.rrule))
    if row.location:
        lines.append(translate(locale, "Where: {location}", location=row.location))
    if row.online_meeting_url:
        lines.append(translate(locale, "Join: {url}", url=row.online_meeting_url))
    if row.organizer:
        lines.append(translate(
            locale, "Organizer: {name} <{address}>",
            name=row.organizer.get("name") or "", address=row.organizer["address"],
        ))
    if row.description:
        lines += ["", row.description[:5000]]
    return "\n".join(lines) + "\n"


def per_locale(render: Callable[[str], str]) -> dict[str, str]:
    """`render` in every supported language: the worker picks each recipient's."""
    return {locale: render(locale) for locale in SUPPORTED_LOCALES}


def reply_subject(row: CalendarEvent, response: str) -> dict[str, str]:
    return per_locale(
        lambda loc: translate(loc, REPLY_SUBJECT[response], title=title_of(row, loc))
    )


def reply_text(who: str, response: str, comment: str | None) -> dict[str, str]:
    return per_locale(
        lambda loc: translate(loc, "{name} answered: {response}.", name=who,
                              response=translate(loc, response))
        + "\n" + (f"\n{comment}\n" if comment else "")
    )


async def queue(
    session: AsyncSession,
    row: CalendarEvent,
    sender: Account | None,
    recipients: list[str],
    method: str,
    ics: bytes,
    *,
    subject: dict[str, str] | None = None,
    text: dict[str, str] | None = None,
) -> None:
    """Queue one iMIP message from `sender` (the organizer, or the replying attendee), its
    subject and text in every language (each recipient gets theirs)."""
    if sender is None or not recipients:
        return
    kind = "UPDATE" if method == "REQUEST" and row.sequence > 0 else method
    payload: dict[str, Any] = {
        "org_id": row.org_id,
        "sender_account_id": sender.id,
        "sender_address": sender.address,
        "sender_name": sender.display_name or "",
        "recipients": sorted({r for r in recipients if r.lower() != sender.address.lower()}),
        "method": method,
        "uid": row.uid,
        "sequence": row.sequence,
        # a title stored before titles refused control characters still makes one line
        "subjects": subject or per_locale(
            lambda loc: strip_controls(translate(
                loc, SUBJECT.get(kind, SUBJECT["REQUEST"]), title=title_of(row, loc)
            ))
        ),
        "texts": text or per_locale(lambda loc: summary(row, loc)),
        "ics": ics.decode("utf-8"),
    }
    # English alone too: what a worker of the previous release reads.
    payload["subject"], payload["text"] = payload["subjects"]["en"], payload["texts"]["en"]
    if payload["recipients"]:
        await enqueue(session, JOB, payload, org_id=row.org_id)


def calendar_parts(raw: bytes) -> list[tuple[str, bytes]]:
    """(METHOD, iCalendar bytes) for each calendar part of a MIME message."""
    message = email.message_from_bytes(raw, policy=policy.default)
    assert isinstance(message, EmailMessage)
    out: list[tuple[str, bytes]] = []
    seen: set[bytes] = set()
    for part in message.walk():
        if part.is_multipart():
            continue
        ctype = part.get_content_type()
        filename = (part.get_filename() or "").lower()
        if ctype not in ("text/calendar", "application/ics") and not filename.endswith(".ics"):
            continue
        try:
            data = part.get_payload(decode=True) or b""
        except Exception:
            continue
        if not data or data in seen:
            continue
        seen.add(data)
        method = str(part.get_param("method") or "").upper()
        if not method:
            for line in data.decode("utf-8", "replace").splitlines():
                if line.upper().startswith("METHOD:"):
                    method = line.split(":", 1)[1].strip().upper()
                    break
        out.append((method, data))
    return out


def sender_of(raw: bytes) -> str | None:
    message = email.message_from_bytes(raw, policy=policy.default)
    value = message.get("From")
    if not value:
        return None
    try:
        addresses = value.addresses  # type: ignore[union-attr]
    except Exception:
        return None
    return addresses[0].addr_spec if addresses else None
