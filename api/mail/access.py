"""Who may touch which mailbox: the `{account}` path segment, ids looked up across an
organisation (GraphQL takes bare ids), and the "any of these scopes" check for uploads."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends
from sqlalchemy.ext.asyncio import AsyncSession

from api.deps import Principal
from api.directory import Owner, resolve_account
from api.errors import InsufficientScope, NotFound
from api.i18n import _
from api.identity.principal import Principal as PrincipalModel
from api.storage.models import Account


async def mailbox_account(session: AsyncSession, principal: PrincipalModel, ref: str) -> Account:
    """The account named by `ref` that this caller may reach (404 otherwise)."""
    return await resolve_account(session, principal, ref)


#: A REST handler's mailbox (`owner: Mailbox`), resolved as `mailbox_account` resolves
#: GraphQL's: the directory's `Owner` dependency under mail's name.
Mailbox = Owner


def may_reach(principal: PrincipalModel, account_id: str) -> bool:
    return principal.kind == "app" or principal.account_id == account_id


async def account_by_id(
    session: AsyncSession, principal: PrincipalModel, account_id: str
) -> Account:
    account = await session.get(Account, account_id)
    if (
        account is None
        or account.org_id != principal.org_id
        or not may_reach(principal, account.id)
    ):
        raise NotFound(_("No account {account_id}.", account_id=account_id), param="account")
    return account


class RequireAnyScope:
    """Depend on a principal holding at least one of `scopes`."""

    def __init__(self, *scopes: str) -> None:
        self.scopes = list(scopes)

    def __call__(self, principal: Principal) -> PrincipalModel:
        if not any(s in principal.scopes for s in self.scopes):
            raise InsufficientScope(self.scopes)
        return principal


MailUploads = Annotated[PrincipalModel, Depends(RequireAnyScope("mail:send", "mail:write"))]
