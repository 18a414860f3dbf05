"""group cards: the name a CardDAV client PUT a KIND:group card under, and the members it
named that are not (yet) cards of the book

Revision ID: 0017i18
Revises: 0009
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0017i18"
down_revision = "0017i17"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # CardDAV (issue 18): contact groups travel as vCard 4 KIND:group / Apple group cards.
    with op.batch_alter_table("contact_groups") as batch:
        batch.add_column(sa.Column("dav_name", sa.String(length=255), nullable=True))
        batch.add_column(
            sa.Column(
                "pending_members",
                sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
                nullable=False,
                server_default="[]",
            )
        )
    op.create_index(
        "ix_contact_groups_book_dav_name", "contact_groups", ["address_book_id", "dav_name"]
    )


def downgrade() -> None:
    op.drop_index("ix_contact_groups_book_dav_name", table_name="contact_groups")
    with op.batch_alter_table("contact_groups") as batch:
        batch.drop_column("pending_members")
        batch.drop_column("dav_name")
