"""mail settings: signature, auto-reply and forwarding per account; the organisation's
forwarding policy (issue 16)

Revision ID: 0017i16b
Revises: 0009
"""

import sqlalchemy as sa
from alembic import op

import api.storage.models.base

revision = "0017i16b"
down_revision = "0017i16"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("organizations") as batch:
        batch.add_column(sa.Column("mail_forwarding", sa.String(length=10), nullable=False,
                                   server_default="internal"))
    with op.batch_alter_table("accounts") as batch:
        batch.add_column(sa.Column("mail_responders", sa.Boolean(), nullable=False,
                                   server_default=sa.false()))
    op.create_table(
        "mail_settings",
        sa.Column("account_id", sa.String(length=40), nullable=False),
        sa.Column("org_id", sa.String(length=40), nullable=False),
        sa.Column("signature", sa.Text(), nullable=False),
        sa.Column("auto_reply", api.storage.models.base.JSONType, nullable=False),
        sa.Column("forwarding", api.storage.models.base.JSONType, nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", api.storage.models.base.UTCDateTime(timezone=True),
                  nullable=False),
        sa.ForeignKeyConstraint(["account_id"], ["accounts.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["org_id"], ["organizations.id"]),
        sa.PrimaryKeyConstraint("account_id"),
    )
    op.create_index("ix_mail_settings_org_id", "mail_settings", ["org_id"])
    op.create_table(
        "mail_auto_reply_log",
        sa.Column("account_id", sa.String(length=40), nullable=False),
        sa.Column("sender", sa.String(length=320), nullable=False),
        sa.Column("replied_at", api.storage.models.base.UTCDateTime(timezone=True),
                  nullable=False),
        sa.ForeignKeyConstraint(["account_id"], ["accounts.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("account_id", "sender"),
    )


def downgrade() -> None:
    op.drop_table("mail_auto_reply_log")
    op.drop_index("ix_mail_settings_org_id", table_name="mail_settings")
    op.drop_table("mail_settings")
    with op.batch_alter_table("accounts") as batch:
        batch.drop_column("mail_responders")
    with op.batch_alter_table("organizations") as batch:
        batch.drop_column("mail_forwarding")
