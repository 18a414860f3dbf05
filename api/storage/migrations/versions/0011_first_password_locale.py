"""first passwords, locales and migration networks (issue 14, sections 3-5)

Revision ID: 0011
Revises: 0008
"""

import sqlalchemy as sa
from alembic import op

import api.storage.models.base

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("organizations") as batch:
        batch.add_column(sa.Column("locale", sa.String(length=16), nullable=False, server_default="en"))
        batch.add_column(sa.Column("time_zone", sa.String(length=64), nullable=False, server_default="UTC"))
        batch.add_column(sa.Column("migration_private_networks", api.storage.models.base.JSONType,
                                   nullable=False, server_default="[]"))
        batch.add_column(sa.Column("version", sa.Integer(), nullable=False, server_default="1"))
    with op.batch_alter_table("accounts") as batch:
        batch.add_column(sa.Column("security_phone", sa.String(length=32), nullable=True))
        batch.add_column(sa.Column("security_phone_verified", sa.Boolean(), nullable=False,
                                   server_default=sa.false()))
        batch.add_column(sa.Column("recovery_email", sa.String(length=320), nullable=True))
        batch.add_column(sa.Column("locale", sa.String(length=16), nullable=True))
        batch.add_column(sa.Column("time_zone", sa.String(length=64), nullable=True))
    op.create_table(
        "account_links",
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.Column("org_id", sa.String(length=40), nullable=False),
        sa.Column("account_id", sa.String(length=40), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("next_path", sa.String(length=2000), nullable=False),
        sa.Column("created_by_type", sa.String(length=20), nullable=False),
        sa.Column("created_by_id", sa.String(length=40), nullable=True),
        sa.Column("created_at", api.storage.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("expires_at", api.storage.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("used_at", api.storage.models.base.UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["account_id"], ["accounts.id"],
                                name=op.f("fk_account_links_account_id_accounts"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_account_links")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_account_links_token_hash")),
    )
    op.create_index("ix_account_links_account_kind", "account_links", ["account_id", "kind"])
    op.create_index(op.f("ix_account_links_org_id"), "account_links", ["org_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_account_links_org_id"), table_name="account_links")
    op.drop_index("ix_account_links_account_kind", table_name="account_links")
    op.drop_table("account_links")
    with op.batch_alter_table("accounts") as batch:
        for name in ("time_zone", "locale", "recovery_email", "security_phone_verified",
                     "security_phone"):
            batch.drop_column(name)
    with op.batch_alter_table("organizations") as batch:
        for name in ("version", "migration_private_networks", "time_zone", "locale"):
            batch.drop_column(name)
