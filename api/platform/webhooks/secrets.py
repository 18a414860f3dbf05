"""Endpoint signing secrets at rest: sealed with AES-GCM under a key derived from the server
secret and bound to their endpoint, so a copied row is useless elsewhere."""

from __future__ import annotations

import base64
import hashlib
import os

from cryptography.hazmat.primitives.ciphers.aead import AESGCM


def _key(server_secret: str) -> bytes:
    return hashlib.sha256(b"mailplane/webhook-secrets/v1\x00" + server_secret.encode()).digest()


def seal(server_secret: str, endpoint_id: str, secret: str) -> str:
    nonce = os.urandom(12)
    sealed = AESGCM(_key(server_secret)).encrypt(nonce, secret.encode(), endpoint_id.encode())
    return base64.b64encode(nonce + sealed).decode()


def unseal(server_secret: str, endpoint_id: str, sealed: str) -> str:
    raw = base64.b64decode(sealed)
    plain = AESGCM(_key(server_secret)).decrypt(raw[:12], raw[12:], endpoint_id.encode())
    return plain.decode()
