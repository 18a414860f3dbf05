"""Mailbox migration: moving accounts in from another provider over IMAP or POP3."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import Field, model_validator

from schemas.base import RequestModel, ResponseModel
from schemas.events import JobData, register

Security = Literal["none", "starttls", "tls"]
Protocol = Literal["imap", "pop3"]
Role = Literal["inbox", "sent", "drafts", "junk", "trash", "archive"]
MigrationStatus = Literal["queued", "running", "completed", "failed", "cancelled"]
AccountStatus = Literal["queued", "running", "completed", "failed", "cancelled"]
FolderStatus = Literal["pending", "running", "done", "skipped", "failed"]

DEFAULT_PORTS: dict[tuple[str, str], int] = {
    ("imap", "none"): 143,
    ("imap", "starttls"): 143,
    ("imap", "tls"): 993,
    ("pop3", "none"): 110,
    ("pop3", "starttls"): 110,
    ("pop3", "tls"): 995,
}


class MigrationSource(RequestModel):
    """The mailbox to copy from. The password is stored encrypted and wiped when this
    account's migration ends; it is never returned."""

    host: str = Field(
        min_length=1, max_length=253, description="IMAP or POP3 server name or address."
    )
    port: int | None = Field(
        default=None,
        ge=1,
        le=65535,
        description="Default: 993 (imap+tls), 143 (imap), 995 (pop3+tls), 110 (pop3).",
    )
    security: Security = Field(default="tls", description="tls (implicit), starttls, or none.")
    protocol: Protocol = Field(default="imap", description="imap, or pop3 (inbox only).")
    username: str = Field(min_length=1, max_length=320)
    password: str = Field(min_length=1, max_length=1024)
    verify_tls: bool = Field(default=True, description="Check the server's certificate.")


class MigrationAccountCreate(RequestModel):
    account: str = Field(
        min_length=1, max_length=320, description="The target account: its id or address."
    )
    source: MigrationSource


class FolderRule(RequestModel):
    """Where one source folder goes, overriding discovery: a system folder (`role`), a
    custom folder path (`target`, levels separated by `/`), or nowhere (`skip`)."""

    source: str = Field(
        min_length=1,
        max_length=1000,
        description="The source folder's decoded name, levels separated by `/`.",
    )
    role: Role | None = None
    target: str | None = Field(default=None, min_length=1, max_length=1000)
    skip: bool = False

    @model_validator(mode="after")
    def _one_destination(self) -> FolderRule:
        chosen = sum([self.role is not None, self.target is not None, self.skip])
        if chosen != 1:
            raise ValueError("give exactly one of role, target or skip: true")
        return self


class MigrationCreate(RequestModel):
    """Accounts as a list, or as CSV text with a header row: `account,host,port,security,
    username,password` (optional `protocol`, `verify_tls`)."""

    accounts: list[MigrationAccountCreate] | None = Field(
        default=None, min_length=1, max_length=10_000
    )
    csv: str | None = Field(default=None, min_length=1, max_length=1_000_000)
    folders: list[FolderRule] = Field(default_factory=list, max_length=200)

    @model_validator(mode="after")
    def _one_source_list(self) -> MigrationCreate:
        if (self.accounts is None) == (self.csv is None):
            raise ValueError("give either accounts or csv")
        return self


class MigrationCounts(ResponseModel):
    accounts_total: int = 0
    accounts_queued: int = 0
    accounts_running: int = 0
    accounts_completed: int = 0
    accounts_failed: int = 0
    accounts_cancelled: int = 0
    messages_total: int = Field(0, description="Messages found to import so far.")
    messages_done: int = Field(0, description="Imported, skipped as duplicates, or failed.")
    messages_imported: int = 0
    messages_skipped: int = Field(
        0, description="Duplicates, and messages deleted at the source meanwhile."
    )
    messages_failed: int = 0
    bytes_total: int = 0
    bytes_done: int = 0


class Migration(ResponseModel):
    id: str
    status: MigrationStatus
    counts: MigrationCounts
    folders: list[FolderRule] = Field(description="The folder rules given at creation.")
    error: str | None = None
    created_at: datetime
    started_at: datetime | None = None
    finished_at: datetime | None = None


class MigrationSourceInfo(ResponseModel):
    host: str
    port: int
    security: Security
    protocol: Protocol
    username: str
    verify_tls: bool


class MigrationFolderProgress(ResponseModel):
    source: str = Field(description="The source folder's decoded name.")
    role: Role | None
    target: str = Field(description="Where it goes: a role, or a folder path.")
    target_folder_id: str | None
    status: FolderStatus
    skip_reason: str | None
    messages_total: int
    messages_done: int
    messages_skipped: int
    messages_failed: int
    bytes_total: int
    bytes_done: int
    uidvalidity: int | None
    last_uid: int


class MigrationAccount(ResponseModel):
    id: str
    migration_id: str
    account_id: str
    address: str
    source: MigrationSourceInfo
    status: AccountStatus
    error_code: str | None = Field(
        description="source_auth_failed, source_unreachable, "
        "source_tls_failed, source_blocked, source_protocol_error, "
        "source_unavailable, source_timeout, target_quota_exceeded, "
        "target_unavailable, credentials_unavailable, cancelled"
    )
    error: str | None
    messages_total: int
    messages_done: int
    messages_skipped: int
    messages_failed: int
    bytes_total: int
    bytes_done: int
    attempts: int = Field(description="Transient failures in a row (reset by progress).")
    next_attempt_at: datetime | None
    folders: list[MigrationFolderProgress]
    started_at: datetime | None
    finished_at: datetime | None


class MigrationFailure(ResponseModel):
    id: str
    migration_account_id: str
    account_id: str
    folder: str
    uid: str = Field(description="The IMAP UID, or the POP3 UIDL.")
    size: int | None
    code: str = Field(description="fetch_failed, too_large, store_failed.")
    reason: str
    created_at: datetime


def _register_events() -> None:
    register("directory.migration.cancelled", "A mailbox migration was cancelled.", JobData)


_register_events()
