"""Calendar background jobs: mailing iMIP messages through mail's send path."""

from __future__ import annotations

import logging
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from api.calendar.invitations.imip import JOB
from api.directory import Resolution, account_locale, organization_locale, resolve_recipients
from api.mail import ExtraPart, send_message
from api.runtime import Runtime
from api.storage.models import Account
from api.worker.runner import handler
from schemas.mail import SendRequest

log = logging.getLogger("mailplane.calendar.imip")


@handler(JOB)
async def send_imip(runtime: Runtime, payload: dict[str, Any]) -> None:
    """Send one invitation, update, cancellation or reply as its sender, saved to Sent."""
    async with runtime.db.session() as session:
        sender = await session.scalar(
            select(Account).where(
                Account.id == payload["sender_account_id"], Account.org_id == payload["org_id"]
            )
        )
        if sender is None or sender.status != "active":
            log.info("iMIP dropped: sender gone", extra={"fields": {"uid": payload.get("uid")}})
            return
        resolution = await resolve_recipients(session, list(payload["recipients"]))
        unknown = {a.lower() for a in resolution.unknown}
        to = [a for a in payload["recipients"] if a.lower() not in unknown]
        if not to:
            return
        ics = payload["ics"].encode("utf-8")
        for locale, group in (await _by_language(session, sender, to, resolution)).items():
            # Jobs queued before the catalogue carry one English subject and text.
            subject = (payload.get("subjects") or {}).get(locale) or payload.get("subject", "")
            text = (payload.get("texts") or {}).get(locale) or payload.get("text", "")
            await send_message(
                session,
                runtime,
                sender,
                SendRequest(to=group, subject=subject, text=text),
                extra_parts=[
                    ExtraPart(
                        content_type="text/calendar",
                        data=ics,
                        alternative=True,
                        params={"method": payload["method"], "charset": "utf-8"},
                    )
                ],
            )


async def _by_language(
    session: AsyncSession, sender: Account, to: list[str], resolution: Resolution
) -> dict[str, list[str]]:
    """Recipients grouped by the language they read: a local person's own (else their
    organisation's); people elsewhere get the sender organisation's language."""
    fallback = await organization_locale(session, sender.org_id)
    by_address: dict[str, str] = {}
    for account_id, address in resolution.local.items():
        account = await session.get(Account, account_id)
        if account is not None:
            by_address[address.lower()] = await account_locale(session, account)
    groups: dict[str, list[str]] = {}
    for address in to:
        groups.setdefault(by_address.get(address.lower(), fallback), []).append(address)
    return groups
