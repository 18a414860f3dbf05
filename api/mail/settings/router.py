"""REST endpoints for an account's mail settings (`/v1/accounts/{account}/mail/settings`)."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response

from api.deps import DbSession, MailRead, MailWrite
from api.kit.etags import check_if_match, set_etag
from api.mail.access import mailbox_account
from api.mail.settings import service
from schemas.mail_settings import MailSettings, MailSettingsUpdate

router = APIRouter(prefix="/v1/accounts/{account}/mail/settings", tags=["mail"])


@router.get("", response_model=MailSettings)
async def get_mail_settings(
    account: str, principal: MailRead, session: DbSession, response: Response
) -> MailSettings:
    """The account's signature, auto-reply (vacation) message and forwarding, and what its
    organisation allows for forwarding."""
    owner = await mailbox_account(session, principal, account)
    set_etag(response, owner.id, await service.etag_version(session, owner))
    return await service.get_settings(session, owner)


@router.patch("", response_model=MailSettings)
async def update_mail_settings(
    account: str,
    body: MailSettingsUpdate,
    principal: MailWrite,
    session: DbSession,
    request: Request,
    response: Response,
) -> MailSettings:
    """Change the mail settings (JSON merge patch; `auto_reply` and `forwarding` merge too).

    The auto-reply answers each sender once per `interval_days` between `starts_at` and
    `ends_at`, never to mailing lists, bulk or automatic mail, or a null sender (RFC 3834).
    Forwarding sends a copy of each message received to `address` where the organisation's
    `forwarding_policy` allows it (403 `forwarding_not_allowed` otherwise)."""
    owner = await mailbox_account(session, principal, account)
    check_if_match(request, owner.id, await service.etag_version(session, owner))
    out = await service.update_settings(session, owner, body)
    set_etag(response, owner.id, await service.etag_version(session, owner))
    return out
