"""Deliveries gathered over one transaction and stored together at its end.

The SMTP edge's group committer runs many deliveries in one transaction. Stored one by one,
each message costs a dozen statements (modseq, thread, row, blob reference, folder counters,
search index, event); gathered here and stored with `store_shares`, each mailbox costs its
modseq and thread lookups, and the accounts, folders, UIDs, rows, index entries and events
of the whole batch go in together. A delivery made with `later` leaves its local copies
here as (account id, address) pairs: `flush` reads every account and system folder of the
batch in one statement each, runs the filing hooks and the delivery subscribers for each
copy (in the delivering transaction, as `deliver_stored` does without `later`), fills in
the reports, then stores. The committer flushes before it commits, so nothing is
acknowledged that is not stored. A mailbox whose quota the whole group would break is
stored one message at a time instead: what fits is delivered, the rest is reported over
quota, exactly as one-by-one delivery would have done.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from api.mail.delivery import hooks
from api.mail.delivery.report import RECEIVED, Delivered, DeliveryReport
from api.mail.errors import QuotaExceeded
from api.mail.mailbox.bulk import MailboxShare, store_shares
from api.mail.mailbox.service import NewMessage, store_message, system_folders
from api.mail.mime import ParsedMessage
from api.runtime import Runtime
from api.storage.blobs import BlobRef, BlobStore
from api.storage.models import Account, MailFolder, MailMessage

_KEY = "pending_stores"
_ACCOUNTS = "mail_accounts"  # per-transaction memo of the accounts delivered to

Waiting = tuple[DeliveryReport, Delivered]


@dataclass
class Copy:
    """One local copy of a delivery, waiting for the flush to read its account and folder."""

    runtime: Runtime
    report: DeliveryReport
    account_id: str
    address: str  # as addressed
    group: str | None  # the group address it was expanded from
    blob: BlobRef
    parsed: ParsedMessage
    raw: bytes | None
    folder_role: str
    envelope_from: str
    authenticated: bool
    received_at: datetime


async def accounts_by_id(session: AsyncSession, ids: list[str]) -> dict[str, Account]:
    """The accounts among `ids`, read once per transaction (one statement per 500 new)."""
    known: dict[str, Account] = session.info.setdefault(_ACCOUNTS, {})
    missing = list({i: None for i in ids if i not in known or known[i] not in session})
    for start in range(0, len(missing), 500):
        rows = await session.execute(
            select(Account).where(Account.id.in_(missing[start:start + 500]))
        )
        known.update({a.id: a for a in rows.scalars().all()})
    return {i: known[i] for i in ids if i in known}


class PendingStores:
    def __init__(self) -> None:
        # folder id -> the messages for it, and for each the delivery that waits on it
        self._shares: dict[str, tuple[MailboxShare, list[Waiting]]] = {}
        self._copies: list[Copy] = []

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

    def defer(self, copy: Copy) -> None:
        """A local copy whose account, folder, filing and subscribers wait for the flush."""
        self._copies.append(copy)

    async def flush(self, session: AsyncSession, blobs: BlobStore) -> None:
        while self._copies:  # a subscriber may deliver again with `later`
            copies, self._copies = self._copies, []
            await self._place(session, copies)
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

    async def _place(self, session: AsyncSession, copies: list[Copy]) -> None:
        """Each copy's account and system folder (one statement each for the whole batch),
        its filing and its subscribers, in the order the copies were delivered."""
        accounts = await accounts_by_id(session, [c.account_id for c in copies])
        live = {i: a for i, a in accounts.items() if a.status != "deleted"}
        folders: dict[str, dict[str, MailFolder]] = {}
        for role in {c.folder_role: None for c in copies}:
            wanted = list({c.account_id: None for c in copies
                           if c.folder_role == role and c.account_id in live})
            folders[role] = await system_folders(
                session, [(i, live[i].org_id) for i in wanted], role
            )
        for copy in copies:
            account = live.get(copy.account_id)
            if account is None:
                copy.report.unknown.append(copy.address)
                continue
            inbox = folders[copy.folder_role][account.id]
            role = copy.folder_role
            if hooks.has_filers():
                role = await hooks.filed(hooks.Filing(
                    session, copy.runtime, account, copy.folder_role, copy.parsed,
                    copy.envelope_from, copy.authenticated, copy.blob, copy.raw))
                if role != copy.folder_role:
                    inbox = (await system_folders(session, [(account.id, account.org_id)],
                                                  role))[account.id]
            delivered = Delivered(copy.address, account.id, account.org_id, "",
                                  account.address, copy.group)
            copy.report.delivered.append(delivered)
            self.add(account, inbox,
                     NewMessage(blob=copy.blob, parsed=copy.parsed, received_at=copy.received_at),
                     copy.report, delivered)
            await hooks.delivered(hooks.Arrival(session, copy.runtime, account, role, copy.blob,
                                                copy.parsed, copy.raw, copy.envelope_from))


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
