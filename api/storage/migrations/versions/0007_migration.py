"""mailbox migration tables

Revision ID: 0007
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy import Text
from sqlalchemy.dialects import postgresql

import api.storage.models.base

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Mailbox migration (issue 8), rendered from api/storage/models/migration.py
    op.create_table('migration_accounts',
    sa.Column('id', sa.String(length=40), nullable=False),
    sa.Column('org_id', sa.String(length=40), nullable=False),
    sa.Column('migration_id', sa.String(length=40), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('account_id', sa.String(length=40), nullable=False),
    sa.Column('address', sa.String(length=320), nullable=False),
    sa.Column('protocol', sa.String(length=8), nullable=False),
    sa.Column('host', sa.String(length=255), nullable=False),
    sa.Column('port', sa.Integer(), nullable=False),
    sa.Column('security', sa.String(length=10), nullable=False),
    sa.Column('verify_tls', sa.Boolean(), nullable=False),
    sa.Column('username', sa.String(length=320), nullable=False),
    sa.Column('secret', sa.Text(), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('error_code', sa.String(length=40), nullable=True),
    sa.Column('error', sa.Text(), nullable=True),
    sa.Column('messages_total', sa.BigInteger(), nullable=False),
    sa.Column('messages_done', sa.BigInteger(), nullable=False),
    sa.Column('messages_failed', sa.BigInteger(), nullable=False),
    sa.Column('messages_skipped', sa.BigInteger(), nullable=False),
    sa.Column('bytes_total', sa.BigInteger(), nullable=False),
    sa.Column('bytes_done', sa.BigInteger(), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('connected', sa.Boolean(), nullable=False),
    sa.Column('next_attempt_at', api.storage.models.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('lease_owner', sa.String(length=80), nullable=True),
    sa.Column('lease_until', api.storage.models.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('created_at', api.storage.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', api.storage.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('started_at', api.storage.models.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('finished_at', api.storage.models.base.UTCDateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_migration_accounts'))
    )
    op.create_index('ix_migration_accounts_account_status', 'migration_accounts', ['account_id', 'status'], unique=False)
    op.create_index('ix_migration_accounts_migration', 'migration_accounts', ['migration_id', 'position'], unique=False)
    op.create_index(op.f('ix_migration_accounts_org_id'), 'migration_accounts', ['org_id'], unique=False)
    op.create_table('migration_cursors',
    sa.Column('id', sa.String(length=40), nullable=False),
    sa.Column('org_id', sa.String(length=40), nullable=False),
    sa.Column('account_id', sa.String(length=40), nullable=False),
    sa.Column('source_key', sa.String(length=64), nullable=False),
    sa.Column('folder_key', sa.String(length=64), nullable=False),
    sa.Column('uidvalidity', sa.BigInteger(), nullable=True),
    sa.Column('last_uid', sa.BigInteger(), nullable=False),
    sa.Column('updated_at', api.storage.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_migration_cursors')),
    sa.UniqueConstraint('account_id', 'source_key', 'folder_key', name=op.f('uq_migration_cursors_account_id_source_key_folder_key'))
    )
    op.create_index(op.f('ix_migration_cursors_org_id'), 'migration_cursors', ['org_id'], unique=False)
    op.create_table('migration_failures',
    sa.Column('id', sa.String(length=40), nullable=False),
    sa.Column('org_id', sa.String(length=40), nullable=False),
    sa.Column('migration_id', sa.String(length=40), nullable=False),
    sa.Column('item_id', sa.String(length=40), nullable=False),
    sa.Column('account_id', sa.String(length=40), nullable=False),
    sa.Column('folder', sa.Text(), nullable=False),
    sa.Column('uid', sa.String(length=100), nullable=False),
    sa.Column('size', sa.BigInteger(), nullable=True),
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('created_at', api.storage.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_migration_failures'))
    )
    op.create_index('ix_migration_failures_migration', 'migration_failures', ['migration_id', 'id'], unique=False)
    op.create_index(op.f('ix_migration_failures_org_id'), 'migration_failures', ['org_id'], unique=False)
    op.create_table('migration_folders',
    sa.Column('id', sa.String(length=40), nullable=False),
    sa.Column('org_id', sa.String(length=40), nullable=False),
    sa.Column('item_id', sa.String(length=40), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('source_name', sa.Text(), nullable=False),
    sa.Column('source_raw', sa.Text(), nullable=False),
    sa.Column('role', sa.String(length=20), nullable=True),
    sa.Column('target_path', sa.Text(), nullable=False),
    sa.Column('target_folder_id', sa.String(length=40), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('skip_reason', sa.String(length=200), nullable=True),
    sa.Column('uidvalidity', sa.BigInteger(), nullable=True),
    sa.Column('last_uid', sa.BigInteger(), nullable=False),
    sa.Column('messages_total', sa.BigInteger(), nullable=False),
    sa.Column('messages_done', sa.BigInteger(), nullable=False),
    sa.Column('messages_failed', sa.BigInteger(), nullable=False),
    sa.Column('messages_skipped', sa.BigInteger(), nullable=False),
    sa.Column('bytes_total', sa.BigInteger(), nullable=False),
    sa.Column('bytes_done', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_migration_folders'))
    )
    op.create_index('ix_migration_folders_item', 'migration_folders', ['item_id', 'position'], unique=False)
    op.create_index(op.f('ix_migration_folders_org_id'), 'migration_folders', ['org_id'], unique=False)
    op.create_table('migration_host_slots',
    sa.Column('host', sa.String(length=255), nullable=False),
    sa.Column('slot', sa.Integer(), nullable=False),
    sa.Column('holder', sa.String(length=80), nullable=True),
    sa.Column('lease_until', api.storage.models.base.UTCDateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('host', 'slot', name=op.f('pk_migration_host_slots'))
    )
    op.create_table('migration_messages',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('org_id', sa.String(length=40), nullable=False),
    sa.Column('account_id', sa.String(length=40), nullable=False),
    sa.Column('folder_id', sa.String(length=40), nullable=False),
    sa.Column('source_key', sa.String(length=64), nullable=False),
    sa.Column('source_ref', sa.String(length=100), nullable=False),
    sa.Column('content_sha', sa.String(length=64), nullable=False),
    sa.Column('body_sha', sa.String(length=64), nullable=False),
    sa.Column('message_id', sa.String(length=500), nullable=False),
    sa.Column('created_at', api.storage.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_migration_messages')),
    sa.UniqueConstraint('account_id', 'folder_id', 'content_sha', name=op.f('uq_migration_messages_account_id_folder_id_content_sha'))
    )
    op.create_index('ix_migration_messages_msgid', 'migration_messages', ['account_id', 'folder_id', 'message_id'], unique=False)
    op.create_index(op.f('ix_migration_messages_org_id'), 'migration_messages', ['org_id'], unique=False)
    op.create_index('ix_migration_messages_source', 'migration_messages', ['account_id', 'source_key', 'source_ref'], unique=False)
    op.create_table('migrations',
    sa.Column('id', sa.String(length=40), nullable=False),
    sa.Column('org_id', sa.String(length=40), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('folder_rules', sa.JSON().with_variant(postgresql.JSONB(astext_type=Text()), 'postgresql'), nullable=False),
    sa.Column('error', sa.Text(), nullable=True),
    sa.Column('created_by', sa.String(length=40), nullable=True),
    sa.Column('progress_event_at', api.storage.models.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('created_at', api.storage.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('started_at', api.storage.models.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('finished_at', api.storage.models.base.UTCDateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_migrations'))
    )
    op.create_index('ix_migrations_org_id_id', 'migrations', ['org_id', 'id'], unique=False)


def downgrade() -> None:
    op.drop_table('migrations')
    op.drop_table('migration_messages')
    op.drop_table('migration_host_slots')
    op.drop_table('migration_folders')
    op.drop_table('migration_failures')
    op.drop_table('migration_cursors')
    op.drop_table('migration_accounts')
