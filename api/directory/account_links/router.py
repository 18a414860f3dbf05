"""REST endpoints for one-time account links: `/v1/accounts/{account}/activation-links` and
`/v1/accounts/{account}/login-links`."""

from __future__ import annotations

from fastapi import APIRouter, status

from api.deps import ClientIp, DbSession, DirectorySignIn, DirectoryWrite, RuntimeDep
from api.directory.account_links import service
from api.directory.accounts import service as accounts
from api.directory.notices import send_activation_mail
from schemas import directory as schemas

router = APIRouter(prefix="/v1/accounts", tags=["accounts"])


@router.post(
    "/{account}/activation-links",
    status_code=status.HTTP_201_CREATED,
    response_model=schemas.ActivationLink,
)
async def create_activation_link(
    account: str,
    principal: DirectoryWrite,
    session: DbSession,
    ip: ClientIp,
    runtime: RuntimeDep,
    body: schemas.ActivationLinkCreate | None = None,
) -> schemas.ActivationLink:
    """A one-time set-password link for a new or reset account (scope `directory:write`,
    administrators). The URL is in this response only: deliver it through your own channel
    (OA message, SMS) or set `send_to_recovery_email` to mail it to the account's
    `recovery_email` in the person's language. It works once, until `expires_at`; a new
    link retires older ones. `revoke_password` makes it a reset (the current password and
    tokens end now). 409 `account_frozen` / `account_deleted`; 422 `no_recovery_email`."""
    data = body or schemas.ActivationLinkCreate()
    row = await accounts.get_account(session, principal.org_id, account)
    # "" when asked but missing: the service refuses it with no_recovery_email.
    sent_to = (row.recovery_email or "") if data.send_to_recovery_email else None
    issued = await service.issue_activation(
        session, row, data, issuer=runtime.settings.issuer, actor=principal, ip=ip,
        sent_to=sent_to,
    )
    if data.send_to_recovery_email:
        await send_activation_mail(session, runtime, row, issued.url, issued.expires_at)
    return schemas.ActivationLink(url=issued.url, expires_at=issued.expires_at, sent_to=sent_to)


@router.post(
    "/{account}/login-links", status_code=status.HTTP_201_CREATED, response_model=schemas.LoginLink
)
async def create_login_link(
    account: str,
    principal: DirectorySignIn,
    session: DbSession,
    ip: ClientIp,
    runtime: RuntimeDep,
    body: schemas.LoginLinkCreate | None = None,
) -> schemas.LoginLink:
    """A single-use URL that signs the person in to Mailplane's web pages (Tencent Exmail's
    `get_login_url`), for an OA portal's "open my mailbox" button. Valid 300 s; opening it
    starts the same browser session as the sign-in page and lands on `next`, a path on this
    Mailplane (default `/`; whoever opens the URL may append `?next=/path`, and targets that
    are not same-origin paths are ignored); people who must change their password are asked
    first.
    Needs the admin-only scope `directory:sign_in` (not `directory:write`: a directory-sync
    app should not be able to act as anyone). Audited. 409 `account_frozen` for frozen
    accounts; 422 `invalid_next` for a `next` that is not a same-origin path."""
    data = body or schemas.LoginLinkCreate()
    row = await accounts.get_account(session, principal.org_id, account)
    issued = await service.issue_login_link(
        session, row, data, issuer=runtime.settings.issuer, actor=principal, ip=ip
    )
    return schemas.LoginLink(url=issued.url, expires_at=issued.expires_at)
