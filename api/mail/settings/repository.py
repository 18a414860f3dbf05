"""Mail settings rows and the auto-reply log (all SQL of mail settings lives here)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from api.kit.clock import utcnow
from api.storage.models import MailAutoReplyLog, MailSettings, Organization


def _insert(session: AsyncSession) -> Any:
    """The dialect's INSERT (it has ON CONFLICT on both engines)."""
    return sqlite.insert if session.get_bind().dialect.name == "sqlite" else postgresql.insert


async def get(session: AsyncSession, account_id: str) -> MailSettings | None:
    return await session.get(MailSettings, account_id)


async def lock_or_create(session: AsyncSession, account_id: str, org_id: str) -> MailSettings:
    """The account's settings row, locked until commit; made first (version 0: the
    defaults) when there is none. ON CONFLICT DO NOTHING: a concurrent first change waits
    for the other and then changes the row it made, instead of failing on the key."""
    await session.execute(
        _insert(session)(MailSettings)
        .values(account_id=account_id, org_id=org_id, signature="", auto_reply={},
                forwarding={}, version=0, updated_at=utcnow())
        .on_conflict_do_nothing(index_elements=["account_id"])
    )
    row = await session.scalar(
        select(MailSettings).where(MailSettings.account_id == account_id)
        .with_for_update().execution_options(populate_existing=True)
    )
    assert row is not None
    return row


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
    """Record (or move on) when the account last replied to `sender`, in one upsert: two
    deliveries from one sender at once no longer both insert the same key."""
    stmt = _insert(session)(MailAutoReplyLog).values(
        account_id=account_id, sender=sender, replied_at=when
    )
    await session.execute(stmt.on_conflict_do_update(
        index_elements=["account_id", "sender"], set_={"replied_at": stmt.excluded.replied_at}
    ))
    row = session.identity_map.get(session.identity_key(MailAutoReplyLog, (account_id, sender)))
    if row is not None:
        await session.refresh(row)


async def forget_replies(session: AsyncSession, account_id: str) -> None:
    """A new auto-reply starts afresh: everyone hears it once again."""
    await session.execute(delete(MailAutoReplyLog).where(MailAutoReplyLog.account_id == account_id))
