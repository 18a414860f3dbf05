"""Appending raw mail into one folder of one mailbox, as it is: imports, migrations and
IMAP APPEND. The same store as delivery (`store_message`, `store_many`), parsed once."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from api.errors import NotFound, PayloadTooLarge
from api.i18n import _
from api.kit.clock import utcnow
from api.mail.delivery.deliver import write_bytes
from api.mail.folders import repository as folders
from api.mail.mailbox.bulk import store_many
from api.mail.mailbox.service import NewMessage, ensure_mailbox, store_message, system_folder
from api.mail.mime import parse_message
from api.runtime import Runtime
from api.storage.blobs import BlobStore, LocalBlobBackend
from api.storage.models import Account, MailFolder, MailMessage


async def _folder(session: AsyncSession, account: Account, folder_id: str) -> MailFolder:
    folder = await folders.get(session, account.id, folder_id)
    if folder is None:
        raise NotFound(_("No folder {folder_id}.", folder_id=folder_id), param="folder_id")
    return folder


async def append_message(
    session: AsyncSession,
    runtime: Runtime,
    account: Account,
    raw: bytes,
    *,
    folder_id: str | None = None,
    role: str = "inbox",
    flags: dict[str, bool] | None = None,
    keywords: list[str] | None = None,
    received_at: datetime | None = None,
    event: str = "mail.message.created",
) -> MailMessage:
    """Store raw bytes as they are into one folder of one mailbox (imports, migrations,
    IMAP APPEND). Unparseable input is stored and flagged, never refused."""
    if len(raw) > runtime.settings.mail_max_message_bytes:
        raise PayloadTooLarge(
            _(
                "The message is larger than {mail_max_message_bytes} bytes.",
                mail_max_message_bytes=runtime.settings.mail_max_message_bytes,
            )
        )
    await ensure_mailbox(session, account.id, account.org_id)
    folder = (
        await _folder(session, account, folder_id)
        if folder_id
        else await system_folder(session, account.id, account.org_id, role)
    )
    blob = await write_bytes(runtime, raw)
    flags = flags or {}
    new = NewMessage(
        blob=blob,
        parsed=parse_message(raw),
        received_at=received_at or utcnow(),
        keywords=keywords or [],
        seen=bool(flags.get("seen")),
        flagged=bool(flags.get("flagged")),
        answered=bool(flags.get("answered")),
        forwarded=bool(flags.get("forwarded")),
        draft=bool(flags.get("draft")),
    )
    return await store_message(session, runtime.blobs, account, folder, new, event=event)


async def append_many(
    session: AsyncSession,
    runtime: Runtime,
    account: Account,
    raws: list[bytes],
    *,
    folder_id: str | None = None,
    role: str = "inbox",
    seen: bool = False,
    received_at: datetime | None = None,
    event: str = "mail.message.created",
) -> list[MailMessage]:
    """`append_message` for a batch (imports, migrations): one folder, a few statements."""
    limit = runtime.settings.mail_max_message_bytes
    if any(len(raw) > limit for raw in raws):
        raise PayloadTooLarge(_("A message is larger than {limit} bytes.", limit=limit))
    await ensure_mailbox(session, account.id, account.org_id)
    folder = (
        await _folder(session, account, folder_id)
        if folder_id
        else await system_folder(session, account.id, account.org_id, role)
    )
    when = received_at or utcnow()
    backend = runtime.blobs.backend
    blobs = (
        await backend.write_many(raws) if isinstance(backend, LocalBlobBackend)
        else [await write_bytes(runtime, raw) for raw in raws]
    )
    items = [
        NewMessage(blob=blob, parsed=parse_message(raw), received_at=when, seen=seen)
        for blob, raw in zip(blobs, raws, strict=True)
    ]
    return await store_many(session, runtime.blobs, account, folder, items, event=event)


async def store_batch(
    session: AsyncSession,
    blobs: BlobStore,
    account: Account,
    folder: MailFolder,
    items: list[NewMessage],
    *,
    event: str = "mail.message.created",
) -> list[MailMessage]:
    """Messages already written to the blob store and parsed (a migration's batch), stored
    into `folder` all or nothing (QuotaExceeded)."""
    return await store_many(session, blobs, account, folder, items, event=event)
