"""Source passwords at rest: Fernet tokens (AES-128-CBC + HMAC-SHA256) under a key derived
with HKDF from the server secret, so a database dump alone reveals nothing. They are
wiped (set to NULL) as soon as an account's migration ends, however it ends."""

from __future__ import annotations

import base64
from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from api.config import Settings

_SALT = b"mailplane/directory/migration"
_INFO = b"source-credentials v1"


class CredentialsUnavailable(Exception):
    """The sealed password cannot be opened (wiped, or the server secret changed)."""


@lru_cache(maxsize=8)
def _fernet(secret: str) -> Fernet:
    key = HKDF(algorithm=hashes.SHA256(), length=32, salt=_SALT, info=_INFO).derive(secret.encode())
    return Fernet(base64.urlsafe_b64encode(key))


def seal(settings: Settings, password: str) -> str:
    return _fernet(settings.signing_key()).encrypt(password.encode()).decode("ascii")


def unseal(settings: Settings, token: str | None) -> str:
    if not token:
        raise CredentialsUnavailable("The source password was wiped; start a new migration.")
    try:
        return _fernet(settings.signing_key()).decrypt(token.encode("ascii")).decode()
    except (InvalidToken, ValueError, UnicodeDecodeError):
        raise CredentialsUnavailable(
            "The source password cannot be decrypted (was the server secret changed?)."
        ) from None
