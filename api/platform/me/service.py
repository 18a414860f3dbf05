"""Describe the calling principal (from what authentication already read: no queries), and
let a person change their own profile through the directory's account service."""

from __future__ import annotations

import dataclasses

from sqlalchemy.ext.asyncio import AsyncSession

from api.directory import account_locale, account_zone
from api.directory import accounts_service as accounts
from api.errors import Forbidden
from api.identity.principal import Principal
from api.storage.models import Account
from schemas.platform import Me, MeUpdate


def describe(principal: Principal) -> Me:
    return Me(
        kind=principal.kind,  # type: ignore[arg-type]
        org_id=principal.org_id,
        org_name=principal.org_name,
        scopes=sorted(principal.scopes),
        app_id=principal.app_id,
        app_name=principal.app_name,
        account_id=principal.account_id,
        address=principal.address,
        display_name=principal.display_name,
        role=principal.role if principal.account_id else None,
        time_zone=principal.time_zone,
        locale=principal.locale if principal.account_id else None,
    )


async def own_account(session: AsyncSession, principal: Principal) -> Account:
    """The caller's own account: only a token acting for a person has one."""
    if principal.account_id is None:
        raise Forbidden(
            "Only a token acting for a person can change that person's profile.", param="me"
        )
    return await accounts.get_account(session, principal.org_id, principal.account_id)


async def change_profile(
    session: AsyncSession, principal: Principal, account: Account, data: MeUpdate, *,
    ip: str | None,
) -> Me:
    """Apply the person's merge patch with the same service (checks, audit entry and
    `directory.account.updated` event) as an administrator's change; answer the new `Me`."""
    await accounts.update_account(
        session, account, data.model_dump(exclude_unset=True), actor=principal, ip=ip
    )
    return describe(
        dataclasses.replace(
            principal,
            display_name=account.display_name,
            time_zone=await account_zone(session, account),
            locale=await account_locale(session, account),
        )
    )
