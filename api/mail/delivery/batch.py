"""Deliveries gathered over one transaction and stored together at its end.

The SMTP edge's group committer runs many deliveries in one transaction. Stored one by one,
each message costs a dozen statements (modseq, thread, row, blob reference, folder counters,
search index, event); gathered here and stored with `store_shares`, each mailbox costs its
modseq, thread lookups and counters, and the rows, index entries and events of the whole
batch go in together. The committer flushes before it commits, so nothing is acknowledged
that is not stored. A mailbox whose quota the whole group would break is stored one message
at a time instead: what fits is delivered, the rest is reported over quota, exactly as
one-by-one delivery would have done.
"""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from api.mail.delivery.report import RECEIVED, Delivered, DeliveryReport
from api.mail.errors import QuotaExceeded
from api.mail.mailbox.bulk import MailboxShare, store_shares
from api.mail.mailbox.service import NewMessage, store_message
from api.storage.blobs import BlobStore
from api.storage.models import Account, MailFolder, MailMessage

_KEY = "pending_stores"

Waiting = tuple[DeliveryReport, Delivered]


class PendingStores:
    def __init__(self) -> None:
        # folder id -> the messages for it, and for each the delivery that waits on it
        self._shares: dict[str, tuple[MailboxShare, list[Waiting]]] = {}

    def add(
        self, account: Account, folder: MailFolder, new: NewMessage, report: DeliveryReport,
        delivered: Delivered,
    ) -> None:
        """`delivered` is in `report.delivered` already; the flush fills in its message id,
        or moves it to `report.over_quota`."""
        share, waiting = self._shares.setdefault(
            folder.id, (MailboxShare(account, folder, []), [])
        )
        share.items.append(new)
        waiting.append((report, delivered))

    async def flush(self, session: AsyncSession, blobs: BlobStore) -> None:
        gathered, self._shares = list(self._shares.values()), {}
        outcomes = await store_shares(session, blobs, [s for s, _ in gathered], event=RECEIVED)
        for (share, waiting), outcome in zip(gathered, outcomes, strict=True):
            rows: list[MailMessage | None] = (
                [await _one(session, blobs, share, new) for new in share.items]
                if isinstance(outcome, QuotaExceeded) else list(outcome)
            )
            for (report, delivered), row in zip(waiting, rows, strict=True):
                if row is None:
                    report.delivered.remove(delivered)
                    report.over_quota.append(delivered.address)
                else:
                    delivered.message_id = row.id


async def _one(
    session: AsyncSession, blobs: BlobStore, share: MailboxShare, new: NewMessage
) -> MailMessage | None:
    try:
        return await store_message(session, blobs, share.account, share.folder, new,
                                   event=RECEIVED)
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
