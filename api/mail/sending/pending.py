"""Deliveries gathered over one transaction and stored per mailbox at its end.

The SMTP edge's group committer runs many deliveries in one transaction. Stored one by one,
each message costs a dozen statements (modseq, thread, row, blob reference, folder counters,
search index, event); gathered here and stored with `store_shares`, each mailbox costs its modseq,
thread lookups and counters, and the rows, index entries and events of the whole batch go in
together. The committer flushes before it commits,
so nothing is acknowledged that is not stored. A mailbox whose quota the whole group would
break is stored one message at a time instead: what fits is delivered, the rest is reported
over quota, exactly as one-by-one delivery would have done.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy.ext.asyncio import AsyncSession

from api.directory.recipients import Resolution, resolve_recipients
from api.mail.errors import QuotaExceeded
from api.mail.mailbox.bulk import MailboxShare, store_shares
from api.mail.mailbox.service import NewMessage, store_message
from api.mail.sending.delivery import Delivered, DeliveryReport
from api.storage.blobs import BlobStore
from api.storage.models import Account, MailFolder, MailMessage

EVENT = "mail.message.received"
_KEY = "pending_stores"


@dataclass
class _Waiting:
    new: NewMessage
    report: DeliveryReport
    delivered: Delivered


@dataclass
class _Mailbox:
    account: Account
    folder: MailFolder
    waiting: list[_Waiting] = field(default_factory=list)


class PendingStores:
    def __init__(self) -> None:
        self._mailboxes: dict[str, _Mailbox] = {}
        self._resolved: dict[tuple[tuple[str, ...], str], Resolution] = {}

    async def resolve(
        self, session: AsyncSession, recipients: list[str], sender: str
    ) -> Resolution:
        """`resolve_recipients`, once per recipient list and sender in the transaction (the
        batch holds many messages to the same people)."""
        key = (tuple(recipients), sender)
        if key not in self._resolved:
            self._resolved[key] = await resolve_recipients(session, recipients,
                                                           sender=sender or None)
        return self._resolved[key]

    def add(
        self, account: Account, folder: MailFolder, new: NewMessage, report: DeliveryReport,
        delivered: Delivered,
    ) -> None:
        """`delivered` is in `report.delivered` already; the flush fills in its message id,
        or moves it to `report.over_quota`."""
        box = self._mailboxes.setdefault(folder.id, _Mailbox(account, folder))
        box.waiting.append(_Waiting(new, report, delivered))

    async def flush(self, session: AsyncSession, blobs: BlobStore) -> None:
        boxes, self._mailboxes = list(self._mailboxes.values()), {}
        shares = [MailboxShare(b.account, b.folder, [w.new for w in b.waiting]) for b in boxes]
        outcomes = await store_shares(session, blobs, shares, event=EVENT)
        for box, outcome in zip(boxes, outcomes, strict=True):
            if isinstance(outcome, QuotaExceeded):
                rows: list[MailMessage | None] = [
                    await _one(session, blobs, box, w) for w in box.waiting
                ]
            else:
                rows = list(outcome)
            for waiting, row in zip(box.waiting, rows, strict=True):
                if row is None:
                    waiting.report.delivered.remove(waiting.delivered)
                    waiting.report.over_quota.append(waiting.delivered.address)
                else:
                    waiting.delivered.message_id = row.id


async def _one(
    session: AsyncSession, blobs: BlobStore, box: _Mailbox, waiting: _Waiting
) -> MailMessage | None:
    try:
        return await store_message(session, blobs, box.account, box.folder, waiting.new,
                                   event=EVENT)
    except QuotaExceeded:
        return None


def begin(session: AsyncSession) -> PendingStores:
    """Gather the deliveries made in `session` from now on (`pending(session)`); the caller
    must `flush` them before it commits."""
    pending = PendingStores()
    session.info[_KEY] = pending
    return pending


def pending(session: AsyncSession) -> PendingStores | None:
    """The gathering `begin` started in this session, if any."""
    found = session.info.get(_KEY)
    return found if isinstance(found, PendingStores) else None
