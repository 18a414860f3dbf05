"""Forwarding: a copy of each message reaching the inbox goes, byte for byte with one
trace header on top, to the address the person chose, where the organisation allows it.

Loop protection: each forwarding mailbox adds `X-Mailplane-Forwarded-For: <its address>`;
a message that already names this mailbox, or has passed MAX_HOPS forwarders, is kept and
not forwarded again. The envelope sender is the forwarding mailbox (no SRS): SPF passes for
our own domain, bounces come back to the person who set up the forwarding, and the
original's DKIM signature still verifies because only a header was prepended above it.
"""

from __future__ import annotations

from api.directory import resolve_recipients
from api.mail.delivery import hooks
from api.mail.delivery.deliver import deliver
from api.mail.settings import repository
from api.mail.settings.service import forwarding_of

TRACE = "X-Mailplane-Forwarded-For"
MAX_HOPS = 5


async def forward(arrival: hooks.Arrival) -> None:
    account, session = arrival.account, arrival.session
    settings = forwarding_of(await repository.get(session, account.id))
    target = (settings.address or "").lower()
    if not settings.enabled or not target or target == account.address.lower():
        return
    policy = await repository.forwarding_policy(session, account.org_id)
    if policy == "off":
        return
    seen = [v.strip().lower() for k, v in arrival.parsed.headers if k.lower() == TRACE.lower()]
    if account.address.lower() in seen or len(seen) >= MAX_HOPS:
        return
    resolution = await resolve_recipients(session, [target], sender=account.address)
    if policy == "internal" and (resolution.remote or not resolution.local):
        return
    raw = f"{TRACE}: {account.address}\r\n".encode() + await arrival.raw_bytes()
    await deliver(
        session, arrival.runtime, raw, account.address, [target],
        org_id=account.org_id, sender_account_id=account.id,
    )
