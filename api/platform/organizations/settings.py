"""The caller's own organisation: name, default language and time zone, and the private
networks its mailbox migrations may reach (every change audited, with an event)."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from api.errors import NotFound, ValidationFailed
from api.events import emit
from api.i18n import _
from api.identity.principal import Principal
from api.kit import merge_patch
from api.platform.audit import record
from api.storage.models import Organization
from schemas.platform import OrganizationSettings, OrganizationSettingsUpdate

NON_NULL = ("name", "locale", "time_zone", "migration_private_networks", "mail_forwarding")


def settings_schema(org: Organization) -> OrganizationSettings:
    return OrganizationSettings(
        id=org.id,
        name=org.name,
        locale=org.locale if org.locale in ("zh-CN", "en") else "en",  # type: ignore[arg-type]
        time_zone=org.time_zone or "UTC",
        migration_private_networks=list(org.migration_private_networks or []),
        mail_forwarding=org.mail_forwarding or "internal",
        created_at=org.created_at,
    )


async def load_organization(session: AsyncSession, org_id: str) -> Organization:
    org = await session.get(Organization, org_id)
    if org is None:
        raise NotFound(_("No such organisation."))
    return org


async def get_settings(session: AsyncSession, org_id: str) -> OrganizationSettings:
    return settings_schema(await load_organization(session, org_id))


async def update_settings(
    session: AsyncSession,
    principal: Principal,
    data: OrganizationSettingsUpdate,
    *,
    ip: str | None,
) -> OrganizationSettings:
    """Apply a merge patch; the audit entry keeps the network list before and after."""
    values = merge_patch.changes(data)
    for key in NON_NULL:
        if key in values and values[key] is None:
            raise ValidationFailed(_("{field} cannot be null.", field=key), param=key)
    org = await load_organization(session, principal.org_id)
    if "migration_private_networks" in values:
        values["migration_private_networks"] = list(
            dict.fromkeys(values["migration_private_networks"])
        )
    before = list(org.migration_private_networks or [])
    changed = merge_patch.apply(org, values)
    if changed:
        org.version = (org.version or 1) + 1
        details: dict[str, object] = {"changed": changed}
        if "migration_private_networks" in changed:
            details["migration_private_networks"] = {
                "before": before, "after": list(org.migration_private_networks or []),
            }
        await record(
            session, org_id=org.id, action="organization.updated", actor=principal, ip=ip,
            target_type="organization", target_id=org.id, details=details,
        )
        await emit(session, org.id, "directory.organization.updated", {"id": org.id, **details})
    return settings_schema(org)
