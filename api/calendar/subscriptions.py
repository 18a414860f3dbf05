"""What calendar subscribes to in the layers below it: mail delivery's iMIP arrivals."""

from __future__ import annotations

from api.calendar.invitations.inbound import process_message
from api.mail import Arrival, on_delivered


def _has_calendar(arrival: Arrival) -> bool:
    return arrival.folder_role == "inbox" and any(
        a.get("calendar") for a in arrival.parsed.attachments
    )


async def _imip_arrived(arrival: Arrival) -> None:
    """iMIP (RFC 6047): an invitation, reply or cancellation arriving by mail updates the
    recipient's calendar in the delivering transaction."""
    await process_message(arrival.session, arrival.account, await arrival.raw_bytes())


def subscribe() -> None:
    on_delivered(_imip_arrived, when=_has_calendar)
