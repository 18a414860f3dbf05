"""calendar tables

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy import Text
from sqlalchemy.dialects import postgresql

import api.storage.models.base

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Calendar and contacts tables (issue 6), rendered from api/storage/models/{calendar,contacts}.py
    op.create_table('address_books',
    sa.Column('id', sa.String(length=40), nullable=False),
    sa.Column('org_id', sa.String(length=40), nullable=False),
    sa.Column('account_id', sa.String(length=40), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('is_default', sa.Boolean(), nullable=False),
    sa.Column('default_for', sa.String(length=40), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', api.storage.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', api.storage.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['org_id'], ['organizations.id'], name=op.f('fk_address_books_org_id_organizations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_address_books')),
    sa.UniqueConstraint('default_for', name=op.f('uq_address_books_default_for'))
    )
    with op.batch_alter_table('address_books', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_address_books_account_id'), ['account_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_address_books_org_id'), ['org_id'], unique=False)

    op.create_table('calendar_rooms',
    sa.Column('id', sa.String(length=40), nullable=False),
    sa.Column('org_id', sa.String(length=40), nullable=False),
    sa.Column('calendar_id', sa.String(length=40), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('address', sa.String(length=320), nullable=True),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('capacity', sa.Integer(), nullable=False),
    sa.Column('building', sa.String(length=200), nullable=False),
    sa.Column('floor', sa.String(length=50), nullable=False),
    sa.Column('equipment', sa.JSON().with_variant(postgresql.JSONB(astext_type=Text()), 'postgresql'), nullable=False),
    sa.Column('booking_policy', sa.String(length=20), nullable=False),
    sa.Column('allow_conflicts', sa.Boolean(), nullable=False),
    sa.Column('delegates', sa.JSON().with_variant(postgresql.JSONB(astext_type=Text()), 'postgresql'), nullable=False),
    sa.Column('max_duration_minutes', sa.Integer(), nullable=True),
    sa.Column('booking_window_days', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', api.storage.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', api.storage.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['org_id'], ['organizations.id'], name=op.f('fk_calendar_rooms_org_id_organizations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_calendar_rooms')),
    sa.UniqueConstraint('address', name=op.f('uq_calendar_rooms_address'))
    )
    with op.batch_alter_table('calendar_rooms', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_calendar_rooms_org_id'), ['org_id'], unique=False)

    op.create_table('calendars',
    sa.Column('id', sa.String(length=40), nullable=False),
    sa.Column('org_id', sa.String(length=40), nullable=False),
    sa.Column('account_id', sa.String(length=40), nullable=True),
    sa.Column('room_id', sa.String(length=40), nullable=True),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('color', sa.String(length=20), nullable=True),
    sa.Column('time_zone', sa.String(length=64), nullable=False),
    sa.Column('is_default', sa.Boolean(), nullable=False),
    sa.Column('default_for', sa.String(length=40), nullable=True),
    sa.Column('feed_token_hash', sa.String(length=64), nullable=True),
    sa.Column('feed_created_at', api.storage.models.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', api.storage.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', api.storage.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['org_id'], ['organizations.id'], name=op.f('fk_calendars_org_id_organizations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_calendars')),
    sa.UniqueConstraint('default_for', name=op.f('uq_calendars_default_for')),
    sa.UniqueConstraint('feed_token_hash', name=op.f('uq_calendars_feed_token_hash'))
    )
    with op.batch_alter_table('calendars', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_calendars_account_id'), ['account_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_calendars_org_id'), ['org_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_calendars_room_id'), ['room_id'], unique=False)

    op.create_table('calendar_events',
    sa.Column('id', sa.String(length=40), nullable=False),
    sa.Column('org_id', sa.String(length=40), nullable=False),
    sa.Column('calendar_id', sa.String(length=40), nullable=False),
    sa.Column('account_id', sa.String(length=40), nullable=True),
    sa.Column('uid', sa.String(length=255), nullable=False),
    sa.Column('recurrence_id', sa.String(length=20), nullable=False),
    sa.Column('series_id', sa.String(length=40), nullable=True),
    sa.Column('sequence', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=500), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('location', sa.String(length=500), nullable=False),
    sa.Column('online_meeting_url', sa.String(length=2000), nullable=True),
    sa.Column('all_day', sa.Boolean(), nullable=False),
    sa.Column('time_zone', sa.String(length=64), nullable=False),
    sa.Column('start_local', sa.String(length=19), nullable=False),
    sa.Column('end_local', sa.String(length=19), nullable=False),
    sa.Column('start_at', api.storage.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('end_at', api.storage.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('rrule', sa.String(length=1000), nullable=True),
    sa.Column('rdates', sa.JSON().with_variant(postgresql.JSONB(astext_type=Text()), 'postgresql'), nullable=False),
    sa.Column('exdates', sa.JSON().with_variant(postgresql.JSONB(astext_type=Text()), 'postgresql'), nullable=False),
    sa.Column('range_start', api.storage.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('range_end', api.storage.models.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('transparency', sa.String(length=20), nullable=False),
    sa.Column('reminders', sa.JSON().with_variant(postgresql.JSONB(astext_type=Text()), 'postgresql'), nullable=False),
    sa.Column('organizer', sa.JSON().with_variant(postgresql.JSONB(astext_type=Text()), 'postgresql'), nullable=True),
    sa.Column('attendees', sa.JSON().with_variant(postgresql.JSONB(astext_type=Text()), 'postgresql'), nullable=False),
    sa.Column('is_organizer', sa.Boolean(), nullable=False),
    sa.Column('partstat', sa.String(length=20), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', api.storage.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', api.storage.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['calendar_id'], ['calendars.id'], name=op.f('fk_calendar_events_calendar_id_calendars'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_calendar_events')),
    sa.UniqueConstraint('calendar_id', 'uid', 'recurrence_id', name=op.f('uq_calendar_events_calendar_id_uid_recurrence_id'))
    )
    with op.batch_alter_table('calendar_events', schema=None) as batch_op:
        batch_op.create_index('ix_calendar_events_calendar_range', ['calendar_id', 'range_start'], unique=False)
        batch_op.create_index(batch_op.f('ix_calendar_events_org_id'), ['org_id'], unique=False)
        batch_op.create_index('ix_calendar_events_org_uid', ['org_id', 'uid'], unique=False)

    op.create_table('calendar_shares',
    sa.Column('id', sa.String(length=40), nullable=False),
    sa.Column('org_id', sa.String(length=40), nullable=False),
    sa.Column('calendar_id', sa.String(length=40), nullable=False),
    sa.Column('account_id', sa.String(length=40), nullable=False),
    sa.Column('level', sa.String(length=20), nullable=False),
    sa.Column('created_at', api.storage.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['calendar_id'], ['calendars.id'], name=op.f('fk_calendar_shares_calendar_id_calendars'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_calendar_shares')),
    sa.UniqueConstraint('calendar_id', 'account_id', name=op.f('uq_calendar_shares_calendar_id_account_id'))
    )
    with op.batch_alter_table('calendar_shares', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_calendar_shares_account_id'), ['account_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_calendar_shares_org_id'), ['org_id'], unique=False)

    op.create_table('contact_groups',
    sa.Column('id', sa.String(length=40), nullable=False),
    sa.Column('org_id', sa.String(length=40), nullable=False),
    sa.Column('account_id', sa.String(length=40), nullable=False),
    sa.Column('address_book_id', sa.String(length=40), nullable=False),
    sa.Column('uid', sa.String(length=255), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', api.storage.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', api.storage.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['address_book_id'], ['address_books.id'], name=op.f('fk_contact_groups_address_book_id_address_books'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_contact_groups')),
    sa.UniqueConstraint('address_book_id', 'uid', name=op.f('uq_contact_groups_address_book_id_uid'))
    )
    with op.batch_alter_table('contact_groups', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_contact_groups_account_id'), ['account_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_contact_groups_org_id'), ['org_id'], unique=False)

    op.create_table('contacts',
    sa.Column('id', sa.String(length=40), nullable=False),
    sa.Column('org_id', sa.String(length=40), nullable=False),
    sa.Column('account_id', sa.String(length=40), nullable=False),
    sa.Column('address_book_id', sa.String(length=40), nullable=False),
    sa.Column('uid', sa.String(length=255), nullable=False),
    sa.Column('display_name', sa.String(length=300), nullable=False),
    sa.Column('given_name', sa.String(length=200), nullable=False),
    sa.Column('family_name', sa.String(length=200), nullable=False),
    sa.Column('middle_name', sa.String(length=200), nullable=False),
    sa.Column('prefix', sa.String(length=50), nullable=False),
    sa.Column('suffix', sa.String(length=50), nullable=False),
    sa.Column('nickname', sa.String(length=200), nullable=False),
    sa.Column('emails', sa.JSON().with_variant(postgresql.JSONB(astext_type=Text()), 'postgresql'), nullable=False),
    sa.Column('phones', sa.JSON().with_variant(postgresql.JSONB(astext_type=Text()), 'postgresql'), nullable=False),
    sa.Column('addresses', sa.JSON().with_variant(postgresql.JSONB(astext_type=Text()), 'postgresql'), nullable=False),
    sa.Column('urls', sa.JSON().with_variant(postgresql.JSONB(astext_type=Text()), 'postgresql'), nullable=False),
    sa.Column('organization', sa.String(length=300), nullable=False),
    sa.Column('department', sa.String(length=300), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('birthday', sa.String(length=10), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('categories', sa.JSON().with_variant(postgresql.JSONB(astext_type=Text()), 'postgresql'), nullable=False),
    sa.Column('photo_sha256', sa.String(length=64), nullable=True),
    sa.Column('photo_media_type', sa.String(length=100), nullable=True),
    sa.Column('search_text', sa.Text(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', api.storage.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', api.storage.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['address_book_id'], ['address_books.id'], name=op.f('fk_contacts_address_book_id_address_books'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_contacts')),
    sa.UniqueConstraint('address_book_id', 'uid', name=op.f('uq_contacts_address_book_id_uid'))
    )
    with op.batch_alter_table('contacts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_contacts_account_id'), ['account_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_contacts_org_id'), ['org_id'], unique=False)

    op.create_table('contact_group_members',
    sa.Column('group_id', sa.String(length=40), nullable=False),
    sa.Column('contact_id', sa.String(length=40), nullable=False),
    sa.Column('org_id', sa.String(length=40), nullable=False),
    sa.ForeignKeyConstraint(['contact_id'], ['contacts.id'], name=op.f('fk_contact_group_members_contact_id_contacts'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['group_id'], ['contact_groups.id'], name=op.f('fk_contact_group_members_group_id_contact_groups'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('group_id', 'contact_id', name=op.f('pk_contact_group_members'))
    )
    with op.batch_alter_table('contact_group_members', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_contact_group_members_contact_id'), ['contact_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('contact_group_members', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_contact_group_members_contact_id'))

    op.drop_table('contact_group_members')
    with op.batch_alter_table('contacts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_contacts_org_id'))
        batch_op.drop_index(batch_op.f('ix_contacts_account_id'))

    op.drop_table('contacts')
    with op.batch_alter_table('contact_groups', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_contact_groups_org_id'))
        batch_op.drop_index(batch_op.f('ix_contact_groups_account_id'))

    op.drop_table('contact_groups')
    with op.batch_alter_table('calendar_shares', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_calendar_shares_org_id'))
        batch_op.drop_index(batch_op.f('ix_calendar_shares_account_id'))

    op.drop_table('calendar_shares')
    with op.batch_alter_table('calendar_events', schema=None) as batch_op:
        batch_op.drop_index('ix_calendar_events_org_uid')
        batch_op.drop_index(batch_op.f('ix_calendar_events_org_id'))
        batch_op.drop_index('ix_calendar_events_calendar_range')

    op.drop_table('calendar_events')
    with op.batch_alter_table('calendars', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_calendars_room_id'))
        batch_op.drop_index(batch_op.f('ix_calendars_org_id'))
        batch_op.drop_index(batch_op.f('ix_calendars_account_id'))

    op.drop_table('calendars')
    with op.batch_alter_table('calendar_rooms', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_calendar_rooms_org_id'))

    op.drop_table('calendar_rooms')
    with op.batch_alter_table('address_books', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_address_books_org_id'))
        batch_op.drop_index(batch_op.f('ix_address_books_account_id'))

    op.drop_table('address_books')
