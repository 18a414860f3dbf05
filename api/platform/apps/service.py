"""Rules for OAuth apps: who may grant which scopes, secrets shown once, rotation with grace."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession

from api.errors import NotFound, ValidationFailed
from api.events import emit
from api.i18n import _
from api.identity.audit import record
from api.identity.principal import Principal
from api.identity.scopes import unknown_scopes
from api.identity.token_strings import digest, new_client_secret
from api.kit import merge_patch
from api.kit.clock import utcnow
from api.kit.ids import new_id
from api.kit.pagination import PageParams
from api.platform.apps import repository
from api.storage.models import App, AppSecret, Token
from schemas.platform import AppCreate, AppUpdate


def _check_scopes(actor: Principal | None, scopes: list[str]) -> list[str]:
    bad = unknown_scopes(scopes)
    if bad:
        raise ValidationFailed(_(
            "Unknown scope(s): {values}", values=' '.join(bad)
        ), param="scopes")
    if actor is not None and actor.kind == "app":
        # An app may hand out only what it holds itself: no escalation through app creation.
        beyond = [s for s in scopes if s not in actor.scopes]
        if beyond:
            raise ValidationFailed(
                _(
                    "You cannot grant scopes you do not hold: {values}", values=' '.join(beyond)
                ), param="scopes"
            )
    return sorted(set(scopes))


async def create_app(
    session: AsyncSession, org_id: str, data: AppCreate, *, actor: Principal | None, ip: str | None = None
) -> tuple[App, str | None]:
    scopes = _check_scopes(actor, data.scopes)
    if data.client_type == "public" and not data.redirect_uris:
        raise ValidationFailed("A public app needs at least one redirect URI.", param="redirect_uris")
    app = App(
        id=new_id("app"), org_id=org_id, name=data.name, client_type=data.client_type,
        redirect_uris=list(data.redirect_uris), scopes=scopes,
        created_by=actor.actor_id if actor else None,
    )
    session.add(app)
    await session.flush()
    secret = None
    if data.client_type == "confidential":
        secret = new_client_secret()
        session.add(AppSecret(id=new_id("sec"), app_id=app.id, secret_hash=digest(secret), hint=secret[-4:]))
    await record(session, org_id=org_id, action="app.created", actor=actor, ip=ip,
                 target_type="app", target_id=app.id, details={"name": app.name, "scopes": scopes})
    await emit(session, org_id, "platform.app.created", {"app_id": app.id, "name": app.name})
    return app, secret


async def get_app(session: AsyncSession, org_id: str, app_id: str) -> App:
    app = await repository.get(session, org_id, app_id)
    if app is None:
        raise NotFound(_("No app {app_id}.", app_id=app_id), param="app_id")
    return app


async def list_apps(session: AsyncSession, org_id: str, params: PageParams) -> tuple[list[App], str | None]:
    return await repository.page(session, org_id, params)


async def update_app(
    session: AsyncSession, org_id: str, app: App, data: AppUpdate, *, actor: Principal, ip: str | None
) -> App:
    values = merge_patch.changes(data)
    for key in ("name", "redirect_uris", "scopes", "disabled"):
        if key in values and values[key] is None:
            raise ValidationFailed(_("{key} cannot be null.", key=key), param=key)
    if "scopes" in values:
        values["scopes"] = _check_scopes(actor, values["scopes"])
    changed = merge_patch.apply(app, values)
    if not changed:
        return app
    app.version += 1
    app.updated_at = utcnow()
    if "scopes" in changed or values.get("disabled"):
        # Tokens carry the scopes they were granted; narrowing an app must bite at once.
        await _revoke_app_tokens(session, app.id)
    await record(session, org_id=org_id, action="app.updated", actor=actor, ip=ip,
                 target_type="app", target_id=app.id, details={"changed": changed})
    await emit(session, org_id, "platform.app.updated", {"app_id": app.id, "changed": changed})
    return app


async def delete_app(
    session: AsyncSession, org_id: str, app: App, *, actor: Principal, ip: str | None
) -> None:
    await _revoke_app_tokens(session, app.id)
    app.disabled = True
    await session.delete(app)
    await record(session, org_id=org_id, action="app.deleted", actor=actor, ip=ip,
                 target_type="app", target_id=app.id)
    await emit(session, org_id, "platform.app.deleted", {"app_id": app.id})


async def rotate_secret(
    session: AsyncSession, org_id: str, app: App, grace_seconds: int, *, actor: Principal | None,
    ip: str | None = None,
) -> tuple[str, object]:
    if app.client_type != "confidential":
        raise ValidationFailed("Public apps have no client secret.", param="app_id")
    now = utcnow()
    old_until = now + timedelta(seconds=grace_seconds)
    for old in await repository.secrets_of(session, app.id):
        if old.expires_at is None or old.expires_at > old_until:
            old.expires_at = old_until
    secret = new_client_secret()
    session.add(AppSecret(id=new_id("sec"), app_id=app.id, secret_hash=digest(secret), hint=secret[-4:]))
    app.version += 1
    app.updated_at = now
    await record(session, org_id=org_id, action="app.secret_rotated", actor=actor, ip=ip,
                 target_type="app", target_id=app.id, details={"grace_seconds": grace_seconds})
    await emit(session, org_id, "platform.app.secret_rotated", {"app_id": app.id})
    return secret, old_until


async def _revoke_app_tokens(session: AsyncSession, app_id: str) -> None:
    await session.execute(
        update(Token).where(Token.app_id == app_id, Token.revoked_at.is_(None)).values(revoked_at=utcnow())
    )
