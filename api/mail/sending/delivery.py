"""The one delivery function, used by API sends and by the SMTP edge.

Local recipients (accounts of any organisation hosted here, aliases and groups expanded by
the directory's `resolve_recipients`) get the message in their inbox in the caller's
transaction; remote recipients become rows of the outbound queue, which the SMTP edge
drains. The raw bytes are stored once, whatever the number of recipients.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from api.directory.recipients import Resolution, resolve_recipients
from api.kit.clock import utcnow
from api.kit.ids import new_id
from api.mail.errors import QuotaExceeded
from api.mail.mailbox.service import NewMessage, store_message, system_folder
from api.mail.mime import ParsedMessage, parse_message
from api.runtime import Runtime
from api.storage.blobs import BlobRef
from api.storage.models import Account, MailOutbound

if TYPE_CHECKING:
    from api.mail.sending.pending import PendingStores

RECEIVED = "mail.message.received"  # the event of a message delivered into a mailbox


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
    """Raw bytes already in the blob store, with what was parsed from them."""

    blob: BlobRef
    parsed: ParsedMessage


@dataclass
class Delivered:
    address: str  # as addressed: the account's address, an alias, or a group's address
    account_id: str
    org_id: str
    message_id: str
    mailbox: str = ""  # the account's own address
    group: str | None = None  # the group address this copy was expanded from


@dataclass
class DeliveryReport:
    delivered: list[Delivered] = field(default_factory=list)
    queued: list[str] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)
    over_quota: list[str] = field(default_factory=list)


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
) -> DeliveryReport:
    """Store `raw_bytes` once and deliver them to every recipient (SMTP and API alike).

    `org_id` is the sending organisation, required when there are remote recipients
    (authenticated submission); inbound mail from the internet passes None and only local
    recipients are accepted.
    """
    blob = await write_bytes(runtime, raw_bytes)
    return await deliver_stored(
        session,
        runtime,
        StoredRaw(blob, parse_message(raw_bytes)),
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
) -> DeliveryReport:
    """Deliver bytes already stored; `remote` is another rendering for remote recipients
    (huge attachments replaced by links). Local copies go to the `folder_role` system
    folder (the SMTP edge files spam under "junk"). With `later`, the local copies are
    gathered there and stored when it is flushed (the report's message ids are filled in,
    and quota refusals moved to `over_quota`, then). `resolution`: the recipients as the
    caller resolved them a moment ago (the MX at RCPT time); accounts are still re-read here,
    so one deleted since is refused."""
    report = DeliveryReport()
    if resolution is None:
        resolution = await resolve_recipients(session, recipients, sender=envelope_from or None)
    report.unknown = list(resolution.unknown)
    when = received_at or utcnow()
    known = session.info.setdefault("mail_accounts", {})
    missing = [i for i in resolution.local if i not in known or known[i] not in session]
    if missing:
        rows = await session.execute(select(Account).where(Account.id.in_(missing)))
        known.update({a.id: a for a in rows.scalars().all()})
    accounts: dict[str, Account] = {i: known[i] for i in resolution.local if i in known}
    for account_id, address in resolution.local.items():
        account = accounts.get(account_id)
        if account is None or account.status == "deleted":
            report.unknown.append(address)
            continue
        inbox = await system_folder(session, account.id, account.org_id, folder_role)
        new = NewMessage(blob=stored.blob, parsed=stored.parsed, received_at=when)
        if later is not None:
            delivered = Delivered(
                address, account.id, account.org_id, "", account.address,
                address if address in resolution.groups else None,
            )
            report.delivered.append(delivered)
            later.add(account, inbox, new, report, delivered)
        else:
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
        if folder_role == "inbox" and any(a.get("calendar") for a in stored.parsed.attachments):
            await _apply_invitation(session, runtime, account, stored)
    if resolution.remote:
        if org_id is None:
            report.unknown.extend(resolution.remote)
        else:
            outgoing = remote or stored
            for address in resolution.remote:
                session.add(
                    MailOutbound(
                        id=new_id("out"),
                        org_id=org_id,
                        account_id=sender_account_id,
                        message_id=sent_message_id,
                        message_id_header=outgoing.parsed.message_id,
                        blob_sha256=outgoing.blob.sha256,
                        size=outgoing.blob.size,
                        envelope_from=envelope_from,
                        recipient=address,
                        status="queued",
                        priority=priority,
                        transactional=transactional,
                        attempts=0,
                        next_attempt_at=utcnow(),
                        created_at=utcnow(),
                        updated_at=utcnow(),
                    )
                )
                await runtime.blobs.incref(session, outgoing.blob)
                report.queued.append(address)
    return report


async def _apply_invitation(
    session: AsyncSession, runtime: Runtime, account: Account, stored: StoredRaw
) -> None:
    """iMIP (RFC 6047): an invitation, reply or cancellation arriving by mail updates the
    recipient's calendar in the same transaction. A broken calendar part never stops the
    mail itself (the calendar code skips what it cannot read)."""
    from api.calendar.invitations.inbound import process_message

    try:
        async with session.begin_nested():
            raw = await runtime.blobs.read_all(stored.blob.sha256)
            await process_message(session, account, raw)
    except Exception:  # the mail is delivered whatever the calendar part holds
        logging.getLogger("mailplane.mail").exception(
            "calendar part not applied", extra={"fields": {"account": account.id}}
        )
