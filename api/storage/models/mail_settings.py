"""A person's mail settings (signature, auto-reply, forwarding) and the auto-reply log
that keeps a sender from hearing the same auto-reply more than once per interval."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from api.kit.clock import utcnow
from api.storage.models.base import Base, JSONType, UTCDateTime


class MailSettings(Base):
    """One row per account that changed a setting; no row means the defaults."""

    __tablename__ = "mail_settings"

    account_id: Mapped[str] = mapped_column(
        ForeignKey("accounts.id", ondelete="CASCADE"), primary_key=True
    )
    org_id: Mapped[str] = mapped_column(ForeignKey("organizations.id"), index=True)
    signature: Mapped[str] = mapped_column(Text, default="")
    # {"enabled", "subject", "text", "starts_at", "ends_at", "interval_days"}
    auto_reply: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
    # {"enabled", "address"}
    forwarding: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
    version: Mapped[int] = mapped_column(Integer, default=1)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class MailAutoReplyLog(Base):
    """When an account last auto-replied to a sender (RFC 3834 §2: not more than once per
    sender per interval)."""

    __tablename__ = "mail_auto_reply_log"

    account_id: Mapped[str] = mapped_column(
        ForeignKey("accounts.id", ondelete="CASCADE"), primary_key=True
    )
    sender: Mapped[str] = mapped_column(String(320), primary_key=True)
    replied_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
