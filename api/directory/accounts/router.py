"""REST endpoints for accounts (`/v1/accounts`), their aliases and passwords, and the
organisation's password policy."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, BackgroundTasks, Depends, Query, Request, Response, status

from api.deps import (
    ClientIp,
    DbSession,
    DirectoryAdminRead,
    DirectoryRead,
    DirectoryWrite,
    Principal,
    RuntimeDep,
)
from api.directory.account_links import service as links
from api.directory.accounts import aliases, passwords, service, sign_in_locks
from api.directory.accounts.lookup import resolve_account
from api.errors import Forbidden, NotFound, ValidationFailed
from api.i18n import _
from api.identity.principal import Principal as PrincipalModel
from api.kit.etags import check_if_match, set_etag
from api.kit.pagination import Page, PageParams, page_params
from api.runtime import Runtime
from api.storage.models import Account as AccountRow
from schemas import directory as schemas

router = APIRouter(prefix="/v1/accounts", tags=["accounts"])
policy_router = APIRouter(prefix="/v1/directory", tags=["accounts"])


def sees_everything(principal: PrincipalModel) -> bool:
    """Org apps and administrators see hidden and deleted accounts; members see the directory."""
    return principal.kind == "app" or principal.is_admin


def forget_tokens(runtime: Runtime, background: BackgroundTasks) -> None:
    """Drop cached principals now and again after the commit, so revocation bites at once."""
    runtime.tokens.clear()
    background.add_task(runtime.tokens.clear)


async def _load(session: DbSession, principal: PrincipalModel, ref: str) -> AccountRow:
    everything = sees_everything(principal)
    account = await service.get_account(session, principal.org_id, ref, include_deleted=everything)
    return account


async def _reply(session: DbSession, response: Response, account: AccountRow) -> schemas.Account:
    set_etag(response, account.id, account.version)
    return await service.to_schema(session, account)


@router.post("", status_code=status.HTTP_201_CREATED, response_model=schemas.AccountCreated)
async def create_account(
    body: schemas.AccountCreate,
    principal: DirectoryWrite,
    session: DbSession,
    ip: ClientIp,
    response: Response,
    runtime: RuntimeDep,
) -> schemas.AccountCreated:
    """Create an account. Without `password` one is generated, returned once in this response,
    and must be changed at first sign-in; or, with `activation_link: true`, the account gets
    no password and `activation` holds a one-time set-password link (7 days) for the person.
    The address must be in one of the organisation's primary domains and not used by any
    account, alias or group (409)."""
    account, generated = await service.create_account(
        session, principal.org_id, body, actor=principal, ip=ip
    )
    activation = None
    if body.activation_link and body.password is None:
        issued = await links.issue_activation(
            session, account, schemas.ActivationLinkCreate(),
            issuer=runtime.settings.issuer, actor=principal, ip=ip,
        )
        activation = schemas.ActivationLink(url=issued.url, expires_at=issued.expires_at)
    out = await _reply(session, response, account)
    return schemas.AccountCreated(**out.model_dump(), password=generated, activation=activation)


@router.get("", response_model=Page[schemas.Account])
async def list_accounts(
    principal: DirectoryRead,
    session: DbSession,
    page: Annotated[PageParams, Depends(page_params)],
    status: Annotated[
        Literal["active", "frozen", "deleted"] | None,
        Query(description="Only accounts in this state (default: active and frozen)."),
    ] = None,
    department_id: Annotated[
        str | None, Query(max_length=40, description="Only members of this department.")
    ] = None,
    include_subdepartments: Annotated[
        bool, Query(description="With `department_id`: members of its sub-departments too.")
    ] = False,
    recursive: Annotated[
        bool, Query(deprecated=True, description="Old name of `include_subdepartments`.")
    ] = False,
    employee_number: Annotated[
        str | None, Query(max_length=64, description="Only the account with this employee number.")
    ] = None,
    mobile: Annotated[
        str | None, Query(max_length=32, description="Only the account with this mobile number.")
    ] = None,
    role: Annotated[
        Literal["member", "admin", "operator"] | None,
        Query(description="Only accounts with this role (`admin`: the organisation's admins)."),
    ] = None,
    q: Annotated[
        str | None,
        Query(
            max_length=200,
            description=(
                "Prefix search, case-insensitive: the name or any word of it, the address or"
                " its local part, pinyin initials or full pinyin of a Chinese name (`zs`,"
                " `zhangsan` for 张三), an employee number or a mobile."
            ),
        ),
    ] = None,
) -> Page[schemas.Account]:
    """List accounts, filtered by state, role, department (optionally with its
    sub-departments), employee number, mobile and a prefix search, in stable cursor pages.
    Every filter is indexed; unknown parameters are refused (422)."""
    everything = sees_everything(principal)
    if status == "deleted" and not everything:
        return Page[schemas.Account](data=[], next_cursor=None)
    rows, cursor = await service.list_accounts(
        session,
        principal.org_id,
        page,
        status=status,
        department_id=department_id,
        recursive=include_subdepartments or recursive,
        q=q,
        employee_number=employee_number,
        mobile=mobile,
        role=role,
        include_hidden=everything,
    )
    return Page[schemas.Account](
        data=await service.to_schemas(session, principal.org_id, rows), next_cursor=cursor
    )


@router.post("/check-addresses", response_model=schemas.AddressCheckResult)
async def check_addresses(
    body: schemas.AddressCheck, principal: DirectoryRead, session: DbSession
) -> schemas.AddressCheckResult:
    """Check up to 100 addresses at once: each is `free`, held by an `account`, an `alias` or a
    `group` (with its id), or `invalid` (malformed, or not in the organisation's domains)."""
    results = await aliases.check_addresses(session, principal.org_id, body.addresses)
    return schemas.AddressCheckResult(results=results)


@router.get("/{account}", response_model=schemas.Account)
async def get_account(
    account: str, principal: DirectoryRead, session: DbSession, response: Response
) -> schemas.Account:
    """Get an account by id, address, alias, `employee_number:<n>`, `mobile:<number>` or `me`."""
    if account == "me":
        account = principal.account_id or "me"
    row = await _load(session, principal, account)
    return await _reply(session, response, row)


@router.patch("/{account}", response_model=schemas.Account)
async def update_account(
    account: str,
    body: schemas.AccountUpdate,
    principal: DirectoryWrite,
    session: DbSession,
    request: Request,
    response: Response,
    ip: ClientIp,
) -> schemas.Account:
    """Change an account (JSON merge patch). A new `address` keeps the old one as an alias.
    Send `If-Match` with the ETag you read (412 when someone changed it meanwhile)."""
    row = await _load(session, principal, account)
    check_if_match(request, row.id, row.version)
    await service.update_account(session, row, body, actor=principal, ip=ip)
    return await _reply(session, response, row)


@router.delete("/{account}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_account(
    account: str,
    principal: DirectoryWrite,
    session: DbSession,
    request: Request,
    ip: ClientIp,
    runtime: RuntimeDep,
    background: BackgroundTasks,
) -> Response:
    """Delete an account: it can no longer sign in, its tokens are revoked and mail to it is
    refused. It can be restored for `MAILPLANE_ACCOUNT_RESTORE_DAYS` days (see `purge_after`);
    then a job purges it and its data."""
    row = await _load(session, principal, account)
    check_if_match(request, row.id, row.version)
    await service.delete_account(
        session, row, restore_days=runtime.settings.account_restore_days, actor=principal, ip=ip
    )
    forget_tokens(runtime, background)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post("/{account}/restore", response_model=schemas.Account)
async def restore_account(
    account: str,
    principal: DirectoryWrite,
    session: DbSession,
    response: Response,
    ip: ClientIp,
) -> schemas.Account:
    """Undo a delete within the restore window (410 after it)."""
    row = await _load(session, principal, account)
    await service.restore_account(session, row, actor=principal, ip=ip)
    return await _reply(session, response, row)


@router.post("/{account}/freeze", response_model=schemas.Account)
async def freeze_account(
    account: str,
    principal: DirectoryWrite,
    session: DbSession,
    response: Response,
    ip: ClientIp,
    runtime: RuntimeDep,
    background: BackgroundTasks,
) -> schemas.Account:
    """Freeze an account: it cannot sign in and every token acting for it stops working at
    once. Mail to it is still accepted."""
    row = await _load(session, principal, account)
    await service.freeze_account(session, row, actor=principal, ip=ip)
    forget_tokens(runtime, background)
    return await _reply(session, response, row)


@router.post("/{account}/unfreeze", response_model=schemas.Account)
async def unfreeze_account(
    account: str,
    principal: DirectoryWrite,
    session: DbSession,
    response: Response,
    ip: ClientIp,
) -> schemas.Account:
    """Let a frozen account sign in again (it needs new tokens)."""
    row = await _load(session, principal, account)
    await service.unfreeze_account(session, row, actor=principal, ip=ip)
    return await _reply(session, response, row)


@router.post("/{account}/move", response_model=schemas.Account)
async def move_account(
    account: str,
    body: schemas.AccountMove,
    principal: DirectoryWrite,
    session: DbSession,
    response: Response,
    ip: ClientIp,
) -> schemas.Account:
    """Move an account from one department (or from all of them) to another."""
    row = await _load(session, principal, account)
    await service.move_account(session, row, body, actor=principal, ip=ip)
    return await _reply(session, response, row)


@router.post("/{account}/reset-password", response_model=schemas.PasswordResetResult)
async def reset_account_password(
    account: str,
    principal: DirectoryWrite,
    session: DbSession,
    ip: ClientIp,
    runtime: RuntimeDep,
    background: BackgroundTasks,
    body: schemas.PasswordReset | None = None,
) -> schemas.PasswordResetResult:
    """Set a new password for an account (or generate one, returned once). The account's
    tokens are revoked; by default it must choose its own password at the next sign-in."""
    row = await _load(session, principal, account)
    generated = await passwords.reset_password(
        session, row, body or schemas.PasswordReset(), actor=principal, ip=ip
    )
    forget_tokens(runtime, background)
    return schemas.PasswordResetResult(password=generated)


@router.post("/{account}/change-password", status_code=status.HTTP_204_NO_CONTENT)
async def change_own_password(
    account: str,
    body: schemas.PasswordChange,
    principal: Principal,
    session: DbSession,
    ip: ClientIp,
) -> Response:
    """Change your own password (`{account}` is `me` or yourself), proving the current one.
    Needs a token acting for you; wrong current passwords are throttled like sign-ins."""
    if principal.account_id is None:
        raise Forbidden("Only a token acting for the person can change their password.")
    row = await resolve_account(session, principal, account)
    try:
        await passwords.change_own_password(session, row, body, ip=ip)
    except ValidationFailed as error:
        if error.param == "current_password":
            await session.commit()  # the failed attempt must count even though we refuse
        raise
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get("/{account}/aliases", response_model=Page[schemas.Alias])
async def list_account_aliases(
    account: str, principal: DirectoryRead, session: DbSession
) -> Page[schemas.Alias]:
    """The account's aliases, all in one page (`next_cursor` is always null: an account has
    few)."""
    row = await _load(session, principal, account)
    data = [aliases.alias_schema(a) for a in await aliases.list_aliases(session, row)]
    return Page[schemas.Alias](data=data, next_cursor=None)


@router.post(
    "/{account}/aliases", status_code=status.HTTP_201_CREATED, response_model=schemas.Alias
)
async def add_account_alias(
    account: str,
    body: schemas.AliasCreate,
    principal: DirectoryWrite,
    session: DbSession,
    ip: ClientIp,
) -> schemas.Alias:
    """Add an alias in one of the organisation's primary domains (it works in their alias
    domains too). 409 when any account, alias or group holds it."""
    row = await _load(session, principal, account)
    return aliases.alias_schema(
        await aliases.add_alias(session, row, body.address, actor=principal, ip=ip)
    )


@router.delete("/{account}/aliases/{alias}", status_code=status.HTTP_204_NO_CONTENT)
async def remove_account_alias(
    account: str,
    alias: str,
    principal: DirectoryWrite,
    session: DbSession,
    ip: ClientIp,
) -> Response:
    """Remove an alias; its address becomes free."""
    row = await _load(session, principal, account)
    if "@" not in alias:
        raise NotFound(_("{alias} is not an alias of this account.", alias=alias), param="alias")
    await aliases.remove_alias(session, row, alias, actor=principal, ip=ip)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@policy_router.get("/password-policy", response_model=schemas.PasswordPolicy)
async def get_password_policy(
    principal: DirectoryRead, session: DbSession
) -> schemas.PasswordPolicy:
    """The organisation's password rules (checked on every new password)."""
    return await passwords.get_policy(session, principal.org_id)


@policy_router.patch("/password-policy", response_model=schemas.PasswordPolicy)
async def update_password_policy(
    body: schemas.PasswordPolicyUpdate,
    principal: DirectoryWrite,
    session: DbSession,
    ip: ClientIp,
) -> schemas.PasswordPolicy:
    """Change the password rules (JSON merge patch). Existing passwords are not affected."""
    return await passwords.update_policy(session, principal.org_id, body, actor=principal, ip=ip)


@policy_router.get("/sign-in-locks", response_model=Page[schemas.SignInLock])
async def list_sign_in_locks(
    principal: DirectoryAdminRead,
    session: DbSession,
    page: Annotated[PageParams, Depends(page_params)],
    locked_only: Annotated[
        bool, Query(description="Only locks in force now (else every remembered failure).")
    ] = False,
) -> Page[schemas.SignInLock]:
    """Sign-in throttling state: the organisation's addresses (and client IPs whose
    failures named it) with failed sign-ins remembered, on every door (web, IMAP, POP3,
    SMTP, DAV). Failures past a free allowance lock for a doubling time, capped at 15
    minutes; a success clears an address. Administrators only."""
    rows, cursor = await sign_in_locks.list_locks(
        session, principal.org_id, page, locked_only=locked_only
    )
    return Page[schemas.SignInLock](data=rows, next_cursor=cursor)


@policy_router.delete("/sign-in-locks/{lock_id}", status_code=status.HTTP_204_NO_CONTENT)
async def clear_sign_in_lock(
    lock_id: str, principal: DirectoryWrite, session: DbSession, ip: ClientIp
) -> Response:
    """Unlock: forget the failures behind a lock (its `lck_…` id, or the address), so the
    next sign-in is judged afresh. Audited; emits `directory.sign_in_lock.cleared`."""
    await sign_in_locks.clear_lock(session, principal.org_id, lock_id, actor=principal, ip=ip)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
