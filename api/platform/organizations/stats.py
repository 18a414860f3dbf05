"""The organisation's totals for the admin console's overview, computed when asked."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from api.kit.clock import utcnow
from api.platform.organizations import stats_repository as repo
from schemas.platform import (
    AccountTotals,
    DomainTotals,
    MailVolume,
    OrganizationStats,
    StorageTotals,
)


async def organization_stats(session: AsyncSession, org_id: str) -> OrganizationStats:
    now = utcnow()
    since = now - timedelta(hours=24)
    accounts = await repo.account_totals(session, org_id)
    storage = await repo.storage_totals(session, org_id)
    domains = await repo.domain_totals(session, org_id)
    mail = await repo.mail_volume(session, org_id, since)
    return OrganizationStats(
        accounts=AccountTotals(
            total=accounts["total"], active=accounts["active"], frozen=accounts["frozen"],
            deleted=accounts["deleted"], admins=accounts["admins"],
            must_change_password=accounts["must_change_password"],
        ),
        storage=StorageTotals(
            used_bytes=storage["used_bytes"], message_count=storage["message_count"],
            quota_bytes=accounts["quota_bytes"], unlimited_accounts=accounts["unlimited_accounts"],
            accounts_near_quota=storage["near"],
        ),
        domains=DomainTotals(
            total=sum(domains.values()), verified=domains.get("verified", 0),
            pending=domains.get("pending", 0), failing=domains.get("failing", 0),
        ),
        mail=MailVolume(
            since=since, received=mail.get("mail.message.received", 0),
            sent=mail.get("mail.message.sent", 0), bounced=mail.get("mail.message.bounced", 0),
        ),
        generated_at=now,
    )
