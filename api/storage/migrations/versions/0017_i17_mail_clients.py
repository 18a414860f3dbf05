"""mail clients: the account-password policy for IMAP/POP3, shared connection leases

Revision ID: 0017i17
Revises: 0009
"""

import sqlalchemy as sa
from alembic import op

import api.storage.models.base

revision = "0017i17"
down_revision = "0017i20"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # issue 17: may mail clients sign in with the account password, or app passwords only
    with op.batch_alter_table("password_policies") as batch:
        batch.add_column(sa.Column("mail_clients_allow_password", sa.Boolean(),
                                   server_default=sa.true(), nullable=False))
    op.create_table(
        "mail_client_connections",
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.Column("account_id", sa.String(length=40), nullable=False),
        sa.Column("protocol", sa.String(length=8), nullable=False),
        sa.Column("holder", sa.String(length=80), nullable=False),
        sa.Column("expires_at", api.storage.models.base.UTCDateTime(timezone=True),
                  nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mail_client_connections")),
    )
    op.create_index("ix_mail_client_connections_account", "mail_client_connections",
                    ["account_id", "expires_at"])
    op.create_index(op.f("ix_mail_client_connections_holder"), "mail_client_connections",
                    ["holder"])


def downgrade() -> None:
    op.drop_table("mail_client_connections")
    with op.batch_alter_table("password_policies") as batch:
        batch.drop_column("mail_clients_allow_password")
