"""Directory tables: alias and group addresses, departments, groups, password policies,
sign-in throttling and bulk import jobs. Accounts themselves live in `tenancy.py`."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, Boolean, Index, Integer, String, Text, func, true
from sqlalchemy.orm import Mapped, mapped_column

from api.kit.clock import utcnow
from api.storage.models.base import Base, JSONType, UTCDateTime
from api.storage.models.tenancy import Account


class DirectoryAddress(Base):
    """An address that is not an account's primary one: an account alias or a group.

    Lower-cased, unique across every hosted domain; the account table holds primary addresses.
    """

    __tablename__ = "directory_addresses"
    # 0010: an account page's aliases by (org_id, target_id), not a scan of the org's addresses
    __table_args__ = (Index("ix_directory_addresses_org_target", "org_id", "target_id"),)

    address: Mapped[str] = mapped_column(String(320), primary_key=True)
    org_id: Mapped[str] = mapped_column(String(40), index=True)
    kind: Mapped[str] = mapped_column(String(10))  # alias | group
    target_id: Mapped[str] = mapped_column(String(40), index=True)  # account or group id
    domain_id: Mapped[str] = mapped_column(String(40), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Department(Base):
    __tablename__ = "departments"
    __table_args__ = (Index("ix_departments_org_id_parent_id", "org_id", "parent_id"),)

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    org_id: Mapped[str] = mapped_column(String(40))
    parent_id: Mapped[str | None] = mapped_column(String(40), nullable=True)  # None: the root
    name: Mapped[str] = mapped_column(String(200))
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class AccountDepartment(Base):
    """An account's membership of one department (an account may be in several)."""

    __tablename__ = "account_departments"
    # 0010: a department's members from one covering index (`?department_id=`)
    __table_args__ = (
        Index("ix_account_departments_org_dep_account", "org_id", "department_id", "account_id"),
    )

    account_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    department_id: Mapped[str] = mapped_column(String(40), primary_key=True, index=True)
    org_id: Mapped[str] = mapped_column(String(40), index=True)


class DepartmentManager(Base):
    __tablename__ = "department_managers"

    department_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    account_id: Mapped[str] = mapped_column(String(40), primary_key=True, index=True)
    org_id: Mapped[str] = mapped_column(String(40), index=True)


class Group(Base):
    """A mailing list: an address that expands to its members."""

    __tablename__ = "groups"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    org_id: Mapped[str] = mapped_column(String(40), index=True)
    domain_id: Mapped[str] = mapped_column(String(40), index=True)
    address: Mapped[str] = mapped_column(String(320), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(String(2000), default="")
    send_policy: Mapped[str] = mapped_column(String(20), default="organization")
    hidden_from_address_book: Mapped[bool] = mapped_column(Boolean, default=False)
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class GroupMember(Base):
    """One member of a group: an account, a department, another group or an external address."""

    __tablename__ = "group_members"
    __table_args__ = (Index("ix_group_members_kind_ref", "kind", "ref"),)

    group_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    kind: Mapped[str] = mapped_column(
        String(12), primary_key=True
    )  # account|department|group|external
    ref: Mapped[str] = mapped_column(String(320), primary_key=True)  # id, or the external address
    org_id: Mapped[str] = mapped_column(String(40), index=True)
    role: Mapped[str] = mapped_column(String(12), default="member")  # member | moderator
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class PasswordPolicy(Base):
    """An organisation's password rules; organisations without a row use the defaults."""

    __tablename__ = "password_policies"

    org_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    min_length: Mapped[int] = mapped_column(Integer, default=10)
    require_lowercase: Mapped[bool] = mapped_column(Boolean, default=False)
    require_uppercase: Mapped[bool] = mapped_column(Boolean, default=False)
    require_digit: Mapped[bool] = mapped_column(Boolean, default=False)
    require_symbol: Mapped[bool] = mapped_column(Boolean, default=False)
    forbid_user_name: Mapped[bool] = mapped_column(Boolean, default=True)
    # mail clients (IMAP, POP3) may sign in with the account password; when off, only app
    # passwords and OAuth access tokens open the mailbox there
    mail_clients_allow_password: Mapped[bool] = mapped_column(Boolean, default=True,
                                                              server_default=true())
    version: Mapped[int] = mapped_column(Integer, default=1)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class LoginThrottle(Base):
    """Failed sign-ins per key (`acc:<id>` or `ip:<address>`) and the lockout they earned."""

    __tablename__ = "login_throttles"

    key: Mapped[str] = mapped_column(String(120), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    last_failure_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    # 0017i15: the organisation whose address (or domain) the last failure named, and the
    # address as typed (null for IP and client keys), so its admins can see and clear it.
    org_id: Mapped[str | None] = mapped_column(String(40), nullable=True, index=True)
    address: Mapped[str | None] = mapped_column(String(320), nullable=True)


class DirectoryImport(Base):
    """A bulk account import: the uploaded file (a blob), its progress and totals."""

    __tablename__ = "directory_imports"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    org_id: Mapped[str] = mapped_column(String(40), index=True)
    status: Mapped[str] = mapped_column(
        String(20), default="queued"
    )  # queued|running|completed|failed
    dry_run: Mapped[bool] = mapped_column(Boolean, default=False)
    format: Mapped[str] = mapped_column(String(8))  # csv | xlsx
    filename: Mapped[str] = mapped_column(String(255), default="")
    blob_sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(BigInteger, default=0)
    total_rows: Mapped[int] = mapped_column(Integer, default=0)
    processed_rows: Mapped[int] = mapped_column(Integer, default=0)
    counts: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
    error: Mapped[str | None] = mapped_column(Text, nullable=True)
    created_by: Mapped[str | None] = mapped_column(String(40), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class DirectoryImportRow(Base):
    """The outcome of one data row of an import: created | updated | unchanged | error."""

    __tablename__ = "directory_import_rows"

    import_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    row: Mapped[int] = mapped_column(Integer, primary_key=True)
    org_id: Mapped[str] = mapped_column(String(40), index=True)
    status: Mapped[str] = mapped_column(String(12))
    address: Mapped[str | None] = mapped_column(String(320), nullable=True)
    account_id: Mapped[str | None] = mapped_column(String(40), nullable=True)
    reason: Mapped[str | None] = mapped_column(String(1000), nullable=True)
    changed: Mapped[list[str]] = mapped_column(JSONType, default=list)


# Addresses are compared case-insensitively everywhere (sign-in, lookups, delivery): an
# expression index keeps `lower(address) = …` an index lookup on SQLite and PostgreSQL.
Index("ix_accounts_lower_address", func.lower(Account.address))
