"""issue 16: a person's own allow, block and show-images sender lists

Revision ID: 0017i16
Revises: 0009
"""

import sqlalchemy as sa
from alembic import op

import api.storage.models.base

revision = "0017i16"
down_revision = "0017i15"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "personal_sender_entries",
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.Column("org_id", sa.String(length=40), nullable=False),
        sa.Column("account_id", sa.String(length=40), nullable=False),
        sa.Column("kind", sa.String(length=6), nullable=False),
        sa.Column("value", sa.String(length=320), nullable=False),
        sa.Column("action", sa.String(length=5), nullable=False),
        sa.Column("created_at", api.storage.models.base.UTCDateTime(timezone=True),
                  nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("account_id", "kind", "value"),
    )
    op.create_index("ix_personal_sender_entries_org_id", "personal_sender_entries", ["org_id"])
    op.create_index("ix_personal_sender_entries_account_id", "personal_sender_entries",
                    ["account_id"])


def downgrade() -> None:
    op.drop_index("ix_personal_sender_entries_account_id", "personal_sender_entries")
    op.drop_index("ix_personal_sender_entries_org_id", "personal_sender_entries")
    op.drop_table("personal_sender_entries")
