"""argon2id password hashing at OWASP's parameters, with rehash-on-login for weaker hashes."""

from __future__ import annotations

import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

# OWASP Password Storage Cheat Sheet: argon2id, m=19 MiB, t=2, p=1 (minimum).
HASHER = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)

# A real hash of a random password: verifying against it costs the same as a real account,
# so a sign-in for an unknown address takes as long as one with a wrong password.
_DUMMY_HASH = HASHER.hash(secrets.token_urlsafe(16))


def hash_password(password: str) -> str:
    return HASHER.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    try:
        return HASHER.verify(password_hash or _DUMMY_HASH, password) and password_hash is not None
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    return HASHER.check_needs_rehash(password_hash)


def generate_password() -> str:
    return secrets.token_urlsafe(12)
