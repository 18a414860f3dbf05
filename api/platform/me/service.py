"""Describe the calling principal."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from api.platform.principal import Principal
from api.storage.models import Account, App, Organization
from schemas.platform import Me


async def describe(session: AsyncSession, principal: Principal) -> Me:
    org = await session.get(Organization, principal.org_id)
    app = await session.get(App, principal.app_id) if principal.app_id else None
    account = await session.get(Account, principal.account_id) if principal.account_id else None
    return Me(
        kind=principal.kind,  # type: ignore[arg-type]
        org_id=principal.org_id,
        org_name=org.name if org else "",
        scopes=sorted(principal.scopes),
        app_id=principal.app_id,
        app_name=app.name if app else None,
        account_id=principal.account_id,
        address=account.address if account else None,
        display_name=account.display_name if account else None,
        role=account.role if account else None,
    )
