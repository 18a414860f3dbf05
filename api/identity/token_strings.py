"""Token strings and their storage form: random, prefixed by kind, stored only as SHA-256."""

from __future__ import annotations

import hashlib
import secrets


def new_access_token() -> str:
    return "mpat_" + secrets.token_urlsafe(32)


def new_refresh_token() -> str:
    return "mprt_" + secrets.token_urlsafe(40)


def new_client_secret() -> str:
    return "mpcs_" + secrets.token_urlsafe(32)


def new_code() -> str:
    return secrets.token_urlsafe(32)


def digest(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()
