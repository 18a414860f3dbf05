"""Verify Mailplane webhooks (Standard Webhooks: `webhook-id`, `webhook-timestamp`,
`webhook-signature: v1,<base64 HMAC-SHA256 of id.timestamp.body>`).

    from mailplane_sdk import verify_webhook

    event = verify_webhook(request.body, request.headers, "whsec_…")  # raises if forged
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
from collections.abc import Mapping, Sequence
from typing import Any

TOLERANCE_SECONDS = 5 * 60


class WebhookVerificationError(Exception):
    """The payload is not a fresh, authentic Mailplane webhook."""


def _key(secret: str) -> bytes:
    try:
        return base64.b64decode(secret.removeprefix("whsec_"), validate=True)
    except ValueError as exc:
        raise WebhookVerificationError("The secret is not a whsec_ secret.") from exc


def verify_webhook(
    body: bytes | str,
    headers: Mapping[str, str],
    secret: str | Sequence[str],
    *,
    tolerance: int = TOLERANCE_SECONDS,
    now: float | None = None,
) -> dict[str, Any]:
    """Check the signature and timestamp; return the parsed event.

    `secret` may be a list while you rotate: any one of them matching is enough. Pass the
    body exactly as received (bytes), before any JSON parsing.
    """
    raw = body.encode() if isinstance(body, str) else bytes(body)
    lower = {k.lower(): v for k, v in headers.items()}
    msg_id = lower.get("webhook-id")
    timestamp = lower.get("webhook-timestamp")
    signatures = lower.get("webhook-signature")
    if not msg_id or not timestamp or not signatures:
        raise WebhookVerificationError(
            "Missing webhook-id, webhook-timestamp or webhook-signature."
        )
    try:
        ts = int(timestamp)
    except ValueError:
        raise WebhookVerificationError("Invalid webhook-timestamp.") from None
    current = time.time() if now is None else now
    if abs(current - ts) > tolerance:
        raise WebhookVerificationError("The webhook-timestamp is outside the tolerance.")
    signed = f"{msg_id}.{ts}.".encode() + raw
    secrets = [secret] if isinstance(secret, str) else list(secret)
    offered = [s.split(",", 1)[1] for s in signatures.split() if s.startswith("v1,")]
    for candidate in secrets:
        expected = base64.b64encode(hmac.new(_key(candidate), signed, hashlib.sha256).digest())
        if any(hmac.compare_digest(expected, o.encode()) for o in offered):
            try:
                parsed = json.loads(raw)
            except ValueError:
                raise WebhookVerificationError("The body is not JSON.") from None
            return parsed  # type: ignore[no-any-return]
    raise WebhookVerificationError("No signature matches.")
