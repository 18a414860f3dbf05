"""Contacts tables: personal address books, contacts and contact groups."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from api.kit.clock import utcnow
from api.storage.models.base import Base, JSONType, UTCDateTime


class AddressBook(Base):
    __tablename__ = "address_books"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    org_id: Mapped[str] = mapped_column(ForeignKey("organizations.id"), index=True)
    account_id: Mapped[str] = mapped_column(String(40), index=True)
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    is_default: Mapped[bool] = mapped_column(Boolean, default=False)
    default_for: Mapped[str | None] = mapped_column(String(40), nullable=True, unique=True)
    # The collection name a CardDAV client chose with MKCOL (None: served under its id).
    dav_name: Mapped[str | None] = mapped_column(String(255), nullable=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


class Contact(Base):
    """One person; `search_text` is a lower-cased digest of names and addresses for lookups."""

    __tablename__ = "contacts"
    __table_args__ = (
        UniqueConstraint("address_book_id", "uid"),
        Index("ix_contacts_book_dav_name", "address_book_id", "dav_name"),
    )

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    org_id: Mapped[str] = mapped_column(String(40), index=True)
    account_id: Mapped[str] = mapped_column(String(40), index=True)
    # The name a CardDAV client PUT the card under (None: it is served as `<id>.vcf`).
    dav_name: Mapped[str | None] = mapped_column(String(255), nullable=True)
    address_book_id: Mapped[str] = mapped_column(ForeignKey("address_books.id", ondelete="CASCADE"))
    uid: Mapped[str] = mapped_column(String(255))
    display_name: Mapped[str] = mapped_column(String(300), default="")
    given_name: Mapped[str] = mapped_column(String(200), default="")
    family_name: Mapped[str] = mapped_column(String(200), default="")
    middle_name: Mapped[str] = mapped_column(String(200), default="")
    prefix: Mapped[str] = mapped_column(String(50), default="")
    suffix: Mapped[str] = mapped_column(String(50), default="")
    nickname: Mapped[str] = mapped_column(String(200), default="")
    emails: Mapped[list[dict[str, Any]]] = mapped_column(JSONType, default=list)
    phones: Mapped[list[dict[str, Any]]] = mapped_column(JSONType, default=list)
    addresses: Mapped[list[dict[str, Any]]] = mapped_column(JSONType, default=list)
    urls: Mapped[list[str]] = mapped_column(JSONType, default=list)
    organization: Mapped[str] = mapped_column(String(300), default="")
    department: Mapped[str] = mapped_column(String(300), default="")
    title: Mapped[str] = mapped_column(String(300), default="")
    birthday: Mapped[str | None] = mapped_column(String(10), nullable=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    categories: Mapped[list[str]] = mapped_column(JSONType, default=list)
    photo_sha256: Mapped[str | None] = mapped_column(String(64), nullable=True)
    photo_media_type: Mapped[str | None] = mapped_column(String(100), nullable=True)
    search_text: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


class ContactGroup(Base):
    __tablename__ = "contact_groups"
    __table_args__ = (
        UniqueConstraint("address_book_id", "uid"),
        Index("ix_contact_groups_book_dav_name", "address_book_id", "dav_name"),
    )

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    org_id: Mapped[str] = mapped_column(String(40), index=True)
    account_id: Mapped[str] = mapped_column(String(40), index=True)
    address_book_id: Mapped[str] = mapped_column(ForeignKey("address_books.id", ondelete="CASCADE"))
    uid: Mapped[str] = mapped_column(String(255))
    name: Mapped[str] = mapped_column(String(200))
    # The name a CardDAV client PUT the group card under (None: served as `<id>.vcf`).
    dav_name: Mapped[str | None] = mapped_column(String(255), nullable=True)
    # MEMBER references of a group card that named no card of the book (yet): kept so the
    # card reads back as it was written, and joined when a card with that UID arrives.
    pending_members: Mapped[list[str]] = mapped_column(JSONType, default=list)
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


class ContactGroupMember(Base):
    __tablename__ = "contact_group_members"

    group_id: Mapped[str] = mapped_column(
        ForeignKey("contact_groups.id", ondelete="CASCADE"), primary_key=True
    )
    contact_id: Mapped[str] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    org_id: Mapped[str] = mapped_column(String(40))
