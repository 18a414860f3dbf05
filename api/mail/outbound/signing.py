"""DKIM signing of outgoing mail (RFC 6376, rsa-sha256, relaxed/relaxed) with the sending
domain's active key: the From domain when hosted here, else the envelope sender's.

dkimpy canonicalises and hashes; the RSA operation itself is OpenSSL's (through
`cryptography`), ten times faster than dkimpy's pure-Python arithmetic and byte for byte the
same signature (PKCS #1 v1.5 is deterministic; a test compares them)."""

from __future__ import annotations

import time
from functools import lru_cache
from typing import Any

import dkim
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.hazmat.primitives.asymmetric.utils import Prehashed
from sqlalchemy.ext.asyncio import AsyncSession

from api.directory import dkim_private_key
from api.mail.auth_results import from_domain
from api.mail.auth_results.dkim import signature_tags

SIGNED_HEADERS = [
    b"from", b"sender", b"reply-to", b"subject", b"date", b"message-id", b"to", b"cc",
    b"mime-version", b"content-type", b"content-transfer-encoding", b"in-reply-to",
    b"references", b"list-unsubscribe",
]
KEY_CACHE_SECONDS = 60.0


class KeyCache:
    """Signing keys by domain, re-read at most once a minute (rotation takes effect then)."""

    def __init__(self) -> None:
        self._keys: dict[str, tuple[float, tuple[str, str] | None]] = {}

    async def get(self, session: AsyncSession, domain: str) -> tuple[str, str] | None:
        hit = self._keys.get(domain)
        now = time.monotonic()
        if hit is not None and hit[0] > now:
            return hit[1]
        key = await dkim_private_key(session, domain)
        self._keys[domain] = (now + KEY_CACHE_SECONDS, key)
        return key


def signing_domains(raw: bytes, envelope_from: str) -> list[str]:
    """Domains to try, in order: the From domain, then the envelope sender's."""
    out = []
    for domain in (from_domain(raw), envelope_from.rsplit("@", 1)[-1].lower()
                   if "@" in envelope_from else ""):
        if domain and domain not in out:
            out.append(domain)
    return out


def is_signed_by(raw: bytes, domain: str) -> bool:
    return any(t.get("d", "").lower() == domain for t in signature_tags(raw))


def sign(raw: bytes, domain: str, selector: str, private_key_pem: str) -> bytes:
    """`raw` with a DKIM-Signature header prepended."""
    include = [h for h in SIGNED_HEADERS if _has_header(raw, h)]
    if b"from" not in include:
        include.insert(0, b"from")
    header = dkim.sign(
        raw, selector.encode(), domain.encode(), private_key_pem.encode(),
        canonicalize=(b"relaxed", b"relaxed"), include_headers=include, linesep=b"\r\n",
    )
    return header + raw


def _has_header(raw: bytes, name: bytes) -> bool:
    end = raw.find(b"\r\n\r\n")
    head = (raw if end == -1 else raw[:end]).lower()
    return head.startswith(name + b":") or (b"\n" + name + b":") in head


_PURE_PYTHON_SIGN = dkim.RSASSA_PKCS1_v1_5_sign
_DIGESTS: dict[int, Any] = {32: hashes.SHA256, 20: hashes.SHA1}


@lru_cache(maxsize=256)
def _openssl_key(modulus: int, public: int, private: int, p: int, q: int, dp: int, dq: int,
                 qinv: int) -> rsa.RSAPrivateKey:
    numbers = rsa.RSAPrivateNumbers(p, q, private, dp, dq, qinv,
                                    rsa.RSAPublicNumbers(public, modulus))
    return numbers.private_key()


def openssl_pkcs1v15_sign(digest: Any, private_key: dict[str, int]) -> bytes:
    """dkimpy's RSASSA-PKCS1-v1_5 signature of a hash object, computed by OpenSSL."""
    value = digest.digest()
    algorithm = _DIGESTS.get(len(value))
    if algorithm is None:
        return bytes(_PURE_PYTHON_SIGN(digest, private_key))
    key = _openssl_key(private_key["modulus"], private_key["publicExponent"],
                       private_key["privateExponent"], private_key["prime1"],
                       private_key["prime2"], private_key["exponent1"],
                       private_key["exponent2"], private_key["coefficient"])
    return key.sign(value, padding.PKCS1v15(), Prehashed(algorithm()))


dkim.RSASSA_PKCS1_v1_5_sign = openssl_pkcs1v15_sign
