"""scale out: blob release time, blob bytes in the database

Revision ID: 0016
Revises: 0008
"""

import sqlalchemy as sa
from alembic import op

import api.storage.models.base

revision = "0016"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # issue 20: the collector's grace period, and the `postgresql` blob backend's tables
    with op.batch_alter_table("blobs") as batch:
        batch.add_column(sa.Column(
            "released_at", api.storage.models.base.UTCDateTime(timezone=True), nullable=True))
    op.create_table(
        "blob_objects",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
                  autoincrement=True, nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=True),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("chunk_size", sa.Integer(), nullable=False),
        sa.Column("complete", sa.Boolean(), nullable=False),
        sa.Column("created_at", api.storage.models.base.UTCDateTime(timezone=True),
                  nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("sha256"),
    )
    op.create_table(
        "blob_chunks",
        sa.Column("object_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
                  nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(["object_id"], ["blob_objects.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("object_id", "seq"),
    )


def downgrade() -> None:
    op.drop_table("blob_chunks")
    op.drop_table("blob_objects")
    with op.batch_alter_table("blobs") as batch:
        batch.drop_column("released_at")
