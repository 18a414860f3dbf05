"""RFC 7636 PKCE: a random code verifier and its S256 challenge."""

from __future__ import annotations

import base64
import hashlib
import secrets


def code_verifier(nbytes: int = 48) -> str:
    """A random verifier of 43 to 128 URL-safe characters (64 for the default 48 bytes)."""
    verifier = secrets.token_urlsafe(nbytes)
    if not 43 <= len(verifier) <= 128:
        raise ValueError("nbytes must give a verifier of 43 to 128 characters")
    return verifier


def code_challenge(verifier: str) -> str:
    """BASE64URL(SHA256(verifier)) without padding (the S256 method)."""
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")
