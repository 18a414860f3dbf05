"""Putting messages on the outbound queue: one row per remote recipient, the bytes shared
(one blob reference each). The queue worker (`queue.py`, `worker.py`) claims them."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from api.kit.clock import utcnow
from api.kit.ids import new_id
from api.runtime import Runtime
from api.storage.blobs import BlobRef
from api.storage.models import MailOutbound


async def queue_remote(
    session: AsyncSession,
    runtime: Runtime,
    blob: BlobRef,
    message_id_header: str,
    envelope_from: str,
    recipients: list[str],
    *,
    org_id: str,
    sender_account_id: str | None = None,
    sent_message_id: str | None = None,
    transactional: bool = False,
    priority: int = 0,
) -> list[str]:
    """Queue `blob` for each remote recipient in the caller's transaction; returns them."""
    now = utcnow()
    session.add_all([
        MailOutbound(
            id=new_id("out"),
            org_id=org_id,
            account_id=sender_account_id,
            message_id=sent_message_id,
            message_id_header=message_id_header,
            blob_sha256=blob.sha256,
            size=blob.size,
            envelope_from=envelope_from,
            recipient=address,
            status="queued",
            priority=priority,
            transactional=transactional,
            attempts=0,
            next_attempt_at=now,
            created_at=now,
            updated_at=now,
        )
        for address in recipients
    ])
    if recipients:
        await runtime.blobs.incref_many(session, [blob] * len(recipients))
    return list(recipients)
