"""Organisations (tenants), their domains and the accounts that sign in."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, Boolean, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from api.kit.clock import utcnow
from api.storage.models.base import Base, JSONType, UTCDateTime


class Organization(Base):
    __tablename__ = "organizations"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # settings (0011): the language and time zone people get unless they choose their own,
    # and the private networks (CIDRs) migration sources may be in.
    locale: Mapped[str] = mapped_column(String(16), default="en")
    time_zone: Mapped[str] = mapped_column(String(64), default="UTC")
    migration_private_networks: Mapped[list[str]] = mapped_column(JSONType, default=list)
    # issue 16: where people may forward their mail: "off", "internal" (addresses hosted
    # here) or "any"
    mail_forwarding: Mapped[str] = mapped_column(String(10), default="internal")
    version: Mapped[int] = mapped_column(Integer, default=1)


class Domain(Base):
    __tablename__ = "domains"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    org_id: Mapped[str] = mapped_column(ForeignKey("organizations.id"), index=True)
    name: Mapped[str] = mapped_column(String(253), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Domains and DNS (api/directory/domains): an alias domain mirrors its primary.
    kind: Mapped[str] = mapped_column(String(10), default="primary")  # primary | alias
    alias_of: Mapped[str | None] = mapped_column(
        ForeignKey("domains.id"), nullable=True, index=True
    )
    status: Mapped[str] = mapped_column(String(20), default="pending")  # pending|verified|failing
    dns_results: Mapped[list[dict[str, Any]] | None] = mapped_column(JSONType, nullable=True)
    last_checked_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    next_check_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True, index=True)
    verified_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


class Account(Base):
    __tablename__ = "accounts"
    __table_args__ = (
        UniqueConstraint("address"),
        # directory (0003): unique HR keys per organisation, keyset listing per organisation
        Index("ix_accounts_org_employee_number", "org_id", "employee_number", unique=True),
        Index("ix_accounts_org_mobile", "org_id", "mobile", unique=True),
        Index("ix_accounts_org_id_id", "org_id", "id"),
        Index("ix_accounts_org_status_id", "org_id", "status", "id"),  # 0010: ?status=
        Index("ix_accounts_org_role_id", "org_id", "role", "id"),  # 0017i15: ?role=
    )

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    org_id: Mapped[str] = mapped_column(ForeignKey("organizations.id"), index=True)
    domain_id: Mapped[str] = mapped_column(ForeignKey("domains.id"), index=True)
    address: Mapped[str] = mapped_column(String(320))
    display_name: Mapped[str] = mapped_column(String(200), default="")
    password_hash: Mapped[str | None] = mapped_column(String(200), nullable=True)
    role: Mapped[str] = mapped_column(String(20), default="member")  # member|admin|operator
    status: Mapped[str] = mapped_column(String(20), default="active")  # active|frozen
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=False)
    # directory (0003); status also takes "deleted" (soft delete, restorable until purge_after)
    employee_number: Mapped[str | None] = mapped_column(String(64), nullable=True)
    mobile: Mapped[str | None] = mapped_column(String(32), nullable=True)
    job_title: Mapped[str] = mapped_column(String(200), default="")
    manager_id: Mapped[str | None] = mapped_column(String(40), nullable=True, index=True)
    quota_bytes: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    kind: Mapped[str] = mapped_column(String(20), default="employee")  # employee | shared
    hidden_from_address_book: Mapped[bool] = mapped_column(Boolean, default=False)
    password_changed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    frozen_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    purge_after: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True, index=True)
    # first password and language (0011): a phone and an address to reach the person outside
    # their mailbox; their own language and time zone (None: the organisation's).
    security_phone: Mapped[str | None] = mapped_column(String(32), nullable=True)
    security_phone_verified: Mapped[bool] = mapped_column(Boolean, default=False)
    recovery_email: Mapped[str | None] = mapped_column(String(320), nullable=True)
    locale: Mapped[str | None] = mapped_column(String(16), nullable=True)
    time_zone: Mapped[str | None] = mapped_column(String(64), nullable=True)
    # issue 16: an auto-reply or forwarding is on (read by the delivery core with the
    # account row, so other deliveries never look up mail settings)
    mail_responders: Mapped[bool] = mapped_column(Boolean, default=False)
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


class AccountLink(Base):
    """A one-time link for an account: `activation` (choose a password) or `login` (an SSO
    sign-in, Exmail's get_login_url). Only the SHA-256 of the token is kept."""

    __tablename__ = "account_links"
    __table_args__ = (Index("ix_account_links_account_kind", "account_id", "kind"),)

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    org_id: Mapped[str] = mapped_column(String(40), index=True)
    account_id: Mapped[str] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(12))  # activation | login
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    next_path: Mapped[str] = mapped_column(String(2000), default="/")
    created_by_type: Mapped[str] = mapped_column(String(20), default="system")
    created_by_id: Mapped[str | None] = mapped_column(String(40), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
