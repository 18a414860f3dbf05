"""The directory's public contract: accounts, aliases, password policy, departments, groups,
bulk imports."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Annotated, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

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


_E164 = re.compile(r"^\+[1-9][0-9]{6,14}$")


def normalise_e164(value: str) -> str:
    """An E.164 number (`+8613800138000`): spaces, dashes, dots and brackets are dropped."""
    cleaned = re.sub(r"[\s().-]", "", value)
    if not _E164.match(cleaned):
        raise ValueError("an E.164 number is + then the country code and number, 8 to 15 digits")
    return cleaned


def check_time_zone(value: str) -> str:
    """An IANA time zone name (`Asia/Shanghai`)."""
    try:

        if not re.match(r"^[A-Za-z0-9_+\-]+(/[A-Za-z0-9_+\-]+)*$", value):
            raise ValueError("not an IANA time zone")
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise ValueError("not an IANA time zone name (for example Asia/Shanghai)") from None
    return value


Address = Annotated[str, Field(min_length=3, max_length=320), AfterValidator(normalise_address)]
E164Phone = Annotated[
    str,
    Field(min_length=8, max_length=32, description="E.164, e.g. +8613800138000."),
    AfterValidator(normalise_e164),
]
LocaleTag = Literal["zh-CN", "en"]
TimeZone = Annotated[
    str,
    Field(min_length=1, max_length=64, description="An IANA time zone, e.g. Asia/Shanghai."),
    AfterValidator(check_time_zone),
]
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
    security_phone: E164Phone | None = Field(
        default=None, description="A phone to reach the person outside their mailbox (E.164)."
    )
    security_phone_verified: bool = Field(
        default=False, description="Whether the organisation has verified `security_phone`."
    )
    recovery_email: Address | None = Field(
        default=None, description="An address outside the mailbox (activation links go there)."
    )
    locale: LocaleTag | None = Field(
        default=None, description="The person's language; null follows the organisation's."
    )
    time_zone: TimeZone | None = Field(
        default=None, description="The person's time zone; null follows the organisation's."
    )
    activation_link: bool = Field(
        default=False,
        description="Without `password`: set no password and return a one-time set-password "
        "link in `activation` instead of a generated password.",
    )


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
    security_phone: E164Phone | None = Field(
        default=None, description="A new security phone (E.164); a change clears its verification."
    )
    security_phone_verified: bool | None = None
    recovery_email: Address | None = None
    locale: LocaleTag | None = None
    time_zone: TimeZone | None = None


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
    security_phone: str | None = Field(default=None, description="E.164 security phone.")
    security_phone_verified: bool = False
    recovery_email: str | None = Field(default=None, description="Recovery address.")
    locale: LocaleTag | None = Field(
        default=None, description="The person's language (null: the organisation's)."
    )
    time_zone: str | None = Field(
        default=None, description="The person's IANA time zone (null: the organisation's)."
    )
    created_at: datetime
    updated_at: datetime
    frozen_at: datetime | None = None
    deleted_at: datetime | None = None
    purge_after: datetime | None = Field(
        default=None, description="When a deleted account stops being restorable."
    )


class ActivationLink(ResponseModel):
    """A one-time set-password link: shown once, to hand to the person by your own channel."""

    url: str = Field(description="Opens Mailplane's set-password page; works once.")
    expires_at: datetime
    sent_to: str | None = Field(
        default=None, description="The recovery address it was also mailed to, if asked."
    )


class ActivationLinkCreate(RequestModel):
    expires_in: int = Field(
        default=7 * 86400, ge=300, le=30 * 86400, description="Seconds the link stays valid."
    )
    send_to_recovery_email: bool = Field(
        default=False, description="Also mail the link to the account's `recovery_email`."
    )
    revoke_password: bool = Field(
        default=False,
        description="A reset: the current password stops working and tokens are revoked now.",
    )


class LoginLinkCreate(RequestModel):
    next: Annotated[str, Field(min_length=1, max_length=2000)] = Field(
        default="/",
        description="Where to land after signing in: a path on this Mailplane (`/mail`), "
        "never another site.",
    )


class LoginLink(ResponseModel):
    """A single-use sign-in URL for Mailplane's web pages (Exmail's get_login_url)."""

    url: str
    expires_at: datetime


class AccountCreated(Account):
    password: str | None = Field(
        default=None, description="The generated password, in this response only."
    )
    activation: ActivationLink | None = Field(
        default=None, description="With `activation_link`: the set-password link, shown once."
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
    mail_clients_allow_password: bool


class PasswordPolicyUpdate(RequestModel):
    min_length: Annotated[int, Field(ge=8, le=128)] | None = None
    require_lowercase: bool | None = None
    require_uppercase: bool | None = None
    require_digit: bool | None = None
    require_symbol: bool | None = None
    forbid_user_name: bool | None = None
    mail_clients_allow_password: bool | None = None


class SignInLock(ResponseModel):
    """Failed sign-ins the throttle remembers for one address of the organisation, or for a
    client address (IP) whose last failures named the organisation."""

    id: str = Field(description="The lock's id (`lck_…`), stable while failures are remembered.")
    kind: Literal["address", "ip"] = Field(
        description="`address`: failures for one sign-in address; `ip`: from one client address."
    )
    address: str | None = Field(description="The sign-in address as typed (kind `address`).")
    ip: str | None = Field(description="The client address (kind `ip`).")
    failures: int = Field(description="Failures counted since the last success (or forgetting).")
    last_failure_at: datetime = Field(description="When the last failure happened (RFC 3339, UTC).")
    locked_until: datetime | None = Field(
        description="Until when sign-ins are refused; null when the failures have not locked it."
    )
    locked: bool = Field(description="Whether sign-ins are refused right now.")


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


ROOT_PARENT = (
    "Departments name their parent by id: a top-level department has the root department's id"
    " (the root is the one department whose `parent_id` is null, listed first by"
    " `GET /v1/departments`)."
)


class DepartmentCreate(RequestModel):
    name: Annotated[str, Field(min_length=1, max_length=200, pattern=r"^[^/]+$"), SingleLine]
    parent_id: str | None = Field(
        default=None,
        description=(
            "The parent department's id; omit it (or send null) to create under the root: the"
            " answer then names the root by its id. " + ROOT_PARENT
        ),
    )

    sort_order: int | None = Field(default=None, ge=0, le=1_000_000)
    manager_ids: list[AccountRef] = Field(default_factory=list, max_length=20)


class DepartmentUpdate(RequestModel):
    name: (
        Annotated[str, Field(min_length=1, max_length=200, pattern=r"^[^/]+$"), SingleLine] | None
    ) = None
    parent_id: str | None = Field(
        default=None, description="Move under this department (an id). " + ROOT_PARENT
    )
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
    parent_id: str | None = Field(
        description="The parent's id; null only for the root department. " + ROOT_PARENT
    )
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


class ImportActivationLinksCreate(RequestModel):
    expires_in: int = Field(
        default=7 * 86400, ge=300, le=30 * 86400, description="Seconds each link stays valid."
    )
    send_to_recovery_email: bool = Field(
        default=False,
        description="Also mail each link to the account's recovery_email, where it has one.",
    )


class ImportActivationLink(ResponseModel):
    """The set-password link of one account an import created without a password."""

    row: int = Field(description="The data row's number in the file (the header is row 1).")
    account_id: str
    address: str
    url: str = Field(description="Shown once; asking again issues a new link.")
    expires_at: datetime
    sent_to: str | None = None
