"""How an app is used: its live tokens, the tokens issued recently, and its requests and
rate-limit state from the limiter's windows (the developer portal's app card)."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from api.identity.rate_limits import RateLimiter
from api.kit.clock import utcnow
from api.kit.pagination import PageParams
from api.platform.apps import service, usage_repository
from schemas.platform import AppToken, AppUsage


async def app_usage(
    session: AsyncSession, org_id: str, app_id: str, limiter: RateLimiter, limit: int
) -> AppUsage:
    app = await service.get_app(session, org_id, app_id)
    counts = await usage_repository.token_counts(session, app.id, utcnow())
    used = await limiter.usage(f"app:{app.id}")
    return AppUsage(
        app_id=app.id, active_tokens=counts["active"], active_refresh_tokens=counts["refresh"],
        tokens_issued_24h=counts["issued_24h"], last_token_at=counts["last"],
        requests_this_minute=used.this_window, requests_last_hour=used.last_hour,
        requests_last_day=used.last_day, rate_limit=limit,
        rate_limit_remaining=max(0, limit - used.this_window),
        rate_limit_reset_seconds=used.reset,
    )


async def app_tokens(
    session: AsyncSession, org_id: str, app_id: str, page: PageParams
) -> tuple[list[AppToken], str | None]:
    app = await service.get_app(session, org_id, app_id)
    rows, cursor = await usage_repository.tokens_page(session, app.id, page)
    names = await usage_repository.addresses(
        session, {r.account_id for r in rows if r.account_id}
    )
    now = utcnow()
    return [
        AppToken(
            id=r.id, grant_type=r.grant_type, account_id=r.account_id,
            address=names.get(r.account_id) if r.account_id else None, scope=r.scope,
            issued_at=r.issued_at, expires_at=r.expires_at, revoked=r.revoked_at is not None,
            active=r.revoked_at is None and r.expires_at > now,
        )
        for r in rows
    ], cursor
