"""Mail settings rows and the auto-reply log (all SQL of mail settings lives here)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from api.storage.models import MailAutoReplyLog, MailSettings, Organization


async def get(session: AsyncSession, account_id: str) -> MailSettings | None:
    return await session.get(MailSettings, account_id)


async def forwarding_policy(session: AsyncSession, org_id: str) -> str:
    value = await session.scalar(
        select(Organization.mail_forwarding).where(Organization.id == org_id)
    )
    return value or "internal"


async def last_reply(session: AsyncSession, account_id: str, sender: str) -> datetime | None:
    return await session.scalar(
        select(MailAutoReplyLog.replied_at).where(
            MailAutoReplyLog.account_id == account_id, MailAutoReplyLog.sender == sender
        )
    )


async def note_reply(session: AsyncSession, account_id: str, sender: str, when: datetime) -> None:
    row = await session.get(MailAutoReplyLog, (account_id, sender))
    if row is None:
        session.add(MailAutoReplyLog(account_id=account_id, sender=sender, replied_at=when))
    else:
        row.replied_at = when
    await session.flush()


async def forget_replies(session: AsyncSession, account_id: str) -> None:
    """A new auto-reply starts afresh: everyone hears it once again."""
    await session.execute(delete(MailAutoReplyLog).where(MailAutoReplyLog.account_id == account_id))
