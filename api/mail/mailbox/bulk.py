"""Store many messages into one folder of one mailbox in a few statements: for imports,
migrations and group-committed ingest. Same rows, counters, index and events as
`store_message`, one modseq for the batch; blob references and event sequence numbers
are taken for the whole batch at once instead of one statement per message."""

from __future__ import annotations

from collections import Counter
from typing import Any

from sqlalchemy import update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from api.kit.clock import utcnow
from api.kit.ids import new_id
from api.mail.errors import QuotaExceeded
from api.mail.mailbox import repository
from api.mail.mailbox.service import NewMessage, _real, event_data, new_row, quota_of
from api.mail.search import index
from api.mail.threads.assign import ThreadBatch
from api.storage.blobs import BlobRef, BlobStore
from api.storage.models import Account, BlobRecord, Event, MailFolder, MailMessage, OrgSequence

ROWS_PER_STATEMENT = 500  # keeps multi-row VALUES well under both backends' parameter limits


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
    bytes were written to (its backend); the references are counted here."""
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
    await incref_many(session, [i.blob for i in items])
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


async def incref_many(session: AsyncSession, refs: list[BlobRef]) -> None:
    """One reference per entry of `refs` (the same blob may repeat), as `BlobStore.incref`
    takes them one by one: an upsert per statement of up to ROWS_PER_STATEMENT blobs."""
    counts = Counter(r.sha256 for r in refs)
    sizes = {r.sha256: r.size for r in refs}
    insert = sqlite.insert if session.get_bind().dialect.name == "sqlite" else postgresql.insert
    shas = list(counts)
    now = utcnow()
    for start in range(0, len(shas), ROWS_PER_STATEMENT):
        chunk = shas[start : start + ROWS_PER_STATEMENT]
        stmt = insert(BlobRecord).values(
            [
                {"sha256": sha, "size": sizes[sha], "refcount": counts[sha], "created_at": now}
                for sha in chunk
            ]
        )
        stmt = stmt.on_conflict_do_update(
            index_elements=[BlobRecord.sha256],
            set_={"refcount": BlobRecord.refcount + stmt.excluded.refcount},
        )
        await session.execute(stmt)


async def emit_many(
    session: AsyncSession, org_id: str, type_: str, payloads: list[dict[str, Any]]
) -> list[Event]:
    """`api.events.emit` for many events of one type: the organisation's sequence moves
    once by their number (the same row lock orders concurrent writers), and the events
    take consecutive numbers in order."""
    if not payloads:
        return []
    result = await session.execute(
        update(OrgSequence)
        .where(OrgSequence.org_id == org_id)
        .values(value=OrgSequence.value + len(payloads))
        .returning(OrgSequence.value)
    )
    top = result.scalar_one_or_none()
    if top is None:
        session.add(OrgSequence(org_id=org_id, value=len(payloads)))
        await session.flush()
        top = len(payloads)
    first = int(top) - len(payloads) + 1
    now = utcnow()
    events = [
        Event(
            id=new_id("evt"),
            org_id=org_id,
            sequence=first + n,
            type=type_,
            occurred_at=now,
            data=data,
        )
        for n, data in enumerate(payloads)
    ]
    session.add_all(events)
    return events
