"""Describe the calling principal (from what authentication already read: no queries)."""

from __future__ import annotations

from api.identity.principal import Principal
from schemas.platform import Me


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
    )
