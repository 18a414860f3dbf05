"""Signed-in mail-client connections (IMAP and POP3), one row each, so the per-account
connection limit holds across every server process: a process adds a row at sign-in,
renews its rows' lease while they live and deletes them at sign-out; a killed process's
rows lapse with their lease."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index, String
from sqlalchemy.orm import Mapped, mapped_column

from api.storage.models.base import Base, UTCDateTime


class MailClientConnection(Base):
    __tablename__ = "mail_client_connections"
    __table_args__ = (Index("ix_mail_client_connections_account", "account_id", "expires_at"),)

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    account_id: Mapped[str] = mapped_column(String(40))
    protocol: Mapped[str] = mapped_column(String(8))  # imap | pop3
    holder: Mapped[str] = mapped_column(String(80), index=True)  # the serving process
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
