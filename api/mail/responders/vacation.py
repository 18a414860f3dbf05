"""The auto-reply (vacation message): once per sender per interval, between its start and
end, only to messages RFC 3834 lets us answer; sent with a null reverse path, so a bounce
of the auto-reply never comes back to anyone."""

from __future__ import annotations

from datetime import timedelta

from api.kit.clock import utcnow
from api.mail.delivery import hooks
from api.mail.delivery.deliver import deliver
from api.mail.responders import rfc3834
from api.mail.settings import repository
from api.mail.settings.service import auto_reply_of


async def auto_reply(arrival: hooks.Arrival) -> None:
    account, session = arrival.account, arrival.session
    row = await repository.get(session, account.id)
    settings = auto_reply_of(row)
    now = utcnow()
    if not settings.enabled or not settings.text.strip():
        return
    if (settings.starts_at and now < settings.starts_at) or (
        settings.ends_at and now >= settings.ends_at
    ):
        return
    if not rfc3834.may_answer(arrival.parsed, arrival.envelope_from, account.address):
        return
    sender = (arrival.envelope_from or "").strip().strip("<>").lower()
    last = await repository.last_reply(session, account.id, sender)
    if last is not None and now - last < timedelta(days=settings.interval_days):
        return
    await repository.note_reply(session, account.id, sender, now)
    raw = rfc3834.reply_bytes(
        arrival.parsed,
        to=sender,
        from_address=account.address,
        from_name=account.display_name,
        subject=settings.subject,
        text=settings.text,
    )
    await deliver(
        session, arrival.runtime, raw, "", [sender],
        org_id=account.org_id, sender_account_id=account.id, transactional=True,
    )
