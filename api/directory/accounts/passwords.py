"""Password administration: the organisation's policy, admin resets and a person changing
their own password (throttled like sign-ins, since it checks the current password)."""

from __future__ import annotations

import secrets
import string

from sqlalchemy.ext.asyncio import AsyncSession

from api.directory.accounts import repository, throttle
from api.directory.accounts.credentials import (
    PolicyRules,
    change_password,
    load_policy,
    set_password,
)
from api.directory.errors import AccountDeleted
from api.errors import RateLimited, ValidationFailed
from api.events import emit
from api.i18n import Msg
from api.identity.audit import record
from api.identity.principal import Principal
from api.kit import merge_patch
from api.kit.clock import utcnow
from api.storage.models import Account, PasswordPolicy
from schemas import directory as schemas


def generated_password(policy: PolicyRules) -> str:
    """A random password that satisfies any policy: every character class, long enough."""
    alphabet = string.ascii_letters + string.digits + "-_.!@#%+="
    length = max(16, policy.min_length)
    while True:
        value = "".join(secrets.choice(alphabet) for _ in range(length))
        if (
            any(c.islower() for c in value)
            and any(c.isupper() for c in value)
            and any(c.isdigit() for c in value)
            and any(c in "-_.!@#%+=" for c in value)
        ):
            return value


def policy_schema(rules: PolicyRules) -> schemas.PasswordPolicy:
    return schemas.PasswordPolicy(
        min_length=rules.min_length,
        require_lowercase=rules.require_lowercase,
        require_uppercase=rules.require_uppercase,
        require_digit=rules.require_digit,
        require_symbol=rules.require_symbol,
        forbid_user_name=rules.forbid_user_name,
        mail_clients_allow_password=rules.mail_clients_allow_password,
    )


async def get_policy(session: AsyncSession, org_id: str) -> schemas.PasswordPolicy:
    return policy_schema(await load_policy(session, org_id))


async def update_policy(
    session: AsyncSession,
    org_id: str,
    data: schemas.PasswordPolicyUpdate,
    *,
    actor: Principal,
    ip: str | None,
) -> schemas.PasswordPolicy:
    values = merge_patch.changes(data)
    for key, value in values.items():
        if value is None:
            raise ValidationFailed(Msg("{key} cannot be null.", key=key), param=key)
    row = await session.get(PasswordPolicy, org_id)
    if row is None:
        defaults = PolicyRules()
        row = PasswordPolicy(
            org_id=org_id,
            min_length=defaults.min_length,
            require_lowercase=defaults.require_lowercase,
            require_uppercase=defaults.require_uppercase,
            require_digit=defaults.require_digit,
            require_symbol=defaults.require_symbol,
            forbid_user_name=defaults.forbid_user_name,
            mail_clients_allow_password=defaults.mail_clients_allow_password,
            version=1,
        )
        session.add(row)
    changed = merge_patch.apply(row, values)
    if changed:
        row.version += 1
        row.updated_at = utcnow()
        await record(
            session,
            org_id=org_id,
            action="password_policy.updated",
            actor=actor,
            ip=ip,
            target_type="password_policy",
            target_id=org_id,
            details={"changed": changed},
        )
        await emit(
            session, org_id, "directory.password_policy.updated", {"id": org_id, "changed": changed}
        )
    return policy_schema(PolicyRules.of(row))


async def reset_password(
    session: AsyncSession,
    account: Account,
    data: schemas.PasswordReset,
    *,
    actor: Principal,
    ip: str | None,
) -> str | None:
    """An administrator sets (or generates) a password; existing tokens are revoked."""
    if account.status == "deleted":

        raise AccountDeleted(
            "A deleted account cannot be changed; restore it first."
        )
    generated = None
    password = data.password
    if password is None:
        password = generated = generated_password(await load_policy(session, account.org_id))
    await set_password(session, account, password, must_change=data.must_change_password)
    await throttle.record_success(session, account.address)
    revoked = await repository.revoke_tokens(session, account.org_id, account.id)
    await record(
        session,
        org_id=account.org_id,
        action="account.password_reset",
        actor=actor,
        ip=ip,
        target_type="account",
        target_id=account.id,
        details={"tokens_revoked": revoked},
    )
    await emit(
        session,
        account.org_id,
        "directory.account.updated",
        {
            "id": account.id,
            "account_id": account.id,
            "address": account.address,
            "changed": ["password"],
        },
    )
    return generated


async def change_own_password(
    session: AsyncSession, account: Account, data: schemas.PasswordChange, *, ip: str | None
) -> None:
    """The person themselves, proving the current password; wrong guesses count as failed
    sign-ins and are throttled the same way."""
    locked = await throttle.locked_until(session, account.address, ip)
    if locked is not None:
        wait = max(1, int((locked - utcnow()).total_seconds()))
        raise RateLimited(
            Msg("Too many wrong passwords; retry in {seconds} s.", seconds=wait),
            headers={"Retry-After": str(wait)},
        )
    try:
        await change_password(account, data.current_password, data.new_password)
    except ValidationFailed as error:
        if error.param == "current_password":
            await throttle.record_failure(session, account.address, ip)
        raise
    await record(
        session,
        org_id=account.org_id,
        action="account.password_changed",
        actor_type="account",
        actor_id=account.id,
        ip=ip,
        target_type="account",
        target_id=account.id,
    )
    await emit(
        session,
        account.org_id,
        "directory.account.updated",
        {
            "id": account.id,
            "account_id": account.id,
            "address": account.address,
            "changed": ["password"],
        },
    )
