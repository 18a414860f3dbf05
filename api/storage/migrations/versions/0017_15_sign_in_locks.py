"""sign-in locks: which organisation and address a throttle row is about; accounts by role
(issue 15)

Revision ID: 0017i15
Revises: 0009
"""

import sqlalchemy as sa
from alembic import op

revision = "0017i15"
down_revision = "0017i18"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # The key stays a hash; the organisation whose address (or domain) a failure named and the
    # address as typed let that organisation's admins see and clear the lock.
    with op.batch_alter_table("login_throttles") as batch:
        batch.add_column(sa.Column("org_id", sa.String(length=40), nullable=True))
        batch.add_column(sa.Column("address", sa.String(length=320), nullable=True))
        batch.create_index("ix_login_throttles_org_id", ["org_id"])
    # The accounts list's role filter (`?role=admin` finds the few admins among 100,000).
    op.create_index("ix_accounts_org_role_id", "accounts", ["org_id", "role", "id"])


def downgrade() -> None:
    op.drop_index("ix_accounts_org_role_id", table_name="accounts")
    with op.batch_alter_table("login_throttles") as batch:
        batch.drop_index("ix_login_throttles_org_id")
        batch.drop_column("address")
        batch.drop_column("org_id")
