"""Blob bytes kept in the database itself (the `postgresql` blob backend): one row per
stored object, its content in fixed-size chunk rows. An object is staged under its id and
gets its SHA-256 name only once every chunk is written, in one transaction."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Boolean, ForeignKey, Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from api.kit.clock import utcnow
from api.storage.models.base import Base, UTCDateTime


class BlobObject(Base):
    __tablename__ = "blob_objects"

    id: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True
    )
    sha256: Mapped[str | None] = mapped_column(String(64), unique=True, nullable=True)
    size: Mapped[int] = mapped_column(BigInteger, default=0)
    chunk_size: Mapped[int] = mapped_column(Integer)
    complete: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class BlobChunk(Base):
    __tablename__ = "blob_chunks"

    object_id: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer, "sqlite"),
        ForeignKey("blob_objects.id", ondelete="CASCADE"),
        primary_key=True,
    )
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)
