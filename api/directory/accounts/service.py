"""Rules for accounts: create, read, change, move, freeze, delete and restore.

Aliases, address checks and passwords are in `aliases.py` and `passwords.py`; the purge of
deleted accounts is in `purge.py`.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from api.directory.accounts import repository
from api.directory.accounts.credentials import check_policy, load_policy
from api.directory.accounts.lookup import find_account
from api.directory.accounts.passwords import generated_password
from api.directory.addresses import ensure_free, org_domain
from api.directory.departments import repository as department_repository
from api.directory.departments import service as departments
from api.directory.errors import (
    AccountDeleted,
    AccountNotDeleted,
    LastAdmin,
    ManagerCycle,
    RestoreWindowPassed,
)
from api.errors import AlreadyExists, NotFound, ValidationFailed
from api.events import emit
from api.i18n import Msg
from api.identity.audit import record
from api.identity.passwords import hash_password
from api.identity.principal import Principal
from api.kit import merge_patch
from api.kit.clock import utcnow
from api.kit.ids import new_id
from api.kit.pagination import PageParams
from api.storage.models import Account, DirectoryAddress
from api.worker.jobs import enqueue
from schemas import directory as schemas

LIFECYCLE_STATUSES = ("active", "frozen", "deleted")


def schema_of(account: Account, department_ids: list[str], aliases: list[str]) -> schemas.Account:
    return schemas.Account(
        id=account.id,
        address=account.address,
        display_name=account.display_name,
        status=account.status,  # type: ignore[arg-type]
        role=account.role,
        type=account.kind,  # type: ignore[arg-type]
        employee_number=account.employee_number,
        mobile=account.mobile,
        job_title=account.job_title or "",
        department_ids=department_ids,
        manager_id=account.manager_id,
        quota_bytes=account.quota_bytes,
        hidden_from_address_book=bool(account.hidden_from_address_book),
        must_change_password=bool(account.must_change_password),
        aliases=aliases,
        security_phone=account.security_phone,
        security_phone_verified=bool(account.security_phone_verified),
        recovery_email=account.recovery_email,
        locale=account.locale if account.locale in ("zh-CN", "en") else None,  # type: ignore[arg-type]
        time_zone=account.time_zone,
        created_at=account.created_at,
        updated_at=account.updated_at,
        frozen_at=account.frozen_at,
        deleted_at=account.deleted_at,
        purge_after=account.purge_after,
    )


async def to_schemas(
    session: AsyncSession, org_id: str, accounts: list[Account]
) -> list[schemas.Account]:
    ids = [a.id for a in accounts]
    deps = await departments.memberships(session, org_id, ids)
    aliases = await repository.aliases_of(session, org_id, ids)
    return [
        schema_of(a, deps.get(a.id, []), [x.address for x in aliases.get(a.id, [])])
        for a in accounts
    ]


async def to_schema(session: AsyncSession, account: Account) -> schemas.Account:
    return (await to_schemas(session, account.org_id, [account]))[0]


async def get_account(
    session: AsyncSession, org_id: str, ref: str, *, include_deleted: bool = True
) -> Account:
    account = await find_account(session, org_id, ref, include_deleted=include_deleted)
    if account is None:
        raise NotFound(Msg("No account {ref}.", ref=ref), param="account")
    return account


async def list_accounts(
    session: AsyncSession,
    org_id: str,
    params: PageParams,
    *,
    status: str | None = None,
    department_id: str | None = None,
    recursive: bool = False,
    q: str | None = None,
    employee_number: str | None = None,
    mobile: str | None = None,
    role: str | None = None,
    include_hidden: bool = True,
) -> tuple[list[Account], str | None]:
    """Accounts by id; without `status`, deleted ones are left out. `recursive` takes in the
    department's sub-departments; `q` is a prefix of a name, a word of it, an address or its
    local part, pinyin initials or full pinyin, an employee number or a mobile."""
    statuses = [status] if status else ["active", "frozen"]
    scope = None
    if department_id is not None:
        try:
            scope = await departments.departments_scope(
                session, org_id, department_id, recursive=recursive
            )
        except NotFound:
            raise ValidationFailed(
                Msg(
                    "No department {department_id}.", department_id=department_id
                ), param="department_id"
            ) from None
    return await repository.page(
        session,
        org_id,
        params,
        statuses=statuses,
        department_ids=scope,
        q=(q or "").strip() or None,
        employee_number=employee_number,
        mobile=mobile,
        role=role,
        include_hidden=include_hidden,
    )


async def _manager(session: AsyncSession, org_id: str, account_id: str | None, ref: str) -> str:
    manager = await find_account(session, org_id, ref)
    if manager is None:
        raise ValidationFailed(Msg("No account {ref}.", ref=ref), param="manager_id")
    if account_id is not None:
        # Walk up from the new manager: meeting the account itself would make a loop.
        current: str | None = manager.id
        for _ in range(1000):
            if current is None:
                break
            if current == account_id:
                raise ManagerCycle(
                    "An account cannot be managed by itself or by someone it manages.",
                    param="manager_id",
                )
            current = await repository.manager_of(session, org_id, current)
    return manager.id


async def _check_keys(
    session: AsyncSession, org_id: str, values: dict[str, Any], exclude: str | None = None
) -> None:
    for key in ("employee_number", "mobile"):
        value = values.get(key)
        if value:
            other = await repository.by_key(session, org_id, key, value)
            if other is not None and other.id != exclude:
                raise AlreadyExists(
                    Msg(
                        "Another account has {replace} {value}.",
                        replace=key.replace('_', ' '),
                        value=value,
                    ), param=key
                )


async def _changed(
    session: AsyncSession,
    account: Account,
    verb: str,
    *,
    actor: Principal | None,
    ip: str | None,
    details: dict[str, Any] | None = None,
    audit: bool = True,
) -> None:
    if audit:
        await record(
            session,
            org_id=account.org_id,
            action=f"account.{verb}",
            actor=actor,
            ip=ip,
            target_type="account",
            target_id=account.id,
            details=details or {},
        )
    await emit(
        session,
        account.org_id,
        f"directory.account.{verb}",
        {"id": account.id, "account_id": account.id, "address": account.address, **(details or {})},
    )


async def create_account(
    session: AsyncSession,
    org_id: str,
    data: schemas.AccountCreate,
    *,
    actor: Principal | None,
    ip: str | None = None,
    details: dict[str, Any] | None = None,
) -> tuple[Account, str | None]:
    """Create an account; returns it and the generated password when none was given.
    With `activation_link` and no password the account has no password at all until the
    person sets one through an activation link (the caller issues it)."""
    dom = await org_domain(session, org_id, data.address)
    await ensure_free(session, data.address)
    await _check_keys(session, org_id, data.model_dump())
    dep_ids = await departments.check_department_ids(
        session, org_id, data.department_ids, "department_ids"
    )
    manager_id = await _manager(session, org_id, None, data.manager_id) if data.manager_id else None
    policy = await load_policy(session, org_id)
    password = data.password
    generated = None
    by_link = data.activation_link and password is None
    if password is None and not by_link:
        password = generated = generated_password(policy)
    if password is not None:
        check_policy(password, address=data.address, policy=policy)
    account = await insert_checked_account(
        session,
        org_id,
        data.model_copy(
            update={
                "department_ids": dep_ids,
                "manager_id": manager_id,
                "must_change_password": (data.must_change_password or bool(generated))
                and not by_link,
            }
        ),
        domain_id=dom.id,
        password_hash=hash_password(password) if password is not None else None,
        actor=actor,
        ip=ip,
        details=details,
    )
    return account, generated


async def insert_checked_account(
    session: AsyncSession,
    org_id: str,
    data: schemas.AccountCreate,
    *,
    domain_id: str,
    password_hash: str | None,
    actor: Principal | None,
    ip: str | None = None,
    details: dict[str, Any] | None = None,
) -> Account:
    """Insert an account whose address, keys, departments (ids) and manager (an id) the caller
    has already checked: bulk imports check a whole batch at once and hash passwords in
    parallel. No `password_hash` means no password yet (sign-in impossible until a reset)."""
    now = utcnow()
    account = Account(
        id=new_id("acc"),
        org_id=org_id,
        domain_id=domain_id,
        address=data.address,
        display_name=data.display_name,
        role="member",
        status="active",
        must_change_password=data.must_change_password,
        employee_number=data.employee_number,
        mobile=data.mobile,
        job_title=data.job_title,
        manager_id=data.manager_id,
        quota_bytes=data.quota_bytes,
        kind=data.type,
        hidden_from_address_book=data.hidden_from_address_book,
        security_phone=data.security_phone,
        security_phone_verified=bool(data.security_phone and data.security_phone_verified),
        recovery_email=data.recovery_email,
        locale=data.locale,
        time_zone=data.time_zone,
        version=1,
        created_at=now,
        updated_at=now,
        password_hash=password_hash or None,
        password_changed_at=now if password_hash else None,
    )
    session.add(account)
    for dep_id in dict.fromkeys(data.department_ids):
        await department_repository.add_membership(session, org_id, account.id, dep_id)
    await _changed(session, account, "created", actor=actor, ip=ip, details=details)
    return account


NON_NULL = (
    "address",
    "display_name",
    "job_title",
    "department_ids",
    "type",
    "hidden_from_address_book",
    "must_change_password",
    "security_phone_verified",
)


async def update_account(
    session: AsyncSession,
    account: Account,
    data: schemas.AccountUpdate | dict[str, Any],
    *,
    actor: Principal | None,
    ip: str | None = None,
    details: dict[str, Any] | None = None,
) -> list[str]:
    """Apply a merge patch; returns the names of the fields that changed."""
    org_id = account.org_id
    values = merge_patch.changes(data) if isinstance(data, schemas.AccountUpdate) else dict(data)
    for key in NON_NULL:
        if key in values and values[key] is None:
            raise ValidationFailed(Msg("{key} cannot be null.", key=key), param=key)
    if account.status == "deleted":
        raise AccountDeleted(
            "A deleted account cannot be changed; restore it first."
        )
    await _check_keys(session, org_id, values, exclude=account.id)
    changed: list[str] = []
    if "address" in values and values["address"] != account.address:
        await _change_address(session, account, values.pop("address"))
        changed.append("address")
    values.pop("address", None)
    if "department_ids" in values:
        dep_ids = await departments.check_department_ids(
            session, org_id, values.pop("department_ids"), "department_ids"
        )
        if await departments.set_memberships(session, org_id, account.id, dep_ids):
            changed.append("department_ids")
    if values.get("manager_id"):
        values["manager_id"] = await _manager(session, org_id, account.id, values["manager_id"])
    if "type" in values:
        values["kind"] = values.pop("type")
    if "security_phone" in values and values["security_phone"] != account.security_phone:
        # A new number is unverified until the organisation says otherwise in the same patch.
        values.setdefault("security_phone_verified", False)
    if values.get("security_phone_verified") and not values.get(
        "security_phone", account.security_phone
    ):
        raise ValidationFailed(
            "security_phone_verified needs a security_phone.", param="security_phone_verified"
        )
    changed += ["type" if c == "kind" else c for c in merge_patch.apply(account, values)]
    if changed:
        account.version += 1
        account.updated_at = utcnow()
        await _changed(
            session,
            account,
            "updated",
            actor=actor,
            ip=ip,
            details={"changed": changed, **(details or {})},
        )
    return changed


async def _change_address(session: AsyncSession, account: Account, new: str) -> None:
    dom = await org_domain(session, account.org_id, new)
    own_alias = await repository.alias(session, account.org_id, account.id, new)
    if own_alias is not None:
        await session.delete(own_alias)
        await session.flush()
    else:
        await ensure_free(session, new)
    old, old_domain_id = account.address, account.domain_id
    account.address = new
    account.domain_id = dom.id
    await session.flush()
    # The old address keeps reaching the person, as an alias.
    session.add(
        DirectoryAddress(
            address=old.lower(),
            org_id=account.org_id,
            kind="alias",
            target_id=account.id,
            domain_id=old_domain_id,
        )
    )


async def move_account(
    session: AsyncSession,
    account: Account,
    data: schemas.AccountMove,
    *,
    actor: Principal,
    ip: str | None,
) -> list[str]:
    org_id = account.org_id
    current = (await departments.memberships(session, org_id, [account.id]))[account.id]
    if data.from_department_id is not None and data.from_department_id not in current:
        raise ValidationFailed(
            Msg(
                "The account is not in department {from_department_id}.",
                from_department_id=data.from_department_id,
            ),
            param="from_department_id",
        )
    await departments.check_department_ids(
        session, org_id, [data.to_department_id], "to_department_id"
    )
    keep = [
        d for d in current if data.from_department_id is not None and d != data.from_department_id
    ]
    await update_account(
        session, account, {"department_ids": [*keep, data.to_department_id]}, actor=actor, ip=ip
    )
    return [*keep, data.to_department_id]


async def _refuse_self_or_last_admin(
    session: AsyncSession, account: Account, actor: Principal | None, what: Msg
) -> None:
    if actor is not None and actor.account_id == account.id:
        raise ValidationFailed(Msg(
            "You cannot {what} your own account.", what=what
        ), param="account")
    if account.role in ("admin", "operator") and account.status == "active":
        if await repository.count_active_admins(session, account.org_id) <= 1:
            raise LastAdmin(
                Msg("Cannot {what} the organisation's last active administrator.", what=what)
            )


async def freeze_account(
    session: AsyncSession, account: Account, *, actor: Principal | None, ip: str | None = None
) -> bool:
    """Frozen: no sign-in, every token revoked at once; mail to the account is still accepted.
    Returns False when it was frozen already."""
    if account.status == "deleted":
        raise AccountDeleted("A deleted account cannot be frozen.")
    if account.status == "frozen":
        return False
    await _refuse_self_or_last_admin(session, account, actor, Msg("freeze"))
    account.status = "frozen"
    account.frozen_at = utcnow()
    account.version += 1
    account.updated_at = utcnow()
    revoked = await repository.revoke_tokens(session, account.org_id, account.id)
    await _changed(
        session, account, "frozen", actor=actor, ip=ip, details={"tokens_revoked": revoked}
    )
    return True


async def unfreeze_account(
    session: AsyncSession, account: Account, *, actor: Principal | None, ip: str | None = None
) -> bool:
    if account.status == "deleted":
        raise AccountDeleted("A deleted account cannot be unfrozen; restore it.")
    if account.status == "active":
        return False
    account.status = "active"
    account.frozen_at = None
    account.version += 1
    account.updated_at = utcnow()
    await _changed(session, account, "unfrozen", actor=actor, ip=ip)
    return True


async def delete_account(
    session: AsyncSession,
    account: Account,
    *,
    restore_days: int,
    actor: Principal | None,
    ip: str | None = None,
) -> bool:
    """Soft delete: no sign-in, tokens revoked, no mail; restorable for `restore_days`, then
    purged by a job. Returns False when it was deleted already."""
    if account.status == "deleted":
        return False
    await _refuse_self_or_last_admin(session, account, actor, Msg("delete"))

    now = utcnow()
    account.status = "deleted"
    account.deleted_at = now
    account.purge_after = now + timedelta(days=restore_days)
    account.version += 1
    account.updated_at = now
    await repository.revoke_tokens(session, account.org_id, account.id)
    await enqueue(
        session,
        "directory.account.purge",
        {"account_id": account.id},
        org_id=account.org_id,
        run_at=account.purge_after,
    )
    await _changed(
        session,
        account,
        "deleted",
        actor=actor,
        ip=ip,
        details={"purge_after": account.purge_after.isoformat()},
    )
    return True


async def restore_account(
    session: AsyncSession, account: Account, *, actor: Principal | None, ip: str | None = None
) -> None:
    if account.status != "deleted":
        raise AccountNotDeleted("Only a deleted account can be restored.")
    if account.purge_after is not None and account.purge_after <= utcnow():
        raise RestoreWindowPassed(
            "The restore window has passed; the account is being purged.",
        )
    account.status = "frozen" if account.frozen_at else "active"
    account.deleted_at = None
    account.purge_after = None
    account.version += 1
    account.updated_at = utcnow()
    await _changed(session, account, "restored", actor=actor, ip=ip)
