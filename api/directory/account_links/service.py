"""Rules for one-time account links.

- **Activation** (Alibaba Mail / Exmail "activate by link"): a set-password link for a new or
  reset account, valid `expires_in` seconds, usable once; a new link retires older ones.
- **Login links** (Exmail's `get_login_url`): a single-use URL valid 300 s that signs the
  person in to Mailplane's web pages and lands on a same-origin path. Refused for frozen
  and deleted accounts, at creation and again when used.

Only the SHA-256 of a token is stored; the URL is shown once, to the caller.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from urllib.parse import urlsplit

from sqlalchemy.ext.asyncio import AsyncSession

from api.directory.account_links import repository
from api.directory.accounts import repository as accounts_repository
from api.directory.accounts import throttle
from api.directory.accounts.credentials import set_password
from api.directory.errors import AccountDeleted, AccountFrozen, InvalidNext, NoRecoveryEmail
from api.errors import Gone
from api.events import emit
from api.i18n import _
from api.identity import record
from api.identity.principal import Principal
from api.kit.clock import utcnow
from api.kit.ids import new_id
from api.storage.models import Account, AccountLink
from schemas import directory as schemas

ACTIVATION = "activation"
LOGIN = "login"
LOGIN_LINK_TTL = timedelta(seconds=300)
ACTIVATION_PATH = "/oauth/activate/"
LOGIN_PATH = "/oauth/sso/"


_INVALID = _("This link is not valid any more. Ask your administrator for a new one.")


class LinkInvalid(Gone):
    """Unknown, used, expired, or for an account that can no longer sign in: one answer for
    all, so a guess learns nothing."""

    code, title = "link_invalid", "Link no longer valid"


@dataclass(frozen=True)
class IssuedLink:
    url: str
    expires_at: datetime


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def safe_next(value: str | None) -> str | None:
    """`value` when it is a path on this origin (`/mail?x=1`), else None. Refuses absolute
    and scheme-relative URLs (`//evil`, `/\\evil`), other schemes and control characters."""
    if not value or not value.startswith("/") or len(value) > 2000:
        return None
    if value.startswith(("//", "/\\")) or "\\" in value:
        return None
    if any(ord(c) < 0x20 or ord(c) == 0x7F for c in value):
        return None
    parts = urlsplit(value)
    if parts.scheme or parts.netloc:
        return None
    return value


def _refuse_inactive(account: Account) -> None:
    if account.status == "deleted":
        raise AccountDeleted(
            _("A deleted account cannot be changed; restore it first.")
        )
    if account.status == "frozen":
        raise AccountFrozen(
            _("The account is frozen; unfreeze it first."), param="account"
        )


async def _insert(
    session: AsyncSession, account: Account, kind: str, ttl: timedelta, *,
    actor: Principal | None, next_path: str = "/",
) -> tuple[str, AccountLink]:
    token = secrets.token_urlsafe(32)
    now = utcnow()
    link = AccountLink(
        id=new_id("lnk"),
        org_id=account.org_id,
        account_id=account.id,
        kind=kind,
        token_hash=token_hash(token),
        next_path=next_path,
        created_by_type=actor.actor_type if actor else "system",
        created_by_id=actor.actor_id if actor else None,
        created_at=now,
        expires_at=now + ttl,
    )
    session.add(link)
    await session.flush()
    return token, link


async def issue_activation(
    session: AsyncSession,
    account: Account,
    data: schemas.ActivationLinkCreate,
    *,
    issuer: str,
    actor: Principal | None,
    ip: str | None = None,
    sent_to: str | None = None,
) -> IssuedLink:
    """A set-password link (older unused ones stop working). `revoke_password` makes it a
    reset: the current password and every token end now."""
    _refuse_inactive(account)
    if sent_to is not None and not account.recovery_email:
        raise NoRecoveryEmail(
            _("The account has no recovery_email to send the link to."),
            param="send_to_recovery_email"
        )
    now = utcnow()
    await repository.retire_unused(session, account.org_id, account.id, ACTIVATION, now)
    revoked = 0
    if data.revoke_password:
        account.password_hash = None
        account.password_changed_at = now
        account.version += 1
        account.updated_at = now
        revoked = await accounts_repository.revoke_tokens(session, account.org_id, account.id)
    token, link = await _insert(
        session, account, ACTIVATION, timedelta(seconds=data.expires_in), actor=actor
    )
    details = {
        "link_id": link.id, "expires_at": link.expires_at.isoformat(),
        "password_revoked": data.revoke_password, "tokens_revoked": revoked,
        "sent_to": sent_to,
    }
    await record(
        session, org_id=account.org_id, action="account.activation_link_created", actor=actor,
        ip=ip, target_type="account", target_id=account.id, details=details,
    )
    await emit(
        session, account.org_id, "directory.account.activation_link_created",
        {"id": account.id, "account_id": account.id, "address": account.address, **details},
    )
    return IssuedLink(issuer.rstrip("/") + ACTIVATION_PATH + token, link.expires_at)


async def issue_login_link(
    session: AsyncSession,
    account: Account,
    data: schemas.LoginLinkCreate,
    *,
    issuer: str,
    actor: Principal | None,
    ip: str | None = None,
) -> IssuedLink:
    """A single-use sign-in URL, valid 300 s, landing on `data.next` (a same-origin path)."""
    next_path = safe_next(data.next)
    if next_path is None:
        raise InvalidNext(
            _("next must be a path on this site, starting with a single /."),
            param="next"
        )
    _refuse_inactive(account)
    token, link = await _insert(session, account, LOGIN, LOGIN_LINK_TTL, actor=actor,
                                next_path=next_path)
    details = {"link_id": link.id, "expires_at": link.expires_at.isoformat(), "next": next_path}
    await record(
        session, org_id=account.org_id, action="account.login_link_created", actor=actor, ip=ip,
        target_type="account", target_id=account.id, details=details,
    )
    await emit(
        session, account.org_id, "directory.account.login_link_created",
        {"id": account.id, "account_id": account.id, "address": account.address, **details},
    )
    return IssuedLink(issuer.rstrip("/") + LOGIN_PATH + token, link.expires_at)


async def _valid(session: AsyncSession, kind: str, token: str) -> tuple[AccountLink, Account]:
    if not token or len(token) > 200:
        raise LinkInvalid(_INVALID)
    link = await repository.by_token_hash(session, kind, token_hash(token))
    account = await session.get(Account, link.account_id) if link is not None else None
    if (
        link is None or account is None or link.used_at is not None
        or link.expires_at <= utcnow() or account.status != "active"
        or account.org_id != link.org_id
    ):
        raise LinkInvalid(_INVALID)
    return link, account


async def activation_account(session: AsyncSession, token: str) -> Account:
    """The account a still-valid activation link is for (the page shows its address)."""
    return (await _valid(session, ACTIVATION, token))[1]


async def activate(
    session: AsyncSession, token: str, password: str, *, ip: str | None = None
) -> Account:
    """Set the person's first (or reset) password through an activation link, once."""
    link, account = await _valid(session, ACTIVATION, token)
    await set_password(session, account, password, must_change=False)
    if not await repository.mark_used(session, link.id, utcnow()):
        raise LinkInvalid(_INVALID)
    await throttle.record_success(session, account.address)
    await record(
        session, org_id=account.org_id, action="account.activated", actor_type="account",
        actor_id=account.id, ip=ip, target_type="account", target_id=account.id,
        details={"link_id": link.id},
    )
    await emit(
        session, account.org_id, "directory.account.activated",
        {"id": account.id, "account_id": account.id, "address": account.address},
    )
    return account


async def login_account(session: AsyncSession, token: str) -> Account:
    """The account a still-valid login link is for (opening the link uses nothing up)."""
    return (await _valid(session, LOGIN, token))[1]


async def use_login_link(
    session: AsyncSession, token: str, *, ip: str | None = None
) -> tuple[Account, str]:
    """Consume a login link: the account to sign in and the path to land on."""
    link, account = await _valid(session, LOGIN, token)
    if not await repository.mark_used(session, link.id, utcnow()):
        raise LinkInvalid(_INVALID)
    await record(
        session, org_id=account.org_id, action="account.signed_in", actor_type="account",
        actor_id=account.id, ip=ip, target_type="account", target_id=account.id,
        details={"method": "login_link", "link_id": link.id},
    )
    return account, link.next_path
