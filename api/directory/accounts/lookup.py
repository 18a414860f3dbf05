"""Resolve the `{account}` path segment: an account id, an address or alias, `me`, or
`employee_number:<n>` / `mobile:<number>`.

Every per-person route (`/v1/accounts/{account}/mail/…`) goes through `resolve_account`,
so the tenancy rule lives in one place: an app acting for its organisation may address any
account of that organisation; an app acting for a user may address only that user; any
other organisation's account is a 404, never a 403.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from api.directory.addresses import canonical
from api.errors import NotFound, ValidationFailed
from api.i18n import _
from api.identity.principal import Principal
from api.storage.models import Account, DirectoryAddress
from schemas.directory import normalise_mobile


async def find_account(
    session: AsyncSession, org_id: str, ref: str, *, include_deleted: bool = False
) -> Account | None:
    """An account of `org_id` by id, address, alias (alias domains included),
    `employee_number:<n>` or `mobile:<number>`. Deleted accounts only when asked."""
    ref = ref.strip()
    if ref.startswith("employee_number:"):
        stmt = select(Account).where(Account.employee_number == ref.split(":", 1)[1])
    elif ref.startswith("mobile:"):
        try:
            mobile = normalise_mobile(ref.split(":", 1)[1])
        except ValueError:
            return None
        stmt = select(Account).where(Account.mobile == mobile)
    elif "@" in ref:
        address = (await canonical(session, [ref]))[ref.lower()]
        stmt = select(Account).where(func.lower(Account.address) == address)
        account = await session.scalar(stmt.where(Account.org_id == org_id))
        if account is None:
            alias = await session.scalar(
                select(DirectoryAddress.target_id).where(
                    DirectoryAddress.address == address,
                    DirectoryAddress.kind == "alias",
                    DirectoryAddress.org_id == org_id,
                )
            )
            if alias is None:
                return None
            account = await session.scalar(
                select(Account).where(Account.id == alias, Account.org_id == org_id)
            )
        if account is not None and account.status == "deleted" and not include_deleted:
            return None
        return account
    else:
        stmt = select(Account).where(Account.id == ref)
    stmt = stmt.where(Account.org_id == org_id)
    if not include_deleted:
        stmt = stmt.where(Account.status != "deleted")
    return await session.scalar(stmt)


async def resolve_account(
    session: AsyncSession, principal: Principal, ref: str, *, include_deleted: bool = False,
    any_account: bool = False,
) -> Account:
    """The account `ref` (an id, an address or `me`) of the caller's organisation; a token
    acting for a person reaches only that person's unless `any_account` (the caller has
    already been checked to be an administrator)."""
    if ref == "me":
        if principal.account_id is None:
            raise ValidationFailed(
                "`me` needs a token acting for a user; an app token must name the account.",
                param="account",
            )
        ref = principal.account_id
    account = await find_account(session, principal.org_id, ref, include_deleted=include_deleted)
    if account is None:
        raise NotFound(_("No account {ref}.", ref=ref), param="account")
    if not any_account and principal.kind != "app" and principal.account_id != account.id:
        # A token acting for one user never reaches another user's data.
        raise NotFound(_("No account {ref}.", ref=ref), param="account")
    return account
