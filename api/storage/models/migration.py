"""Mailbox migration tables: a job, one row per account moving in (its sealed source
credentials, state and lease), one per source folder (progress and the UID checkpoint),
per-message failures, the cursor that makes the next job incremental, the ledger of
imported messages that dedupes, and the per-host connection slots."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, Boolean, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from api.kit.clock import utcnow
from api.storage.models.base import Base, JSONType, UTCDateTime


class Migration(Base):
    """One migration job an admin started: its accounts are `MigrationAccount` rows."""

    __tablename__ = "migrations"
    __table_args__ = (Index("ix_migrations_org_id_id", "org_id", "id"),)

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    org_id: Mapped[str] = mapped_column(String(40))
    status: Mapped[str] = mapped_column(
        String(20), default="queued"
    )  # queued|running|completed|failed|cancelled
    folder_rules: Mapped[list[dict[str, Any]]] = mapped_column(JSONType, default=list)
    error: Mapped[str | None] = mapped_column(Text, nullable=True)
    created_by: Mapped[str | None] = mapped_column(String(40), nullable=True)
    progress_event_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class MigrationAccount(Base):
    """One source mailbox moving into one account. `secret` is the Fernet-sealed source
    password, None once the account's migration has ended."""

    __tablename__ = "migration_accounts"
    __table_args__ = (
        Index("ix_migration_accounts_migration", "migration_id", "position"),
        Index("ix_migration_accounts_account_status", "account_id", "status"),
    )

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    org_id: Mapped[str] = mapped_column(String(40), index=True)
    migration_id: Mapped[str] = mapped_column(String(40))
    position: Mapped[int] = mapped_column(Integer, default=0)
    account_id: Mapped[str] = mapped_column(String(40))
    address: Mapped[str] = mapped_column(String(320))
    protocol: Mapped[str] = mapped_column(String(8), default="imap")  # imap | pop3
    host: Mapped[str] = mapped_column(String(255))
    port: Mapped[int] = mapped_column(Integer)
    security: Mapped[str] = mapped_column(String(10))  # none | starttls | tls
    verify_tls: Mapped[bool] = mapped_column(Boolean, default=True)
    username: Mapped[str] = mapped_column(String(320))
    secret: Mapped[str | None] = mapped_column(Text, nullable=True)
    status: Mapped[str] = mapped_column(
        String(20), default="queued"
    )  # queued|running|completed|failed|cancelled
    error_code: Mapped[str | None] = mapped_column(String(40), nullable=True)
    error: Mapped[str | None] = mapped_column(Text, nullable=True)
    messages_total: Mapped[int] = mapped_column(BigInteger, default=0)
    messages_done: Mapped[int] = mapped_column(BigInteger, default=0)
    messages_failed: Mapped[int] = mapped_column(BigInteger, default=0)
    messages_skipped: Mapped[int] = mapped_column(BigInteger, default=0)
    bytes_total: Mapped[int] = mapped_column(BigInteger, default=0)
    bytes_done: Mapped[int] = mapped_column(BigInteger, default=0)
    attempts: Mapped[int] = mapped_column(Integer, default=0)  # transient failures in a row
    connected: Mapped[bool] = mapped_column(Boolean, default=False)  # the source ever let us in
    next_attempt_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    lease_owner: Mapped[str | None] = mapped_column(String(80), nullable=True)
    lease_until: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class MigrationFolder(Base):
    """One source folder of one migrating account: where it goes and how far it got."""

    __tablename__ = "migration_folders"
    __table_args__ = (Index("ix_migration_folders_item", "item_id", "position"),)

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    org_id: Mapped[str] = mapped_column(String(40), index=True)
    item_id: Mapped[str] = mapped_column(String(40))
    position: Mapped[int] = mapped_column(Integer, default=0)
    source_name: Mapped[str] = mapped_column(Text)  # decoded, "/" between levels
    source_raw: Mapped[str] = mapped_column(Text)  # as the server names it
    role: Mapped[str | None] = mapped_column(String(20), nullable=True)
    target_path: Mapped[str] = mapped_column(Text, default="")
    target_folder_id: Mapped[str | None] = mapped_column(String(40), nullable=True)
    status: Mapped[str] = mapped_column(
        String(20), default="pending"
    )  # pending|running|done|skipped|failed
    skip_reason: Mapped[str | None] = mapped_column(String(200), nullable=True)
    uidvalidity: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    last_uid: Mapped[int] = mapped_column(BigInteger, default=0)
    messages_total: Mapped[int] = mapped_column(BigInteger, default=0)
    messages_done: Mapped[int] = mapped_column(BigInteger, default=0)
    messages_failed: Mapped[int] = mapped_column(BigInteger, default=0)
    messages_skipped: Mapped[int] = mapped_column(BigInteger, default=0)
    bytes_total: Mapped[int] = mapped_column(BigInteger, default=0)
    bytes_done: Mapped[int] = mapped_column(BigInteger, default=0)


class MigrationFailure(Base):
    """A message that could not be imported (the job went on without it)."""

    __tablename__ = "migration_failures"
    __table_args__ = (Index("ix_migration_failures_migration", "migration_id", "id"),)

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    org_id: Mapped[str] = mapped_column(String(40), index=True)
    migration_id: Mapped[str] = mapped_column(String(40))
    item_id: Mapped[str] = mapped_column(String(40))
    account_id: Mapped[str] = mapped_column(String(40))
    folder: Mapped[str] = mapped_column(Text)
    uid: Mapped[str] = mapped_column(String(100))
    size: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    code: Mapped[str] = mapped_column(String(40))
    reason: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class MigrationCursor(Base):
    """Where the last import of one source folder into one account stopped, kept across
    jobs so the cut-over pass after the MX switch fetches only what is new."""

    __tablename__ = "migration_cursors"
    __table_args__ = (UniqueConstraint("account_id", "source_key", "folder_key"),)

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    org_id: Mapped[str] = mapped_column(String(40), index=True)
    account_id: Mapped[str] = mapped_column(String(40))
    source_key: Mapped[str] = mapped_column(String(64))  # sha256(host, port, username)
    folder_key: Mapped[str] = mapped_column(String(64))  # sha256(raw folder name)
    uidvalidity: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    last_uid: Mapped[int] = mapped_column(BigInteger, default=0)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class MigrationMessage(Base):
    """One message a migration imported: what dedupes a retry, a UIDVALIDITY reset or a
    message that also arrived by the new MX."""

    __tablename__ = "migration_messages"
    __table_args__ = (
        UniqueConstraint("account_id", "folder_id", "content_sha"),
        Index("ix_migration_messages_source", "account_id", "source_key", "source_ref"),
        Index("ix_migration_messages_msgid", "account_id", "folder_id", "message_id"),
    )

    id: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer(), "sqlite"), primary_key=True, autoincrement=True
    )
    org_id: Mapped[str] = mapped_column(String(40), index=True)
    account_id: Mapped[str] = mapped_column(String(40))
    folder_id: Mapped[str] = mapped_column(String(40))
    source_key: Mapped[str] = mapped_column(String(64))
    source_ref: Mapped[str] = mapped_column(String(100))  # "uidvalidity:uid" or a POP3 UIDL
    content_sha: Mapped[str] = mapped_column(String(64))
    body_sha: Mapped[str] = mapped_column(String(64))
    message_id: Mapped[str] = mapped_column(String(500), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class MigrationHostSlot(Base):
    """One of the few connections the whole installation may hold to one source host
    (providers throttle per client address). Not a tenant row: hosts are shared."""

    __tablename__ = "migration_host_slots"

    host: Mapped[str] = mapped_column(String(255), primary_key=True)
    slot: Mapped[int] = mapped_column(Integer, primary_key=True)
    holder: Mapped[str | None] = mapped_column(String(80), nullable=True)
    lease_until: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
