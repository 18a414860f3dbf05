"""App passwords: per-client secrets an account uses where it cannot do OAuth (SMTP
submission from a mail client or a legacy OA system). Only the argon2 hash is stored."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from api.kit.clock import utcnow
from api.storage.models.base import Base, UTCDateTime


class AppPassword(Base):
    """One named app password of one account. Revoking deletes the row (the audit log keeps
    the record); purging the account deletes its rows through the foreign key."""

    __tablename__ = "app_passwords"
    __table_args__ = (Index("ix_app_passwords_account_created", "account_id", "created_at"),)

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    org_id: Mapped[str] = mapped_column(String(40), index=True)
    account_id: Mapped[str] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(100))
    password_hash: Mapped[str] = mapped_column(String(255))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    created_by_type: Mapped[str] = mapped_column(String(20))  # account | app
    created_by_id: Mapped[str | None] = mapped_column(String(40), nullable=True)
    last_used_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    last_used_ip: Mapped[str | None] = mapped_column(String(64), nullable=True)
