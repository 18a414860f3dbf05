"""web sessions (the web app's backend-for-frontend) and first-party apps

Revision ID: 0012
Revises: 0008
"""

import sqlalchemy as sa
from alembic import op

import api.storage.models.base

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Issue 15: the web console signs in as a first-party app; its tokens stay server-side.
    with op.batch_alter_table("apps") as batch:
        batch.add_column(sa.Column("first_party", sa.Boolean(), nullable=False, server_default=sa.false()))
    op.create_table('web_sessions',
    sa.Column('id', sa.String(length=40), nullable=False),
    sa.Column('cookie_hash', sa.String(length=64), nullable=False),
    sa.Column('org_id', sa.String(length=40), nullable=False),
    sa.Column('account_id', sa.String(length=40), nullable=False),
    sa.Column('app_id', sa.String(length=40), nullable=False),
    sa.Column('access_token_sealed', sa.Text(), nullable=False),
    sa.Column('refresh_token_sealed', sa.Text(), nullable=True),
    sa.Column('access_expires_at', api.storage.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('expires_at', api.storage.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', api.storage.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['account_id'], ['accounts.id'], name=op.f('fk_web_sessions_account_id_accounts'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['app_id'], ['apps.id'], name=op.f('fk_web_sessions_app_id_apps'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_web_sessions')),
    sa.UniqueConstraint('cookie_hash', name=op.f('uq_web_sessions_cookie_hash'))
    )
    op.create_index(op.f('ix_web_sessions_account_id'), 'web_sessions', ['account_id'], unique=False)
    op.create_index(op.f('ix_web_sessions_org_id'), 'web_sessions', ['org_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_web_sessions_org_id'), table_name='web_sessions')
    op.drop_index(op.f('ix_web_sessions_account_id'), table_name='web_sessions')
    op.drop_table('web_sessions')
    with op.batch_alter_table("apps") as batch:
        batch.drop_column("first_party")
