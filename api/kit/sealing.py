"""Secrets at rest: Fernet tokens (AES-128-CBC + HMAC-SHA256) under a key derived with HKDF
from the server secret and a purpose, so a database dump alone reveals nothing and a token
sealed for one purpose cannot be opened as another."""

from __future__ import annotations

import base64
from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

_SALT = b"mailplane/sealing"


class Unsealable(Exception):
    """The token was not sealed with this server secret and purpose, or was tampered with."""


@lru_cache(maxsize=16)
def _fernet(secret: str, purpose: str, salt: bytes) -> Fernet:
    key = HKDF(
        algorithm=hashes.SHA256(), length=32, salt=salt, info=purpose.encode()
    ).derive(secret.encode())
    return Fernet(base64.urlsafe_b64encode(key))


def seal(secret: str, purpose: str, data: bytes, *, salt: bytes = _SALT) -> bytes:
    return _fernet(secret, purpose, salt).encrypt(data)


def unseal(secret: str, purpose: str, token: bytes, *, salt: bytes = _SALT) -> bytes:
    try:
        return _fernet(secret, purpose, salt).decrypt(token)
    except (InvalidToken, ValueError) as exc:
        raise Unsealable(str(exc) or "invalid token") from None
