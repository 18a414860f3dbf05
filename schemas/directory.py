"""The directory's public contract: accounts, aliases, password policy, departments, groups,
bulk imports."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Annotated, Literal

from pydantic import AfterValidator, Field

from schemas.base import RequestModel, ResponseModel
from schemas.numbers import INT32_MAX
from schemas.text import SingleLine

_LOCAL = re.compile(r"^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*$")
_LABEL = re.compile(r"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$")
_MOBILE = re.compile(r"^\+?[0-9]{5,20}$")


def normalise_address(value: str) -> str:
    """Lower-case and check an address (dot-atom local part, DNS host name); ValueError if bad."""
    value = value.strip().lower()
    local, at, domain = value.rpartition("@")
    if not at or not local or not domain or len(value) > 320:
        raise ValueError("not an email address")
    if len(local) > 64 or not _LOCAL.match(local):
        raise ValueError("the part before @ is not valid")
    labels = domain.split(".")
    if len(domain) > 253 or len(labels) < 2 or not all(_LABEL.match(label) for label in labels):
        raise ValueError("the domain is not a valid host name")
    return value


def normalise_mobile(value: str) -> str:
    cleaned = re.sub(r"[\s().-]", "", value)
    if not _MOBILE.match(cleaned):
        raise ValueError("a mobile number is 5 to 20 digits, optionally after a +")
    return cleaned


Address = Annotated[str, Field(min_length=3, max_length=320), AfterValidator(normalise_address)]
Mobile = Annotated[str, Field(min_length=5, max_length=32), AfterValidator(normalise_mobile)]
DisplayName = Annotated[str, Field(min_length=1, max_length=200), SingleLine]
EmployeeNumber = Annotated[str, Field(min_length=1, max_length=64, pattern=r"^\S(.*\S)?$")]
Password = Annotated[str, Field(min_length=1, max_length=1024)]
AccountRef = Annotated[
    str, Field(min_length=1, max_length=320, description="An account id or address.")
]
AccountType = Literal["employee", "shared"]
AccountStatus = Literal["active", "frozen", "deleted"]
Quota = Annotated[
    int, Field(ge=0, le=2**50, description="Mailbox quota in bytes; null = unlimited.")
]


# --- accounts -----------------------------------------------------------------------------


class AccountCreate(RequestModel):
    address: Address
    display_name: DisplayName
    password: Password | None = Field(
        default=None, description="Omit to have one generated (returned once in `password`)."
    )
    must_change_password: bool = Field(
        default=True, description="Ask for a new password at the first sign-in."
    )
    employee_number: EmployeeNumber | None = None
    mobile: Mobile | None = None
    job_title: Annotated[str, Field(max_length=200), SingleLine] = ""
    department_ids: list[str] = Field(default_factory=list, max_length=20)
    manager_id: AccountRef | None = None
    quota_bytes: Quota | None = None
    type: AccountType = "employee"
    hidden_from_address_book: bool = False


class AccountUpdate(RequestModel):
    """JSON merge patch: send only what changes; `null` clears a nullable field."""

    address: Address | None = Field(
        default=None, description="A new primary address; the old one stays as an alias."
    )
    display_name: DisplayName | None = None
    employee_number: EmployeeNumber | None = None
    mobile: Mobile | None = None
    job_title: Annotated[str, Field(max_length=200), SingleLine] | None = None
    department_ids: list[str] | None = Field(default=None, max_length=20)
    manager_id: AccountRef | None = None
    quota_bytes: Quota | None = None
    type: AccountType | None = None
    hidden_from_address_book: bool | None = None
    must_change_password: bool | None = None


class Account(ResponseModel):
    id: str
    address: str
    display_name: str
    status: AccountStatus
    role: str
    type: AccountType
    employee_number: str | None
    mobile: str | None
    job_title: str
    department_ids: list[str]
    manager_id: str | None
    quota_bytes: int | None
    hidden_from_address_book: bool
    must_change_password: bool
    aliases: list[str]
    created_at: datetime
    updated_at: datetime
    frozen_at: datetime | None = None
    deleted_at: datetime | None = None
    purge_after: datetime | None = Field(
        default=None, description="When a deleted account stops being restorable."
    )


class AccountCreated(Account):
    password: str | None = Field(
        default=None, description="The generated password, in this response only."
    )


class AccountMove(RequestModel):
    from_department_id: str | None = Field(
        default=None, description="The department to leave; omit to leave every department."
    )
    to_department_id: str


class PasswordReset(RequestModel):
    password: Password | None = Field(default=None, description="Omit to have one generated.")
    must_change_password: bool = True


class PasswordResetResult(ResponseModel):
    password: str | None = Field(default=None, description="The generated password, shown once.")


class PasswordChange(RequestModel):
    current_password: Password
    new_password: Password


class PasswordPolicy(ResponseModel):
    min_length: int
    require_lowercase: bool
    require_uppercase: bool
    require_digit: bool
    require_symbol: bool
    forbid_user_name: bool


class PasswordPolicyUpdate(RequestModel):
    min_length: Annotated[int, Field(ge=8, le=128)] | None = None
    require_lowercase: bool | None = None
    require_uppercase: bool | None = None
    require_digit: bool | None = None
    require_symbol: bool | None = None
    forbid_user_name: bool | None = None


class AliasCreate(RequestModel):
    address: Address


class Alias(ResponseModel):
    address: str
    account_id: str
    created_at: datetime


class AddressCheck(RequestModel):
    addresses: list[Annotated[str, Field(max_length=320)]] = Field(min_length=1, max_length=100)


class AddressStatus(ResponseModel):
    address: str
    status: Literal["free", "account", "alias", "group", "invalid"]
    id: str | None = Field(default=None, description="The account or group holding the address.")
    reason: str | None = None


class AddressCheckResult(ResponseModel):
    results: list[AddressStatus]


# --- departments --------------------------------------------------------------------------


class DepartmentCreate(RequestModel):
    name: Annotated[str, Field(min_length=1, max_length=200, pattern=r"^[^/]+$"), SingleLine]
    parent_id: str | None = Field(default=None, description="Omit to create under the root.")
    sort_order: int | None = Field(default=None, ge=0, le=1_000_000)
    manager_ids: list[AccountRef] = Field(default_factory=list, max_length=20)


class DepartmentUpdate(RequestModel):
    name: Annotated[str, Field(min_length=1, max_length=200, pattern=r"^[^/]+$"), SingleLine] | None = None
    parent_id: str | None = Field(default=None, description="Move under this department.")
    sort_order: int | None = Field(default=None, ge=0, le=1_000_000)
    manager_ids: list[AccountRef] | None = Field(default=None, max_length=20)


class DepartmentMove(RequestModel):
    parent_id: str
    position: int | None = Field(
        default=None, ge=0, le=INT32_MAX,
        description="Place among the new siblings (0 = first); omit = last.",
    )


class DepartmentReorder(RequestModel):
    child_ids: list[str] = Field(min_length=1, max_length=10_000)


class Department(ResponseModel):
    id: str
    parent_id: str | None
    name: str
    path: str = Field(description="Names from below the root, joined with `/` (`Sales/East`).")
    sort_order: int
    manager_ids: list[str]
    created_at: datetime
    updated_at: datetime


# --- groups -------------------------------------------------------------------------------

SendPolicy = Literal["anyone", "organization", "members", "moderators"]
MemberKind = Literal["account", "department", "group", "external"]


class GroupMemberCreate(RequestModel):
    kind: MemberKind
    ref: Annotated[str, Field(min_length=1, max_length=320)] = Field(
        description="Account id or address, department id, group id or address, external address."
    )
    role: Literal["member", "moderator"] = "member"


class GroupMember(ResponseModel):
    id: str = Field(description="`kind:ref`, for removing the member.")
    kind: MemberKind
    ref: str
    role: str
    address: str | None = None
    created_at: datetime


class GroupCreate(RequestModel):
    address: Address
    name: DisplayName
    description: Annotated[str, Field(max_length=2000)] = ""
    send_policy: SendPolicy = "organization"
    hidden_from_address_book: bool = False
    members: list[GroupMemberCreate] = Field(default_factory=list, max_length=1000)


class GroupUpdate(RequestModel):
    name: DisplayName | None = None
    description: Annotated[str, Field(max_length=2000)] | None = None
    send_policy: SendPolicy | None = None
    hidden_from_address_book: bool | None = None


class Group(ResponseModel):
    id: str
    address: str
    name: str
    description: str
    send_policy: SendPolicy
    hidden_from_address_book: bool
    created_at: datetime
    updated_at: datetime


class ExpandedAccount(ResponseModel):
    id: str
    address: str


class GroupExpansion(ResponseModel):
    accounts: list[ExpandedAccount]
    external: list[str]


# --- bulk import --------------------------------------------------------------------------


class ImportCounts(ResponseModel):
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    error: int = 0


class DirectoryImport(ResponseModel):
    id: str
    status: Literal["queued", "running", "completed", "failed"]
    dry_run: bool
    format: Literal["csv", "xlsx"]
    filename: str
    size: int
    total_rows: int
    processed_rows: int
    counts: ImportCounts
    error: str | None
    created_at: datetime
    started_at: datetime | None
    finished_at: datetime | None


class DirectoryImportRow(ResponseModel):
    row: int = Field(description="The data row's number in the file (the header is row 1).")
    status: Literal["created", "updated", "unchanged", "error"]
    address: str | None
    account_id: str | None
    reason: str | None
    changed: list[str]
