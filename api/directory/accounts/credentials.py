"""Password sign-in, password policy and password changes for accounts.

`authenticate` is what the sign-in page calls: argon2id verification at the same cost for
unknown addresses, throttling per address and per IP (see `throttle`), re-hashing of
weaker hashes, and only active accounts get through (frozen and deleted ones never do).
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_object_session

from api.directory.accounts import throttle
from api.directory.errors import PasswordPolicyViolated
from api.errors import ValidationFailed
from api.i18n import Msg, _
from api.identity.passwords import hash_password, needs_rehash, verify_password
from api.kit.clock import utcnow
from api.storage.models import Account, PasswordPolicy

MIN_PASSWORD_LENGTH = 10


@dataclass(frozen=True)
class PolicyRules:
    min_length: int = MIN_PASSWORD_LENGTH
    require_lowercase: bool = False
    require_uppercase: bool = False
    require_digit: bool = False
    require_symbol: bool = False
    forbid_user_name: bool = True
    mail_clients_allow_password: bool = True

    @classmethod
    def of(cls, row: PasswordPolicy | None) -> PolicyRules:
        if row is None:
            return cls()
        return cls(
            row.min_length,
            row.require_lowercase,
            row.require_uppercase,
            row.require_digit,
            row.require_symbol,
            row.forbid_user_name,
            row.mail_clients_allow_password,
        )


DEFAULT_POLICY = PolicyRules()


@dataclass(frozen=True)
class SignIn:
    """The outcome of a sign-in attempt. `reason` is for logs and audit, never for the user."""

    account: Account | None
    reason: str  # ok | invalid | locked | inactive
    retry_after: datetime | None = None


async def load_policy(session: AsyncSession, org_id: str) -> PolicyRules:
    return PolicyRules.of(await session.get(PasswordPolicy, org_id))


async def sign_in(
    session: AsyncSession, address: str, password: str, *, ip: str | None = None
) -> SignIn:
    """Check a password sign-in and record its outcome for throttling (in the caller's
    transaction, which must commit even when the sign-in fails)."""
    locked = await throttle.locked_until(session, address, ip)
    if locked is not None:
        return SignIn(None, "locked", locked)
    account = await session.scalar(
        select(Account).where(func.lower(Account.address) == address.strip().lower())
    )
    ok = verify_password(account.password_hash if account else None, password)
    if not ok or account is None:
        await throttle.record_failure(session, address, ip)
        return SignIn(None, "invalid")
    await throttle.record_success(session, address)
    if account.status != "active":
        return SignIn(None, "inactive")
    if account.password_hash and needs_rehash(account.password_hash):
        account.password_hash = hash_password(password)
    return SignIn(account, "ok")


async def authenticate(
    session: AsyncSession, address: str, password: str, *, ip: str | None = None
) -> Account | None:
    """The active account with this address and password, or None (same cost either way;
    None too while the address or IP is locked out after repeated failures)."""
    return (await sign_in(session, address, password, ip=ip)).account


def check_policy(password: str, *, address: str = "", policy: PolicyRules = DEFAULT_POLICY) -> None:
    """Raise 422 (param `password`) naming the first rule `password` breaks."""

    def fail(message: str | Msg) -> None:
        raise PasswordPolicyViolated(message, param="password")

    if len(password) < policy.min_length:
        fail(_("Passwords need at least {n} characters.", n=policy.min_length))
    if policy.require_lowercase and not any(c.islower() for c in password):
        fail("Passwords need a lower-case letter.")
    if policy.require_uppercase and not any(c.isupper() for c in password):
        fail("Passwords need an upper-case letter.")
    if policy.require_digit and not any(c.isdigit() for c in password):
        fail("Passwords need a digit.")
    if policy.require_symbol and not any(c in string.punctuation or c.isspace() for c in password):
        fail("Passwords need a symbol.")
    if policy.forbid_user_name and address:
        user = address.lower().split("@")[0]
        if password.lower() == user or (len(user) >= 4 and user in password.lower()):
            fail("The password must not contain your user name.")


async def set_password(
    session: AsyncSession, account: Account, new: str, *, must_change: bool
) -> None:
    """Check `new` against the organisation's policy and store it."""
    check_policy(new, address=account.address, policy=await load_policy(session, account.org_id))
    account.password_hash = hash_password(new)
    account.must_change_password = must_change
    account.password_changed_at = utcnow()
    account.version += 1
    account.updated_at = utcnow()


async def change_password(account: Account, current: str, new: str) -> None:
    """A person changing their own password: the current one is required."""
    if not verify_password(account.password_hash, current):
        raise ValidationFailed("The current password is wrong.", param="current_password")
    if current == new:
        raise ValidationFailed(
            "Choose a password different from the current one.", param="password"
        )
    session = async_object_session(account)
    policy = await load_policy(session, account.org_id) if session is not None else DEFAULT_POLICY
    check_policy(new, address=account.address, policy=policy)
    account.password_hash = hash_password(new)
    account.must_change_password = False
    account.password_changed_at = utcnow()
    account.version += 1
    account.updated_at = utcnow()
