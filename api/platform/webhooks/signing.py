"""Standard Webhooks signatures: `whsec_` secrets, HMAC-SHA256 over `id.timestamp.body`.

webhook-id: dlv_…            stable across retries of one delivery
webhook-timestamp: 1714000000
webhook-signature: v1,<base64> [v1,<base64> …]   one per active secret
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
from collections.abc import Mapping, Sequence

SECRET_PREFIX = "whsec_"
TOLERANCE_SECONDS = 5 * 60


class SignatureError(ValueError):
    """The signature is missing, malformed, stale or wrong."""


def new_secret() -> str:
    return SECRET_PREFIX + base64.b64encode(os.urandom(32)).decode()


def secret_key(secret: str) -> bytes:
    try:
        return base64.b64decode(secret.removeprefix(SECRET_PREFIX), validate=True)
    except ValueError as exc:
        raise SignatureError("The secret is not a whsec_ secret.") from exc


def signature(key: bytes, msg_id: str, timestamp: int, body: bytes) -> str:
    mac = hmac.new(key, f"{msg_id}.{timestamp}.".encode() + body, hashlib.sha256).digest()
    return "v1," + base64.b64encode(mac).decode()


def sign(keys: Sequence[bytes], msg_id: str, timestamp: int, body: bytes) -> str:
    """The `webhook-signature` header value: one `v1,` signature per key, space-separated."""
    return " ".join(signature(k, msg_id, timestamp, body) for k in keys)


def headers(keys: Sequence[bytes], msg_id: str, timestamp: int, body: bytes) -> dict[str, str]:
    return {
        "webhook-id": msg_id,
        "webhook-timestamp": str(timestamp),
        "webhook-signature": sign(keys, msg_id, timestamp, body),
        "content-type": "application/json",
    }


def verify(body: bytes, headers: Mapping[str, str], secret: str, *, now: int) -> None:
    """Raise SignatureError unless one `v1` signature matches and the timestamp is fresh."""
    lower = {k.lower(): v for k, v in headers.items()}
    msg_id = lower.get("webhook-id")
    ts = lower.get("webhook-timestamp")
    sigs = lower.get("webhook-signature")
    if not msg_id or not ts or not sigs:
        raise SignatureError("Missing webhook-id, webhook-timestamp or webhook-signature.")
    try:
        timestamp = int(ts)
    except ValueError as exc:
        raise SignatureError("Bad webhook-timestamp.") from exc
    if abs(now - timestamp) > TOLERANCE_SECONDS:
        raise SignatureError("The webhook-timestamp is too old or in the future.")
    expected = signature(secret_key(secret), msg_id, timestamp, body)
    for candidate in sigs.split():
        if hmac.compare_digest(candidate.encode(), expected.encode()):
            return
    raise SignatureError("No matching signature.")
