"""The activation mail: a set-password link sent to an account's recovery address, in the
person's language (their own, else the organisation's)."""

from __future__ import annotations

from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession

from api.directory import account_locale, account_zone
from api.i18n import translate
from api.kit.clock import utcnow
from api.mail.delivery import deliver
from api.runtime import Runtime
from api.storage.models import Account


def activation_message(
    *, sender: str, to: str, address: str, url: str, expires_at: datetime, locale: str,
    zone: str,
) -> bytes:
    local_expiry = expires_at.astimezone(ZoneInfo(zone)).strftime("%Y-%m-%d %H:%M")
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = to
    msg["Subject"] = translate(locale, "Activate your mailbox {address}", address=address)
    msg["Date"] = format_datetime(utcnow())
    msg["Message-ID"] = make_msgid(domain=sender.rsplit("@", 1)[-1])
    msg["Content-Language"] = locale
    msg["Auto-Submitted"] = "auto-generated"
    msg.set_content(
        translate(
            locale,
            "Your mailbox {address} is ready. Open this link to choose your password:\n\n"
            "{url}\n\nThe link works once, until {expires} ({zone}). If you did not expect "
            "this mail, ignore it.\n",
            address=address, url=url, expires=local_expiry, zone=zone,
        )
    )
    return bytes(msg)


async def send_activation_mail(
    session: AsyncSession, runtime: Runtime, account: Account, url: str, expires_at: datetime
) -> str:
    """Mail the link to the account's recovery address; returns that address."""
    to = account.recovery_email or ""
    domain = account.address.rsplit("@", 1)[-1]
    sender = f"postmaster@{domain}"
    raw = activation_message(
        sender=sender, to=to, address=account.address, url=url, expires_at=expires_at,
        locale=await account_locale(session, account), zone=await account_zone(session, account),
    )
    await deliver(session, runtime, raw, sender, [to], org_id=account.org_id, transactional=True)
    return to
