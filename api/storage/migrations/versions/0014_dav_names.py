"""dav names: the object names CalDAV and CardDAV clients PUT events and cards under

Revision ID: 0014
Revises: 0008
"""

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # CalDAV/CardDAV (issue 18): a client chooses the resource name; API-made objects have none.
    for table in ("calendars", "address_books"):
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("dav_name", sa.String(length=255), nullable=True))
    with op.batch_alter_table("calendar_events") as batch:
        batch.add_column(sa.Column("dav_name", sa.String(length=255), nullable=True))
    op.create_index(
        "ix_calendar_events_calendar_dav_name", "calendar_events", ["calendar_id", "dav_name"]
    )
    with op.batch_alter_table("contacts") as batch:
        batch.add_column(sa.Column("dav_name", sa.String(length=255), nullable=True))
    op.create_index("ix_contacts_book_dav_name", "contacts", ["address_book_id", "dav_name"])


def downgrade() -> None:
    op.drop_index("ix_contacts_book_dav_name", table_name="contacts")
    with op.batch_alter_table("contacts") as batch:
        batch.drop_column("dav_name")
    op.drop_index("ix_calendar_events_calendar_dav_name", table_name="calendar_events")
    with op.batch_alter_table("calendar_events") as batch:
        batch.drop_column("dav_name")
    for table in ("calendars", "address_books"):
        with op.batch_alter_table(table) as batch:
            batch.drop_column("dav_name")
