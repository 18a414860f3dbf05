"""DKIM keys: 2048-bit RSA per domain, selectors, and the `v=DKIM1` TXT value (RFC 6376)."""

from __future__ import annotations

import base64
import secrets
from datetime import datetime

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

KEY_BITS = 2048


def generate_key(bits: int = KEY_BITS) -> tuple[str, str]:
    """A new RSA key: (PKCS#1 PEM of the private key, base64 DER SubjectPublicKeyInfo)."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=bits)
    pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.TraditionalOpenSSL,
        serialization.NoEncryption(),
    ).decode("ascii")
    der = key.public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return pem, base64.b64encode(der).decode("ascii")


def new_selector(now: datetime) -> str:
    """`mp202611a3f9`: a year-month stamp plus randomness, so rotations never collide."""
    return f"mp{now:%Y%m}{secrets.token_hex(2)}"


def record_name(selector: str, domain: str) -> str:
    return f"{selector}._domainkey.{domain}"


def txt_value(public_key_b64: str) -> str:
    return f"v=DKIM1; k=rsa; p={public_key_b64}"


def parse_tags(value: str) -> dict[str, str]:
    """`v=DKIM1; k=rsa; p=...` -> {"v": "DKIM1", "k": "rsa", "p": "..."} (whitespace folded)."""
    tags: dict[str, str] = {}
    for part in value.split(";"):
        name, sep, tag_value = part.partition("=")
        if sep:
            tags[name.strip().lower()] = "".join(tag_value.split())
    return tags


def matches(found: str, public_key_b64: str) -> bool:
    """Whether a published TXT value carries exactly this public key."""
    tags = parse_tags(found)
    if tags.get("v", "DKIM1") != "DKIM1" or tags.get("k", "rsa").lower() != "rsa":
        return False
    return tags.get("p") == public_key_b64
