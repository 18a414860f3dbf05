"""Password sign-in and password changes for accounts."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from api.errors import ValidationFailed
from api.kit.clock import utcnow
from api.platform.passwords import hash_password, needs_rehash, verify_password
from api.storage.models import Account

MIN_PASSWORD_LENGTH = 10


async def authenticate(session: AsyncSession, address: str, password: str) -> Account | None:
    """The active account with this address and password, or None (same cost either way)."""
    account = await session.scalar(
        select(Account).where(func.lower(Account.address) == address.strip().lower())
    )
    ok = verify_password(account.password_hash if account else None, password)
    if not ok or account is None or account.status != "active":
        return None
    if account.password_hash and needs_rehash(account.password_hash):
        account.password_hash = hash_password(password)
    return account


def check_policy(password: str, *, address: str = "") -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValidationFailed(
            f"Passwords need at least {MIN_PASSWORD_LENGTH} characters.", param="password"
        )
    if address and password.lower() == address.lower().split("@")[0]:
        raise ValidationFailed("The password must not be your user name.", param="password")


async def change_password(account: Account, current: str, new: str) -> None:
    if not verify_password(account.password_hash, current):
        raise ValidationFailed("The current password is wrong.", param="current_password")
    if current == new:
        raise ValidationFailed("Choose a password different from the current one.", param="password")
    check_policy(new, address=account.address)
    account.password_hash = hash_password(new)
    account.must_change_password = False
    account.version += 1
    account.updated_at = utcnow()
