"""Calendar background jobs: mailing iMIP messages through mail's send path."""

from __future__ import annotations

import logging
from typing import Any

from sqlalchemy import select

from api.calendar.invitations.imip import JOB
from api.directory.recipients import resolve_recipients
from api.mail.sending.compose import ExtraPart
from api.mail.sending.service import send_message
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
        request = SendRequest(to=to, subject=payload["subject"], text=payload["text"])
        await send_message(
            session,
            runtime,
            sender,
            request,
            extra_parts=[
                ExtraPart(
                    content_type="text/calendar",
                    data=ics,
                    alternative=True,
                    params={"method": payload["method"], "charset": "utf-8"},
                )
            ],
        )
