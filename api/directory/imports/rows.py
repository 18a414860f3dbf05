"""One import row: from the cells of a file to a created, updated or unchanged account, or
an error with its reason. The caller wraps each row in a savepoint, so a failing row
leaves nothing behind."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError
from sqlalchemy.ext.asyncio import AsyncSession

from api.directory.accounts import aliases as alias_service
from api.directory.accounts import service as accounts
from api.directory.accounts.credentials import PolicyRules, check_policy
from api.directory.accounts.lookup import find_account
from api.directory.addresses import Holder, domain_part
from api.directory.departments.service import Tree, ensure_path
from api.directory.imports.formats import unescape_formula
from api.errors import AppError
from api.identity.principal import Principal
from api.storage.models import Account, Domain
from schemas import directory as schemas
from schemas.directory import normalise_address, normalise_e164, normalise_mobile

LIST_SPLIT = re.compile(r"[;|；\n]+")
TRUE = {"true", "yes", "y", "1", "是", "t"}
FALSE = {"false", "no", "n", "0", "否", "f"}
TYPES = {
    "employee": "employee",
    "员工": "employee",
    "shared": "shared",
    "共享": "shared",
    "公共": "shared",
}


LOCALES = {
    "zh-cn": "zh-CN", "zh": "zh-CN", "zh_cn": "zh-CN", "中文": "zh-CN", "简体中文": "zh-CN",
    "en": "en", "en-us": "en", "en-gb": "en", "english": "en", "英文": "en", "英语": "en",
}


class RowError(Exception):
    """A reason to refuse one row; never escapes the import."""


@dataclass
class Context:
    """What rows of one import share: the organisation, its department tree, the policy, and
    every address and employee number in the file (to tell forward references from typos)."""

    org_id: str
    import_id: str
    dry_run: bool
    policy: PolicyRules
    tree: Tree
    actor: Principal | None
    file_addresses: set[str] = field(default_factory=set)
    file_employee_numbers: set[str] = field(default_factory=set)
    seen_addresses: dict[str, int] = field(default_factory=dict)
    seen_employee_numbers: dict[str, int] = field(default_factory=dict)
    seen_mobiles: dict[str, int] = field(default_factory=dict)
    tree_dirty: bool = False
    deferred_managers: list[tuple[int, str, str]] = field(default_factory=list)
    domains: dict[str, Domain] = field(default_factory=dict)  # the organisation's, by name
    # loaded per batch: addresses held by anyone, employee numbers and mobiles in use
    held: dict[str, Holder] = field(default_factory=dict)
    taken_numbers: set[str] = field(default_factory=set)
    taken_mobiles: set[str] = field(default_factory=set)


@dataclass
class Prepared:
    """A row checked without the database: normalised values, or the error."""

    number: int
    values: dict[str, Any]
    address: str | None = None
    error: str | None = None
    password_hash: str | None = None


@dataclass
class Outcome:
    status: str  # created | updated | unchanged | error
    account_id: str | None = None
    reason: str | None = None
    changed: list[str] = field(default_factory=list)


def _bool(value: str, column: str) -> bool:
    lowered = value.strip().lower()
    if lowered in TRUE:
        return True
    if lowered in FALSE:
        return False
    raise RowError(f"{column}: {value!r} is not true or false")


def prepare(ctx: Context, number: int, cells: dict[str, str]) -> Prepared:
    """Normalise and check a row's cells; registers its address and employee number as seen."""
    values = {k: unescape_formula(v.strip()) for k, v in cells.items()}
    row = Prepared(number, values)
    try:
        try:
            row.address = normalise_address(values.get("address", ""))
        except ValueError as exc:
            raise RowError(f"address: {values.get('address', '')!r} is not valid ({exc})") from None
        first = ctx.seen_addresses.setdefault(row.address, number)
        if first != number:
            raise RowError(f"address {row.address} is also on row {first}")
        number_value = values.get("employee_number", "")
        if number_value:
            first = ctx.seen_employee_numbers.setdefault(number_value, number)
            if first != number:
                raise RowError(f"employee number {number_value} is also on row {first}")
        if values.get("mobile"):
            try:
                values["mobile"] = normalise_mobile(values["mobile"])
            except ValueError as exc:
                raise RowError(f"mobile: {exc}") from None
            first = ctx.seen_mobiles.setdefault(values["mobile"], number)
            if first != number:
                raise RowError(f"mobile {values['mobile']} is also on row {first}")
        if values.get("password"):
            try:
                check_policy(values["password"], address=row.address, policy=ctx.policy)
            except AppError as error:
                raise RowError(f"password: {error.detail}") from None
    except RowError as error:
        row.error = str(error)
    return row


def _split(value: str) -> list[str]:
    return [p.strip() for p in LIST_SPLIT.split(value) if p.strip()]


async def _fields(
    session: AsyncSession, ctx: Context, row: Prepared, account_id: str | None
) -> dict[str, Any]:
    """The account fields a row sets (only columns with a value; empty cells change nothing)."""
    v = row.values
    out: dict[str, Any] = {}
    for key in ("display_name", "employee_number", "mobile", "job_title"):
        if v.get(key):
            out[key] = v[key]
    if v.get("type"):
        kind = TYPES.get(v["type"].strip().lower())
        if kind is None:
            raise RowError(f"type: {v['type']!r} is not employee or shared")
        out["type"] = kind
    if v.get("hidden_from_address_book"):
        out["hidden_from_address_book"] = _bool(
            v["hidden_from_address_book"], "hidden_from_address_book"
        )
    if v.get("must_change_password"):
        out["must_change_password"] = _bool(v["must_change_password"], "must_change_password")
    if v.get("security_phone"):
        try:
            out["security_phone"] = normalise_e164(v["security_phone"])
        except ValueError as exc:
            raise RowError(f"security_phone: {exc}") from None
    if v.get("recovery_email"):
        try:
            out["recovery_email"] = normalise_address(v["recovery_email"])
        except ValueError as exc:
            raise RowError(f"recovery_email: {exc}") from None
    if v.get("locale"):
        locale = LOCALES.get(v["locale"].strip().lower())
        if locale is None:
            raise RowError(f"locale: {v['locale']!r} is not zh-CN or en")
        out["locale"] = locale
    if v.get("quota_mb"):
        try:
            quota = float(v["quota_mb"])
        except ValueError:
            raise RowError(f"quota_mb: {v['quota_mb']!r} is not a number") from None
        if not 0 <= quota <= 2**30:
            raise RowError("quota_mb: out of range")
        out["quota_bytes"] = int(quota * 1024 * 1024)
    if v.get("departments"):
        ids = []
        for path in _split(v["departments"]):
            before = len(ctx.tree.nodes)
            try:
                dep = await ensure_path(session, ctx.org_id, path, ctx.tree, actor=ctx.actor)
            except AppError as error:
                raise RowError(f"departments: {error.detail}") from None
            ctx.tree_dirty = ctx.tree_dirty or len(ctx.tree.nodes) != before
            assert dep is not None
            ids.append(dep.id)
        out["department_ids"] = list(dict.fromkeys(ids))
    if v.get("manager"):
        ref = v["manager"]
        manager = await find_account(
            session, ctx.org_id, ref if "@" in ref else f"employee_number:{ref}"
        )
        if manager is not None:
            out["manager_id"] = manager.id
        elif ref.lower() in ctx.file_addresses or ref in ctx.file_employee_numbers:
            ctx.deferred_managers.append((row.number, account_id or "", ref))
        else:
            raise RowError(f"manager: no account {ref} here or in the file")
    return out


def _check_new(ctx: Context, row: Prepared) -> Domain:
    """The batch-level checks a new account needs (no query: the batch preloaded them)."""
    assert row.address is not None
    dom = ctx.domains.get(domain_part(row.address))
    if dom is None:
        raise RowError(f"{domain_part(row.address)} is not one of this organisation's domains")
    if dom.alias_of:
        raise RowError(f"{dom.name} is an alias domain: use the primary domain")
    held = ctx.held.get(row.address)
    if held is not None:
        raise RowError(
            f"{row.address} is already used by {'an' if held.kind != 'group' else 'a'} {held.kind}"
        )
    number = row.values.get("employee_number")
    if number and number in ctx.taken_numbers:
        raise RowError(f"employee number {number} belongs to another account")
    mobile = row.values.get("mobile")
    if mobile and mobile in ctx.taken_mobiles:
        raise RowError(f"mobile {mobile} belongs to another account")
    return dom


async def _create(
    session: AsyncSession,
    ctx: Context,
    row: Prepared,
    wanted_aliases: list[str],
    details: dict[str, Any],
) -> Outcome:
    assert row.address is not None
    dom = _check_new(ctx, row)
    fields = await _fields(session, ctx, row, None)
    if not fields.get("display_name"):
        raise RowError("display_name is required for a new account")
    try:
        data = schemas.AccountCreate(address=row.address, **fields)
    except ValidationError as exc:
        raise RowError(_first_error(exc)) from None
    account = await accounts.insert_checked_account(
        session,
        ctx.org_id,
        data,
        domain_id=dom.id,
        password_hash=row.password_hash,
        actor=ctx.actor,
        details=details,
    )
    for i, alias in enumerate(wanted_aliases):
        await alias_service.add_alias(
            session, account, alias, actor=ctx.actor, param=f"aliases[{i}]"
        )
    if ctx.deferred_managers and ctx.deferred_managers[-1][0] == row.number:
        ctx.deferred_managers[-1] = (row.number, account.id, ctx.deferred_managers[-1][2])
    return Outcome("created", account.id)


def _first_error(exc: ValidationError) -> str:
    first = exc.errors()[0]
    where = ".".join(str(p) for p in first["loc"])
    return f"{where}: {first['msg']}" if where else first["msg"]


async def apply(
    session: AsyncSession, ctx: Context, row: Prepared, existing: Account | None
) -> Outcome:
    """Create or update the row's account in the caller's savepoint; RowError/AppError abort it."""
    assert row.address is not None
    details = {"import_id": ctx.import_id}
    if existing is not None and existing.status == "deleted":
        raise RowError(f"{existing.address} is a deleted account; restore it before importing it")
    wanted_aliases = []
    for alias in _split(row.values.get("aliases", "")):
        try:
            wanted_aliases.append(normalise_address(alias))
        except ValueError:
            raise RowError(f"aliases: {alias!r} is not a valid address") from None
    if existing is None:
        return await _create(session, ctx, row, wanted_aliases, details)
    fields = await _fields(session, ctx, row, existing.id)
    if existing.address.lower() != row.address:
        fields["address"] = row.address  # matched by employee number: the address changed
    try:
        schemas.AccountUpdate(**fields)
    except ValidationError as exc:
        raise RowError(_first_error(exc)) from None
    changed = await accounts.update_account(
        session, existing, fields, actor=ctx.actor, details=details
    )
    have = {a.address for a in await alias_service.list_aliases(session, existing)}
    added = False
    for i, alias in enumerate(wanted_aliases):
        if alias not in have and alias != existing.address.lower():
            await alias_service.add_alias(
                session, existing, alias, actor=ctx.actor, param=f"aliases[{i}]"
            )
            added = True
    if added:
        changed.append("aliases")
    return Outcome("updated" if changed else "unchanged", existing.id, changed=changed)
