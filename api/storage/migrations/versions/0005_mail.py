"""mail tables

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy import Text
from sqlalchemy.dialects import postgresql

import api.storage.models.base

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

# The full-text index is dialect-specific (see api/mail/search/index.py): a contentless FTS5
# table on SQLite (rowid = mail_messages.seq), a tsvector table with a GIN index on PostgreSQL.
SQLITE_SEARCH = (
    "CREATE VIRTUAL TABLE mail_search USING fts5(owner, subject, sender, recipients, body, "
    "content='', columnsize=0, tokenize='unicode61 remove_diacritics 2')"
)
POSTGRES_SEARCH = [
    "CREATE TABLE mail_search (seq BIGINT PRIMARY KEY, account_id VARCHAR(40) NOT NULL, "
    "doc TSVECTOR NOT NULL)",
    "CREATE INDEX ix_mail_search_doc ON mail_search USING GIN (doc)",
    "CREATE INDEX ix_mail_search_account_seq ON mail_search (account_id, seq)",
]


def upgrade() -> None:
    op.create_table('mail_folders',
    sa.Column('id', sa.String(length=40), nullable=False),
    sa.Column('org_id', sa.String(length=40), nullable=False),
    sa.Column('account_id', sa.String(length=40), nullable=False),
    sa.Column('parent_id', sa.String(length=40), nullable=True),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('role', sa.String(length=20), nullable=True),
    sa.Column('total_count', sa.Integer(), nullable=False),
    sa.Column('unread_count', sa.Integer(), nullable=False),
    sa.Column('size_bytes', sa.BigInteger(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', api.storage.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', api.storage.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_mail_folders'))
    )
    with op.batch_alter_table('mail_folders', schema=None) as batch_op:
        batch_op.create_index('ix_mail_folders_account_parent', ['account_id', 'parent_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_mail_folders_org_id'), ['org_id'], unique=False)

    op.create_table('mail_links',
    sa.Column('id', sa.String(length=40), nullable=False),
    sa.Column('org_id', sa.String(length=40), nullable=False),
    sa.Column('account_id', sa.String(length=40), nullable=False),
    sa.Column('blob_sha256', sa.String(length=64), nullable=False),
    sa.Column('filename', sa.String(length=255), nullable=False),
    sa.Column('content_type', sa.String(length=255), nullable=False),
    sa.Column('size', sa.BigInteger(), nullable=False),
    sa.Column('downloads', sa.Integer(), nullable=False),
    sa.Column('expires_at', api.storage.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('created_at', api.storage.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_mail_links'))
    )
    with op.batch_alter_table('mail_links', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_mail_links_expires_at'), ['expires_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_mail_links_org_id'), ['org_id'], unique=False)

    op.create_table('mail_mailboxes',
    sa.Column('account_id', sa.String(length=40), nullable=False),
    sa.Column('org_id', sa.String(length=40), nullable=False),
    sa.Column('modseq', sa.BigInteger(), nullable=False),
    sa.Column('used_bytes', sa.BigInteger(), nullable=False),
    sa.Column('message_count', sa.BigInteger(), nullable=False),
    sa.Column('created_at', api.storage.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('account_id', name=op.f('pk_mail_mailboxes'))
    )
    with op.batch_alter_table('mail_mailboxes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_mail_mailboxes_org_id'), ['org_id'], unique=False)

    op.create_table('mail_messages',
    sa.Column('seq', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('id', sa.String(length=40), nullable=False),
    sa.Column('org_id', sa.String(length=40), nullable=False),
    sa.Column('account_id', sa.String(length=40), nullable=False),
    sa.Column('folder_id', sa.String(length=40), nullable=False),
    sa.Column('thread_id', sa.String(length=40), nullable=False),
    sa.Column('blob_sha256', sa.String(length=64), nullable=False),
    sa.Column('size', sa.BigInteger(), nullable=False),
    sa.Column('received_at', api.storage.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('sent_at', api.storage.models.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('seen', sa.Boolean(), nullable=False),
    sa.Column('flagged', sa.Boolean(), nullable=False),
    sa.Column('answered', sa.Boolean(), nullable=False),
    sa.Column('forwarded', sa.Boolean(), nullable=False),
    sa.Column('draft', sa.Boolean(), nullable=False),
    sa.Column('keywords', sa.JSON().with_variant(postgresql.JSONB(astext_type=Text()), 'postgresql'), nullable=False),
    sa.Column('subject', sa.Text(), nullable=False),
    sa.Column('from_name', sa.Text(), nullable=False),
    sa.Column('from_address', sa.String(length=320), nullable=False),
    sa.Column('to_addresses', sa.JSON().with_variant(postgresql.JSONB(astext_type=Text()), 'postgresql'), nullable=False),
    sa.Column('cc_addresses', sa.JSON().with_variant(postgresql.JSONB(astext_type=Text()), 'postgresql'), nullable=False),
    sa.Column('bcc_addresses', sa.JSON().with_variant(postgresql.JSONB(astext_type=Text()), 'postgresql'), nullable=False),
    sa.Column('reply_to', sa.JSON().with_variant(postgresql.JSONB(astext_type=Text()), 'postgresql'), nullable=False),
    sa.Column('message_id_header', sa.String(length=500), nullable=False),
    sa.Column('in_reply_to', sa.String(length=500), nullable=False),
    sa.Column('references', sa.JSON().with_variant(postgresql.JSONB(astext_type=Text()), 'postgresql'), nullable=False),
    sa.Column('snippet', sa.String(length=300), nullable=False),
    sa.Column('priority', sa.String(length=10), nullable=False),
    sa.Column('has_attachments', sa.Boolean(), nullable=False),
    sa.Column('attachments', sa.JSON().with_variant(postgresql.JSONB(astext_type=Text()), 'postgresql'), nullable=False),
    sa.Column('parse_status', sa.String(length=10), nullable=False),
    sa.Column('parse_problems', sa.JSON().with_variant(postgresql.JSONB(astext_type=Text()), 'postgresql'), nullable=False),
    sa.Column('compose', sa.JSON().with_variant(postgresql.JSONB(astext_type=Text()), 'postgresql'), nullable=True),
    sa.Column('send_at', api.storage.models.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('created_modseq', sa.BigInteger(), nullable=False),
    sa.Column('modseq', sa.BigInteger(), nullable=False),
    sa.Column('created_at', api.storage.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('seq', name=op.f('pk_mail_messages')),
    sa.UniqueConstraint('id', name=op.f('uq_mail_messages_id')),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('mail_messages', schema=None) as batch_op:
        batch_op.create_index('ix_mail_messages_account_modseq', ['account_id', 'modseq'], unique=False)
        batch_op.create_index('ix_mail_messages_account_msgid', ['account_id', 'message_id_header'], unique=False)
        batch_op.create_index('ix_mail_messages_account_received', ['account_id', 'received_at', 'seq'], unique=False)
        batch_op.create_index('ix_mail_messages_account_thread', ['account_id', 'thread_id'], unique=False)
        batch_op.create_index('ix_mail_messages_folder_received', ['account_id', 'folder_id', 'received_at', 'seq'], unique=False)
        batch_op.create_index(batch_op.f('ix_mail_messages_org_id'), ['org_id'], unique=False)

    op.create_table('mail_outbound',
    sa.Column('id', sa.String(length=40), nullable=False),
    sa.Column('org_id', sa.String(length=40), nullable=False),
    sa.Column('account_id', sa.String(length=40), nullable=True),
    sa.Column('message_id', sa.String(length=40), nullable=True),
    sa.Column('message_id_header', sa.String(length=500), nullable=False),
    sa.Column('blob_sha256', sa.String(length=64), nullable=False),
    sa.Column('size', sa.BigInteger(), nullable=False),
    sa.Column('envelope_from', sa.String(length=320), nullable=False),
    sa.Column('recipient', sa.String(length=320), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('priority', sa.Integer(), nullable=False),
    sa.Column('transactional', sa.Boolean(), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('next_attempt_at', api.storage.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.Column('created_at', api.storage.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', api.storage.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_mail_outbound'))
    )
    with op.batch_alter_table('mail_outbound', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_mail_outbound_org_id'), ['org_id'], unique=False)
        batch_op.create_index('ix_mail_outbound_status_next', ['status', 'next_attempt_at'], unique=False)

    op.create_table('mail_threads',
    sa.Column('id', sa.String(length=40), nullable=False),
    sa.Column('org_id', sa.String(length=40), nullable=False),
    sa.Column('account_id', sa.String(length=40), nullable=False),
    sa.Column('subject', sa.Text(), nullable=False),
    sa.Column('subject_key', sa.String(length=200), nullable=False),
    sa.Column('message_count', sa.Integer(), nullable=False),
    sa.Column('unread_count', sa.Integer(), nullable=False),
    sa.Column('has_attachments', sa.Boolean(), nullable=False),
    sa.Column('snippet', sa.String(length=300), nullable=False),
    sa.Column('participants', sa.JSON().with_variant(postgresql.JSONB(astext_type=Text()), 'postgresql'), nullable=False),
    sa.Column('last_received_at', api.storage.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('modseq', sa.BigInteger(), nullable=False),
    sa.Column('created_at', api.storage.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_mail_threads'))
    )
    with op.batch_alter_table('mail_threads', schema=None) as batch_op:
        batch_op.create_index('ix_mail_threads_account_last', ['account_id', 'last_received_at', 'id'], unique=False)
        batch_op.create_index('ix_mail_threads_account_subject', ['account_id', 'subject_key'], unique=False)
        batch_op.create_index(batch_op.f('ix_mail_threads_org_id'), ['org_id'], unique=False)

    op.create_table('mail_uploads',
    sa.Column('id', sa.String(length=40), nullable=False),
    sa.Column('org_id', sa.String(length=40), nullable=False),
    sa.Column('account_id', sa.String(length=40), nullable=False),
    sa.Column('filename', sa.String(length=255), nullable=False),
    sa.Column('content_type', sa.String(length=255), nullable=False),
    sa.Column('size', sa.BigInteger(), nullable=False),
    sa.Column('received', sa.JSON().with_variant(postgresql.JSONB(astext_type=Text()), 'postgresql'), nullable=False),
    sa.Column('pending', sa.JSON().with_variant(postgresql.JSONB(astext_type=Text()), 'postgresql'), nullable=False),
    sa.Column('received_bytes', sa.BigInteger(), nullable=False),
    sa.Column('state', sa.String(length=12), nullable=False),
    sa.Column('blob_sha256', sa.String(length=64), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('expires_at', api.storage.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('created_at', api.storage.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', api.storage.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_mail_uploads'))
    )
    with op.batch_alter_table('mail_uploads', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_mail_uploads_account_id'), ['account_id'], unique=False)
        batch_op.create_index('ix_mail_uploads_expires_at', ['expires_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_mail_uploads_org_id'), ['org_id'], unique=False)


    if op.get_bind().dialect.name == "sqlite":
        op.execute(SQLITE_SEARCH)
    else:
        for statement in POSTGRES_SEARCH:
            op.execute(statement)

    # --- spam filtering (api/mail/spam; owned by the spam filter, self-contained) -----------
    op.create_table('spam_tokens',
    sa.Column('org_id', sa.String(length=40), nullable=False),
    sa.Column('token', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('spam', sa.BigInteger(), nullable=False),
    sa.Column('ham', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('org_id', 'token', name=op.f('pk_spam_tokens'))
    )
    op.create_table('spam_feedback',
    sa.Column('message_id', sa.String(length=40), nullable=False),
    sa.Column('org_id', sa.String(length=40), nullable=False),
    sa.Column('account_id', sa.String(length=40), nullable=False),
    sa.Column('label', sa.String(length=4), nullable=False),
    sa.Column('tokens', sa.JSON().with_variant(postgresql.JSONB(astext_type=Text()), 'postgresql'), nullable=False),
    sa.Column('created_at', api.storage.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', api.storage.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('message_id', name=op.f('pk_spam_feedback'))
    )
    with op.batch_alter_table('spam_feedback', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_spam_feedback_org_id'), ['org_id'], unique=False)
    op.create_table('spam_list_entries',
    sa.Column('id', sa.String(length=40), nullable=False),
    sa.Column('org_id', sa.String(length=40), nullable=False),
    sa.Column('kind', sa.String(length=5), nullable=False),
    sa.Column('value', sa.String(length=320), nullable=False),
    sa.Column('note', sa.String(length=500), nullable=False),
    sa.Column('created_by', sa.String(length=40), nullable=True),
    sa.Column('created_at', api.storage.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_spam_list_entries')),
    sa.UniqueConstraint('org_id', 'kind', 'value', name=op.f('uq_spam_list_entries_org_id_kind_value'))
    )
    with op.batch_alter_table('spam_list_entries', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_spam_list_entries_org_id'), ['org_id'], unique=False)
    # --- end of spam filtering -------------------------------------------------------------


def downgrade() -> None:
    # --- spam filtering (api/mail/spam) ---
    op.drop_table('spam_list_entries')
    op.drop_table('spam_feedback')
    op.drop_table('spam_tokens')
    # --- end of spam filtering ---
    op.execute("DROP TABLE IF EXISTS mail_search")
    with op.batch_alter_table('mail_uploads', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_mail_uploads_org_id'))
        batch_op.drop_index('ix_mail_uploads_expires_at')
        batch_op.drop_index(batch_op.f('ix_mail_uploads_account_id'))

    op.drop_table('mail_uploads')
    with op.batch_alter_table('mail_threads', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_mail_threads_org_id'))
        batch_op.drop_index('ix_mail_threads_account_subject')
        batch_op.drop_index('ix_mail_threads_account_last')

    op.drop_table('mail_threads')
    with op.batch_alter_table('mail_outbound', schema=None) as batch_op:
        batch_op.drop_index('ix_mail_outbound_status_next')
        batch_op.drop_index(batch_op.f('ix_mail_outbound_org_id'))

    op.drop_table('mail_outbound')
    with op.batch_alter_table('mail_messages', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_mail_messages_org_id'))
        batch_op.drop_index('ix_mail_messages_folder_received')
        batch_op.drop_index('ix_mail_messages_account_thread')
        batch_op.drop_index('ix_mail_messages_account_received')
        batch_op.drop_index('ix_mail_messages_account_msgid')
        batch_op.drop_index('ix_mail_messages_account_modseq')

    op.drop_table('mail_messages')
    with op.batch_alter_table('mail_mailboxes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_mail_mailboxes_org_id'))

    op.drop_table('mail_mailboxes')
    with op.batch_alter_table('mail_links', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_mail_links_org_id'))
        batch_op.drop_index(batch_op.f('ix_mail_links_expires_at'))

    op.drop_table('mail_links')
    with op.batch_alter_table('mail_folders', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_mail_folders_org_id'))
        batch_op.drop_index('ix_mail_folders_account_parent')

    op.drop_table('mail_folders')
