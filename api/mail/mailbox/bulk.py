"""Store many messages into one folder of one mailbox in a few statements (imports and
migrations), or into many mailboxes at once (group-committed ingest). Same rows, counters,
index and events as `store_message`, one modseq per mailbox; blob references and event
sequence numbers are taken for the whole batch at once instead of one statement each."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from api.events import emit_many
from api.i18n import Msg
from api.mail.errors import QuotaExceeded
from api.mail.mailbox import repository
from api.mail.mailbox.service import NewMessage, _real, event_data, new_row, quota_of
from api.mail.mime import ParsedMessage
from api.mail.search import index
from api.mail.threads.assign import ThreadBatch, load_batches
from api.storage.blobs import BlobStore
from api.storage.models import Account, MailFolder, MailMessage


@dataclass
class MailboxShare:
    """New messages for one folder of one mailbox."""

    account: Account
    folder: MailFolder
    items: list[NewMessage]


async def _bump(session: AsyncSession, shares: list[MailboxShare]) -> list[tuple[int, int]]:
    """Each share's (modseq, usage after it): one statement for the mailboxes that take the
    same amounts (an API send's copies), one each for the rest."""
    deltas = [(sum(i.blob.size for i in s.items), len(s.items)) for s in shares]
    seen: dict[str, int] = {}
    for share in shares:
        seen[share.account.id] = seen.get(share.account.id, 0) + 1
    groups: dict[tuple[int, int], list[str]] = {}
    for share, delta in zip(shares, deltas, strict=True):
        if seen[share.account.id] == 1:
            groups.setdefault(delta, []).append(share.account.id)
    found: dict[str, tuple[int, int]] = {}
    for (size, count), ids in groups.items():
        if len(ids) > 1:
            found.update(await repository.bump_many(
                session, ids, bytes_delta=size, count_delta=count
            ))
    out = []
    for share, (size, count) in zip(shares, deltas, strict=True):
        if share.account.id in found:
            out.append(found[share.account.id])
        else:
            out.append(await repository.bump(
                session, share.account.id, bytes_delta=size, count_delta=count
            ))
    return out


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
    [stored] = await store_shares(
        session, blobs, [MailboxShare(account, folder, items)], event=event,
        enforce_quota=enforce_quota,
    )
    if isinstance(stored, QuotaExceeded):
        raise stored
    return stored


async def store_shares(
    session: AsyncSession,
    blobs: BlobStore,
    shares: list[MailboxShare],
    *,
    event: str | None = "mail.message.created",
    enforce_quota: bool = True,
) -> list[list[MailMessage] | QuotaExceeded]:
    """`store_many` for several mailboxes at once (the SMTP edge's group commit): each
    mailbox costs its modseq, thread lookups and folder counters; the rows, blob references,
    search entries and events of all of them are written together. A share its mailbox has
    no room for gets its QuotaExceeded instead of rows, and nothing of it is written."""
    out: list[list[MailMessage] | QuotaExceeded] = []
    stored: list[tuple[MailboxShare, list[MailMessage]]] = []
    bumped = await _bump(session, shares)
    # no autoflush: each mailbox's thread lookups would otherwise flush the rows gathered
    # so far one mailbox at a time, instead of all of them in one statement below
    with session.no_autoflush:
        fitting: list[tuple[int, MailboxShare, int]] = []
        batches: dict[str, tuple[ThreadBatch, list[ParsedMessage]]] = {}
        for position, (share, (modseq, used)) in enumerate(zip(shares, bumped, strict=True)):
            account, items = share.account, share.items
            quota = quota_of(account) if enforce_quota else None
            if quota is not None and used > quota:
                await repository.unuse(
                    session, account.id, sum(i.blob.size for i in items), len(items)
                )
                out.append(QuotaExceeded(
                    Msg(
                        "The mailbox of {address} is full ({quota} bytes).",
                        address=account.address,
                        quota=quota,
                    ),
                    param="account",
                ))
                continue
            # one thread batch per mailbox, whatever the number of its folders in the batch
            batch, parsed = batches.setdefault(
                account.id, (ThreadBatch(session, account.id, account.org_id), [])
            )
            parsed.extend(i.parsed for i in items)
            fitting.append((position, share, modseq))
            out.append([])
        await load_batches(list(batches.values()))
        # UIDs per folder (IMAP) and the folder counters, one statement for the batch: the
        # folder rows stay locked until commit, so UIDs become visible in the order taken
        counts: dict[str, list[int]] = {}
        for _, share, _ in fitting:
            moved = counts.setdefault(share.folder.id, [0, 0, 0])
            moved[0] += len(share.items)
            moved[1] += sum(0 if i.seen else 1 for i in share.items)
            moved[2] += sum(i.blob.size for i in share.items)
        taken = await repository.take_uids_and_count(
            session, [(f, n, u, s) for f, (n, u, s) in counts.items()]
        )
        first_uids = {}
        for position, share, _ in fitting:  # shares of one folder take consecutive UIDs
            first_uids[position] = taken[share.folder.id]
            taken[share.folder.id] += len(share.items)
        for position, share, modseq in fitting:
            account, items = share.account, share.items
            batch = batches[account.id][0]
            rows: list[MailMessage] = []
            first_uid = first_uids[position]
            for offset, item in enumerate(items):
                thread_id = batch.attach(
                    item.parsed, item.received_at, item.seen, bool(_real(item.parsed)), modseq
                )
                row = new_row(account, share.folder, item, thread_id, modseq)
                row.uid = first_uid + offset
                rows.append(row)
            out[position] = rows
            stored.append((share, rows))
    if not stored:
        return out
    session.add_all([row for _, rows in stored for row in rows])
    await session.flush()
    await blobs.incref_many(session, [i.blob for share, _ in stored for i in share.items])
    await index.add_many(
        session,
        [
            (row.seq, share.account.id, index.document(item.parsed, row.bcc_addresses))
            for share, rows in stored
            for row, item in zip(rows, share.items, strict=True)
        ],
    )
    if event:
        by_org: dict[str, list[dict[str, Any]]] = {}
        for share, rows in stored:
            by_org.setdefault(share.account.org_id, []).extend(event_data(r) for r in rows)
        for org_id, payloads in by_org.items():
            await emit_many(session, org_id, event, payloads)
    return out
