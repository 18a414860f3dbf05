"""Mail the directory asks to be sent (today: the activation link) without importing mail:
mail sits above directory, so the top layer's wiring registers the sender here."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from api.runtime import Runtime
from api.storage.models import Account

ActivationMailer = Callable[[AsyncSession, Runtime, Account, str, datetime], Awaitable[str]]

_mailer: ActivationMailer | None = None


def register_activation_mailer(mailer: ActivationMailer) -> None:
    """Called once by `api.wiring.wire()` with mail's sender."""
    global _mailer
    _mailer = mailer


async def send_activation_mail(
    session: AsyncSession, runtime: Runtime, account: Account, url: str, expires_at: datetime
) -> str:
    """Mail the set-password link to the account's recovery address; returns that address."""
    if _mailer is None:
        raise RuntimeError("no activation mailer registered: call api.wiring.wire() at start")
    return await _mailer(session, runtime, account, url, expires_at)
