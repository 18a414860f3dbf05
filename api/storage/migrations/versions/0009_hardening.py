"""hardening (issue 13): idempotency keys hold a short lease while their request runs

Revision ID: 0009
Revises: 0008
"""

import sqlalchemy as sa
from alembic import op

import api.storage.models.base

revision = "0009"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A running key's holder renews the lease every few seconds; a lapsed lease means the
    # holder died and the key may be claimed again (NULL: written before leases, lapsed).
    with op.batch_alter_table("idempotency_keys") as batch:
        batch.add_column(sa.Column(
            "lease_until", api.storage.models.base.UTCDateTime(timezone=True), nullable=True
        ))


def downgrade() -> None:
    with op.batch_alter_table("idempotency_keys") as batch:
        batch.drop_column("lease_until")
