"""The verification challenge: before an endpoint is saved (or its URL changed) Mailplane
POSTs `{"type": "endpoint.verification", "challenge": "…"}`, signed like any delivery, and
expects the challenge back within 10 s, as the body or as `{"challenge": "…"}`."""

from __future__ import annotations

import json
import secrets
import time

import httpx

from api.config import Settings
from api.errors import ValidationFailed
from api.i18n import _
from api.kit.ids import new_id
from api.kit.ssrf import BlockedAddress, check_url, guarded_client
from api.platform.webhooks import signing

TIMEOUT = 10.0


class VerificationFailed(ValidationFailed):
    code, title = "verification_failed", "The endpoint did not answer the challenge"


def check_destination(settings: Settings, url: str) -> None:
    try:
        check_url(url, allow_private=settings.webhooks_allow_private)
    except BlockedAddress as exc:
        raise ValidationFailed(str(exc), param="url") from None


def _echoed(body: bytes, challenge: str) -> bool:
    text = body.decode("utf-8", "replace").strip()
    if text == challenge:
        return True
    try:
        parsed = json.loads(text)
    except ValueError:
        return False
    return isinstance(parsed, dict) and parsed.get("challenge") == challenge


async def challenge(settings: Settings, url: str, secret: str) -> None:
    """Raise VerificationFailed (422) unless the endpoint echoes a fresh challenge."""
    check_destination(settings, url)
    token = secrets.token_urlsafe(24)
    body = json.dumps({"type": "endpoint.verification", "challenge": token}).encode()
    headers = signing.headers([signing.secret_key(secret)], new_id("vrf"), int(time.time()), body)
    async with guarded_client(
        allow_private=settings.webhooks_allow_private, timeout=TIMEOUT, max_connections=1
    ) as client:
        try:
            resp = await client.post(url, content=body, headers=headers)
        except httpx.ConnectError as exc:
            reason = str(exc)
            if reason.startswith("blocked: "):
                raise ValidationFailed(reason.removeprefix("blocked: "), param="url") from None
            raise VerificationFailed(
                _("Could not connect to the endpoint: {reason}", reason=reason), param="url"
            ) from None
        except httpx.HTTPError as exc:
            raise VerificationFailed(
                _(
                    "The verification request failed: {error}", error=type(exc).__name__
                ), param="url"
            ) from None
    if not 200 <= resp.status_code < 300:
        raise VerificationFailed(
            _(
                "The endpoint answered the challenge with HTTP {status_code}.",
                status_code=resp.status_code,
            ), param="url"
        )
    if not _echoed(resp.content[:4096], token):
        raise VerificationFailed("The endpoint did not echo the challenge.", param="url")
