"""Failed client authentication at `/oauth/token`, `/oauth/revoke` and `/oauth/introspect`
slows the next attempts down, per client id and per source address, with the sign-in
throttle's rule (a few free failures, then a lockout doubling up to 15 minutes). A locked
client or address gets 429 before its credentials are even checked, so guessing a
client secret costs as much as guessing a password.
"""

from __future__ import annotations

import base64
import binascii
import math
from urllib.parse import unquote

from sqlalchemy.ext.asyncio import AsyncSession

from api.directory import throttle
from api.kit.clock import utcnow


def presented_client_id(authorization: str | None, form: dict[str, str]) -> str | None:
    """The client id the caller claims: HTTP Basic's user (RFC 6749 §2.3.1) or `client_id`."""
    if authorization and authorization[:6].lower() == "basic ":
        try:
            user = base64.b64decode(authorization[6:].strip(), validate=True).decode("utf-8")
        except (binascii.Error, UnicodeDecodeError):
            return None
        return unquote(user.partition(":")[0])[:200] or None
    client_id = form.get("client_id")
    return client_id[:200] if client_id else None


async def retry_after(session: AsyncSession, client_id: str | None, ip: str | None) -> int | None:
    """Seconds until this client or address may try again, or None when it may now."""
    until = await throttle.locked_until_keys(session, throttle.client_keys(client_id or "", ip))
    if until is None:
        return None
    return max(1, math.ceil((until - utcnow()).total_seconds()))


async def record(session: AsyncSession, client_id: str | None, ip: str | None, status: int) -> None:
    """Count a 401 (client authentication failed); a success clears the client's count."""
    keys = throttle.client_keys(client_id or "", ip)
    if status == 401:
        await throttle.record_failure_keys(session, keys)
    elif status < 400 and client_id:
        await throttle.forget(session, keys[0][0])
