"""Source passwords at rest: Fernet tokens (AES-128-CBC + HMAC-SHA256) under a key derived
with HKDF from the server secret, so a database dump alone reveals nothing. They are
wiped (set to NULL) as soon as an account's migration ends, however it ends."""

from __future__ import annotations

from api.config import Settings
from api.kit import sealing

# The salt and purpose of the first release: passwords sealed then still open.
_SALT = b"mailplane/directory/migration"
_PURPOSE = "source-credentials v1"


class CredentialsUnavailable(Exception):
    """The sealed password cannot be opened (wiped, or the server secret changed)."""


def seal(settings: Settings, password: str) -> str:
    token = sealing.seal(settings.signing_key(), _PURPOSE, password.encode(), salt=_SALT)
    return token.decode("ascii")


def unseal(settings: Settings, token: str | None) -> str:
    if not token:
        raise CredentialsUnavailable("The source password was wiped; start a new migration.")
    try:
        opened = sealing.unseal(
            settings.signing_key(), _PURPOSE, token.encode("ascii"), salt=_SALT
        )
        return opened.decode()
    except (sealing.Unsealable, ValueError, UnicodeError):
        raise CredentialsUnavailable(
            "The source password cannot be decrypted (was the server secret changed?)."
        ) from None
