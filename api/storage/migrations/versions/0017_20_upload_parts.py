"""upload sessions keep their chunks in the shared blob store (issue 20)

Revision ID: 0017i20
Revises: 0009
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

import api.storage.models.base

revision = "0017i20"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Each received chunk is a reference-counted blob: [[start, end, sha256]]. Chunks of
    # sessions opened before this revision sit in a file on one process's disk, which the
    # new code no longer reads: those sessions expire now (clients start them again).
    with op.batch_alter_table("mail_uploads") as batch:
        batch.add_column(sa.Column(
            "parts", sa.JSON().with_variant(postgresql.JSONB(), "postgresql"), nullable=True))
    uploads = sa.table(
        "mail_uploads",
        sa.column("state", sa.String()),
        sa.column("received_bytes", sa.BigInteger()),
        sa.column("expires_at", api.storage.models.base.UTCDateTime(timezone=True)),
    )
    op.execute(
        uploads.update()
        .where(uploads.c.state == "open", uploads.c.received_bytes > 0)
        .values(expires_at=sa.func.current_timestamp())
    )


def downgrade() -> None:
    with op.batch_alter_table("mail_uploads") as batch:
        batch.drop_column("parts")
