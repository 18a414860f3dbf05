"""Rules for app passwords: who may manage whose, at most `MAX_PER_ACCOUNT` per account,
the secret returned once and stored only as an argon2 hash, audit entries and events.

Who may manage an account's app passwords: an administrator or an app acting for the
organisation, with `directory:write` (`directory:read` to list), for any active or frozen
account of the organisation; and the person themselves, with a token acting for them that
holds `mail:send` (an app password sends mail as them over SMTP and syncs their calendars
and contacts over CalDAV/CardDAV; nothing else).

They are separate credentials: a password reset or change leaves them working (as Exmail's
client-specific passwords do); freezing or deleting the account stops them at once, and
revoking one ends it for good.
"""

from __future__ import annotations

from anyio import to_thread
from sqlalchemy.ext.asyncio import AsyncSession

from api.directory.accounts.lookup import resolve_account
from api.directory.app_passwords import repository
from api.directory.app_passwords.secret import display, generate
from api.directory.errors import AppPasswordLimit
from api.errors import InsufficientScope, NotFound
from api.events import emit
from api.i18n import _
from api.identity.audit import record
from api.identity.passwords import hash_password
from api.identity.principal import Principal
from api.kit.clock import utcnow
from api.kit.ids import new_id
from api.kit.pagination import PageParams
from api.storage.models import Account, AppPassword
from schemas import app_passwords as schemas

MAX_PER_ACCOUNT = 20
SELF_SCOPE = "mail:send"


async def target_account(
    session: AsyncSession, principal: Principal, ref: str, *, write: bool
) -> Account:
    """The account named by `ref` whose app passwords this caller may manage (or read);
    403 without a fitting scope, 404 for any account the caller may not reach."""
    admin_scope = "directory:write" if write else "directory:read"
    if principal.has(admin_scope) and (principal.kind == "app" or principal.is_admin):
        return await resolve_account(session, principal, ref, any_account=True)
    if principal.account_id is not None and principal.has(SELF_SCOPE):
        return await resolve_account(session, principal, ref)  # only the person themselves
    raise InsufficientScope([admin_scope] if principal.account_id is None else [SELF_SCOPE])


def to_schema(row: AppPassword) -> schemas.AppPassword:
    return schemas.AppPassword(
        id=row.id,
        account_id=row.account_id,
        name=row.name,
        created_at=row.created_at,
        last_used_at=row.last_used_at,
        last_used_ip=row.last_used_ip,
    )


async def list_app_passwords(
    session: AsyncSession, account: Account, params: PageParams
) -> tuple[list[AppPassword], str | None]:
    return await repository.page(session, account.org_id, account.id, params)


async def create_app_password(
    session: AsyncSession,
    account: Account,
    data: schemas.AppPasswordCreate,
    *,
    actor: Principal,
    ip: str | None,
) -> schemas.AppPasswordCreated:
    """Create one; the response is the only place its secret ever appears."""
    if await repository.count(session, account.id) >= MAX_PER_ACCOUNT:
        raise AppPasswordLimit(
            _(
                "An account has at most {MAX_PER_ACCOUNT} app passwords; revoke one first.",
                MAX_PER_ACCOUNT=MAX_PER_ACCOUNT,
            ),
        )
    secret = generate()
    # argon2 costs tens of milliseconds of CPU: hash in a thread, not on the event loop
    digest = await to_thread.run_sync(hash_password, secret)
    row = AppPassword(
        id=new_id("apw"),
        org_id=account.org_id,
        account_id=account.id,
        name=data.name,
        password_hash=digest,
        created_at=utcnow(),
        created_by_type=actor.actor_type,
        created_by_id=actor.actor_id,
    )
    session.add(row)
    await session.flush()
    await record(
        session,
        org_id=account.org_id,
        action="app_password.created",
        actor=actor,
        ip=ip,
        target_type="account",
        target_id=account.id,
        details={"app_password_id": row.id, "name": row.name},
    )
    await emit(
        session,
        account.org_id,
        "directory.app_password.created",
        {"id": row.id, "account_id": account.id, "name": row.name},
    )
    return schemas.AppPasswordCreated(**to_schema(row).model_dump(), password=display(secret))


async def revoke_app_password(
    session: AsyncSession,
    account: Account,
    app_password_id: str,
    *,
    actor: Principal,
    ip: str | None,
) -> None:
    """Revoke one: the next SMTP sign-in with it fails (sessions already signed in end at
    their next message, which re-checks the account)."""
    row = await repository.get(session, account.org_id, account.id, app_password_id)
    if row is None:
        raise NotFound(_(
            "No app password {app_password_id}.", app_password_id=app_password_id
        ), param="id")
    name = row.name
    await repository.remove(session, row.id)
    session.expunge(row)
    await record(
        session,
        org_id=account.org_id,
        action="app_password.revoked",
        actor=actor,
        ip=ip,
        target_type="account",
        target_id=account.id,
        details={"app_password_id": app_password_id, "name": name},
    )
    await emit(
        session,
        account.org_id,
        "directory.app_password.revoked",
        {"id": app_password_id, "account_id": account.id, "name": name},
    )


async def candidates_for(session: AsyncSession, account_id: str) -> list[tuple[str, str]]:
    """(id, argon2 hash) of the account's app passwords, for a protocol sign-in to check."""
    return await repository.hashes(session, account_id)


async def mark_used(
    session: AsyncSession, app_password_id: str, account_id: str, ip: str | None
) -> bool:
    """Record a successful sign-in; False when it was revoked meanwhile."""
    return await repository.touch(session, app_password_id, account_id, utcnow(), ip)
