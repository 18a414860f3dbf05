"""The one delivery function, used by every path that puts a message into a mailbox: the
SMTP edge, API sends to local recipients, DSNs and system notices (imports, migrations and
IMAP APPEND go through `append.py`, which shares the store below).

Local recipients (accounts of any organisation hosted here, aliases and groups expanded by
the directory's `resolve_recipients`, once: callers that resolved them already pass the
`resolution`) get the message in their inbox in the caller's transaction, and the delivery
hooks (`hooks.py`) hear of each copy there; remote recipients are handed to the outbound
queue (`api.mail.outbound.enqueue`). The raw bytes are stored once, and parsed once (callers
that parsed them already pass `parsed`), whatever the number of recipients.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from api.directory import Resolution, resolve_recipients
from api.kit.clock import utcnow
from api.mail.delivery import hooks
from api.mail.delivery.batch import Copy, PendingStores, accounts_by_id
from api.mail.delivery.report import RECEIVED, Delivered, DeliveryReport
from api.mail.errors import QuotaExceeded
from api.mail.mailbox.service import NewMessage, store_message, system_folders
from api.mail.mime import ParsedMessage, parse_message
from api.mail.outbound.enqueue import queue_remote
from api.runtime import Runtime
from api.storage.blobs import BlobRef


async def write_bytes(runtime: Runtime, data: bytes) -> BlobRef:
    """Put bytes in the blob store without a reference: every row that keeps them takes
    its own (one statement each), so a delivery to one mailbox costs one."""

    async def one() -> AsyncIterator[bytes]:
        yield data

    return await runtime.blobs.backend.write(one(), None)


async def write_stream(runtime: Runtime, chunks: AsyncIterator[bytes]) -> BlobRef:
    return await runtime.blobs.backend.write(chunks, None)


@dataclass
class StoredRaw:
    """Raw bytes already in the blob store, with what was parsed from them (and the bytes
    themselves while the caller still holds them, so no subscriber reads them back)."""

    blob: BlobRef
    parsed: ParsedMessage
    raw: bytes | None = field(default=None, repr=False)


async def deliver(
    session: AsyncSession,
    runtime: Runtime,
    raw_bytes: bytes,
    envelope_from: str,
    recipients: list[str],
    *,
    org_id: str | None = None,
    sender_account_id: str | None = None,
    received_at: datetime | None = None,
    transactional: bool = False,
    priority: int = 0,
    folder_role: str = "inbox",
    later: PendingStores | None = None,
    resolution: Resolution | None = None,
    parsed: ParsedMessage | None = None,
    sender_authenticated: bool = False,
) -> DeliveryReport:
    """Store `raw_bytes` once and deliver them to every recipient (SMTP and API alike).

    `org_id` is the sending organisation, required when there are remote recipients
    (authenticated submission); inbound mail from the internet passes None and only local
    recipients are accepted. `parsed`: the bytes as the caller parsed them already (the MX
    parses once for the spam filter; trace fields it prepended since change nothing stored).
    """
    blob = await write_bytes(runtime, raw_bytes)
    return await deliver_stored(
        session,
        runtime,
        StoredRaw(blob, parsed if parsed is not None else parse_message(raw_bytes), raw_bytes),
        envelope_from,
        recipients,
        org_id=org_id,
        sender_account_id=sender_account_id,
        received_at=received_at,
        transactional=transactional,
        priority=priority,
        folder_role=folder_role,
        later=later,
        resolution=resolution,
        sender_authenticated=sender_authenticated,
    )


async def deliver_stored(
    session: AsyncSession,
    runtime: Runtime,
    stored: StoredRaw,
    envelope_from: str,
    recipients: list[str],
    *,
    remote: StoredRaw | None = None,
    org_id: str | None = None,
    sender_account_id: str | None = None,
    sent_message_id: str | None = None,
    received_at: datetime | None = None,
    transactional: bool = False,
    priority: int = 0,
    folder_role: str = "inbox",
    later: PendingStores | None = None,
    resolution: Resolution | None = None,
    sender_authenticated: bool = False,
) -> DeliveryReport:
    """Deliver bytes already stored; `remote` is another rendering for remote recipients
    (huge attachments replaced by links). Local copies go to the `folder_role` system
    folder (the SMTP edge files spam under "junk"). With `later`, the local copies are
    gathered there and read, filed and stored when it is flushed, for the whole batch at
    once (the report's local recipients, delivered, unknown or over quota, are filled in
    then: read it after the flush). `resolution`: the recipients as the
    caller resolved them a moment ago (the MX at RCPT time); accounts are still re-read here,
    so one deleted since is refused. Each person's copy then goes through the filing hooks
    (their own block and allow lists): `sender_authenticated` says whether the From domain is
    vouched for, which an allow entry requires."""
    report = DeliveryReport()
    if resolution is None:
        resolution = await resolve_recipients(session, recipients, sender=envelope_from or None)
    report.unknown = list(resolution.unknown)
    when = received_at or utcnow()
    if later is not None:
        # accounts, folders, filing and subscribers for the whole batch at its flush
        for account_id, address in resolution.local.items():
            later.defer(Copy(
                runtime, report, account_id, address,
                address if address in resolution.groups else None, stored.blob,
                stored.parsed, stored.raw, folder_role, envelope_from, sender_authenticated,
                when,
            ))
    else:
        await _deliver_now(session, runtime, stored, resolution, report, envelope_from,
                           folder_role=folder_role, when=when,
                           sender_authenticated=sender_authenticated)
    if resolution.remote:
        if org_id is None:
            report.unknown.extend(resolution.remote)
        else:
            outgoing = remote or stored
            report.queued += await queue_remote(
                session, runtime, outgoing.blob, outgoing.parsed.message_id, envelope_from,
                list(resolution.remote), org_id=org_id, sender_account_id=sender_account_id,
                sent_message_id=sent_message_id, transactional=transactional,
                priority=priority,
            )
    return report


async def _deliver_now(
    session: AsyncSession, runtime: Runtime, stored: StoredRaw, resolution: Resolution,
    report: DeliveryReport, envelope_from: str, *, folder_role: str, when: datetime,
    sender_authenticated: bool,
) -> None:
    """The local copies stored in the caller's transaction, one by one."""
    accounts = await accounts_by_id(session, list(resolution.local))
    folders = await system_folders(
        session,
        [(a.id, a.org_id) for a in accounts.values() if a.status != "deleted"],
        folder_role,
    )
    for account_id, address in resolution.local.items():
        account = accounts.get(account_id)
        if account is None or account.status == "deleted":
            report.unknown.append(address)
            continue
        inbox = folders[account.id]
        role = folder_role
        if hooks.has_filers():
            role = await hooks.filed(hooks.Filing(
                session, runtime, account, folder_role, stored.parsed, envelope_from,
                sender_authenticated, stored.blob, stored.raw))
            if role != folder_role:
                inbox = (await system_folders(session, [(account.id, account.org_id)], role)
                         )[account.id]
        new = NewMessage(blob=stored.blob, parsed=stored.parsed, received_at=when)
        try:
            message = await store_message(
                session, runtime.blobs, account, inbox, new, event=RECEIVED
            )
        except QuotaExceeded:
            report.over_quota.append(address)
            continue
        report.delivered.append(Delivered(
            address, account.id, account.org_id, message.id, account.address,
            address if address in resolution.groups else None,
        ))
        await hooks.delivered(hooks.Arrival(session, runtime, account, role,
                                            stored.blob, stored.parsed, stored.raw,
                                            envelope_from))
