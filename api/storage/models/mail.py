"""Mail tables: per-account mailbox state, folders, messages (one row per mailbox copy,
raw bytes in the blob store), threads, the outbound queue, upload
sessions and links to huge attachments.

The full-text index is not a model: it is a dialect-specific structure (an FTS5 table on
SQLite, a tsvector table on PostgreSQL) created by migration 0005 and used only by
`api.mail.search.index`.
"""

from __future__ import annotations

import time
from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, Boolean, Index, Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from api.kit.clock import utcnow
from api.storage.models.base import Base, JSONType, UTCDateTime

#: An auto-incrementing 64-bit key that is SQLite's rowid there (AUTOINCREMENT, so a
#: rowid is never reused and the append-only search index cannot point at a stranger).
SeqType = BigInteger().with_variant(Integer(), "sqlite")


class Mailbox(Base):
    """One per account with mail: its modification sequence and exact usage counters."""

    __tablename__ = "mail_mailboxes"

    account_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    org_id: Mapped[str] = mapped_column(String(40), index=True)
    modseq: Mapped[int] = mapped_column(BigInteger, default=0)
    used_bytes: Mapped[int] = mapped_column(BigInteger, default=0)
    message_count: Mapped[int] = mapped_column(BigInteger, default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


def new_uid_validity() -> int:
    """A fresh folder's IMAP UIDVALIDITY: the creation second, so a folder deleted and made
    again under the same name never reuses its predecessor's UIDs in a client's cache."""
    return int(time.time()) & 0xFFFFFFFF or 1


class MailFolder(Base):
    __tablename__ = "mail_folders"
    __table_args__ = (
        Index("ix_mail_folders_account_parent", "account_id", "parent_id"),
        # one folder per system role: what makes a racing first use of the mailbox insert
        # nothing (ON CONFLICT DO NOTHING) instead of a second set of system folders
        Index("uq_mail_folders_account_role", "account_id", "role", unique=True,
              sqlite_where=text("role IS NOT NULL"),
              postgresql_where=text("role IS NOT NULL")),
        # sibling names differ other than by case (folders.service checks it; this holds
        # it under concurrency); a top-level folder's parent is '' here
        Index("uq_mail_folders_account_parent_name", "account_id",
              text("coalesce(parent_id, '')"), text("lower(name)"), unique=True),
    )

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    org_id: Mapped[str] = mapped_column(String(40), index=True)
    account_id: Mapped[str] = mapped_column(String(40))
    parent_id: Mapped[str | None] = mapped_column(String(40), nullable=True)
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str | None] = mapped_column(String(20), nullable=True)
    total_count: Mapped[int] = mapped_column(Integer, default=0)
    unread_count: Mapped[int] = mapped_column(Integer, default=0)
    size_bytes: Mapped[int] = mapped_column(BigInteger, default=0)
    version: Mapped[int] = mapped_column(Integer, default=1)
    # IMAP: UIDs of this folder's messages come from uid_next (taken under the row lock)
    uid_validity: Mapped[int] = mapped_column(BigInteger, default=new_uid_validity)
    uid_next: Mapped[int] = mapped_column(BigInteger, default=1)
    subscribed: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class MailMessage(Base):
    """One message in one mailbox. The raw bytes are the blob `blob_sha256`, shared by every
    mailbox that holds the same bytes."""

    __tablename__ = "mail_messages"
    __table_args__ = (
        Index("ix_mail_messages_folder_received", "account_id", "folder_id", "received_at", "seq"),
        Index("ix_mail_messages_account_received", "account_id", "received_at", "seq"),
        Index("ix_mail_messages_account_thread", "account_id", "thread_id"),
        Index("ix_mail_messages_account_modseq", "account_id", "modseq"),
        Index("ix_mail_messages_account_msgid", "account_id", "message_id_header"),
        Index("ix_mail_messages_folder_uid", "folder_id", "uid"),
        {"sqlite_autoincrement": True},
    )

    seq: Mapped[int] = mapped_column(SeqType, primary_key=True, autoincrement=True)
    # the sentinel lets one INSERT … RETURNING seq carry a whole batch of rows (SQLAlchemy
    # otherwise inserts them one by one to match each row with its generated seq)
    id: Mapped[str] = mapped_column(String(40), unique=True, insert_sentinel=True)
    org_id: Mapped[str] = mapped_column(String(40), index=True)
    account_id: Mapped[str] = mapped_column(String(40))
    folder_id: Mapped[str] = mapped_column(String(40))
    uid: Mapped[int] = mapped_column(BigInteger, default=0)  # IMAP UID within folder_id
    thread_id: Mapped[str] = mapped_column(String(40))
    blob_sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(BigInteger)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    seen: Mapped[bool] = mapped_column(Boolean, default=False)
    flagged: Mapped[bool] = mapped_column(Boolean, default=False)
    answered: Mapped[bool] = mapped_column(Boolean, default=False)
    forwarded: Mapped[bool] = mapped_column(Boolean, default=False)
    draft: Mapped[bool] = mapped_column(Boolean, default=False)
    keywords: Mapped[list[str]] = mapped_column(JSONType, default=list)
    subject: Mapped[str] = mapped_column(Text, default="")
    from_name: Mapped[str] = mapped_column(Text, default="")
    from_address: Mapped[str] = mapped_column(String(320), default="")
    to_addresses: Mapped[list[dict[str, str]]] = mapped_column(JSONType, default=list)
    cc_addresses: Mapped[list[dict[str, str]]] = mapped_column(JSONType, default=list)
    bcc_addresses: Mapped[list[dict[str, str]]] = mapped_column(JSONType, default=list)
    reply_to: Mapped[list[dict[str, str]]] = mapped_column(JSONType, default=list)
    message_id_header: Mapped[str] = mapped_column(String(500), default="")
    in_reply_to: Mapped[str] = mapped_column(String(500), default="")
    references: Mapped[list[str]] = mapped_column(JSONType, default=list)
    snippet: Mapped[str] = mapped_column(String(300), default="")
    priority: Mapped[str] = mapped_column(String(10), default="normal")
    has_attachments: Mapped[bool] = mapped_column(Boolean, default=False)
    attachments: Mapped[list[dict[str, Any]]] = mapped_column(JSONType, default=list)
    parse_status: Mapped[str] = mapped_column(String(10), default="ok")  # ok|defects|failed
    parse_problems: Mapped[list[str]] = mapped_column(JSONType, default=list)
    # drafts and scheduled sends keep what they were composed from, to edit or send later
    compose: Mapped[dict[str, Any] | None] = mapped_column(JSONType, nullable=True)
    send_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    created_modseq: Mapped[int] = mapped_column(BigInteger)
    modseq: Mapped[int] = mapped_column(BigInteger)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class MailThread(Base):
    __tablename__ = "mail_threads"
    __table_args__ = (
        Index("ix_mail_threads_account_last", "account_id", "last_received_at", "id"),
        Index("ix_mail_threads_account_subject", "account_id", "subject_key"),
    )

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    org_id: Mapped[str] = mapped_column(String(40), index=True)
    account_id: Mapped[str] = mapped_column(String(40))
    subject: Mapped[str] = mapped_column(Text, default="")
    subject_key: Mapped[str] = mapped_column(String(200), default="")
    message_count: Mapped[int] = mapped_column(Integer, default=0)
    unread_count: Mapped[int] = mapped_column(Integer, default=0)
    has_attachments: Mapped[bool] = mapped_column(Boolean, default=False)
    snippet: Mapped[str] = mapped_column(String(300), default="")
    participants: Mapped[list[dict[str, str]]] = mapped_column(JSONType, default=list)
    last_received_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    modseq: Mapped[int] = mapped_column(BigInteger, default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class MailOutbound(Base):
    """One remote recipient of one message, waiting for the SMTP edge to deliver it.

    Each row holds one reference to the blob; whoever finishes the row drops it.
    """

    __tablename__ = "mail_outbound"
    __table_args__ = (Index("ix_mail_outbound_status_next", "status", "next_attempt_at"),)

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    org_id: Mapped[str] = mapped_column(String(40), index=True)
    account_id: Mapped[str | None] = mapped_column(String(40), nullable=True)
    message_id: Mapped[str | None] = mapped_column(String(40), nullable=True)
    message_id_header: Mapped[str] = mapped_column(String(500), default="")
    blob_sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(BigInteger)
    envelope_from: Mapped[str] = mapped_column(String(320))
    recipient: Mapped[str] = mapped_column(String(320))
    status: Mapped[str] = mapped_column(
        String(20), default="queued"
    )  # queued|sending|sent|deferred|failed
    priority: Mapped[int] = mapped_column(Integer, default=0)  # higher first; transactional = 10
    transactional: Mapped[bool] = mapped_column(Boolean, default=False)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_error: Mapped[str | None] = mapped_column(Text, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class MailUpload(Base):
    """A resumable upload session: each chunk is a blob in the shared store (`parts`),
    `received` lists the held ranges merged."""

    __tablename__ = "mail_uploads"
    __table_args__ = (Index("ix_mail_uploads_expires_at", "expires_at"),)

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    org_id: Mapped[str] = mapped_column(String(40), index=True)
    account_id: Mapped[str] = mapped_column(String(40), index=True)
    filename: Mapped[str] = mapped_column(String(255))
    content_type: Mapped[str] = mapped_column(String(255))
    size: Mapped[int] = mapped_column(BigInteger)
    received: Mapped[list[list[int]]] = mapped_column(JSONType, default=list)  # [[start, end)]
    pending: Mapped[list[list[Any]]] = mapped_column(
        JSONType, default=list
    )  # [[start, end, until]]
    received_bytes: Mapped[int] = mapped_column(BigInteger, default=0)
    parts: Mapped[list[list[Any]] | None] = mapped_column(
        JSONType, nullable=True, default=list
    )  # [[start, end, sha256]], one reference each until commit
    state: Mapped[str] = mapped_column(String(12), default="open")  # open | committed
    blob_sha256: Mapped[str | None] = mapped_column(String(64), nullable=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class MailLink(Base):
    """An expiring download link standing in for a huge attachment sent to remote recipients."""

    __tablename__ = "mail_links"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    org_id: Mapped[str] = mapped_column(String(40), index=True)
    account_id: Mapped[str] = mapped_column(String(40))
    blob_sha256: Mapped[str] = mapped_column(String(64))
    filename: Mapped[str] = mapped_column(String(255))
    content_type: Mapped[str] = mapped_column(String(255))
    size: Mapped[int] = mapped_column(BigInteger)
    downloads: Mapped[int] = mapped_column(Integer, default=0)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
