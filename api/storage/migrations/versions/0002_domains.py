"""domains tables

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy import Text
from sqlalchemy.dialects import postgresql

import api.storage.models.base

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

UTC = api.storage.models.base.UTCDateTime(timezone=True)
JSON = sa.JSON().with_variant(postgresql.JSONB(astext_type=Text()), "postgresql")


def upgrade() -> None:
    with op.batch_alter_table("domains", schema=None) as batch_op:
        batch_op.add_column(sa.Column("kind", sa.String(length=10), nullable=False, server_default="primary"))
        batch_op.add_column(sa.Column("alias_of", sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column("status", sa.String(length=20), nullable=False, server_default="pending"))
        batch_op.add_column(sa.Column("dns_results", JSON, nullable=True))
        batch_op.add_column(sa.Column("last_checked_at", UTC, nullable=True))
        batch_op.add_column(sa.Column("next_check_at", UTC, nullable=True))
        batch_op.add_column(sa.Column("verified_at", UTC, nullable=True))
        batch_op.add_column(sa.Column("version", sa.Integer(), nullable=False, server_default="1"))
        batch_op.add_column(sa.Column("updated_at", UTC, nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_domains_alias_of_domains"), "domains", ["alias_of"], ["id"]
        )
        batch_op.create_index(batch_op.f("ix_domains_alias_of"), ["alias_of"], unique=False)
        batch_op.create_index(batch_op.f("ix_domains_next_check_at"), ["next_check_at"], unique=False)
    op.execute("UPDATE domains SET updated_at = created_at")
    with op.batch_alter_table("domains", schema=None) as batch_op:
        batch_op.alter_column("updated_at", existing_type=UTC, nullable=False)

    op.create_table(
        "dkim_keys",
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.Column("org_id", sa.String(length=40), nullable=False),
        sa.Column("domain_id", sa.String(length=40), nullable=False),
        sa.Column("selector", sa.String(length=63), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("bits", sa.Integer(), nullable=False),
        sa.Column("private_key_pem", sa.Text(), nullable=False),
        sa.Column("public_key_b64", sa.Text(), nullable=False),
        sa.Column("created_at", UTC, nullable=False),
        sa.Column("activated_at", UTC, nullable=True),
        sa.Column("retired_at", UTC, nullable=True),
        sa.ForeignKeyConstraint(["domain_id"], ["domains.id"], name=op.f("fk_dkim_keys_domain_id_domains"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["org_id"], ["organizations.id"], name=op.f("fk_dkim_keys_org_id_organizations")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dkim_keys")),
        sa.UniqueConstraint("domain_id", "selector", name=op.f("uq_dkim_keys_domain_id_selector")),
    )
    with op.batch_alter_table("dkim_keys", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_dkim_keys_domain_id"), ["domain_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_dkim_keys_org_id"), ["org_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("dkim_keys", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_dkim_keys_org_id"))
        batch_op.drop_index(batch_op.f("ix_dkim_keys_domain_id"))
    op.drop_table("dkim_keys")
    with op.batch_alter_table("domains", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_domains_next_check_at"))
        batch_op.drop_index(batch_op.f("ix_domains_alias_of"))
        batch_op.drop_constraint(batch_op.f("fk_domains_alias_of_domains"), type_="foreignkey")
        for column in (
            "updated_at", "version", "verified_at", "next_check_at", "last_checked_at",
            "dns_results", "status", "alias_of", "kind",
        ):
            batch_op.drop_column(column)
