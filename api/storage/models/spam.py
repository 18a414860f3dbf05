"""Spam filtering tables: per-organisation learned token counts, what each message was
learned as (so a change of mind unlearns exactly), and the allow and block lists."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from api.kit.clock import utcnow
from api.storage.models.base import Base, JSONType, UTCDateTime

#: The `token` of the row holding an organisation's learned message totals
#: (`spam` = spam messages learned, `ham` = ham messages learned).
TOTALS_TOKEN = -1


class SpamToken(Base):
    """How many learned spam and ham messages of one organisation held one hashed token."""

    __tablename__ = "spam_tokens"

    org_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    token: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    spam: Mapped[int] = mapped_column(BigInteger, default=0)
    ham: Mapped[int] = mapped_column(BigInteger, default=0)


class SpamFeedback(Base):
    """One message learned from user feedback: its label and the tokens counted for it."""

    __tablename__ = "spam_feedback"

    message_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    org_id: Mapped[str] = mapped_column(String(40), index=True)
    account_id: Mapped[str] = mapped_column(String(40))
    label: Mapped[str] = mapped_column(String(4))  # spam | ham
    tokens: Mapped[list[int]] = mapped_column(JSONType, default=list)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class SpamListEntry(Base):
    """An organisation's allow- or block-list entry: a sender address or a domain."""

    __tablename__ = "spam_list_entries"
    __table_args__ = (UniqueConstraint("org_id", "kind", "value"),)

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    org_id: Mapped[str] = mapped_column(String(40), index=True)
    kind: Mapped[str] = mapped_column(String(5))  # allow | block
    value: Mapped[str] = mapped_column(String(320))
    note: Mapped[str] = mapped_column(String(500), default="")
    created_by: Mapped[str | None] = mapped_column(String(40), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class PersonalSenderEntry(Base):
    """One person's own sender list entry (issue 16): `allow` (never junk, for an
    authenticated sender), `block` (filed as `action` says) or `images` (show remote images).
    A sender address or a domain, as in the organisation's lists."""

    __tablename__ = "personal_sender_entries"
    __table_args__ = (UniqueConstraint("account_id", "kind", "value"),)

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    org_id: Mapped[str] = mapped_column(String(40), index=True)
    account_id: Mapped[str] = mapped_column(String(40), index=True)
    kind: Mapped[str] = mapped_column(String(6))  # allow | block | images
    value: Mapped[str] = mapped_column(String(320))
    action: Mapped[str] = mapped_column(String(5), default="junk")  # block: junk | trash
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
