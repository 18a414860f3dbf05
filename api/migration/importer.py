"""Put one fetched batch into the target mailbox through the mail store's own
`store_batch` (the delivery core's; counters, threads, search index), with the `mail.message.imported` event
instead of `received`, so webhooks do not announce old mail as new.

Dedupe, per target folder: the exact bytes already imported (a retried batch, a folder
whose UIDVALIDITY changed), or the same Message-ID with the same body (the same message
delivered by the new MX during the cut-over, with other Received headers).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sqlalchemy import insert
from sqlalchemy.ext.asyncio import AsyncSession

from api.kit.clock import utcnow
from api.kit.ids import new_id
from api.mail import (
    DeferredSyncBackend,
    NewMessage,
    create_folder,
    list_folders,
    system_folder,
)
from api.mail import store_batch as store_in_mailbox
from api.migration import repository
from api.migration.parsing import Prepared, body_digest
from api.migration.sources import Fetched
from api.runtime import Runtime
from api.storage.blobs import BlobRef
from api.storage.models import (
    Account,
    MailFolder,
    MigrationAccount,
    MigrationFailure,
    MigrationFolder,
    MigrationMessage,
)
from schemas.mail import FolderCreate

EVENT = "mail.message.imported"
_KEYWORD = re.compile(r'^[^\s()\]{%*"\\]{1,100}$')
_SYSTEM_FLAGS = {"\\seen", "\\flagged", "\\answered", "\\draft", "\\deleted", "\\recent"}
MAX_DEPTH = 20


def message_state(flags: tuple[str, ...]) -> dict[str, object]:
    """IMAP flags → the store's flags and keywords (`$Forwarded` is the forwarded flag)."""
    lower = {f.lower() for f in flags}
    keywords = sorted(
        {
            f
            for f in flags
            if f.lower() not in _SYSTEM_FLAGS
            and f.lower() not in ("$forwarded", "forwarded")
            and _KEYWORD.match(f)
        }
    )[:50]
    return {
        "seen": "\\seen" in lower,
        "flagged": "\\flagged" in lower,
        "answered": "\\answered" in lower,
        "draft": "\\draft" in lower,
        "forwarded": "$forwarded" in lower or "forwarded" in lower,
        "keywords": keywords,
    }


@dataclass
class Context:
    """What a batch is stored into and recorded against."""

    item: MigrationAccount
    folder_row: MigrationFolder
    account: Account
    folder: MailFolder
    source_key: str
    default_seen: bool = False  # POP3 has no flags: its mail is taken as read


@dataclass
class Outcome:
    imported: int = 0
    skipped: int = 0
    failed: int = 0
    bytes: int = 0
    last_ref: int | str | None = None
    message_ids: list[str] = field(default_factory=list)


def record_failure(ctx: Context, fetched: Fetched, code: str, reason: str) -> MigrationFailure:
    return MigrationFailure(
        id=new_id("mfl"),
        org_id=ctx.item.org_id,
        migration_id=ctx.item.migration_id,
        item_id=ctx.item.id,
        account_id=ctx.item.account_id,
        folder=ctx.folder_row.source_name,
        uid=str(fetched.ref)[:100],
        size=fetched.size or None,
        code=code,
        reason=reason[:2000],
        created_at=utcnow(),
    )


def source_ref(ctx: Context, fetched: Fetched) -> str:
    if isinstance(fetched.ref, int):
        return f"{ctx.folder_row.uidvalidity or 0}:{fetched.ref}"
    return str(fetched.ref)[:100]


async def _duplicates(
    session: AsyncSession, runtime: Runtime, ctx: Context, batch: list[Prepared]
) -> set[int]:
    """Indexes into `batch` of messages the folder already holds (or that repeat earlier
    ones in the same batch)."""
    account_id, folder_id = ctx.account.id, ctx.folder.id
    candidates = [p for p in batch if p.parsed is not None]
    shas = await repository.imported_shas(
        session, account_id, folder_id, list({p.sha for p in candidates})
    )
    ids = list({p.message_id for p in candidates if p.message_id})
    same_id = await repository.same_message_id(session, account_id, folder_id, ids)
    bodies: dict[str, set[str]] = {}
    for message_id, blob_sha, body_sha in same_id:
        if body_sha is None:  # delivered by the MX, not by a migration: hash its body now
            try:
                body_sha = body_digest(await runtime.blobs.read_all(blob_sha))
            except Exception:  # noqa: BLE001 - a missing blob only means "not a duplicate"
                continue
        bodies.setdefault(message_id, set()).add(body_sha)
    dup: set[int] = set()
    for i, p in enumerate(batch):
        if p.parsed is None:
            continue
        if p.sha in shas or (p.message_id and p.body_sha in bodies.get(p.message_id, set())):
            dup.add(i)
            continue
        shas.add(p.sha)
        if p.message_id:
            bodies.setdefault(p.message_id, set()).add(p.body_sha)
    return dup


async def store_batch(
    session: AsyncSession, runtime: Runtime, ctx: Context, batch: list[Prepared]
) -> Outcome:
    """Store what is new in one go (`store_batch`: one modseq, batched rows, index and
    events), record failures, skip duplicates. `runtime.blobs` may be a deferred-sync
    store: the caller syncs it before committing. Raises QuotaExceeded (nothing stored);
    any other error leaves the transaction to be rolled back, and the caller stores the
    batch again one message at a time."""
    out = Outcome()
    dup = await _duplicates(session, runtime, ctx, batch)
    new: list[NewMessage] = []
    ledger: list[dict[str, object]] = []
    for i, p in enumerate(batch):
        fetched = p.fetched
        out.bytes += fetched.size
        out.last_ref = fetched.ref
        if fetched.gone:
            out.skipped += 1
            continue
        if fetched.error is not None or fetched.raw is None or p.parsed is None:
            out.failed += 1
            session.add(record_failure(ctx, fetched, fetched.code, fetched.error or "No body."))
            continue
        if i in dup:
            out.skipped += 1
            continue
        # The bytes go to the blob backend directly: store_batch takes the one reference.
        backend = runtime.blobs.backend
        if p.written and isinstance(backend, DeferredSyncBackend):
            # written by the parsing step: only the sync before the commit is left
            ref = BlobRef(p.sha, len(fetched.raw))
            backend.pending.append(backend.path(p.sha))
        else:
            ref = await backend.write(_once(fetched.raw), None)
        state = message_state(fetched.flags)
        if ctx.default_seen:
            state["seen"] = True
        parsed = p.parsed
        new.append(
            NewMessage(
                blob=ref,
                parsed=parsed,
                received_at=fetched.internaldate or parsed.sent_at or utcnow(),
                **state,  # type: ignore[arg-type]
            )
        )
        ledger.append(
            {
                "org_id": ctx.item.org_id,
                "account_id": ctx.account.id,
                "folder_id": ctx.folder.id,
                "source_key": ctx.source_key,
                "source_ref": source_ref(ctx, fetched),
                "content_sha": p.sha,
                "body_sha": p.body_sha,
                "message_id": p.message_id,
                "created_at": utcnow(),
            }
        )
        out.message_ids.append(p.message_id)
    await store_in_mailbox(session, runtime.blobs, ctx.account, ctx.folder, new,
                               event=EVENT)
    if ledger:  # one executemany, no ORM objects to track
        await session.execute(insert(MigrationMessage), ledger)
    out.imported = len(new)
    return out


async def _once(data: bytes):  # type: ignore[no-untyped-def]
    yield data


# --- target folders --------------------------------------------------------------------


def _clean_name(name: str) -> str:
    name = "".join(" " if ord(ch) < 32 or ch == "\x7f" else ch for ch in name).strip()
    return (name or "Unnamed")[:200]


async def target_folder(
    session: AsyncSession, account: Account, row: MigrationFolder
) -> MailFolder:
    """The folder `row` imports into, created on first use (and found again on resume)."""
    if row.target_folder_id:
        for folder in await list_folders(session, account):
            if folder.id == row.target_folder_id:
                return folder
    if row.role:
        folder = await system_folder(session, account.id, account.org_id, row.role)
        row.target_folder_id = folder.id
        return folder
    parts = [p for p in row.target_path.split("/") if p.strip()] or [row.source_name or "Unnamed"]
    existing = await list_folders(session, account)
    parent: MailFolder | None = None
    if parts[0].strip().casefold() == "inbox" and len(parts) > 1:
        parent = next((f for f in existing if f.role == "inbox"), None)
        parts = parts[1:]
    if len(parts) > MAX_DEPTH - 1:
        parts = parts[: MAX_DEPTH - 2] + ["/".join(parts[MAX_DEPTH - 2 :])]
    for raw_name in parts:
        name = _clean_name(raw_name.replace("∕", "/"))
        parent_id = parent.id if parent else None
        found = next(
            (
                f
                for f in existing
                if f.parent_id == parent_id and f.name.casefold() == name.casefold()
            ),
            None,
        )
        if found is None:
            found = await create_folder(
                session, account, FolderCreate(name=name, parent_id=parent_id)
            )
            existing.append(found)
        parent = found
    assert parent is not None
    row.target_folder_id = parent.id
    return parent
