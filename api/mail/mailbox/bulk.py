"""Store many messages into one folder of one mailbox in a few statements: for imports,
migrations and group-committed ingest. Same rows, counters, index and events as
`store_message`, one modseq for the batch; blob references and event sequence numbers
are taken for the whole batch at once instead of one statement per message."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from api.events import emit_many
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
    """All or nothing: QuotaExceeded when the batch does not fit. `blobs` is the store the
    bytes were written to; their references are taken here, in one statement per 500."""
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
    await blobs.incref_many(session, [i.blob for i in items])
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
        await emit_many(session, account.org_id, event, [event_data(row) for row in rows])
    return rows
