"""Delivery status notifications (RFC 3464): the report a sender finds in their inbox when
a message could not be delivered."""

from __future__ import annotations

import email.utils
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from email.header import Header

from api.i18n import DEFAULT_LOCALE, translate
from api.mail.inbound.headers import header_end

MAX_HEADERS_QUOTED = 64 * 1024
_EXPLANATION = (
    "This is the mail system at {mta}.\n\nYour message could not be delivered to one or "
    "more recipients. The report below\nsays why; the original message's headers follow it."
)


@dataclass(frozen=True)
class Failure:
    recipient: str
    status: str  # RFC 3463, e.g. 5.1.1
    diagnostic: str  # the remote reply, or our reason
    remote_mta: str | None = None


def _date(when: datetime) -> str:
    return email.utils.format_datetime(when.astimezone(UTC))


def _clean(text: str) -> str:
    return "".join(c if c.isprintable() else " " for c in text)[:900]


def build_dsn(
    *, reporting_mta: str, sender: str, original: bytes, failures: list[Failure],
    arrival: datetime, now: datetime | None = None, locale: str = DEFAULT_LOCALE,
) -> bytes:
    """A multipart/report; report-type=delivery-status message to `sender`; its human part
    (subject and notification) in `locale`, the machine parts as RFC 3464 has them."""
    now = now or datetime.now(UTC)
    boundary = f"=_mailplane_dsn_{secrets.token_hex(12)}"
    mid = f"<{secrets.token_hex(16)}@{reporting_mta}>"
    listing = "\r\n".join(f"<{_clean(f.recipient)}>: {_clean(f.diagnostic)}" for f in failures)
    explanation = (
        translate(locale, _EXPLANATION, mta=reporting_mta).replace("\n", "\r\n")
        + "\r\n\r\n" + listing + "\r\n"
    )
    subject = Header(translate(locale, "Undelivered Mail Returned to Sender"), "utf-8").encode()
    per_recipient = []
    for f in failures:
        fields = [
            f"Final-Recipient: rfc822; {_clean(f.recipient)}",
            "Action: failed",
            f"Status: {f.status}",
        ]
        if f.remote_mta:
            fields.append(f"Remote-MTA: dns; {_clean(f.remote_mta)}")
        fields.append(f"Diagnostic-Code: smtp; {_clean(f.diagnostic)}")
        fields.append(f"Last-Attempt-Date: {_date(now)}")
        per_recipient.append("\r\n".join(fields))
    status = (
        f"Reporting-MTA: dns; {reporting_mta}\r\n"
        f"Arrival-Date: {_date(arrival)}\r\n\r\n" + "\r\n\r\n".join(per_recipient) + "\r\n"
    )
    quoted = original[: header_end(original)][:MAX_HEADERS_QUOTED]
    head = (
        f"From: Mail Delivery System <MAILER-DAEMON@{reporting_mta}>\r\n"
        f"To: <{_clean(sender)}>\r\n"
        f"Subject: {subject}\r\n"
        f"Content-Language: {locale}\r\n"
        f"Date: {_date(now)}\r\n"
        f"Message-ID: {mid}\r\n"
        "Auto-Submitted: auto-replied\r\n"
        "MIME-Version: 1.0\r\n"
        f'Content-Type: multipart/report; report-type=delivery-status; boundary="{boundary}"\r\n'
        "\r\n"
    )
    body = (
        f"--{boundary}\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n"
        "Content-Description: Notification\r\n\r\n"
        + explanation
        + f"\r\n--{boundary}\r\n"
        "Content-Type: message/delivery-status\r\n"
        "Content-Description: Delivery report\r\n\r\n"
        + status
        + f"\r\n--{boundary}\r\n"
        "Content-Type: text/rfc822-headers\r\n"
        "Content-Description: Undelivered message headers\r\n\r\n"
    )
    return (head + body).encode("utf-8") + quoted + f"\r\n--{boundary}--\r\n".encode()
