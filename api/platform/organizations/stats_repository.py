"""SQL for the organisation's totals: accounts, mailbox storage, domains, and mail volume
counted in the event log (one aggregate query each)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import and_, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from api.storage.models import Account, Domain, Event, Mailbox

_MAIL_EVENTS = ("mail.message.received", "mail.message.sent", "mail.message.bounced")


async def account_totals(session: AsyncSession, org_id: str) -> dict[str, int]:
    live = Account.status != "deleted"
    row = (await session.execute(
        select(
            func.count().filter(live),
            func.count().filter(Account.status == "active"),
            func.count().filter(Account.status == "frozen"),
            func.count().filter(Account.status == "deleted"),
            func.count().filter(live, Account.role.in_(("admin", "operator"))),
            func.count().filter(live, Account.must_change_password.is_(True)),
            func.count().filter(live, Account.quota_bytes.is_(None)),
            func.coalesce(func.sum(Account.quota_bytes).filter(live), 0),
        ).where(Account.org_id == org_id)
    )).one()
    keys = ("total", "active", "frozen", "deleted", "admins", "must_change_password",
            "unlimited_accounts", "quota_bytes")
    return {k: int(v or 0) for k, v in zip(keys, row, strict=True)}


async def storage_totals(session: AsyncSession, org_id: str) -> dict[str, int]:
    used, count = (await session.execute(
        select(func.coalesce(func.sum(Mailbox.used_bytes), 0),
               func.coalesce(func.sum(Mailbox.message_count), 0)).where(Mailbox.org_id == org_id)
    )).one()
    near = await session.scalar(
        select(func.count()).select_from(Mailbox).join(
            Account, and_(Account.id == Mailbox.account_id, Account.org_id == org_id)
        ).where(
            Mailbox.org_id == org_id, Account.status != "deleted",
            Account.quota_bytes.is_not(None), Account.quota_bytes > 0,
            Mailbox.used_bytes * 10 >= Account.quota_bytes * 9,
        )
    )
    return {"used_bytes": int(used), "message_count": int(count), "near": int(near or 0)}


async def domain_totals(session: AsyncSession, org_id: str) -> dict[str, int]:
    rows = (await session.execute(
        select(Domain.status, func.count()).where(Domain.org_id == org_id).group_by(Domain.status)
    )).all()
    return {str(status): int(n) for status, n in rows}


async def mail_volume(session: AsyncSession, org_id: str, since: datetime) -> dict[str, int]:
    rows = (await session.execute(
        select(Event.type, func.count()).where(
            Event.org_id == org_id, Event.type.in_(_MAIL_EVENTS), Event.occurred_at >= since
        ).group_by(Event.type)
    )).all()
    return {str(t): int(n) for t, n in rows}
