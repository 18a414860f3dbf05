"""directory tables

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy import Text
from sqlalchemy.dialects import postgresql

import api.storage.models.base

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('account_departments',
    sa.Column('account_id', sa.String(length=40), nullable=False),
    sa.Column('department_id', sa.String(length=40), nullable=False),
    sa.Column('org_id', sa.String(length=40), nullable=False),
    sa.PrimaryKeyConstraint('account_id', 'department_id', name=op.f('pk_account_departments'))
    )
    with op.batch_alter_table('account_departments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_account_departments_department_id'), ['department_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_account_departments_org_id'), ['org_id'], unique=False)

    op.create_table('department_managers',
    sa.Column('department_id', sa.String(length=40), nullable=False),
    sa.Column('account_id', sa.String(length=40), nullable=False),
    sa.Column('org_id', sa.String(length=40), nullable=False),
    sa.PrimaryKeyConstraint('department_id', 'account_id', name=op.f('pk_department_managers'))
    )
    with op.batch_alter_table('department_managers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_department_managers_account_id'), ['account_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_department_managers_org_id'), ['org_id'], unique=False)

    op.create_table('departments',
    sa.Column('id', sa.String(length=40), nullable=False),
    sa.Column('org_id', sa.String(length=40), nullable=False),
    sa.Column('parent_id', sa.String(length=40), nullable=True),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('sort_order', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', api.storage.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', api.storage.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_departments'))
    )
    with op.batch_alter_table('departments', schema=None) as batch_op:
        batch_op.create_index('ix_departments_org_id_parent_id', ['org_id', 'parent_id'], unique=False)

    op.create_table('directory_addresses',
    sa.Column('address', sa.String(length=320), nullable=False),
    sa.Column('org_id', sa.String(length=40), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('target_id', sa.String(length=40), nullable=False),
    sa.Column('domain_id', sa.String(length=40), nullable=False),
    sa.Column('created_at', api.storage.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('address', name=op.f('pk_directory_addresses'))
    )
    with op.batch_alter_table('directory_addresses', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_directory_addresses_domain_id'), ['domain_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_directory_addresses_org_id'), ['org_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_directory_addresses_target_id'), ['target_id'], unique=False)

    op.create_table('directory_import_rows',
    sa.Column('import_id', sa.String(length=40), nullable=False),
    sa.Column('row', sa.Integer(), nullable=False),
    sa.Column('org_id', sa.String(length=40), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('address', sa.String(length=320), nullable=True),
    sa.Column('account_id', sa.String(length=40), nullable=True),
    sa.Column('reason', sa.String(length=1000), nullable=True),
    sa.Column('changed', sa.JSON().with_variant(postgresql.JSONB(astext_type=Text()), 'postgresql'), nullable=False),
    sa.PrimaryKeyConstraint('import_id', 'row', name=op.f('pk_directory_import_rows'))
    )
    with op.batch_alter_table('directory_import_rows', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_directory_import_rows_org_id'), ['org_id'], unique=False)

    op.create_table('directory_imports',
    sa.Column('id', sa.String(length=40), nullable=False),
    sa.Column('org_id', sa.String(length=40), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('dry_run', sa.Boolean(), nullable=False),
    sa.Column('format', sa.String(length=8), nullable=False),
    sa.Column('filename', sa.String(length=255), nullable=False),
    sa.Column('blob_sha256', sa.String(length=64), nullable=False),
    sa.Column('size', sa.BigInteger(), nullable=False),
    sa.Column('total_rows', sa.Integer(), nullable=False),
    sa.Column('processed_rows', sa.Integer(), nullable=False),
    sa.Column('counts', sa.JSON().with_variant(postgresql.JSONB(astext_type=Text()), 'postgresql'), nullable=False),
    sa.Column('error', sa.Text(), nullable=True),
    sa.Column('created_by', sa.String(length=40), nullable=True),
    sa.Column('created_at', api.storage.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('started_at', api.storage.models.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('finished_at', api.storage.models.base.UTCDateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_directory_imports'))
    )
    with op.batch_alter_table('directory_imports', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_directory_imports_org_id'), ['org_id'], unique=False)

    op.create_table('group_members',
    sa.Column('group_id', sa.String(length=40), nullable=False),
    sa.Column('kind', sa.String(length=12), nullable=False),
    sa.Column('ref', sa.String(length=320), nullable=False),
    sa.Column('org_id', sa.String(length=40), nullable=False),
    sa.Column('role', sa.String(length=12), nullable=False),
    sa.Column('created_at', api.storage.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('group_id', 'kind', 'ref', name=op.f('pk_group_members'))
    )
    with op.batch_alter_table('group_members', schema=None) as batch_op:
        batch_op.create_index('ix_group_members_kind_ref', ['kind', 'ref'], unique=False)
        batch_op.create_index(batch_op.f('ix_group_members_org_id'), ['org_id'], unique=False)

    op.create_table('groups',
    sa.Column('id', sa.String(length=40), nullable=False),
    sa.Column('org_id', sa.String(length=40), nullable=False),
    sa.Column('domain_id', sa.String(length=40), nullable=False),
    sa.Column('address', sa.String(length=320), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('description', sa.String(length=2000), nullable=False),
    sa.Column('send_policy', sa.String(length=20), nullable=False),
    sa.Column('hidden_from_address_book', sa.Boolean(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', api.storage.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', api.storage.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_groups')),
    sa.UniqueConstraint('address', name=op.f('uq_groups_address'))
    )
    with op.batch_alter_table('groups', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_groups_domain_id'), ['domain_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_groups_org_id'), ['org_id'], unique=False)

    op.create_table('login_throttles',
    sa.Column('key', sa.String(length=120), nullable=False),
    sa.Column('failures', sa.Integer(), nullable=False),
    sa.Column('last_failure_at', api.storage.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('locked_until', api.storage.models.base.UTCDateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_login_throttles'))
    )
    op.create_table('password_policies',
    sa.Column('org_id', sa.String(length=40), nullable=False),
    sa.Column('min_length', sa.Integer(), nullable=False),
    sa.Column('require_lowercase', sa.Boolean(), nullable=False),
    sa.Column('require_uppercase', sa.Boolean(), nullable=False),
    sa.Column('require_digit', sa.Boolean(), nullable=False),
    sa.Column('require_symbol', sa.Boolean(), nullable=False),
    sa.Column('forbid_user_name', sa.Boolean(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', api.storage.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('org_id', name=op.f('pk_password_policies'))
    )
    with op.batch_alter_table('accounts', schema=None) as batch_op:
        batch_op.add_column(sa.Column('employee_number', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('mobile', sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column('job_title', sa.String(length=200), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('manager_id', sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column('quota_bytes', sa.BigInteger(), nullable=True))
        batch_op.add_column(sa.Column('kind', sa.String(length=20), nullable=False, server_default='employee'))
        batch_op.add_column(sa.Column('hidden_from_address_book', sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column('password_changed_at', api.storage.models.base.UTCDateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('frozen_at', api.storage.models.base.UTCDateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('deleted_at', api.storage.models.base.UTCDateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('purge_after', api.storage.models.base.UTCDateTime(timezone=True), nullable=True))
        batch_op.create_index(batch_op.f('ix_accounts_manager_id'), ['manager_id'], unique=False)
        batch_op.create_index('ix_accounts_org_employee_number', ['org_id', 'employee_number'], unique=True)
        batch_op.create_index('ix_accounts_org_id_id', ['org_id', 'id'], unique=False)
        batch_op.create_index('ix_accounts_org_mobile', ['org_id', 'mobile'], unique=True)
        batch_op.create_index(batch_op.f('ix_accounts_purge_after'), ['purge_after'], unique=False)



    op.create_index('ix_accounts_lower_address', 'accounts', [sa.text('lower(address)')], unique=False)


def downgrade() -> None:
    op.drop_index('ix_accounts_lower_address', table_name='accounts')
    with op.batch_alter_table('accounts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_accounts_purge_after'))
        batch_op.drop_index('ix_accounts_org_mobile')
        batch_op.drop_index('ix_accounts_org_id_id')
        batch_op.drop_index('ix_accounts_org_employee_number')
        batch_op.drop_index(batch_op.f('ix_accounts_manager_id'))
        batch_op.drop_column('purge_after')
        batch_op.drop_column('deleted_at')
        batch_op.drop_column('frozen_at')
        batch_op.drop_column('password_changed_at')
        batch_op.drop_column('hidden_from_address_book')
        batch_op.drop_column('kind')
        batch_op.drop_column('quota_bytes')
        batch_op.drop_column('manager_id')
        batch_op.drop_column('job_title')
        batch_op.drop_column('mobile')
        batch_op.drop_column('employee_number')

    op.drop_table('password_policies')
    op.drop_table('login_throttles')
    with op.batch_alter_table('groups', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_groups_org_id'))
        batch_op.drop_index(batch_op.f('ix_groups_domain_id'))

    op.drop_table('groups')
    with op.batch_alter_table('group_members', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_group_members_org_id'))
        batch_op.drop_index('ix_group_members_kind_ref')

    op.drop_table('group_members')
    with op.batch_alter_table('directory_imports', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_directory_imports_org_id'))

    op.drop_table('directory_imports')
    with op.batch_alter_table('directory_import_rows', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_directory_import_rows_org_id'))

    op.drop_table('directory_import_rows')
    with op.batch_alter_table('directory_addresses', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_directory_addresses_target_id'))
        batch_op.drop_index(batch_op.f('ix_directory_addresses_org_id'))
        batch_op.drop_index(batch_op.f('ix_directory_addresses_domain_id'))

    op.drop_table('directory_addresses')
    with op.batch_alter_table('departments', schema=None) as batch_op:
        batch_op.drop_index('ix_departments_org_id_parent_id')

    op.drop_table('departments')
    with op.batch_alter_table('department_managers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_department_managers_org_id'))
        batch_op.drop_index(batch_op.f('ix_department_managers_account_id'))

    op.drop_table('department_managers')
    with op.batch_alter_table('account_departments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_account_departments_org_id'))
        batch_op.drop_index(batch_op.f('ix_account_departments_department_id'))

    op.drop_table('account_departments')
