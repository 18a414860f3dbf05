"""Mail's background work: scheduled sends, and sweeps of expired uploads and links."""

from __future__ import annotations

import logging
from typing import Any

from sqlalchemy import select

from api.errors import AppError
from api.kit.clock import utcnow
from api.mail.mailbox import repository as mailboxes
from api.mail.mailbox.service import apply_changes, system_folder
from api.mail.messages import repository as message_rows
from api.mail.messages.service import delete_messages
from api.mail.sending.service import SCHEDULE_JOB, send_composed
from api.mail.uploads.service import purge_expired as purge_uploads
from api.runtime import Runtime
from api.storage.models import Account, MailLink
from api.worker.runner import PERIODIC, handler

log = logging.getLogger("mailplane.mail")


@handler(SCHEDULE_JOB)
async def send_scheduled(runtime: Runtime, payload: dict[str, Any]) -> None:
    """Send a message waiting in Outbox. Gone, moved or rescheduled: nothing to do. A send
    that can no longer succeed (recipient gone, quota) moves it to Drafts."""
    async with runtime.db.session() as session:
        # locked: a cancellation waits for this send, or this send sees the cancellation
        message = await message_rows.get_for_update(
            session, payload["account_id"], payload["message_id"]
        )
        if message is None or message.compose is None or message.send_at is None:
            return
        outbox = await mailboxes.folder_by_role(session, message.account_id, "outbox")
        if outbox is None or message.folder_id != outbox.id or message.send_at > utcnow():
            return
        account = await session.get(Account, message.account_id)
        if account is None:
            return
        try:
            async with session.begin_nested():
                await send_composed(session, runtime, account, message)
        except AppError as error:
            log.warning(
                "scheduled send failed",
                extra={"fields": {"message": message.id, "code": error.code}},
            )
            drafts = await system_folder(session, account.id, account.org_id, "drafts")
            message.send_at = None
            await apply_changes(
                session,
                account.id,
                account.org_id,
                [message],
                folder=drafts,
                flags={"draft": True},
                add_keywords=["$send_failed"],
            )
            return
        await delete_messages(session, runtime.blobs, account, [message], permanent=True)


async def purge_expired_links(runtime: Runtime) -> int:
    async with runtime.db.session() as session:
        rows = await session.execute(
            select(MailLink).where(MailLink.expires_at < utcnow()).limit(500)
        )
        doomed = list(rows.scalars().all())
        for link in doomed:
            await runtime.blobs.decref(session, link.blob_sha256)
            await session.delete(link)
        return len(doomed)


PERIODIC.extend([(600.0, purge_uploads), (3600.0, purge_expired_links)])
