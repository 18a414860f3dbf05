"""app passwords

Revision ID: 0008
Revises: 0007
"""

import sqlalchemy as sa
from alembic import op

import api.storage.models.base

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # App passwords for SMTP submission (issue 5), rendered from api/storage/models/app_passwords.py
    op.create_table('app_passwords',
    sa.Column('id', sa.String(length=40), nullable=False),
    sa.Column('org_id', sa.String(length=40), nullable=False),
    sa.Column('account_id', sa.String(length=40), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('password_hash', sa.String(length=255), nullable=False),
    sa.Column('created_at', api.storage.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('created_by_type', sa.String(length=20), nullable=False),
    sa.Column('created_by_id', sa.String(length=40), nullable=True),
    sa.Column('last_used_at', api.storage.models.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('last_used_ip', sa.String(length=64), nullable=True),
    sa.ForeignKeyConstraint(['account_id'], ['accounts.id'], name=op.f('fk_app_passwords_account_id_accounts'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_app_passwords'))
    )
    op.create_index('ix_app_passwords_account_created', 'app_passwords', ['account_id', 'created_at'], unique=False)
    op.create_index(op.f('ix_app_passwords_org_id'), 'app_passwords', ['org_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_app_passwords_org_id'), table_name='app_passwords')
    op.drop_index('ix_app_passwords_account_created', table_name='app_passwords')
    op.drop_table('app_passwords')
