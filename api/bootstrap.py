"""Create an organisation with its first domain, administrator and admin OAuth app."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from api.config import get_settings
from api.directory import ensure_signing_key
from api.errors import AlreadyExists, ValidationFailed
from api.events import emit
from api.i18n import _
from api.identity.audit import record
from api.identity.passwords import generate_password, hash_password
from api.identity.scopes import SCOPES
from api.kit.ids import new_id
from api.platform import apps_service
from api.platform.web import ensure_web_app
from api.storage.models import Account, App, Domain, Organization
from schemas.platform import AppCreate


@dataclass
class Bootstrapped:
    org: Organization
    domain: Domain
    admin: Account
    admin_password: str
    app: App
    client_secret: str


async def create_organization(
    session: AsyncSession, *, name: str, domain: str, admin: str, role: str = "admin",
    password: str | None = None,
) -> Bootstrapped:
    domain = domain.strip().lower()
    admin = admin.strip().lower()
    if "@" not in admin:
        admin = f"{admin}@{domain}"
    if not admin.endswith("@" + domain):
        raise ValidationFailed("The administrator's address must be in the domain.", param="admin")
    if await session.scalar(select(Domain.id).where(Domain.name == domain)):
        raise AlreadyExists(_(
            "The domain {domain} is already hosted here.", domain=domain
        ), param="domain")
    org = Organization(id=new_id("org"), name=name)
    dom = Domain(id=new_id("dom"), org_id=org.id, name=domain)
    password = password or generate_password()
    account = Account(
        id=new_id("acc"), org_id=org.id, domain_id=dom.id, address=admin,
        display_name="Administrator", password_hash=hash_password(password), role=role,
        must_change_password=True,
    )
    for row in (org, dom, account):  # no ORM relationships, so insert parents first
        session.add(row)
        await session.flush()
    await ensure_signing_key(session, org.id, dom.id)  # DKIM from the first message on
    app, secret = await apps_service.create_app(
        session, org.id,
        AppCreate(name="Admin console", client_type="confidential", scopes=sorted(SCOPES)),
        actor=None,
    )
    assert secret is not None
    await ensure_web_app(session, org.id, get_settings())  # the web console signs in as it
    await record(session, org_id=org.id, action="organization.created", actor_type="system",
                 target_type="organization", target_id=org.id, details={"domain": domain})
    await emit(session, org.id, "directory.account.created", {"account_id": account.id, "address": admin})
    return Bootstrapped(org, dom, account, password, app, secret)
