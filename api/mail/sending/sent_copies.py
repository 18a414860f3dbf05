"""Sent copies gathered over a group-committed transaction and stored together at its end.

API sends that go through the group committer (`grouped.py`) hand their Sent copy here
instead of storing it one by one: at the end of the batch (the committer's `finish`, before
the inbox deliveries are stored) the copies of every sender are stored with `store_shares`,
a few statements per sender mailbox instead of a dozen per message, with the same rows,
counters, threads, search entries and `mail.message.sent` events. Each copy's id is chosen
when it is gathered (the outbound queue rows of the same send refer to it). A sender whose
mailbox has no room for the batch's copies fails the batch, which the committer then runs
one send at a time: the send that does not fit fails alone, as it did when stored at once.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from api.kit.ids import new_id
from api.mail.errors import QuotaExceeded
from api.mail.mailbox.bulk import MailboxShare, store_shares
from api.mail.mailbox.service import NewMessage
from api.storage.blobs import BlobStore
from api.storage.models import Account, MailFolder, MailMessage

SENT_EVENT = "mail.message.sent"
_KEY = "mail.sent_copies"


@dataclass
class SentCopy:
    """A send's copy in Sent: its id at once, its row once stored."""

    id: str
    row: MailMessage | None = None

    @property
    def thread_id(self) -> str | None:
        return self.row.thread_id if self.row is not None else None


class SentCopies:
    def __init__(self) -> None:
        # folder id -> the copies for it
        self._shares: dict[str, tuple[MailboxShare, list[SentCopy]]] = {}

    def add(self, account: Account, folder: MailFolder, new: NewMessage) -> SentCopy:
        new.id = new.id or new_id("msg")
        share, waiting = self._shares.setdefault(
            folder.id, (MailboxShare(account, folder, []), [])
        )
        share.items.append(new)
        copy = SentCopy(new.id)
        waiting.append(copy)
        return copy

    async def flush(self, session: AsyncSession, blobs: BlobStore) -> None:
        gathered, self._shares = list(self._shares.values()), {}
        if not gathered:
            return
        outcomes = await store_shares(session, blobs, [s for s, _ in gathered], event=SENT_EVENT)
        for (_, waiting), outcome in zip(gathered, outcomes, strict=True):
            if isinstance(outcome, QuotaExceeded):
                raise outcome
            for copy, row in zip(waiting, outcome, strict=True):
                copy.row = row


def gathering(session: AsyncSession) -> SentCopies:
    """The Sent copies gathered in `session` (made on first use)."""
    found = session.info.get(_KEY)
    if not isinstance(found, SentCopies):
        found = session.info[_KEY] = SentCopies()
    return found


async def flush(session: AsyncSession, blobs: BlobStore) -> None:
    found = session.info.pop(_KEY, None)
    if isinstance(found, SentCopies):
        await found.flush(session, blobs)
