"""Read and change an account's mail settings (merge patch, event `mail.settings.updated`).

The account row's `mail_responders` flag mirrors "an auto-reply or forwarding is on", so
the delivery core decides from the row it already holds whether to look further."""

from __future__ import annotations

from datetime import UTC
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from api.directory import resolve_recipients
from api.errors import ValidationFailed
from api.events import emit
from api.i18n import _
from api.kit.clock import utcnow
from api.mail.errors import ForwardingNotAllowed
from api.mail.settings import repository
from api.storage.models import Account, MailSettings
from schemas.mail_settings import AutoReply, Forwarding, MailSettingsUpdate
from schemas.mail_settings import MailSettings as MailSettingsView

DEFAULT_INTERVAL_DAYS = 7  # RFC 3834 §2 suggests about a week; Sieve vacation uses 7

AUTO_REPLY_DEFAULTS: dict[str, Any] = {
    "enabled": False,
    "subject": "",
    "text": "",
    "starts_at": None,
    "ends_at": None,
    "interval_days": DEFAULT_INTERVAL_DAYS,
}
FORWARDING_DEFAULTS: dict[str, Any] = {"enabled": False, "address": None}


def auto_reply_of(row: MailSettings | None) -> AutoReply:
    return AutoReply.model_validate({**AUTO_REPLY_DEFAULTS, **((row and row.auto_reply) or {})})


def forwarding_of(row: MailSettings | None) -> Forwarding:
    return Forwarding.model_validate({**FORWARDING_DEFAULTS, **((row and row.forwarding) or {})})


def view(account: Account, row: MailSettings | None, policy: str) -> MailSettingsView:
    return MailSettingsView(
        account_id=account.id,
        signature=row.signature if row else "",
        auto_reply=auto_reply_of(row),
        forwarding=forwarding_of(row),
        forwarding_policy=policy,
        updated_at=row.updated_at if row else None,
    )


async def get_settings(session: AsyncSession, account: Account) -> MailSettingsView:
    row = await repository.get(session, account.id)
    return view(account, row, await repository.forwarding_policy(session, account.org_id))


async def etag_version(session: AsyncSession, account: Account) -> int:
    row = await repository.get(session, account.id)
    return row.version if row else 0


async def _check_forwarding(
    session: AsyncSession, account: Account, forwarding: Forwarding, policy: str
) -> None:
    if not forwarding.enabled:
        return
    if not forwarding.address:
        raise ValidationFailed(
            _("Say where to forward to."), param="forwarding.address"
        )
    if forwarding.address == account.address.lower():
        raise ValidationFailed(
            _("Mail cannot be forwarded to the same mailbox."), param="forwarding.address"
        )
    if policy == "off":
        raise ForwardingNotAllowed(
            _("Your organisation does not allow forwarding."), param="forwarding.enabled"
        )
    if policy == "internal":
        resolution = await resolve_recipients(session, [forwarding.address], sender=account.address)
        if not resolution.local:
            raise ForwardingNotAllowed(
                _("Your organisation allows forwarding only to addresses it hosts."),
                param="forwarding.address",
            )


async def update_settings(
    session: AsyncSession, account: Account, patch: MailSettingsUpdate
) -> MailSettingsView:
    values = patch.model_dump(exclude_unset=True)
    for key in ("signature", "auto_reply", "forwarding"):
        if key in values and values[key] is None:
            raise ValidationFailed(_("{field} cannot be null.", field=key), param=key)
    # locked (made first, if this is the first change) before the patch is merged over it:
    # concurrent changes apply one after the other instead of failing on the key or losing
    # the other's fields
    row = await repository.lock_or_create(session, account.id, account.org_id)
    policy = await repository.forwarding_policy(session, account.org_id)
    auto = auto_reply_of(row).model_dump(mode="json")
    auto.update(patch.auto_reply.model_dump(mode="json", exclude_unset=True)
                if patch.auto_reply else {})
    for key in ("enabled", "subject", "text", "interval_days"):
        if auto.get(key) is None:
            auto[key] = AUTO_REPLY_DEFAULTS[key]
    new_auto = AutoReply.model_validate(auto)
    for key in ("starts_at", "ends_at"):  # stored and shown in UTC, like every time
        when = getattr(new_auto, key)
        if when is not None:
            setattr(new_auto, key, when.astimezone(UTC))
    if new_auto.starts_at and new_auto.ends_at and new_auto.ends_at <= new_auto.starts_at:
        raise ValidationFailed(
            _("The auto-reply must end after it starts."), param="auto_reply.ends_at"
        )
    if new_auto.enabled and not new_auto.text.strip():
        raise ValidationFailed(_("Write the auto-reply's text."), param="auto_reply.text")
    fwd = forwarding_of(row).model_dump(mode="json")
    fwd.update(patch.forwarding.model_dump(mode="json", exclude_unset=True)
               if patch.forwarding else {})
    fwd["enabled"] = bool(fwd.get("enabled"))
    new_fwd = Forwarding.model_validate(fwd)
    await _check_forwarding(session, account, new_fwd, policy)

    old_auto, old_fwd = auto_reply_of(row), forwarding_of(row)
    changed = []
    signature = values.get("signature", row.signature)
    if signature != row.signature:
        changed.append("signature")
    row.signature = signature
    if new_auto != old_auto:
        changed.append("auto_reply")
        if new_auto.enabled and (not old_auto.enabled or new_auto.text != old_auto.text):
            await repository.forget_replies(session, account.id)
    row.auto_reply = new_auto.model_dump(mode="json")
    if new_fwd != old_fwd:
        changed.append("forwarding")
    row.forwarding = new_fwd.model_dump(mode="json")
    account.mail_responders = new_auto.enabled or new_fwd.enabled
    if changed or row.version == 0:
        row.version = (row.version or 0) + 1
        row.updated_at = utcnow()
        await emit(
            session, account.org_id, "mail.settings.updated",
            {"id": account.id, "account_id": account.id, "changed": changed},
        )
    await session.flush()
    return view(account, row, policy)
