"""Store many messages into one folder of one mailbox in a few statements: for imports,
migrations and group-committed ingest. Same rows, counters, index and events as
`store_message`, one modseq for the batch."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from api.events import emit
from api.mail.errors import QuotaExceeded
from api.mail.mailbox import repository
from api.mail.mailbox.service import NewMessage, _real, event_data, new_row, quota_of
from api.mail.search import index
from api.mail.threads.assign import ThreadBatch
from api.storage.blobs import BlobStore
from api.storage.models import Account, MailFolder, MailMessage


async def store_many(
    session: AsyncSession,
    blobs: BlobStore,
    account: Account,
    folder: MailFolder,
    items: list[NewMessage],
    *,
    event: str | None = "mail.message.created",
    enforce_quota: bool = True,
) -> list[MailMessage]:
    """All or nothing: QuotaExceeded when the batch does not fit."""
    if not items:
        return []
    total = sum(i.blob.size for i in items)
    modseq, used = await repository.bump(
        session, account.id, bytes_delta=total, count_delta=len(items)
    )
    quota = quota_of(account) if enforce_quota else None
    if quota is not None and used > quota:
        await repository.unuse(session, account.id, total, len(items))
        raise QuotaExceeded(
            f"The mailbox of {account.address} is full ({quota} bytes).", param="account"
        )
    batch = ThreadBatch(session, account.id, account.org_id)
    await batch.load([i.parsed for i in items])
    rows = []
    for item in items:
        thread_id = batch.attach(
            item.parsed, item.received_at, item.seen, bool(_real(item.parsed)), modseq
        )
        rows.append(new_row(account, folder, item, thread_id, modseq))
    session.add_all(rows)
    await session.flush()
    for item in items:
        await blobs.incref(session, item.blob)
    await repository.move_folder_counts(
        session,
        folder.id,
        total=len(items),
        unread=sum(0 if i.seen else 1 for i in items),
        size=total,
    )
    await index.add_many(
        session,
        [
            (row.seq, account.id, index.document(item.parsed, row.bcc_addresses))
            for row, item in zip(rows, items, strict=True)
        ],
    )
    if event:
        for row in rows:
            await emit(session, account.org_id, event, event_data(row))
    return rows
